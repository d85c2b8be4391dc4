"""The branch's vocabulary: statuses, meeting types, posts and how users write them.

Pure Python: the importers, the forms and the storage layer all parse user input
through these functions so that one spelling rule holds everywhere.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from enum import Enum


class MemberStatus(str, Enum):
    full = "full"
    probationary = "probationary"


class AttendanceStatus(str, Enum):
    present = "present"
    leave = "leave"
    absent = "absent"


class MeetingType(str, Enum):
    general_meeting = "general_meeting"
    committee_meeting = "committee_meeting"
    group_meeting = "group_meeting"
    party_lecture = "party_lecture"
    themed_day = "themed_day"
    life_meeting = "life_meeting"
    appraisal = "appraisal"  # 民主评议党员, often held with the life meeting
    other = "other"


class CommitteePost(str, Enum):
    secretary = "secretary"
    deputy_secretary = "deputy_secretary"
    organization = "organization"
    publicity = "publicity"
    discipline = "discipline"
    committee_member = "committee_member"
    group_leader = "group_leader"


# The posts that make a member part of the branch committee (支部委员会).
COMMITTEE_POSTS = frozenset(
    {
        CommitteePost.secretary,
        CommitteePost.deputy_secretary,
        CommitteePost.organization,
        CommitteePost.publicity,
        CommitteePost.discipline,
        CommitteePost.committee_member,
    }
)


class Gender(str, Enum):
    male = "male"
    female = "female"


class TalkForm(str, Enum):
    one_to_one = "one_to_one"
    group = "group"
    online = "online"


class TalkType(str, Enum):
    routine = "routine"
    pre_life_meeting = "pre_life_meeting"
    political_birthday = "political_birthday"
    encouragement = "encouragement"
    care = "care"
    reminder = "reminder"
    warning = "warning"
    lagging_help = "lagging_help"
    admonition = "admonition"  # 诫勉 by a higher body: recorded only, no workflow here


class SessionState(str, Enum):
    """An appraisal session's life: created → started → finished → published."""

    created = "created"
    started = "started"
    finished = "finished"
    published = "published"


class MemberEventKind(str, Enum):
    """A dated change in a member's standing in the branch (DESIGN.md §5: membership is a
    history, not a flag)."""

    transfer_in = "transfer_in"  # 组织关系转入
    transfer_out = "transfer_out"  # 组织关系转出
    conversion = "conversion"  # 预备党员转正
    probation_extended = "probation_extended"  # 延长预备期
    away = "away"  # 流动党员: organizational life elsewhere, from date to end_date
    deceased = "deceased"  # 去世
    removed = "removed"  # 除名 / 出党 / 停止党籍


# The events after which a member is no longer in the branch.
DEPARTURES = frozenset(
    {MemberEventKind.transfer_out, MemberEventKind.deceased, MemberEventKind.removed}
)


class RectificationStatus(str, Enum):
    open = "open"
    in_progress = "in_progress"
    done = "done"


# Chinese spellings accepted on input (and used for display in Chinese).
STATUS_ZH = {MemberStatus.full: "正式党员", MemberStatus.probationary: "预备党员"}
ATTENDANCE_ZH = {
    AttendanceStatus.present: "出席",
    AttendanceStatus.leave: "请假",
    AttendanceStatus.absent: "缺席",
}
MEETING_TYPE_ZH = {
    MeetingType.general_meeting: "支部党员大会",
    MeetingType.committee_meeting: "支部委员会",
    MeetingType.group_meeting: "党小组会",
    MeetingType.party_lecture: "党课",
    MeetingType.themed_day: "主题党日",
    MeetingType.life_meeting: "组织生活会",
    MeetingType.appraisal: "民主评议党员",
    MeetingType.other: "其他",
}
POST_ZH = {
    CommitteePost.secretary: "书记",
    CommitteePost.deputy_secretary: "副书记",
    CommitteePost.organization: "组织委员",
    CommitteePost.publicity: "宣传委员",
    CommitteePost.discipline: "纪检委员",
    CommitteePost.committee_member: "委员",
    CommitteePost.group_leader: "党小组长",
}
GENDER_ZH = {Gender.male: "男", Gender.female: "女"}
TALK_FORM_ZH = {
    TalkForm.one_to_one: "个别谈话",
    TalkForm.group: "集体谈话",
    TalkForm.online: "网上谈话",
}
TALK_TYPE_ZH = {
    TalkType.routine: "日常谈心",
    TalkType.pre_life_meeting: "会前谈心",
    TalkType.political_birthday: "政治生日",
    TalkType.encouragement: "勉励",
    TalkType.care: "关怀帮扶",
    TalkType.reminder: "谈话提醒",
    TalkType.warning: "警示告诫",
    TalkType.lagging_help: "帮教",
    TalkType.admonition: "诫勉",
}
SESSION_STATE_ZH = {
    SessionState.created: "未开始",
    SessionState.started: "投票中",
    SessionState.finished: "已结束",
    SessionState.published: "已公布",
}
MEMBER_EVENT_ZH = {
    MemberEventKind.transfer_in: "组织关系转入",
    MemberEventKind.transfer_out: "组织关系转出",
    MemberEventKind.conversion: "转正",
    MemberEventKind.probation_extended: "延长预备期",
    MemberEventKind.away: "流动党员外出",
    MemberEventKind.deceased: "去世",
    MemberEventKind.removed: "除名/出党",
}
RECTIFICATION_ZH = {
    RectificationStatus.open: "未整改",
    RectificationStatus.in_progress: "整改中",
    RectificationStatus.done: "已完成",
}

# Short aliases people type in spreadsheets.
_EXTRA_ALIASES: dict[type[Enum], dict[str, str]] = {
    MemberStatus: {"正式": "full", "预备": "probationary"},
    AttendanceStatus: {
        "到会": "present",
        "出勤": "present",
        "实到": "present",
        "缺勤": "absent",
        "无故缺席": "absent",
    },
    MeetingType: {
        "党员大会": "general_meeting",
        "支委会": "committee_meeting",
        "小组会": "group_meeting",
        "组织生活": "life_meeting",
    },
    CommitteePost: {
        "支部书记": "secretary",
        "党支部书记": "secretary",
        "支部副书记": "deputy_secretary",
        "党支部副书记": "deputy_secretary",
        "支委": "committee_member",
        "支部委员": "committee_member",
        "支委委员": "committee_member",
        # Committee members with a duty the app has no post for are committee members.
        "青年委员": "committee_member",
        "统战委员": "committee_member",
        "保密委员": "committee_member",
        "纪律检查委员": "discipline",
        "组长": "group_leader",
        "小组长": "group_leader",
        "党小组组长": "group_leader",
    },
    Gender: {"m": "male", "f": "female", "男性": "male", "女性": "female"},
    TalkForm: {"个别": "one_to_one", "集体": "group", "线上": "online", "网上": "online"},
    TalkType: {
        "日常": "routine",
        "会前": "pre_life_meeting",
        "提醒": "reminder",
        "警示": "warning",
        "帮扶": "care",
        "关怀": "care",
    },
    MemberEventKind: {
        "转入": "transfer_in",
        "转出": "transfer_out",
        "流动": "away",
        "流动党员": "away",
        "外出": "away",
        "死亡": "deceased",
        "除名": "removed",
        "出党": "removed",
        "停止党籍": "removed",
    },
    RectificationStatus: {
        "待整改": "open",
        "进行中": "in_progress",
        "已整改": "done",
        "完成": "done",
    },
}

_ZH_TABLES: dict[type[Enum], dict] = {
    MemberStatus: STATUS_ZH,
    AttendanceStatus: ATTENDANCE_ZH,
    MeetingType: MEETING_TYPE_ZH,
    CommitteePost: POST_ZH,
    Gender: GENDER_ZH,
    TalkForm: TALK_FORM_ZH,
    TalkType: TALK_TYPE_ZH,
    RectificationStatus: RECTIFICATION_ZH,
    SessionState: SESSION_STATE_ZH,
    MemberEventKind: MEMBER_EVENT_ZH,
}


class InputError(ValueError):
    """A value a user typed or imported that cannot be accepted.

    ``key`` names the catalog message (``problem.bad_date`` …) so forms and importers can
    say why in the user's language; the English text is for logs and tests.
    """

    def __init__(self, message: str, key: str = "problem.bad_value") -> None:
        super().__init__(message)
        self.key = key


def parse_enum(kind: type[Enum], text: str):
    """Accept an enum by its English key or its Chinese name, ignoring case and spaces."""
    raw = text.strip()
    key = raw.lower().replace(" ", "_").replace("-", "_")
    for member in kind:
        if key == member.value:
            return member
    for member, zh in _ZH_TABLES[kind].items():
        if raw == zh:
            return member
    alias = _EXTRA_ALIASES.get(kind, {}).get(raw) or _EXTRA_ALIASES.get(kind, {}).get(key)
    if alias:
        return kind(alias)
    raise InputError(f"unknown value {raw!r}")


def parse_meeting_types(text: str) -> list[MeetingType]:
    """Several meeting types joined by ';' (also '；', ',' or '、'), kept in order, deduplicated."""
    parts = [p for p in re.split(r"[;；,，、]", text) if p.strip()]
    if not parts:
        raise InputError("no meeting type given")
    types: list[MeetingType] = []
    for part in parts:
        t = parse_enum(MeetingType, part)
        if t not in types:
            types.append(t)
    return types


_DATE_FORMS = (
    re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$", re.ASCII),  # 1980-3-8, 1972.05.16
    re.compile(r"^(\d{4})(年)(\d{1,2})月(\d{1,2})[日号]?$", re.ASCII),  # 1985年5月5日
    re.compile(r"^(\d{4})()(\d{2})(\d{2})$", re.ASCII),  # 19800308
)
_MONTH_FORMS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})$", re.ASCII),  # 1985-05, 1985.5
    re.compile(r"^(\d{4})年(\d{1,2})月?$", re.ASCII),  # 1985年5月
    re.compile(r"^(\d{4})(\d{2})$", re.ASCII),  # 198505
)
# A time of midnight that spreadsheets and exports append to a date.
_MIDNIGHT = re.compile(r"[ T]0?0:00(:00(\.0+)?)?$")


def parse_date(text: str, *, month_only: bool = False) -> date:
    """A date as people write it in forms and rosters: ``1980-03-08``, ``1980-3-8``,
    ``1980/3/8``, ``1972.05.16``, ``19800308``, ``1985年5月5日`` (full-width digits and
    spaces do not matter; a time of 00:00:00 after the date is read past).

    A month without a day (``1985年5月``, ``1985.05``, ``198505``) is refused with its own
    key, unless ``month_only``: then it is the first of that month. Only a birth date
    (出生年月, by its nature a month) is read that way; a join or conversion date without its
    day would move the political birthday and the end of probation.
    """
    raw = unicodedata.normalize("NFKC", text).strip()
    raw = _MIDNIGHT.sub("", raw)
    raw = "".join(raw.split())
    for pattern in _DATE_FORMS:
        m = pattern.match(raw)
        if m:
            y, _, mo, d = m.groups()
            try:
                return date(int(y), int(mo), int(d))
            except ValueError as exc:
                raise InputError(f"no such date {text.strip()!r}", "problem.no_such_date") from exc
    for pattern in _MONTH_FORMS:
        m = pattern.match(raw)
        if m:
            y, mo = (int(g) for g in m.groups())
            if not month_only:
                raise InputError(f"no day in {text.strip()!r}", "roster.day_missing")
            try:
                return date(y, mo, 1)
            except ValueError as exc:
                raise InputError(f"no such month {text.strip()!r}", "problem.no_such_date") from exc
    raise InputError(f"bad date {text.strip()!r} (use YYYY-MM-DD)", "problem.bad_date")


# Excel counts days from 1899-12-30 (its 1900 leap-year bug makes the offset 30, not 31).
_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_SERIAL = re.compile(r"^\d{5}(\.0+)?$", re.ASCII)


def excel_serial_date(text: str) -> date | None:
    """The date an Excel serial number stands for (``29299`` → 1980-03-18), or None.

    Only five-digit serials (1927-05-18 … 2173-10-13) are read: a four-digit number is a
    year, eight digits are ``YYYYMMDD``. Callers use it for cells of a date column only; a
    number anywhere else is a number.
    """
    raw = text.strip()
    if not _EXCEL_SERIAL.match(raw):
        return None
    return _EXCEL_EPOCH + timedelta(days=int(float(raw)))


def parse_month(text: str) -> str:
    """A month written YYYY-MM (or YYYY/MM, YYYY年M月), normalised to YYYY-MM."""
    raw = text.strip()
    m = re.match(r"^(\d{4})[-/年](\d{1,2})月?$", raw)
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise InputError(f"bad month {raw!r} (use YYYY-MM)", "problem.bad_month")
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"


_PHONE = re.compile(r"^\+?[0-9][0-9 \-]{4,19}$")
# A resident ID number (18 characters, the last may be X; the old form has 15 digits): never
# a phone number, and never to be kept (DESIGN: personal ID numbers are not stored).
_ID_NUMBER = re.compile(r"^(\d{17}[\dXx]|\d{15})$", re.ASCII)


def parse_phone(text: str) -> str:
    raw = text.strip()
    if _ID_NUMBER.match(raw.replace(" ", "")):
        raise InputError("an ID number, not a phone number", "roster.phone_is_id")
    if raw and not _PHONE.match(raw):
        raise InputError(f"bad phone number {raw!r}", "problem.bad_phone")
    return raw


# How a roster says "no post": an ordinary member (党员, 普通党员), nothing (无), a dash.
NO_POST = frozenset(
    {"党员", "普通党员", "正式党员", "预备党员", "无", "暂无", "无职务", "群众", "none"}
)
_POST_SPLIT = re.compile(r"[、,;/\\|]|兼")
_DASHES = re.compile(r"^[-—–―_/\\.。·\s]*$")


def parse_post(text: str) -> CommitteePost | None:
    """A member's post in the branch as a roster writes it, or None for an ordinary member.

    ``党员``, ``普通党员``, ``无``, a dash or a blank mean no post. Several posts
    (``支部书记、党小组长``, ``组织委员兼纪检委员``) give the first committee post among them,
    else the first post recognised (a member has one post here); words that are no post of
    the branch (``工会主席``) are passed over when a post is found. Raises InputError when
    nothing in the text is a post.
    """
    raw = unicodedata.normalize("NFKC", text).strip()
    if not raw or raw.casefold() in NO_POST or _DASHES.match(raw):
        return None
    found: list[CommitteePost] = []
    for part in _POST_SPLIT.split(raw):
        part = part.strip()
        if not part or part.casefold() in NO_POST:
            continue
        try:
            found.append(parse_enum(CommitteePost, part))
        except InputError:
            continue
    if not found:
        raise InputError(f"unknown post {raw!r}", "problem.unknown_post")
    committee = [p for p in found if p in COMMITTEE_POSTS]
    return committee[0] if committee else found[0]


def attendance_reason(status: AttendanceStatus | None, reason: str | None) -> str | None:
    """The reason kept with a mark: leave and absence carry one, presence none."""
    if status not in (AttendanceStatus.leave, AttendanceStatus.absent):
        return None
    return (reason or "").strip() or None


def accepted_values(kind: type[Enum]) -> str:
    """The spellings a user may type for an enum, for messages: ``male/男, female/女``."""
    return ", ".join(f"{k.value}/{zh}" for k, zh in _ZH_TABLES[kind].items())


def label(value: Enum | None, lang: str) -> str:
    """How an enum value is shown to the user in the given language."""
    if value is None:
        return ""
    if lang == "zh":
        return _ZH_TABLES[type(value)].get(value, value.value)
    return value.value.replace("_", " ")


def member_date_problems(
    birth_date: date | None,
    join_date: date | None,
    full_date: date | None,
    status: MemberStatus,
    today: date | None = None,
) -> list[tuple[str, str]]:
    """Consistency of a member's dates: (the field at fault, a short key for the catalog)."""
    today = today or date.today()
    problems: list[tuple[str, str]] = []
    dated = (("birth_date", birth_date), ("join_date", join_date), ("full_date", full_date))
    for fieldname, d in dated:
        if d is not None and d > today:
            problems.append((fieldname, "date_in_future"))
    if birth_date and join_date and _years_between(birth_date, join_date) < 18:
        problems.append(("join_date", "joined_under_18"))
    if join_date and full_date and full_date < join_date:
        problems.append(("full_date", "full_before_join"))
    if status is MemberStatus.probationary and full_date is not None:
        problems.append(("full_date", "probationary_with_full_date"))
    return problems


def _years_between(earlier: date, later: date) -> int:
    years = later.year - earlier.year
    if (later.month, later.day) < (earlier.month, earlier.day):
        years -= 1
    return years


_DIGITS = re.compile(r"\d+")


def natural_key(text: str) -> str:
    """A sort key that orders member numbers as people do: ``2`` before ``10``, ``A2``
    before ``A10``. Each run of digits is written as its length (two digits) and its value
    without leading zeros; equal keys (``01`` and ``1``) are then ordered by the text."""
    folded = unicodedata.normalize("NFKC", text).strip().casefold()

    def pad(m: re.Match[str]) -> str:
        digits = m.group(0).lstrip("0") or "0"
        return f"{len(digits):02d}{digits}"

    return _DIGITS.sub(pad, folded)


# Characters that make a terminal or a viewer do something instead of showing text: the C0
# and C1 controls (ESC starts every escape sequence, BEL, BS, CR …) and DEL, and the bidi
# embeddings, overrides and isolates that reorder what is displayed (U+202A–202E,
# U+2066–2069). Newlines and tabs are allowed only where text may span lines.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROL_MULTILINE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def unsafe_characters(text: str, multiline: bool = False) -> list[str]:
    """The control and bidi-override characters in ``text``, as ``U+XXXX`` (empty: safe)."""
    pattern = _CONTROL_MULTILINE if multiline else _CONTROL
    return sorted({f"U+{ord(c):04X}" for c in pattern.findall(text)})

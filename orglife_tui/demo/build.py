# Over 600 lines: one generator whose parts share a seeded random stream; to split into a demo/
# package (corpus, roster, meetings, talks, ledger).
"""A realistic Chinese demo branch, generated deterministically from a seed.

Pure Python: no SQL, no Textual, no Typer. ``generate(members, years, seed, today)`` returns
a ``DemoBranch`` holding the party groups, the roster (``MemberInput``), the meetings
(``MeetingInput`` with ``meeting_no`` set) and, streamed on demand, the attendance of every
meeting; then the heart-to-heart talks (``talks()``, ``TalkInput``), the annual plan
(``plan()``) and the rectification list (``rectifications()``). The same arguments give the
same branch, byte for byte; ``today`` defaults to the current date and is part of the input
(meetings and talks never lie in the future).

What the branch looks like:

- ``members`` members with common Chinese names, both genders, member numbers ``001`` …
  in order of joining, birth dates, join dates (joined at 18 or older), full-member dates a
  year after joining; about 10 % are probationary members who joined within the last year
  and have no full-member date.
- two or more party groups of about ten members each (more groups for larger branches),
  each with a group leader (``group_leader``) where it has a full member to spare.
- a committee: under 7 full members only a secretary; with 7 or more a secretary plus
  organization and publicity members, then discipline and a deputy secretary as the branch
  grows (a committee of 3 to 5, docs/architecture.md §2).
- the meetings of 三会一课 for each calendar year of ``years`` ending in the current one, up
  to ``today``: a monthly committee meeting (when there is a committee), a quarterly general
  meeting, a monthly meeting of every group, a quarterly Party lecture (two of the four held
  together with that month's themed day: one meeting with two types), a themed Party day on
  a fixed day each month and, in the fourth quarter once it has taken place, the life meeting
  held together with the democratic appraisal (组织生活会暨民主评议党员: one meeting, types
  ``life_meeting`` and ``appraisal``). The record always reaches back at least ten months so
  that the long absence below shows. When it starts mid-year, the quarterly meetings of its
  first, partial quarter and that year's life meeting fall inside it, so that every period
  the compliance watch judges is complete — but for the misses planted below.
- attendance for every meeting among the members who had joined by then (a group meeting
  takes its group, a committee meeting the committee): mostly present, some on leave with
  a reason (出差, 病假, 外出培训 …), one member on a long leave, a handful absent without
  reason — only ever in a month in which the member was also present somewhere, so that no
  one else ever misses a whole month — and exactly one member drifting away (see
  ``DRIFTING_MEMBER_NAME``).
- heart-to-heart talks (``talks()``), by the committee (the secretary most often; the
  secretary is talked with by the deputy secretary or the organization member, or, in a
  branch without a committee, by someone from the higher Party committee): every member due
  (joined before October) at least once in every year of the record, and in the current
  year by the end of October; routine talks, talks in the weeks before the life meeting,
  political-birthday talks on the anniversary of joining, care for members with
  difficulties (some confidential) and for the member on long leave, encouragement
  (probationary members among them); agreed actions with deadlines and follow-ups, the
  follow-ups that lie in the past with their result. Two care talks of the last fortnight
  have follow-ups due in 4 and 11 days (``FOLLOW_UPS_DUE``): the dashboard's reminder. The
  drifter's streak is answered by a reminder talk (``absence_step`` ``reminder_talk``) in its
  third month and a warning notice (``warning_notice``) in its fifth.
- the annual plan (``plan()``) of every year of the record from its first month: one item
  per planned meeting and type with its topic, the current year's months still to come
  included; the misses planted below are planned but not held.
- the rectification list (``rectifications()``) of the last life meeting held at least
  ``RECENT_DAYS`` days before today (none in the record: the year before it, no meeting
  number): items owned by committee members, most done (closed on or before their deadline,
  with a closing note), one in progress and not yet due, and the planted overdue one.
- points entered by hand, streamed in date order by ``ledger_entries()``: volunteer hours,
  community report-in, commitments kept and broken, dues paid late, a lecture-given entry
  for every Party lecture a member gave, and two entries later reversed with a reason.
  About ``ENTRIES_PER_MEMBER_YEAR`` a member a year, or exactly as many as asked for (the
  benchmark tops a ledger up to a million this way). The points attendance is worth are not
  generated here: the loader derives them from the attendance under the active scheme.

The planted violations — what ``orglife-tui check`` reports on a fresh demo branch, and
nothing else (``DemoBranch.planted``; ``expected_findings(year, as_of)`` for any day):

1. ``committee_meeting_frequency``: no committee meeting in the month two months before
   today's (``COMMITTEE_MISS_MONTHS``); only in a branch with a committee. Subject: the branch.
2. ``group_meeting_frequency``: the last party group held no meeting in the month three
   months before today's (``GROUP_MISS_MONTHS``). Subject: the group.
3. ``rectification_overdue``: one item of the rectification list, deadline about a month
   before today (``OVERDUE_DAYS``; never before a week after its life meeting), still open.
   Period: the deadline's month; subject: the branch. It shows in the check of every year
   from its deadline's on (as of a day after the deadline): a deadline last December is
   in last year's check and this year's.
4. ``absence_streak``: the drifter, subject his member number, period the last month he has
   missed by the as-of date: nothing for his first two months, ``reminder_talk`` from the
   third, ``warning_notice`` from the fifth, ``general_meeting_case`` from the sixth (the
   default ladder). A year checked as of its end in the middle of his streak shows it at
   that year's December.

Both misses lie in months that have ended by ``today`` and inside the record (which reaches
back at least ten months). There is no other finding: every due member has had a talk in
every past year, every other period has its meetings, no one else misses a month.
"""

from __future__ import annotations

import bisect
import calendar
import itertools
import random
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from orglife_tui.domain import (
    AttendanceStatus,
    CommitteePost,
    Gender,
    MeetingType,
    MemberStatus,
    RectificationStatus,
    TalkForm,
    TalkType,
)
from orglife_tui.domain.records import AttendanceInput, MeetingInput, MemberInput
from orglife_tui.domain.talks import TalkerInput, TalkInput
from orglife_tui.scoring.policy import DEFAULT_LADDER, AbsenceRule

DEMO_BRANCH_NAME = "示范党支部"

DRIFTING_MEMBER_NAME = "赵志远"
"""The one member drifting into a long absence, whatever the seed and the size.

He is a full member outside the committee with no group post. From ``DemoBranch.drift_start``
(the first day of the month six months before today's month) up to today he is marked
``absent`` with no reason at every meeting he is expected at, so by today he has missed
organizational life for six consecutive months without valid reason (自行脱党 territory,
docs/architecture.md §3) — seven, once he has missed a meeting of today's month. In the two months
before that (``WARM_UP_MONTHS``) he still came to his group's meetings but missed all others,
so his streak starts exactly at ``drift_start``.
``DemoBranch.drifter`` is his member number; no other member of a demo branch bears his name,
so ``orglife-tui members list --search 赵志远`` finds him.
"""

MIN_MEMBERS = 3
WARM_UP_MONTHS = 2
"""Months before ``drift_start`` in which the drifter already misses all but his group's meeting."""
COMMITTEE_MISS_MONTHS = 2
"""The committee meeting of the month this many months before today's is planted as not held."""
GROUP_MISS_MONTHS = 3
"""The last group's meeting of the month this many months before today's is not held."""
OVERDUE_DAYS = 30
"""The planted overdue rectification item's deadline: about this many days before today."""
MAX_YEARS = 10

# ---------------------------------------------------------------------------- vocabulary

_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤"
)
# Rough frequency: the first surnames are far more common than the last.
_SURNAME_WEIGHTS = tuple(1.0 / (i + 6) for i in range(len(_SURNAMES)))

# Given names by generation (born before 1975, 1975–1989, 1990 on), as people are named.
_GIVEN = {
    (Gender.male, 0): (
        "建国 建华 国庆 卫东 红军 建军 志强 永刚 立新 振华 德明 光明 国强 海涛 建平 长江 学军 "
        "胜利 保国 建设 明 伟 军 勇 斌 刚 平 林 峰 东 华 福生 玉林 庆华"
    ),
    (Gender.male, 1): (
        "伟 磊 涛 超 鹏 杰 明 勇 斌 浩 志强 海涛 晓东 俊杰 鹏飞 文博 建波 永强 宏伟 晓明 振宇 "
        "立伟 志勇 国栋 伟东 海波 雷 亮 鑫 凯 健 峰 波 辉 晓峰 建新 文杰"
    ),
    (Gender.male, 2): (
        "子轩 浩然 宇航 天宇 嘉诚 俊熙 博文 一鸣 宇轩 泽宇 浩宇 皓轩 睿 航 哲 晨 阳 昊天 梓豪 "
        "家豪 明轩 子豪 宇 骁 文轩 俊豪 思成 逸飞 嘉懿 锦程"
    ),
    (Gender.female, 0): (
        "秀英 桂英 玉兰 淑芬 春梅 丽华 红梅 桂兰 凤英 秀兰 淑珍 玉珍 丽 英 霞 萍 红 敏 芳 琴 华 "
        "美华 素琴 爱华 秀珍"
    ),
    (Gender.female, 1): (
        "丽娟 晓燕 海燕 婷婷 雅琴 慧敏 丽丽 晓丽 文静 雪梅 静 敏 燕 娟 艳 丹 娜 颖 莉 倩 洁 晶 琳 "
        "玲 欢 晓红 春燕 美玲 晓霞 雪莲"
    ),
    (Gender.female, 2): (
        "思雨 欣怡 梦瑶 佳琪 静怡 雨涵 紫涵 诗涵 梓涵 可欣 一诺 若曦 雨欣 佳怡 子涵 悦 妍 璐 瑶 琪 "
        "蕾 雪 婧 欣然 晨曦 心怡 诗琪 雅婷"
    ),
}
_GIVEN_NAMES = {key: tuple(value.split()) for key, value in _GIVEN.items()}


_PHONE_PREFIXES = tuple(
    str(n)
    for n in (*range(130, 140), 150, 151, 152, 153, 155, 156, 157, 158, 159, 166, 173, 177)
    + (180, 181, 182, 183, 185, 186, 187, 188, 189, 191, 198, 199)
)

_LEAVE_REASONS = (
    ("出差", 30),
    ("病假", 18),
    ("外出培训", 12),
    ("家中有事", 12),
    ("值班", 8),
    ("公务外出", 8),
    ("年休假", 5),
    ("陪护住院家属", 4),
    ("子女生病", 3),
    ("参加上级会议", 3),
    ("下乡驻村", 2),
)

_PLACES = ("党员活动室", "支部会议室", "三楼会议室", "党群服务中心")
_THEMED_PLACES = (
    "党员活动室",
    "社区党群服务中心",
    "革命纪念馆",
    "烈士陵园",
    "党史教育基地",
    "结对共建社区",
    "新时代文明实践站",
)

_COMMITTEE_TOPICS = (
    "研究{month}月份工作安排",
    "研究发展党员工作",
    "通报党费收缴情况",
    "研究主题党日活动方案",
    "研究党员积分考评情况",
    "安排谈心谈话",
    "分析意识形态工作",
    "研究党员教育培训计划",
    "研究困难党员帮扶",
)
_COMMITTEE_BY_MONTH = {
    1: "研究{year}年度党建工作计划",
    6: "研究“七一”系列活动安排",
    7: "总结上半年党建工作",
    11: "研究组织生活会和民主评议党员准备工作",
    12: "研究年度党建工作总结",
}
_GENERAL_TOPICS = (
    "部署{year}年度党建工作",
    "学习贯彻上级党委会议精神，通报上半年党费收缴情况",
    "学习党的创新理论，讨论发展党员工作",
    "通报{year}年度党建工作，讨论预备党员转正",
)
_STUDIES = (
    "学习《中国共产党章程》",
    "学习党的二十大报告",
    "学习《习近平新时代中国特色社会主义思想学习纲要》",
    "学习《中国共产党纪律处分条例》",
    "学习《中国共产党支部工作条例（试行）》",
    "学习《中国共产党党员教育管理工作条例》",
    "学习党史，交流心得体会",
    "学习《论党的自我革命》",
    "学习新修订的《中国共产党廉洁自律准则》",
    "讨论本组党员承诺践诺情况",
    "学习中央八项规定精神",
    "交流岗位建功经验",
)
_LECTURES = (
    "坚定理想信念，筑牢信仰之基",
    "弘扬伟大建党精神",
    "以案为鉴，守牢廉洁底线",
    "深入学习贯彻党的二十大精神",
    "践行全心全意为人民服务的根本宗旨",
    "加强党性修养，做合格共产党员",
    "学习党史，赓续红色血脉",
    "牢记初心使命，勇于担当作为",
)
_THEMES = {
    1: "新春走访慰问困难党员",
    2: "学习贯彻全国两会精神",
    3: "学雷锋志愿服务",
    4: "清明祭英烈",
    5: "青春心向党，建功新时代",
    6: "重温入党誓词",
    7: "庆祝建党节，过“政治生日”",
    8: "八一拥军慰问",
    9: "全民国防教育",
    10: "我和我的祖国",
    11: "消防安全宣传进社区",
    12: "宪法宣传日，学法用法",
}
_OUTSIDE_LECTURERS = ("区委党校", "街道党工委", "市委讲师团", "党史研究室")
_MINUTES = (
    "会议传达学习了上级有关精神，与会党员结合工作实际交流发言。",
    "会议按议程进行，与会党员逐一发言，形成一致意见。",
    "会后布置了下阶段学习任务。",
)

# -- manual ledger entries (points entered by hand)

LEDGER_KINDS = (
    "volunteer",
    "report_in",
    "commitment_kept",
    "commitment_broken",
    "late_dues",
    "lecture_given",
)
"""What a demo ledger entry records; ``orglife_tui.services.points`` maps each to a scheme item."""

ENTRIES_PER_MEMBER_YEAR = 5
"""How many entries a member gets by hand in a year, on average (volunteering, report-in …)."""

_KIND_WEIGHTS = (
    ("volunteer", 38),
    ("report_in", 32),
    ("commitment_kept", 18),
    ("commitment_broken", 4),
    ("late_dues", 8),
)
_VOLUNTEER = (
    "社区环境整治",
    "文明交通劝导",
    "敬老院慰问演出",
    "义务植树",
    "反诈骗宣传",
    "垃圾分类宣传",
    "关爱留守儿童",
    "创建文明城市志愿服务",
    "防汛值守",
    "义务献血服务站引导",
    "图书馆志愿讲解",
)
_VOLUNTEER_HOURS = (1.0, 1.5, 2.0, 2.0, 2.0, 3.0, 3.0, 4.0)
_COMMUNITIES = ("幸福里社区", "东风社区", "和平街社区", "滨江社区", "朝阳社区", "新华里社区")
_REPORT_IN = (
    "参加社区议事协商",
    "协助入户走访",
    "参与网格化服务",
    "参加社区“双报到”志愿活动",
    "协助开展政策宣讲",
)
_COMMITMENTS = (
    "结对帮扶困难群众",
    "完成年度学习计划",
    "牵头解决群众急难愁盼问题",
    "带头开展岗位练兵",
    "参与“我为群众办实事”项目",
    "按期完成整改事项",
)
_REVERSAL_REASONS = (
    ("report_in", "重复登记，予以冲正"),
    ("volunteer", "服务时长登记有误，经核实予以冲正"),
)


_ZH_DIGITS = "零一二三四五六七八九"


def zh_numeral(n: int) -> str:
    """A positive integer in Chinese numerals: 10 → 十, 101 → 一百零一, 10001 → 一万零一."""
    if n <= 0:
        raise ValueError("only positive numbers")

    def section(value: int) -> str:
        out, zero = "", False
        for pos, unit in ((3, "千"), (2, "百"), (1, "十"), (0, "")):
            digit = value // 10**pos % 10
            if digit == 0:
                zero = zero or bool(out)
                continue
            if zero:
                out += "零"
                zero = False
            out += _ZH_DIGITS[digit] + unit
        return out

    sections = []
    while n:
        sections.append(n % 10000)
        n //= 10000
    out, pending_zero = "", False
    for idx in range(len(sections) - 1, -1, -1):
        value = sections[idx]
        if value == 0:
            pending_zero = pending_zero or bool(out)
            continue
        if out and (value < 1000 or pending_zero):
            out += "零"
        out += section(value) + ("", "万", "亿", "万亿")[idx]
        pending_zero = False
    return out[1:] if out.startswith("一十") else out


def group_name(index: int) -> str:
    """第一党小组, 第二党小组 … (``index`` counts from 0)."""
    return f"第{zh_numeral(index + 1)}党小组"


# ---------------------------------------------------------------------------- dates


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28) + timedelta(days=1)


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _month_text(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _weekday_in(rng: random.Random, year: int, month: int, first: int, last: int) -> date:
    """A working day between the given days of the month (inclusive)."""
    days = [
        date(year, month, d)
        for d in range(first, last + 1)
        if _valid_day(year, month, d) and date(year, month, d).weekday() < 5
    ]
    if not days:  # impossible for ranges of a week or more
        return date(year, month, first)
    return rng.choice(days)


def _valid_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _fixed_working_day(year: int, month: int, day: int) -> date:
    """The fixed day of the month, moved to the Monday after when it falls on a weekend."""
    d = date(year, month, day)
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return d


# ---------------------------------------------------------------------------- the branch

_ALL = -1
_COMMITTEE = -2

_PRESENT = AttendanceStatus.present.value
_LEAVE = AttendanceStatus.leave.value
_ABSENT = AttendanceStatus.absent.value


@dataclass(frozen=True)
class _Profile:
    """How one member attends: cumulative thresholds for leave and unexcused absence."""

    leave: float
    absent: float  # leave + absent


@dataclass
class DemoBranch:
    """A generated branch. Attendance is streamed: ``attendance_rows()`` / ``attendance()``."""

    name: str
    seed: int
    today: date
    first_day: date
    groups: tuple[str, ...]
    members: tuple[MemberInput, ...]
    meetings: tuple[MeetingInput, ...]
    committee: tuple[str, ...]
    drifter: str
    drift_start: date
    long_leave: tuple[str, date, date, str] | None = None  # member_no, from, to, reason
    _audiences: tuple[int, ...] = field(default=(), repr=False)
    _group_members: tuple[tuple[int, ...], ...] = field(default=(), repr=False)
    _committee_idx: tuple[int, ...] = field(default=(), repr=False)
    _profiles: tuple[_Profile, ...] = field(default=(), repr=False)
    _plan: tuple[DemoPlanItem, ...] = field(default=(), repr=False)
    # the planted misses: (rule, period, subject, last day of the period)
    _misses: tuple[tuple[str, str, str, date], ...] = field(default=(), repr=False)
    _cache: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    # -- who is expected where

    def audience(self, meeting_index: int) -> list[int]:
        """Indices into ``members`` of those expected at a meeting (joined by its date)."""
        key = self._audiences[meeting_index]
        if key == _ALL:
            pool: tuple[int, ...] | range = range(len(self.members))
        elif key == _COMMITTEE:
            pool = self._committee_idx
        else:
            pool = self._group_members[key]
        when = self.meetings[meeting_index].date
        members = self.members
        return [i for i in pool if members[i].join_date <= when]  # type: ignore[operator]

    def attendance_count(self) -> int:
        """How many attendance rows ``attendance_rows()`` yields (no randomness involved)."""
        return sum(len(self.audience(i)) for i in range(len(self.meetings)))

    def row_count(self) -> int:
        """Every row a loader writes: groups, members, meetings, meeting types, attendance."""
        return (
            len(self.groups)
            + len(self.members)
            + len(self.meetings)
            + sum(len(m.types) for m in self.meetings)
            + self.attendance_count()
        )

    # -- attendance

    def attendance_rows(self) -> Iterator[tuple[str, str, str, str | None]]:
        """``(meeting_no, member_no, status, reason)`` for every meeting, in meeting order.

        Deterministic: every call yields the same rows. Leave always carries a reason; an
        unexcused absence never does.
        """
        rng = random.Random(f"{self.seed}:attendance")
        rand = rng.random
        reasons = [r for r, _ in _LEAVE_REASONS]
        weights = [w for _, w in _LEAVE_REASONS]
        cum = []
        total = 0
        for w in weights:
            total += w
            cum.append(total)
        members = self.members
        member_nos = [m.member_no for m in members]
        profiles = self._profiles
        drifter = next(i for i, m in enumerate(members) if m.member_no == self.drifter)
        drifter_group = self.groups.index(members[drifter].group or "")
        warm_up = self.warm_up_start
        # month (year * 12 + month) of each member's latest presence: an unexcused absence
        # only ever comes in a month the member was already present in, so that nobody but
        # the drifter misses a whole month of organizational life
        present_in = [0] * len(members)
        long_leave_idx = -1
        if self.long_leave:
            long_leave_idx = next(
                i for i, m in enumerate(members) if m.member_no == self.long_leave[0]
            )
        committee_meeting = set()
        for i, key in enumerate(self._audiences):
            if key == _COMMITTEE:
                committee_meeting.add(i)

        for index, meeting in enumerate(self.meetings):
            meeting_no = meeting.meeting_no or ""
            when = meeting.date
            month = when.year * 12 + when.month
            special: dict[int, tuple[str, str | None]] = {}
            if when >= self.drift_start:
                special[drifter] = (_ABSENT, None)
            elif when >= warm_up:  # still at his group's meeting, missing the others
                at_group = self._audiences[index] == drifter_group
                special[drifter] = (_PRESENT, None) if at_group else (_ABSENT, None)
            if self.long_leave and self.long_leave[1] <= when <= self.long_leave[2]:
                special[long_leave_idx] = (_LEAVE, self.long_leave[3])
            committee = index in committee_meeting
            for i in self.audience(index):
                if i in special:
                    status, reason = special[i]
                    yield meeting_no, member_nos[i], status, reason
                    continue
                r = rand()
                profile = profiles[i]
                if committee:
                    r *= 1.6  # committee members rarely miss their own meeting
                if r < profile.leave:
                    pick = rand() * total
                    k = 0
                    while cum[k] <= pick:
                        k += 1
                    yield meeting_no, member_nos[i], _LEAVE, reasons[k]
                elif r < profile.absent and present_in[i] == month:
                    yield meeting_no, member_nos[i], _ABSENT, None
                else:
                    present_in[i] = month
                    yield meeting_no, member_nos[i], _PRESENT, None

    def attendance(self) -> Iterator[AttendanceInput]:
        """The same rows as ``attendance_rows()``, as validated-record dataclasses."""
        for meeting_no, member_no, status, reason in self.attendance_rows():
            yield AttendanceInput(meeting_no, member_no, AttendanceStatus(status), reason)

    def member(self, member_no: str) -> MemberInput:
        for m in self.members:
            if m.member_no == member_no:
                return m
        raise KeyError(member_no)

    # -- the record's start of the drift, and what the compliance watch should find

    @property
    def warm_up_start(self) -> date:
        """First day of the drifter's two warm-up months (present at his group's meetings
        only, absent without reason at the others)."""
        y, m = _add_months(self.drift_start.year, self.drift_start.month, -WARM_UP_MONTHS)
        return date(y, m, 1)

    def drifter_months(self, as_of: date | None = None) -> tuple[str, ...]:
        """``YYYY-MM`` of the drifter's missed months up to ``as_of`` (default today): every
        month from ``drift_start`` on in which he was expected at a meeting held by then."""
        as_of = as_of or self.today
        members = self.members
        drifter = next(i for i, m in enumerate(members) if m.member_no == self.drifter)
        group = self.groups.index(members[drifter].group or "")
        months: dict[str, None] = {}
        for index, meeting in enumerate(self.meetings):
            when = meeting.date
            if self.drift_start <= when <= as_of and self._audiences[index] in (_ALL, group):
                months[_month_text(when.year, when.month)] = None
        return tuple(months)

    def expected_findings(
        self, year: int, as_of: date | None = None, branch: str | None = None
    ) -> tuple[tuple[str, str, str], ...]:
        """The ``(rule, period, subject)`` of every finding ``watch.check`` gives for ``year``
        as of ``as_of`` (default: the year's last day, or today) under the default policy,
        once the branch is loaded under the name ``branch`` (default: ``self.name``).

        Only the planted violations: the committee and group meetings not held, the
        drifter's streak (at its ladder step by ``as_of``) and the overdue rectification item.
        """
        as_of = as_of or min(self.today, date(year, 12, 31))
        branch = branch or self.name
        out: set[tuple[str, str, str]] = set()
        for rule, period, subject, last in self._misses:
            if int(period[:4]) == year and as_of >= last:
                out.add((rule, period, branch if subject == self.name else subject))
        months = self.drifter_months(as_of)
        if months and int(months[-1][:4]) == year and _ladder_step(len(months)) is not None:
            out.add(("absence_streak", months[-1], self.drifter))
        for item in self.rectifications():
            closed = item.closed_on is not None and item.closed_on <= as_of
            if item.deadline.year <= year and item.deadline < as_of and not closed:
                period = _month_text(item.deadline.year, item.deadline.month)
                out.add(("rectification_overdue", period, branch))
        return tuple(sorted(out))

    @property
    def planted(self) -> tuple[tuple[str, str, str], ...]:
        """Every planted violation as ``(rule, period, subject)``, as ``orglife-tui check``
        reports it for each year of the record checked as of its end (the current year as of
        today): ``expected_findings`` of every year, together. The drifter appears once per
        year his streak reaches into; an overdue item from last year's check shows again
        in this year's."""
        found: set[tuple[str, str, str]] = set()
        for year in range(self.first_day.year, self.today.year + 1):
            found.update(self.expected_findings(year))
        return tuple(sorted(found))

    # -- talks, the annual plan, the rectification list

    def plan(self) -> tuple[DemoPlanItem, ...]:
        """The annual plan of every year of the record (from the record's first month): one
        item per planned meeting and type, held or not (the planted misses are not held;
        the current year's later months are still to come)."""
        return self._plan

    def talks(self) -> tuple[TalkInput, ...]:
        """Heart-to-heart talks in date order (then member number); see the module docstring."""
        cached = self._cache.get("talks")
        if cached is None:
            cached = self._cache["talks"] = _TalkWriter(self).talks()
        return cached  # type: ignore[return-value]

    def rectifications(self) -> tuple[DemoRectification, ...]:
        """The rectification list of the last life meeting (see the module docstring)."""
        cached = self._cache.get("rectifications")
        if cached is None:
            cached = self._cache["rectifications"] = _rectifications(self)
        return cached  # type: ignore[return-value]

    def record_count(self) -> int:
        """Rows a loader writes for talks (with their talkers), plan and rectification items."""
        talks = self.talks()
        return (
            len(talks)
            + sum(len(t.talkers) for t in talks)
            + len(self.plan())
            + len(self.rectifications())
        )

    # -- the points ledger

    def ledger_entries(
        self, count: int | None = None, kinds: Collection[str] | None = None
    ) -> Iterator[DemoEntry]:
        """Points entered by hand, in date order: volunteer hours, community report-in,
        commitments kept and broken, dues paid late, and a lecture-given entry for each
        Party lecture a member of the branch gave.

        ``count`` None gives the natural volume (about ``ENTRIES_PER_MEMBER_YEAR`` a member a
        year); a number gives exactly that many (a benchmark tops the ledger up this way).
        Spread over the months of the record by how many members had joined; two entries
        (a report-in registered twice, a miscounted volunteer service) carry a reason to be
        reversed. Deterministic, like the rest of the branch. ``kinds`` (None: every one of
        ``LEDGER_KINDS``) keeps to those kinds, still giving ``count`` entries: a scheme that
        books an item itself (dues paid late, from the dues records) gets none of it by hand.
        """
        rng = random.Random(f"{self.seed}:ledger")
        members = self.members
        order, months, active = self._ledger_months()
        weight = sum(active)
        if not weight:
            return
        total = self.natural_ledger_entries() if count is None else count
        weights = [(k, w) for k, w in _KIND_WEIGHTS if kinds is None or k in kinds]
        lectures = self._lectures_given() if kinds is None or "lecture_given" in kinds else {}
        drawn = [k for k, _ in weights]
        cum = list(itertools.accumulate(w for _, w in weights))
        marked = {
            len(months) // 3: _REVERSAL_REASONS[0],
            (2 * len(months)) // 3: _REVERSAL_REASONS[1],
        }
        done = 0
        running = 0
        for index, (y, m) in enumerate(months):
            running += active[index]
            quota = round(total * running / weight) - done
            done += quota
            if quota <= 0:
                continue
            last = min(
                calendar.monthrange(y, m)[1],
                self.today.day if (y, m) == (self.today.year, self.today.month) else 31,
            )
            month_entries: list[DemoEntry] = []
            for when, member_no, title in lectures.get((y, m), ()):
                if len(month_entries) < quota:
                    month_entries.append(
                        DemoEntry(member_no, "lecture_given", when, None, f"讲授党课：{title}")
                    )
            n = active[index] if drawn else 0
            while len(month_entries) < quota and n:
                member = members[order[int(rng.random() * n)]]
                kind = rng.choices(drawn, cum_weights=cum)[0]
                day = date(y, m, rng.randint(1, last))
                if day < member.join_date:  # type: ignore[operator]
                    continue
                month_entries.append(self._ledger_entry(rng, member.member_no, kind, day))
            month_entries.sort(key=lambda e: (e.date, e.member_no, e.kind))
            if index in marked:
                kind, reason = marked[index]
                for k, e in enumerate(month_entries):
                    if e.kind == kind:
                        month_entries[k] = DemoEntry(
                            e.member_no, e.kind, e.date, e.hours, e.note, reason
                        )
                        break
            yield from month_entries

    def natural_ledger_entries(self) -> int:
        """How many entries ``ledger_entries()`` gives by default."""
        _, _, active = self._ledger_months()
        return round(sum(active) * ENTRIES_PER_MEMBER_YEAR / 12)

    def _ledger_months(self) -> tuple[list[int], list[tuple[int, int]], list[int]]:
        """Members by join date; the months of the record; how many had joined by each."""
        members = self.members
        order = sorted(range(len(members)), key=lambda i: members[i].join_date)  # type: ignore[arg-type,return-value]
        joins = [members[i].join_date for i in order]
        months = []
        y, m = self.first_day.year, self.first_day.month
        while date(y, m, 1) <= self.today:
            months.append((y, m))
            y, m = _add_months(y, m, 1)
        active = [bisect.bisect_left(joins, date(y, m, 1)) for y, m in months]  # type: ignore[arg-type]
        return order, months, active

    def _ledger_entry(self, rng: random.Random, member_no: str, kind: str, day: date) -> DemoEntry:
        if kind == "volunteer":
            return DemoEntry(
                member_no,
                kind,
                day,
                rng.choice(_VOLUNTEER_HOURS),
                f"志愿服务：{rng.choice(_VOLUNTEER)}",
            )
        if kind == "report_in":
            return DemoEntry(
                member_no,
                kind,
                day,
                None,
                f"到{rng.choice(_COMMUNITIES)}报到：{rng.choice(_REPORT_IN)}",
            )
        if kind == "commitment_kept":
            return DemoEntry(member_no, kind, day, None, f"践诺：{rng.choice(_COMMITMENTS)}")
        if kind == "commitment_broken":
            return DemoEntry(member_no, kind, day, None, f"承诺未兑现：{rng.choice(_COMMITMENTS)}")
        y, m = _add_months(day.year, day.month, -1)
        return DemoEntry(member_no, kind, day, None, f"{y}年{m}月党费逾期交纳")

    def _lectures_given(self) -> dict[tuple[int, int], list[tuple[date, str, str]]]:
        """(year, month) -> (date, member_no, title) of the Party lectures members gave."""
        by_name: dict[str, str] = {}
        for m in self.members:
            by_name.setdefault(m.name, m.member_no)
        for no in self.committee:  # a committee member's name wins over a namesake
            by_name[self.member(no).name] = no
        out: dict[tuple[int, int], list[tuple[date, str, str]]] = {}
        for meeting in self.meetings:
            if MeetingType.party_lecture in meeting.types and meeting.lecturer in by_name:
                when = meeting.date
                out.setdefault((when.year, when.month), []).append(
                    (when, by_name[meeting.lecturer], meeting.title)  # type: ignore[index]
                )
        return out


@dataclass(frozen=True)
class DemoEntry:
    """One manual points entry of the demo ledger (``kind`` is one of ``LEDGER_KINDS``)."""

    member_no: str
    kind: str
    date: date
    hours: float | None
    note: str
    reverse_reason: str | None = None  # booked, then reversed with this reason


@dataclass
class _Person:
    name: str
    gender: Gender
    birth: date
    joined: date
    full: date | None
    phone: str
    busy: bool = False
    group: int = 0
    post: CommitteePost | None = None
    member_no: str = ""


def _committee_posts(full_members: int) -> tuple[CommitteePost, ...]:
    if full_members < 7:
        return (CommitteePost.secretary,)
    posts = (
        CommitteePost.secretary,
        CommitteePost.organization,
        CommitteePost.publicity,
        CommitteePost.discipline,
        CommitteePost.deputy_secretary,
    )
    if full_members < 12:
        return posts[:3]
    if full_members < 25:
        return posts[:4]
    return posts


def group_count(members: int) -> int:
    """Two or more groups of about ten members."""
    return max(2, round(members / 10))


def record_start(today: date, years: int) -> date:
    """The first day of the record: 1 January ``years`` years back, or ten months back."""
    first = date(today.year - years + 1, 1, 1)
    y, m = _add_months(today.year, today.month, -9)
    return min(first, date(y, m, 1))


def generate(
    members: int = 30, years: int = 1, seed: int = 2026, today: date | None = None
) -> DemoBranch:
    """A demo branch of ``members`` members with ``years`` calendar years of meetings."""
    if members < MIN_MEMBERS:
        raise ValueError(f"a demo branch needs at least {MIN_MEMBERS} members")
    if not 1 <= years <= MAX_YEARS:
        raise ValueError(f"years must be between 1 and {MAX_YEARS}")
    today = today or date.today()
    rng = random.Random(seed)
    first_day = record_start(today, years)
    dy, dm = _add_months(today.year, today.month, -6)
    drift_start = date(dy, dm, 1)

    # -- people
    probationary = max(1, round(members * 0.1)) if members >= 5 else 0
    names: set[str] = {DRIFTING_MEMBER_NAME}
    phones: set[str] = set()
    people: list[_Person] = []
    for k in range(members):
        gender = Gender.male if rng.random() < 0.56 else Gender.female
        person = _new_person(rng, gender, today, k < probationary, phones)
        person.name = _new_name(rng, gender, person.birth.year, names, unique=members <= 2000)
        people.append(person)

    # -- numbering in order of joining (the oldest members first)
    people.sort(key=lambda p: (p.joined, p.birth, p.name))
    width = max(3, len(str(members)))
    for n, p in enumerate(people, start=1):
        p.member_no = f"{n:0{width}d}"

    full_idx = [i for i, p in enumerate(people) if p.full is not None]

    # -- the drifter: a full member, neither on the committee nor leading a group
    senior = [i for i in full_idx if people[i].joined <= first_day - timedelta(days=3 * 365)]
    posts = _committee_posts(len(full_idx))
    committee_pool = senior if len(senior) >= len(posts) + 1 else full_idx
    committee_idx = rng.sample(committee_pool, len(posts))
    for i, post in zip(committee_idx, posts):
        people[i].post = post
    drifter_choices = [i for i in full_idx if people[i].post is None]
    drifter = rng.choice(drifter_choices)
    people[drifter].name = DRIFTING_MEMBER_NAME
    people[drifter].gender = Gender.male
    people[drifter].busy = False

    # -- groups: balanced, members dealt out at random
    n_groups = group_count(members)
    groups = tuple(group_name(g) for g in range(n_groups))
    order = list(range(members))
    rng.shuffle(order)
    group_members: list[list[int]] = [[] for _ in range(n_groups)]
    for pos, i in enumerate(order):
        people[i].group = pos % n_groups
        group_members[pos % n_groups].append(i)
    for g in group_members:
        g.sort()
    leaders: list[int | None] = []
    for g in group_members:
        candidates = [i for i in g if people[i].full is not None and people[i].post is None]
        candidates = [i for i in candidates if i != drifter]
        if candidates:
            leader = rng.choice(candidates)
            people[leader].post = CommitteePost.group_leader
            leaders.append(leader)
        else:
            leaders.append(None)

    # -- a long leave: maternity leave, or a secondment, of three months
    long_leave = None
    if members >= 10:
        pool = [
            i
            for i in full_idx
            if people[i].post is None and i != drifter and people[i].busy is False
        ]
        if pool:
            who = rng.choice(pool)
            reason = "休产假" if people[who].gender is Gender.female else "外派挂职"
            start = first_day + timedelta(days=rng.randint(0, 60))
            long_leave = (people[who].member_no, start, start + timedelta(days=90), reason)

    # -- member records
    records = []
    profiles = []
    for i, p in enumerate(people):
        dues = _dues(rng, p, today, drifter=(i == drifter), drift_start=drift_start)
        records.append(
            MemberInput(
                member_no=p.member_no,
                name=p.name,
                status=MemberStatus.full if p.full else MemberStatus.probationary,
                gender=p.gender,
                birth_date=p.birth,
                join_date=p.joined,
                full_date=p.full,
                group=groups[p.group],
                post=p.post,
                phone=p.phone,
                dues_paid_until=dues,
            )
        )
        leave = 0.12 if p.busy else 0.03
        profiles.append(_Profile(leave=leave, absent=leave + 0.006))

    # -- meetings
    secretary = committee_idx[0]
    by_post = {people[i].post: people[i].name for i in committee_idx}
    recorder = by_post.get(CommitteePost.organization)
    if recorder is None:
        others = [i for i in full_idx if i not in (secretary, drifter)] or [secretary]
        recorder = people[others[0]].name
    staff = [people[i].name for i in committee_idx]
    planned: list[_Planned] = []
    themed_day = rng.choice((5, 10, 15, 20, 25))
    sec_name = people[secretary].name
    start = (first_day.year, first_day.month)

    for year in range(first_day.year, today.year + 1):
        combined_quarters = set(rng.sample(range(4), 2))
        # quarterly meetings fall in a month of the record, even in its first, partial quarter
        general_months = _quarter_months(rng, year, start)
        lecture_months = _quarter_months(rng, year, start)
        for month in range(1, 13):
            if (year, month) < start:
                continue
            fmt = {"year": year, "month": month}
            # committee meeting
            if len(committee_idx) > 1:
                topic = (_COMMITTEE_BY_MONTH.get(month) or rng.choice(_COMMITTEE_TOPICS)).format(
                    **fmt
                )
                planned.append(
                    _Planned(
                        0,
                        MeetingInput(
                            date=_weekday_in(rng, year, month, 1, 8),
                            types=(MeetingType.committee_meeting,),
                            title=f"{month}月支委会：{topic}",
                            place="支部会议室",
                            host=sec_name,
                            recorder=recorder,
                            minutes=rng.choice(_MINUTES),
                        ),
                        _COMMITTEE,
                        ((MeetingType.committee_meeting, topic, None),),
                    )
                )
            # general meeting, quarterly
            quarter = (month - 1) // 3
            if general_months[quarter] == month:
                topic = _GENERAL_TOPICS[quarter].format(**fmt)
                planned.append(
                    _Planned(
                        1,
                        MeetingInput(
                            date=_weekday_in(rng, year, month, 9, 20),
                            types=(MeetingType.general_meeting,),
                            title=f"支部党员大会：{topic}",
                            place=rng.choice(_PLACES),
                            host=sec_name,
                            recorder=recorder,
                            minutes=rng.choice(_MINUTES),
                        ),
                        _ALL,
                        ((MeetingType.general_meeting, topic, None),),
                    )
                )
            # themed Party day, on the fixed day; a lecture may go with it
            theme_date = _fixed_working_day(year, month, themed_day)
            lecture_here = lecture_months[quarter] == month
            combined = lecture_here and quarter in combined_quarters
            lecture_topic = rng.choice(_LECTURES) if lecture_here else ""
            lecturer = _lecturer(rng, people, committee_idx, sec_name) if lecture_here else None
            if combined:
                title = f"{month}月主题党日暨党课：{lecture_topic}"
                types: tuple[MeetingType, ...] = (MeetingType.themed_day, MeetingType.party_lecture)
                plan: tuple[tuple[MeetingType, str, str | None], ...] = (
                    (MeetingType.themed_day, f"主题党日暨党课：{lecture_topic}", None),
                    (MeetingType.party_lecture, lecture_topic, "与主题党日合并开展"),
                )
            else:
                title = f"{month}月主题党日：{_THEMES[month]}"
                types = (MeetingType.themed_day,)
                plan = ((MeetingType.themed_day, _THEMES[month], None),)
            planned.append(
                _Planned(
                    2,
                    MeetingInput(
                        date=theme_date,
                        types=types,
                        title=title,
                        place=rng.choice(_THEMED_PLACES),
                        host=rng.choice(staff),
                        recorder=recorder,
                        lecturer=lecturer if combined else None,
                    ),
                    _ALL,
                    plan,
                )
            )
            if lecture_here and not combined:
                when = _weekday_in(rng, year, month, 16, 28)
                planned.append(
                    _Planned(
                        3,
                        MeetingInput(
                            date=when,
                            types=(MeetingType.party_lecture,),
                            title=f"党课：{lecture_topic}",
                            place=rng.choice(_PLACES),
                            host=rng.choice(staff),
                            recorder=recorder,
                            lecturer=lecturer,
                        ),
                        _ALL,
                        ((MeetingType.party_lecture, lecture_topic, None),),
                    )
                )
            # group meetings
            study = rng.choice(_STUDIES)
            for g, roster in enumerate(group_members):
                if not roster:
                    continue
                leader = leaders[g]
                if leader is None:
                    fallback = [i for i in roster if i != drifter and people[i].full]
                    leader = fallback[0] if fallback else secretary
                host_i = leader
                rec_choices = [i for i in roster if i not in (host_i, drifter)] or [host_i]
                when = _weekday_in(rng, year, month, 1, 28)
                planned.append(
                    _Planned(
                        4,
                        MeetingInput(
                            date=when,
                            types=(MeetingType.group_meeting,),
                            title=f"{groups[g]}{month}月学习会：{study}",
                            group=groups[g],
                            place=f"{groups[g]}活动点" if rng.random() < 0.5 else "党员活动室",
                            host=people[host_i].name,
                            recorder=people[rng.choice(rec_choices)].name,
                        ),
                        g,
                        ((MeetingType.group_meeting, f"{groups[g]}：{study}", None),),
                    )
                )
            # the life meeting with the democratic appraisal, fourth quarter (in the record)
            if month == 12:
                months = [m for m in (11, 12) if (year, m) >= start]
                when = _weekday_in(rng, year, rng.choice(months), 10, 25)
                planned.append(
                    _Planned(
                        5,
                        MeetingInput(
                            date=when,
                            types=(MeetingType.life_meeting, MeetingType.appraisal),
                            title=f"{year}年度组织生活会暨民主评议党员",
                            place="支部会议室",
                            host=sec_name,
                            recorder=recorder,
                            minutes="对照检查，开展批评和自我批评，查摆问题并列出整改清单；"
                            "开展民主评议党员。",
                        ),
                        _ALL,
                        (
                            (MeetingType.life_meeting, f"{year}年度组织生活会", None),
                            (
                                MeetingType.appraisal,
                                f"{year}年度民主评议党员",
                                "与组织生活会合并召开",
                            ),
                        ),
                    )
                )

    # -- the meetings planted as not held (documented in the module docstring)
    misses = []
    if len(committee_idx) > 1:
        y, m = _add_months(today.year, today.month, -COMMITTEE_MISS_MONTHS)
        misses.append(
            _drop(planned, 0, None, y, m, "committee_meeting_frequency", DEMO_BRANCH_NAME)
        )
    y, m = _add_months(today.year, today.month, -GROUP_MISS_MONTHS)
    misses.append(_drop(planned, 4, groups[-1], y, m, "group_meeting_frequency", groups[-1]))

    planned.sort(key=lambda p: (p.meeting.date, p.order, p.audience))
    by_month = sorted(
        planned, key=lambda p: (p.meeting.date.year, p.meeting.date.month, p.order, p.audience)
    )
    plan = tuple(
        DemoPlanItem(p.meeting.date.year, p.meeting.date.month, mtype, topic, note)
        for p in by_month
        for mtype, topic, note in p.plan
    )
    held = [p for p in planned if p.held and first_day <= p.meeting.date <= today]
    counts: dict[int, int] = {}
    for p in held:
        counts[p.meeting.date.year] = counts.get(p.meeting.date.year, 0) + 1
    running: dict[int, int] = {}
    meetings = []
    audiences = []
    for p in held:
        y = p.meeting.date.year
        running[y] = running.get(y, 0) + 1
        w = max(3, len(str(counts[y])))
        meetings.append(_with_number(p.meeting, f"{y}-{running[y]:0{w}d}"))
        audiences.append(p.audience)

    return DemoBranch(
        name=DEMO_BRANCH_NAME,
        seed=seed,
        today=today,
        first_day=first_day,
        groups=groups,
        members=tuple(records),
        meetings=tuple(meetings),
        committee=tuple(people[i].member_no for i in sorted(committee_idx)),
        drifter=people[drifter].member_no,
        drift_start=drift_start,
        long_leave=long_leave,
        _audiences=tuple(audiences),
        _group_members=tuple(tuple(g) for g in group_members),
        _committee_idx=tuple(sorted(committee_idx)),
        _profiles=tuple(profiles),
        _plan=plan,
        _misses=tuple(misses),
    )


@dataclass
class _Planned:
    """A meeting the branch plans: held unless planted as missed, and its plan items."""

    order: int  # committee 0, general 1, themed day 2, lecture 3, group 4, life meeting 5
    meeting: MeetingInput
    audience: int
    plan: tuple[tuple[MeetingType, str, str | None], ...]  # (type, topic, note)
    held: bool = True


def _quarter_months(rng: random.Random, year: int, start: tuple[int, int]) -> list[int]:
    """The month of each quarter a quarterly meeting is held in: a month of the record."""
    out = []
    for q in range(4):
        months = [q * 3 + 1 + k for k in range(3)]
        out.append(rng.choice([m for m in months if (year, m) >= start] or months))
    return out


def _drop(
    planned: list[_Planned],
    order: int,
    group: str | None,
    year: int,
    month: int,
    rule: str,
    subject: str,
) -> tuple[str, str, str, date]:
    """Mark the planned meeting of a kind (and group) in a month as not held."""
    for p in planned:
        when = p.meeting.date
        if (
            p.order == order
            and p.meeting.group == group
            and (when.year, when.month) == (year, month)
        ):
            p.held = False
            break
    else:  # pragma: no cover - every month of the record plans these meetings
        raise AssertionError(f"no meeting to drop in {year}-{month:02d}")
    last = date(year, month, calendar.monthrange(year, month)[1])
    return rule, _month_text(year, month), subject, last


def _with_number(m: MeetingInput, number: str) -> MeetingInput:
    return MeetingInput(
        date=m.date,
        types=m.types,
        title=m.title,
        meeting_no=number,
        group=m.group,
        place=m.place,
        host=m.host,
        recorder=m.recorder,
        lecturer=m.lecturer,
        minutes=m.minutes,
    )


def _new_name(rng: random.Random, gender: Gender, born: int, taken: set[str], unique: bool) -> str:
    pool = _GIVEN_NAMES[(gender, 0 if born < 1975 else 1 if born < 1990 else 2)]
    name = DRIFTING_MEMBER_NAME
    for _ in range(50):
        name = rng.choices(_SURNAMES, _SURNAME_WEIGHTS)[0] + rng.choice(pool)
        if name != DRIFTING_MEMBER_NAME and (not unique or name not in taken):
            break
    if name == DRIFTING_MEMBER_NAME or (unique and name in taken):
        name += rng.choice("一二三四五六七八九")  # rare: a branch of thousands of members
    taken.add(name)
    return name


def _new_person(
    rng: random.Random, gender: Gender, today: date, probationary: bool, phones: set[str]
) -> _Person:
    if probationary:
        joined = today - timedelta(days=rng.randint(20, 350))
        age_at_join = rng.randint(19, 34)
        birth = _add_years(joined, -age_at_join) - timedelta(days=rng.randint(0, 360))
        full = None
    else:
        age = int(rng.triangular(24, 72, 42))
        birth = _add_years(today, -age) - timedelta(days=rng.randint(0, 364))
        age_at_join = min(int(rng.triangular(18, 50, 24)), age - 2)
        joined = _add_years(birth, age_at_join) + timedelta(days=rng.randint(0, 364))
        latest = today - timedelta(days=400)
        if joined > latest:
            joined = latest - timedelta(days=rng.randint(0, 300))
        if _add_years(birth, 18) > joined:  # keep the 18-year rule after the clamp above
            birth = _add_years(joined, -19)
        full = _add_years(joined, 1)
    phone = ""
    while not phone or phone in phones:
        phone = (
            f"{rng.choice(_PHONE_PREFIXES)}-{rng.randrange(10000):04d}-{rng.randrange(10000):04d}"
        )
    phones.add(phone)
    return _Person(
        name="",
        gender=gender,
        birth=birth,
        joined=joined,
        full=full,
        phone=phone,
        busy=rng.random() < 0.1,
    )


def _dues(rng: random.Random, p: _Person, today: date, drifter: bool, drift_start: date) -> str:
    if drifter:
        y, m = _add_months(drift_start.year, drift_start.month, -1)
        return _month_text(y, m)
    r = rng.random()
    behind = 0 if r < 0.7 else 1 if r < 0.92 else rng.randint(2, 4)
    y, m = _add_months(today.year, today.month, -behind)
    if (y, m) < (p.joined.year, p.joined.month):
        y, m = p.joined.year, p.joined.month
    return _month_text(y, m)


def _lecturer(
    rng: random.Random, people: list[_Person], committee_idx: list[int], secretary: str
) -> str:
    r = rng.random()
    if r < 0.5:
        return secretary  # 书记讲党课
    if r < 0.8 and len(committee_idx) > 1:
        return people[rng.choice(committee_idx[1:])].name
    surname = rng.choices(_SURNAMES, _SURNAME_WEIGHTS)[0]
    given = rng.choice(_GIVEN_NAMES[(rng.choice((Gender.male, Gender.female)), 1)])
    return f"{rng.choice(_OUTSIDE_LECTURERS)} {surname}{given}"


# ---------------------------------------------------------------------------- plan, rectification


@dataclass(frozen=True)
class DemoPlanItem:
    """One line of the demo's annual plan (``data.plans.PlanInput`` without the import)."""

    year: int
    month: int | None
    meeting_type: MeetingType
    topic: str
    note: str | None = None


@dataclass(frozen=True)
class DemoRectification:
    """One item of the demo's rectification list, with its status as of ``today``."""

    year: int
    problem: str
    owner: str
    deadline: date
    measure: str | None
    status: RectificationStatus
    closed_on: date | None = None
    closing_note: str | None = None
    meeting_no: str | None = None


def _ladder_step(months: int):
    """The step of the default absence ladder a streak of ``months`` months has reached."""
    return AbsenceRule(DEFAULT_LADDER).step_for(months)


# (problem, measure, closing note)
_RECTIFICATION_ITEMS = (
    (
        "理论学习不够系统深入，学用结合不够紧密",
        "制定支部年度学习计划，每月开展一次专题研讨，建立学习笔记检查制度",
        "已制定年度学习计划，按月开展专题研讨，学习笔记每季度检查一次。",
    ),
    (
        "组织生活有时流于形式，批评和自我批评辣味不足",
        "严格落实“三会一课”制度，会前开展谈心谈话，会上点准问题、提实意见",
        "修订组织生活会实施办法，会前谈心谈话实现全覆盖，批评意见逐条反馈本人。",
    ),
    (
        "党费收缴存在逾期现象",
        "每月5日前完成党费收缴，对逾期党员及时提醒",
        "已实行按月提醒，逾期交纳党费情况明显减少。",
    ),
    (
        "主题党日活动形式单一，吸引力不强",
        "结合重要时间节点开展现场教学和志愿服务，丰富活动形式",
        "已开展现场教学两次、志愿服务三次，党员参与率提高。",
    ),
    (
        "联系服务群众不够深入，为群众办实事成效不明显",
        "建立党员联系群众清单，每名党员至少办成一件实事",
        "已建立联系群众清单，办成实事十余件。",
    ),
    (
        "党建与业务工作结合不够紧密",
        "设立党员先锋岗，开展岗位建功活动",
        "已设立党员先锋岗三个，开展岗位练兵两次。",
    ),
)
_OVERDUE_ITEM = (
    "个别党员长期无故不参加组织生活，教育管理偏宽偏软",
    "建立党员参加组织生活情况台账，对连续缺席的党员及时谈话提醒、依规处置",
)
_IN_PROGRESS_ITEM = (
    "谈心谈话覆盖不全面，对青年党员思想动态掌握不够",
    "支委分片包干，年内与每名党员至少谈心谈话一次，建立谈话记录台账",
)
RECENT_DAYS = 30
"""The demo's rectification list comes from a life meeting at least this many days old."""


def _rectifications(b: DemoBranch) -> tuple[DemoRectification, ...]:
    """Four or five items from the last life meeting held at least ``RECENT_DAYS`` days
    before today (without one in the record: the year before the record, no meeting):
    the most done with a closing note, one in progress and not yet due, one overdue and
    still open."""
    rng = random.Random(f"{b.seed}:rectification")
    today = b.today
    source = None
    for m in b.meetings:
        if MeetingType.life_meeting in m.types and m.date <= today - timedelta(days=RECENT_DAYS):
            source = m
    if source is not None:
        year, held, meeting_no = source.date.year, source.date, source.meeting_no
    else:
        year = b.first_day.year - 1
        held, meeting_no = date(year, 12, 20), None
    committee = [b.members[i] for i in b._committee_idx]
    owners = [m.name for m in sorted(committee, key=lambda m: _POST_ORDER.index(m.post))]
    done = rng.sample(_RECTIFICATION_ITEMS, 2 if len(committee) < 3 else 3)
    items = []
    for k, (problem, measure, note) in enumerate(done):
        deadline = held + timedelta(days=rng.randint(30, 90))
        last = min(deadline, today - timedelta(days=1))
        first = min(held + timedelta(days=7), last)
        closed = first + timedelta(days=rng.randint(0, (last - first).days))
        items.append(
            DemoRectification(
                year=year,
                problem=problem,
                owner=owners[(k + 1) % len(owners)],
                deadline=deadline,
                measure=measure,
                status=RectificationStatus.done,
                closed_on=closed,
                closing_note=note,
                meeting_no=meeting_no,
            )
        )
    items.append(
        DemoRectification(
            year=year,
            problem=_OVERDUE_ITEM[0],
            owner=owners[0],
            deadline=max(held + timedelta(days=7), today - timedelta(days=OVERDUE_DAYS)),
            measure=_OVERDUE_ITEM[1],
            status=RectificationStatus.open,
            meeting_no=meeting_no,
        )
    )
    items.append(
        DemoRectification(
            year=year,
            problem=_IN_PROGRESS_ITEM[0],
            owner=owners[-1],
            deadline=max(held + timedelta(days=60), today + timedelta(days=rng.randint(20, 60))),
            measure=_IN_PROGRESS_ITEM[1],
            status=RectificationStatus.in_progress,
            meeting_no=meeting_no,
        )
    )
    return tuple(items)


# ---------------------------------------------------------------------------- talks

_OUTSIDE_POST = "上级党委"
_TALK_PLACES = ("书记办公室", "支部会议室", "党员活动室", "党群服务中心谈心室")

_ROUTINE_CONTENT = (
    "了解近期思想、工作和学习情况，交流学习贯彻党的创新理论的体会。",
    "围绕岗位履职、发挥先锋模范作用谈心，听取本人对做好本职工作的想法。",
    "交流参加“三会一课”和主题党日活动的收获，了解家庭和生活情况。",
    "结合年初承诺事项谈践诺情况，肯定成绩，指出不足。",
    "围绕“我为群众办实事”谈体会，了解联系服务群众的情况。",
    "通报支部近期重点工作，听取本人对支部建设的意见建议。",
)
_ROUTINE_PROBLEMS = (
    "理论学习主要依靠集中学习，自学不够经常、不够深入。",
    "工作任务重时，参加组织生活的主动性有所下降。",
    "联系群众不够广泛，对身边群众的诉求了解不够。",
    "业务工作满足于完成任务，创新意识不强。",
    "开展批评和自我批评有顾虑，存在“好人主义”思想。",
    None,
    None,
)
_ROUTINE_DIFFICULTIES = (
    "工作和照顾家庭在时间上有冲突，希望集中学习尽量安排在工作日。",
    "希望多组织业务培训和外出参观学习。",
    "家中老人身体不好，偶尔需要请假照顾。",
    "暂无困难。",
    None,
    None,
)
_OPINIONS = (
    "建议主题党日活动形式更加多样，多走出去学。",
    "建议党小组学习前提前下发学习材料，留出准备时间。",
    "希望支部多组织与结对社区的共建活动。",
    "建议党课多请一线党员讲身边事。",
    "对支部工作满意，无其他意见。",
    "建议精简会议，把时间留给解决实际问题。",
)
# (agreed action, what the follow-up found)
_ACTIONS = (
    ("每月至少自学两篇理论文章，并在党小组会上交流", "已按计划自学，在党小组会上作了交流发言。"),
    ("牵头完成一项“我为群众办实事”项目", "项目已完成，群众反映良好。"),
    ("结对帮扶一名困难群众，每季度走访一次", "已走访两次，帮助解决了实际困难。"),
    ("带头参加社区“双报到”志愿服务", "已参加社区志愿服务三次。"),
    ("撰写一篇学习心得，在支部内交流", "心得已提交，并在主题党日上作了交流。"),
)
_BIRTHDAY_CONTENT = (
    "在入党{years}周年政治生日之际，重温入党誓词和入党志愿书，回顾入党初心，赠送政治生日贺卡。"
)
_BIRTHDAY_OPINIONS = (
    "感谢支部记得自己的政治生日，很受教育，将以此为新的起点。",
    "建议每月集中为当月过政治生日的党员举行仪式。",
    "对支部工作满意，无其他意见。",
)
_ENCOURAGEMENT_CONTENT = (
    "对近期在急难险重任务中的表现给予肯定，勉励继续发挥先锋模范作用。",
    "勉励其在岗位上争当先锋，带头参与支部志愿服务。",
    "肯定其在业务攻坚中的担当，勉励在学习上再下功夫。",
)
_PROBATION_CONTENT = (
    "预备期谈话：了解预备期内的学习、工作表现，肯定进步，指出努力方向，提醒按期递交思想汇报。"
)
_PROBATION_ACTIONS = (
    ("每季度向党组织递交一份思想汇报", "已按时递交思想汇报。"),
    ("参加一次入党积极分子培训班授课交流", "已在培训班上作交流发言。"),
)
_CARE_CONTENT = (
    "上门看望，了解身体和家庭情况，转达支部的关心。",
    "了解家庭困难情况，研究帮扶措施。",
    "电话了解近况，送学上门，讲解支部近期学习内容。",
)
# (difficulty, agreed action, what the follow-up found, confidential)
_CARE_CASES = (
    (
        "父亲长期住院，家庭经济压力较大。",
        "协调街道申请临时救助，支部委员定期走访",
        "已协助申请临时救助，支部委员每月走访一次。",
        True,
    ),
    (
        "本人身体欠佳，行动不便，参加集中活动有困难。",
        "学习资料送学上门，可通过线上方式参加学习",
        "已送学上门两次，本人通过线上参加了党小组学习。",
        False,
    ),
    (
        "子女入学问题需要协调。",
        "向街道反映情况，协助了解入学政策",
        "已协助咨询入学政策，问题已解决。",
        False,
    ),
    (
        "爱人失业，家庭收入减少，思想压力大。",
        "帮助对接就业服务站，推荐就业岗位",
        "已推荐两个岗位，其爱人已重新就业。",
        True,
    ),
    (
        "独自照顾患病老人，时间精力紧张。",
        "组织党员志愿者定期上门帮扶",
        "党员志愿者已上门帮扶三次。",
        False,
    ),
)
_LEAVE_CARE = {
    "休产假": (
        "休产假期间电话慰问，了解母婴身体情况，转达支部的关心，告知可通过线上方式参加学习。",
        "产假期间无法参加集中学习。",
    ),
    "外派挂职": (
        "外派挂职期间视频谈心，了解挂职工作和学习情况，明确线上参加组织生活的方式。",
        "挂职地离本单位较远，难以参加支部集中活动。",
    ),
}
_PRE_LIFE_CONTENT = (
    "组织生活会前谈心谈话，相互指出问题，交换对照检查意见。",
    "围绕组织生活会主题征求意见，交流个人对照检查材料。",
)
_PRE_LIFE_PROBLEMS = (
    "对照党章党规，本人在理论学习深度、担当作为方面还有差距。",
    "有时存在重业务、轻党建的思想。",
    "开展批评和自我批评有顾虑，怕伤和气。",
)
_PRE_LIFE_OPINIONS = (
    "希望支部班子在联系党员群众方面更加主动。",
    "建议组织生活会批评意见点准点透。",
    "希望整改措施更具体、可检验。",
)
_REMINDER = {
    "trigger": "自{year}年{month}月起连续三个月无故不参加组织生活",
    "content": "指出其连续三个月无故不参加组织生活、未按时交纳党费的问题，讲明党章关于党员"
    "参加组织生活的要求，了解缺席原因。",
    "problems": "组织观念淡薄，放松了对自己的要求。",
    "difficulties": "本人称近期工作调整、家中事务较多，一时顾不上。",
    "opinions": "希望组织生活时间安排更灵活一些。",
    "actions": "按时参加党小组会和主题党日，补交党费。",
    "result": "此后仍未参加组织生活，党费仍未补交。",
}
_WARNING = {
    "trigger": "自{year}年{month}月起连续五个月无故不参加组织生活，经谈话提醒仍未改正",
    "content": "进行警示告诫，指出问题的严重性，明确限期一个月内改正；逾期仍不参加组织生活的，"
    "按照党章规定提交支部党员大会讨论处置。",
    "problems": "经谈话提醒后仍未参加组织生活，党员意识淡化。",
    "difficulties": "本人表示会考虑，未作明确答复。",
    "opinions": None,
    "actions": "限期一个月内参加组织生活、补交党费，并向支部作出书面说明。",
    "result": "限期届满仍未参加组织生活，拟提交支部党员大会讨论。",
}

FOLLOW_UPS_DUE = (4, 11)
"""Days from today of the two follow-ups the demo leaves due (the dashboard's reminder)."""
FOLLOW_UP_WINDOW = 14
_POST_ORDER = (
    CommitteePost.secretary,
    CommitteePost.deputy_secretary,
    CommitteePost.organization,
    CommitteePost.publicity,
    CommitteePost.discipline,
)


class _TalkWriter:
    """Writes the demo's talks: one pass over the years of the record, then the answers to
    the drifter's streak and the two follow-ups left due."""

    def __init__(self, b: DemoBranch) -> None:
        self.b = b
        self.rng = random.Random(f"{b.seed}:talks")
        self.today = b.today
        committee = [b.members[i] for i in b._committee_idx]
        self.by_post = {m.post: m for m in committee}
        self.secretary = self.by_post[CommitteePost.secretary]
        self.others = [m for m in committee if m is not self.secretary]
        second = self.by_post.get(CommitteePost.deputy_secretary) or self.by_post.get(
            CommitteePost.organization
        )
        self.second = second
        organization = self.by_post.get(CommitteePost.organization)
        self.recorder = organization.name if organization else None
        surname = self.rng.choices(_SURNAMES, _SURNAME_WEIGHTS)[0]
        self.outside = TalkerInput(
            name=surname + self.rng.choice(_GIVEN_NAMES[(Gender.male, 1)]), post=_OUTSIDE_POST
        )
        self.life = {m.date.year: m for m in b.meetings if MeetingType.life_meeting in m.types}
        self.out: list[TalkInput] = []

    # -- helpers

    def _day(self, lo: date, hi: date) -> date:
        """A working day between ``lo`` and ``hi`` (``lo`` when there is none)."""
        span = (hi - lo).days
        when = lo + timedelta(days=self.rng.randint(0, max(span, 0)))
        for step in (1, -1):
            d = when
            while lo <= d <= hi:
                if d.weekday() < 5:
                    return d
                d += timedelta(days=step)
        return lo

    def _talkers(self, member: MemberInput, secretary_share: float = 0.6):
        if member.member_no == self.secretary.member_no:
            if self.second is not None:
                return (TalkerInput(member_no=self.second.member_no),)
            return (self.outside,)
        if not self.others or self.rng.random() < secretary_share:
            return (TalkerInput(member_no=self.secretary.member_no),)
        talker = self.rng.choice(self.others)
        if talker.member_no == member.member_no:
            talker = self.secretary
        return (TalkerInput(member_no=talker.member_no),)

    def _follow_up(self, when: date, action: str, result: str, **fields) -> dict:
        """Agreed action with a deadline and a follow-up: found done when it lies in the
        past; not due within ``FOLLOW_UP_WINDOW`` days otherwise (only the planted two are)."""
        rng = self.rng
        follow = when + timedelta(days=rng.randint(30, 75))
        if follow > self.today and follow <= self.today + timedelta(days=FOLLOW_UP_WINDOW):
            follow = self.today + timedelta(days=FOLLOW_UP_WINDOW + 1 + rng.randint(0, 30))
        return {
            **fields,
            "actions": action,
            "action_deadline": follow,
            "follow_up_date": follow,
            "follow_up_result": result if follow <= self.today else None,
        }

    def _add(self, when: date, member: MemberInput, kind: TalkType, **fields) -> None:
        fields.setdefault("talkers", self._talkers(member))
        fields.setdefault("place", self.rng.choice(_TALK_PLACES))
        self.out.append(TalkInput(date=when, member_no=member.member_no, type=kind, **fields))

    # -- the year's talks

    def talks(self) -> tuple[TalkInput, ...]:
        b = self.b
        for year in range(b.first_day.year, self.today.year + 1):
            self._year(year)
        self._drifter_answers()
        self._due_follow_ups()
        self.out.sort(key=lambda t: (t.date, t.member_no, t.type.value))
        return tuple(self.out)

    def _year(self, year: int) -> None:
        b, today = self.b, self.today
        first = max(date(year, 1, 1), b.first_day)
        end = min(date(year, 12, 31), today)
        due_by = date(year, 10, 31)  # every member due is talked with by the end of October
        for member in b.members:
            joined = member.join_date
            assert joined is not None
            lo = max(first, joined + timedelta(days=7))
            hi = due_by if lo <= due_by else date(year, 12, 31)
            if member.member_no == b.drifter:
                hi = min(hi, b.drift_start - timedelta(days=1))  # the answers come later
            if lo > hi or lo > end:
                continue
            self._main_talk(member, year, lo, hi)
        life = self.life.get(year)
        if life is not None:
            self._before_life_meeting(life.date)

    def _main_talk(self, member: MemberInput, year: int, lo: date, hi: date) -> None:
        b, rng = self.b, self.rng
        leave = b.long_leave
        r = rng.random()
        anniversary = _anniversary(member.join_date, year)  # type: ignore[arg-type]
        if leave and leave[0] == member.member_no and lo <= leave[1] + timedelta(days=14) <= hi:
            when = leave[1] + timedelta(days=14)
            content, difficulty = _LEAVE_CARE.get(leave[3], _LEAVE_CARE["外派挂职"])
            fields = {
                "content": content,
                "difficulties": difficulty,
                "opinions": rng.choice(_OPINIONS),
                "form": TalkForm.online,
                "place": "线上视频",
                "trigger": f"{leave[3]}期间关心关爱",
            }
            kind = TalkType.care
        elif member.status is MemberStatus.probationary:
            when = self._day(lo, hi)
            action, result = rng.choice(_PROBATION_ACTIONS)
            fields = self._follow_up(
                when,
                action,
                result,
                content=_PROBATION_CONTENT,
                opinions=rng.choice(_OPINIONS),
                trigger="预备党员教育考察",
            )
            kind = TalkType.encouragement
        elif r < 0.22 and lo <= anniversary <= hi and anniversary.year > member.join_date.year:  # type: ignore[union-attr]
            when = anniversary
            years = anniversary.year - member.join_date.year  # type: ignore[union-attr]
            fields = {
                "content": _BIRTHDAY_CONTENT.format(years=years),
                "opinions": rng.choice(_BIRTHDAY_OPINIONS),
                "trigger": f"入党{years}周年政治生日",
            }
            kind = TalkType.political_birthday
        elif r < 0.32:
            when = self._day(lo, hi)
            difficulty, action, result, secret = rng.choice(_CARE_CASES)
            fields = self._follow_up(
                when,
                action,
                result,
                content=rng.choice(_CARE_CONTENT),
                difficulties=difficulty,
                confidential=secret and rng.random() < 0.6,
                place="党员家中" if rng.random() < 0.5 else rng.choice(_TALK_PLACES),
                trigger="了解到家庭有困难",
            )
            kind = TalkType.care
        elif r < 0.42:
            when = self._day(lo, hi)
            fields = {
                "content": rng.choice(_ENCOURAGEMENT_CONTENT),
                "opinions": rng.choice(_OPINIONS),
            }
            kind = TalkType.encouragement
        else:
            when = self._day(lo, hi)
            fields = {
                "content": rng.choice(_ROUTINE_CONTENT),
                "problems": rng.choice(_ROUTINE_PROBLEMS),
                "difficulties": rng.choice(_ROUTINE_DIFFICULTIES),
                "opinions": rng.choice(_OPINIONS),
                "confidential": rng.random() < 0.02,
            }
            if rng.random() < 0.25:
                action, result = rng.choice(_ACTIONS)
                fields = self._follow_up(when, action, result, **fields)
            kind = TalkType.routine
        if when <= self.today:
            self._add(when, member, kind, **fields)

    def _before_life_meeting(self, held: date) -> None:
        """Talks in the weeks before the life meeting: the secretary with every committee
        member (and the second with the secretary), committee members with about a fifth of
        the others."""
        b, rng = self.b, self.rng
        committee = {m.member_no for m in [self.secretary, *self.others]}
        for member in b.members:
            is_committee = member.member_no in committee
            if member.member_no == b.drifter or not (is_committee or rng.random() < 0.2):
                continue
            lo = max(b.first_day, member.join_date + timedelta(days=7))  # type: ignore[operator]
            when = held - timedelta(days=rng.randint(3, 20))
            if when < lo or when > self.today:
                continue
            if is_committee and member.member_no != self.secretary.member_no:
                talkers = (TalkerInput(member_no=self.secretary.member_no),)
            else:
                talkers = self._talkers(member, secretary_share=0.4)
            self._add(
                when,
                member,
                TalkType.pre_life_meeting,
                talkers=talkers,
                content=rng.choice(_PRE_LIFE_CONTENT),
                problems=rng.choice(_PRE_LIFE_PROBLEMS),
                opinions=rng.choice(_PRE_LIFE_OPINIONS),
                recorder=self.recorder if is_committee else None,
                trigger=f"{held.year}年度组织生活会前征求意见",
            )

    # -- the answers to the drifter's streak, and two follow-ups left due

    def _drifter_answers(self) -> None:
        b = self.b
        months = b.drifter_months()
        drifter = b.member(b.drifter)
        dates = sorted(
            m.date
            for i, m in enumerate(b.meetings)
            if m.date >= b.drift_start and b._audiences[i] in (_ALL, b.groups.index(drifter.group))  # type: ignore[arg-type]
        )
        first_month = months[0] if months else _month_text(b.drift_start.year, b.drift_start.month)
        year, month = int(first_month[:4]), int(first_month[5:])
        talkers = [TalkerInput(member_no=self.secretary.member_no)]
        second = self.by_post.get(CommitteePost.organization) or self.by_post.get(
            CommitteePost.deputy_secretary
        )
        if second is not None:
            talkers.append(TalkerInput(member_no=second.member_no))
        for index, texts, kind, step, place in (
            (2, _REMINDER, TalkType.reminder, "reminder_talk", "书记办公室"),
            (4, _WARNING, TalkType.warning, "warning_notice", "支部会议室"),
        ):
            if len(months) <= index:
                continue
            key = months[index]
            in_month = [d for d in dates if _month_text(d.year, d.month) == key]
            y, m = int(key[:4]), int(key[5:])
            last = date(y, m, calendar.monthrange(y, m)[1])
            when = min(in_month[0] + timedelta(days=self.rng.randint(2, 6)), last)
            if when > self.today:
                continue
            deadline = when + timedelta(days=30)
            follow = deadline
            if self.today < follow <= self.today + timedelta(days=FOLLOW_UP_WINDOW):
                follow = self.today + timedelta(days=FOLLOW_UP_WINDOW + 1)
            self._add(
                when,
                drifter,
                kind,
                talkers=tuple(talkers),
                place=place,
                recorder=self.recorder,
                trigger=texts["trigger"].format(year=year, month=month),
                content=texts["content"],
                problems=texts["problems"],
                difficulties=texts["difficulties"],
                opinions=texts["opinions"],
                actions=texts["actions"],
                action_deadline=deadline,
                follow_up_date=follow,
                follow_up_result=texts["result"] if follow <= self.today else None,
                absence_from=first_month,
                absence_step=step,
            )

    def _due_follow_ups(self) -> None:
        """Two care talks of the last fortnight whose follow-ups fall due in the next two weeks."""
        b, rng, today = self.b, self.rng, self.today
        settled = [
            m
            for m in b.members
            if m.member_no != b.drifter and m.join_date <= today - timedelta(days=60)  # type: ignore[operator]
        ]
        for days, member in zip(FOLLOW_UPS_DUE, rng.sample(settled, min(2, len(settled)))):
            when = max(today - timedelta(days=rng.randint(2, 12)), b.first_day)
            difficulty, action, _result, _secret = rng.choice(_CARE_CASES)
            self._add(
                when,
                member,
                TalkType.care,
                content=rng.choice(_CARE_CONTENT),
                difficulties=difficulty,
                actions=action,
                action_deadline=today + timedelta(days=days),
                follow_up_date=today + timedelta(days=days),
                trigger="了解到家庭有困难",
            )


def _anniversary(joined: date, year: int) -> date:
    try:
        return joined.replace(year=year)
    except ValueError:  # joined on 29 February
        return date(year, 3, 1)


__all__ = [
    "COMMITTEE_MISS_MONTHS",
    "DEMO_BRANCH_NAME",
    "DRIFTING_MEMBER_NAME",
    "ENTRIES_PER_MEMBER_YEAR",
    "LEDGER_KINDS",
    "DemoBranch",
    "DemoEntry",
    "DemoPlanItem",
    "DemoRectification",
    "GROUP_MISS_MONTHS",
    "RECENT_DAYS",
    "generate",
    "group_count",
    "group_name",
    "record_start",
    "zh_numeral",
]

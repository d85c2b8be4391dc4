"""Heart-to-heart talk records (谈心谈话) as plain values, and talk records from typed text.

Pure Python, shared by the CLI (``talks add``) and the TUI form: ``talk_from_fields`` takes
the text a person typed and returns a ``TalkInput`` or raises ``records.FieldErrors``
naming each bad field. The storage layer (``data.talks``) re-exports the dataclasses and
checks the same rules again against the roster, inside its write transaction.

Talkers are written one after another, separated by ``;``, ``；`` or ``、``:
``003`` is a branch member by number (name and post then come from the roster);
``张三/上级党委`` is someone from outside the branch, a name and a post (the post may be a
committee post such as ``书记`` or free text; ``张三/`` gives a name without a post).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import date
from enum import Enum
from typing import Any

from orglife_tui.domain import (
    CommitteePost,
    InputError,
    LadderAction,
    TalkForm,
    TalkType,
    accepted_values,
    label,
    parse_date,
    parse_enum,
    parse_month,
    unsafe_characters,
)
from orglife_tui.domain.parsing import parse_flag
from orglife_tui.domain.records import FieldErrors


@dataclass(frozen=True)
class TalkerInput:
    name: str | None = None  # free name for someone outside the branch
    member_no: str | None = None  # a branch member (name and post then come from the roster)
    post: str | None = None  # CommitteePost key, or free text like "上级党委"


@dataclass(frozen=True, kw_only=True)
class TalkDetails:
    """What a talk records besides who, when and with whom: the fields the typed record
    (``TalkInput``) and the stored row (``TalkRow``) share, given by keyword."""

    form: TalkForm = TalkForm.one_to_one
    place: str | None = None
    recorder: str | None = None
    trigger: str | None = None
    content: str | None = None
    problems: str | None = None
    difficulties: str | None = None
    opinions: str | None = None
    actions: str | None = None
    action_deadline: dt.date | None = None
    follow_up_date: dt.date | None = None
    follow_up_result: str | None = None
    confidential: bool = False
    absence_from: str | None = None  # YYYY-MM, first month of the absence streak answered
    absence_step: str | None = None  # LadderAction key


@dataclass(frozen=True)
class TalkInput(TalkDetails):
    date: date
    member_no: str
    type: TalkType
    talkers: tuple[TalkerInput, ...] = ()


@dataclass(frozen=True)
class TalkerRow:
    name: str
    post: str | None
    member_no: str | None


# The texts a confidential talk keeps out of listings and exports unless asked for.
CONFIDENTIAL_FIELDS = (
    "content",
    "problems",
    "difficulties",
    "opinions",
    "actions",
    "follow_up_result",
)
# The free texts of a talk: lines and tabs are text there (the same texts as above).
LONG_TEXT_FIELDS = frozenset(CONFIDENTIAL_FIELDS)


@dataclass(frozen=True)
class TalkRow(TalkDetails):
    """A stored talk. When ``redacted`` the texts of ``CONFIDENTIAL_FIELDS`` are None: the
    talk is confidential and they were not asked for, or ``texts_hidden``: the reader
    cannot see them at all (PostgreSQL's row-level security hides the talk's texts from
    everyone but its talkers and the branch secretary)."""

    id: int
    date: date
    member_no: str
    member_name: str
    type: TalkType
    talkers: tuple[TalkerRow, ...] = ()
    redacted: bool = False
    texts_hidden: bool = False

    def as_input(self) -> TalkInput:
        """The record to edit; refused for a redacted row (its texts would be lost)."""
        if self.redacted:
            raise ValueError(f"talk {self.id} was read without its confidential content")
        details = {f.name: getattr(self, f.name) for f in fields(TalkDetails)}
        return TalkInput(
            date=self.date,
            member_no=self.member_no,
            type=self.type,
            talkers=tuple(
                TalkerInput(member_no=k.member_no)
                if k.member_no
                else TalkerInput(name=k.name, post=k.post)
                for k in self.talkers
            ),
            **details,
        )


# The fields of a talk form, in the order the form and ``talks show`` list them.
TALK_FIELDS = (
    "date",
    "member_no",
    "type",
    "form",
    "talkers",
    "place",
    "recorder",
    "trigger",
    "content",
    "problems",
    "difficulties",
    "opinions",
    "actions",
    "action_deadline",
    "follow_up_date",
    "follow_up_result",
    "confidential",
    "absence_from",
    "absence_step",
)

# The columns of a talk in listings and exports (JSON keys, CSV and XLSX headers): the
# form's fields with the stored row's id, member name, redaction and hidden texts.
TALK_COLUMNS = (
    "id",
    *TALK_FIELDS[:2],
    "member_name",
    *TALK_FIELDS[2:],
    "redacted",
    "texts_hidden",
)

MAX_LEN = {
    "member_no": 50,
    "place": 200,
    "recorder": 100,
    "trigger": 500,
    "talker_name": 100,
    "talker_post": 50,
}

TALKER_SEPARATORS = re.compile(r"[;；、]")
_SLASH = re.compile(r"[/／]")

LADDER_ZH = {
    LadderAction.reminder_talk: "谈话提醒",
    LadderAction.warning_notice: "警示告诫",
    LadderAction.general_meeting_case: "提交党员大会处置",
}
_LADDER_ALIASES = {
    "提醒": "reminder_talk",
    "警示": "warning_notice",
    "党员大会": "general_meeting_case",
}


# ---------------------------------------------------------------------------- small parsers


def parse_ladder_action(text: str) -> LadderAction:
    """A ladder step by its key (``reminder_talk``) or its Chinese name (谈话提醒)."""
    raw = text.strip()
    key = raw.lower().replace(" ", "_").replace("-", "_")
    for action in LadderAction:
        if key == action.value or raw == LADDER_ZH[action]:
            return action
    alias = _LADDER_ALIASES.get(raw)
    if alias:
        return LadderAction(alias)
    raise InputError(f"unknown ladder step {raw!r}")


def ladder_values() -> str:
    """The spellings accepted for a ladder step, for messages."""
    return ", ".join(f"{a.value}/{LADDER_ZH[a]}" for a in LadderAction)


def step_label(step: str | None, lang: str) -> str:
    """How a stored ladder step reads in the user's language (unknown keys as they are)."""
    if not step:
        return ""
    try:
        action = LadderAction(step)
    except ValueError:
        return step
    return LADDER_ZH[action] if lang == "zh" else action.value.replace("_", " ")


def post_key(text: str | None) -> str | None:
    """A committee post's key when the text names one (书记 → secretary), else the text."""
    raw = (text or "").strip()
    if not raw:
        return None
    try:
        return str(parse_enum(CommitteePost, raw).value)
    except InputError:
        return raw


def post_label(post: str | None, lang: str) -> str:
    """How a stored post reads: a committee post in the user's language, free text as is."""
    if not post:
        return ""
    try:
        return label(CommitteePost(post), lang)
    except ValueError:
        return post


def parse_talkers(text: str) -> tuple[TalkerInput, ...]:
    """``003；张三/上级党委、李四/`` → a member by number, then two people from outside."""
    out: list[TalkerInput] = []
    for part in TALKER_SEPARATORS.split(text):
        part = part.strip()
        if not part:
            continue
        if _SLASH.search(part):
            name, post = (s.strip() for s in _SLASH.split(part, maxsplit=1))
            if not name:
                raise InputError(f"no name before the slash in {part!r}", "talks.problem.no_name")
            out.append(TalkerInput(name=name, post=post_key(post)))
        else:
            out.append(TalkerInput(member_no=part))
    return tuple(out)


def talkers_field(talkers: Iterable[TalkerRow | TalkerInput]) -> str:
    """Talkers written back the way ``parse_talkers`` reads them (to prefill a form)."""
    parts = []
    for k in talkers:
        if k.member_no:
            parts.append(k.member_no)
        else:
            parts.append(f"{k.name or ''}/{k.post or ''}")
    return "; ".join(parts)


def talkers_text(talkers: Iterable[TalkerRow]) -> str:
    """``name/post`` per talker, posts by their stable keys, joined by ``; `` (for CSV)."""
    return "; ".join(f"{k.name}/{k.post}" if k.post else k.name for k in talkers)


def talkers_label(talkers: Iterable[TalkerRow], lang: str) -> str:
    """``张伟（书记）、王局长（上级党委）`` / ``Zhang Wei (secretary); Wang (上级党委)``."""
    parts = []
    for k in talkers:
        post = post_label(k.post, lang)
        if lang == "zh":
            parts.append(f"{k.name}（{post}）" if post else k.name)
        else:
            parts.append(f"{k.name} ({post})" if post else k.name)
    return ("、" if lang == "zh" else "; ").join(parts)


# ---------------------------------------------------------------------------- the form


def _text(values: Mapping[str, str | None], key: str) -> str:
    value = values.get(key)
    return "" if value is None else str(value).strip()


def _long_text(values: Mapping[str, str | None], key: str) -> str | None:
    """A long text keeps its inner line breaks; only the ends are trimmed."""
    return _text(values, key) or None


def _date(values: Mapping[str, str | None], key: str, errors: FieldErrors) -> date | None:
    raw = _text(values, key)
    if not raw:
        return None
    try:
        return parse_date(raw)
    except InputError as exc:
        errors.add(key, exc.key, value=raw)
        return None


def _enum(
    values: Mapping[str, str | None], key: str, kind: type[Enum], problem: str, errors: FieldErrors
) -> Any:
    raw = _text(values, key)
    try:
        return parse_enum(kind, raw)
    except InputError:
        errors.add(key, problem, value=raw, accepted=accepted_values(kind))
        return None


def talk_from_fields(values: Mapping[str, str | None], today: date | None = None) -> TalkInput:
    """A talk from typed text, or ``FieldErrors`` naming every bad field at once.

    ``date``, ``member_no``, ``type`` and ``talkers`` are required; ``form`` defaults to
    one-to-one. The talk may not lie after ``today``; the action deadline and the follow-up
    may not lie before the talk.
    """
    today = today or date.today()
    errors = FieldErrors()
    for key in ("member_no", "place", "recorder", "trigger"):
        if len(_text(values, key)) > MAX_LEN[key]:
            errors.add(key, "problem.too_long", limit=str(MAX_LEN[key]))
    # Text from outside never carries what a terminal would act on (records.py says why).
    for key, value in values.items():
        if isinstance(value, str):
            found = unsafe_characters(value, multiline=key in LONG_TEXT_FIELDS)
            if found:
                errors.add(key, "problem.control_chars", chars=", ".join(found))

    when = _date(values, "date", errors)
    if not _text(values, "date"):
        errors.add("date", "problem.required")
    elif when is not None and when > today:
        errors.add("date", "problem.date_in_future")

    member_no = _text(values, "member_no")
    if not member_no:
        errors.add("member_no", "problem.required")

    kind = None
    if not _text(values, "type"):
        errors.add("type", "problem.required")
    else:
        kind = _enum(values, "type", TalkType, "talks.problem.unknown_type", errors)

    form = TalkForm.one_to_one
    if _text(values, "form"):
        form = _enum(values, "form", TalkForm, "talks.problem.unknown_form", errors) or form

    talkers: tuple[TalkerInput, ...] = ()
    raw_talkers = _text(values, "talkers")
    try:
        talkers = parse_talkers(raw_talkers)
    except InputError as exc:
        errors.add("talkers", exc.key, value=raw_talkers)
    else:
        if not talkers:
            errors.add("talkers", "problem.required")
        for k in talkers:
            if len(k.name or k.member_no or "") > MAX_LEN["talker_name"]:
                errors.add("talkers", "problem.too_long", limit=str(MAX_LEN["talker_name"]))
            if len(k.post or "") > MAX_LEN["talker_post"]:
                errors.add("talkers", "problem.too_long", limit=str(MAX_LEN["talker_post"]))

    deadline = _date(values, "action_deadline", errors)
    follow_up = _date(values, "follow_up_date", errors)
    if when is not None and deadline is not None and deadline < when:
        errors.add("action_deadline", "talks.problem.before_talk")
    if when is not None and follow_up is not None and follow_up < when:
        errors.add("follow_up_date", "talks.problem.before_talk")

    confidential = False
    raw_flag = _text(values, "confidential")
    try:
        confidential = parse_flag(raw_flag)
    except InputError:
        errors.add("confidential", "talks.problem.bad_flag", value=raw_flag)

    absence_from = None
    raw_from = _text(values, "absence_from")
    if raw_from:
        try:
            absence_from = parse_month(raw_from)
        except InputError as exc:
            errors.add("absence_from", exc.key, value=raw_from)
    absence_step = None
    raw_step = _text(values, "absence_step")
    if raw_step:
        try:
            absence_step = parse_ladder_action(raw_step).value
        except InputError:
            errors.add(
                "absence_step",
                "talks.problem.unknown_step",
                value=raw_step,
                accepted=ladder_values(),
            )
        if not raw_from:
            errors.add("absence_from", "talks.problem.step_without_case")

    if errors:
        raise errors
    assert when is not None and kind is not None
    return TalkInput(
        date=when,
        member_no=member_no,
        type=kind,
        form=form,
        talkers=talkers,
        place=_text(values, "place") or None,
        recorder=_text(values, "recorder") or None,
        trigger=_text(values, "trigger") or None,
        content=_long_text(values, "content"),
        problems=_long_text(values, "problems"),
        difficulties=_long_text(values, "difficulties"),
        opinions=_long_text(values, "opinions"),
        actions=_long_text(values, "actions"),
        action_deadline=deadline,
        follow_up_date=follow_up,
        follow_up_result=_long_text(values, "follow_up_result"),
        confidential=confidential,
        absence_from=absence_from,
        absence_step=absence_step,
    )


def talk_fields(talk: TalkRow | TalkInput) -> dict[str, str]:
    """The typed text of a talk (to prefill an edit form): ``talk_from_fields`` reads it back
    to the same record."""

    def day(d: date | None) -> str:
        return d.isoformat() if d else ""

    return {
        "date": day(talk.date),
        "member_no": talk.member_no,
        "type": talk.type.value,
        "form": talk.form.value,
        "talkers": talkers_field(talk.talkers),
        "place": talk.place or "",
        "recorder": talk.recorder or "",
        "trigger": talk.trigger or "",
        "content": talk.content or "",
        "problems": talk.problems or "",
        "difficulties": talk.difficulties or "",
        "opinions": talk.opinions or "",
        "actions": talk.actions or "",
        "action_deadline": day(talk.action_deadline),
        "follow_up_date": day(talk.follow_up_date),
        "follow_up_result": talk.follow_up_result or "",
        "confidential": "yes" if talk.confidential else "no",
        "absence_from": talk.absence_from or "",
        "absence_step": talk.absence_step or "",
    }

"""Validated input records: what a form or an import row becomes before it is stored.

Pure Python. ``*_from_fields`` take the text a person typed (in a form or a spreadsheet
cell) and either return a record or raise ``FieldErrors`` naming each bad field, so the
importer can print ``FILE:ROW: reason`` and the form can mark the field in place.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from orglife_tui.domain import (
    AttendanceStatus,
    CommitteePost,
    Gender,
    InputError,
    MeetingForm,
    MeetingType,
    MemberStatus,
    accepted_values,
    member_date_problems,
    parse_date,
    parse_enum,
    parse_meeting_types,
    parse_month,
    parse_phone,
    parse_post,
    unsafe_characters,
)
from orglife_tui.domain.parsing import parse_flag


@dataclass(frozen=True)
class MemberInput:
    member_no: str
    name: str
    status: MemberStatus
    gender: Gender | None = None
    birth_date: date | None = None
    join_date: date | None = None
    full_date: date | None = None
    group: str | None = None
    post: CommitteePost | None = None
    phone: str | None = None
    dues_paid_until: str | None = None
    leader: bool = False  # 领导干部


# The member fields, in the order listings and exports show them.
MEMBER_FIELDS = tuple(MemberInput.__dataclass_fields__)


@dataclass(frozen=True)
class MeetingInput:
    date: date
    types: tuple[MeetingType, ...]
    title: str
    meeting_no: str | None = None  # assigned as YYYY-NNN when left out
    group: str | None = None
    place: str | None = None
    host: str | None = None
    recorder: str | None = None
    # A member number (or a name) from the roster: the lecturer's ``give_party_lecture``
    # points are derived from it; anyone else (a speaker from outside) is kept as text.
    lecturer: str | None = None
    minutes: str | None = None
    form: MeetingForm | None = None  # 讲授辅导、交流讨论、现场观摩、远程教育


@dataclass(frozen=True)
class AttendanceInput:
    meeting_no: str
    member_no: str
    status: AttendanceStatus
    reason: str | None = None


@dataclass
class FieldErrors(Exception):
    """Every problem found in one record: field name -> English message key and values."""

    problems: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)

    def add(self, fieldname: str, key: str, **params: str) -> None:
        self.problems.append((fieldname, key, params))

    def __bool__(self) -> bool:
        return bool(self.problems)

    def __str__(self) -> str:
        return "; ".join(self.messages())

    def messages(self) -> list[str]:
        from orglife_tui.locale import t

        out = []
        for fieldname, key, params in self.problems:
            out.append(t("field_problem", field=t(f"field.{fieldname}"), problem=t(key, **params)))
        return out


MAX_LEN = {
    "member_no": 50,
    "name": 100,
    "group": 100,
    "phone": 30,
    "title": 300,
    "meeting_no": 50,
    "place": 200,
    "host": 100,
    "recorder": 100,
    "lecturer": 100,
    "reason": 500,
}


def _text(values: Mapping[str, str | None], key: str) -> str:
    value = values.get(key)
    return "" if value is None else str(value).strip()


# Fields whose unreadable values get a message listing what is accepted.
_ENUM_PROBLEMS: dict[str, tuple[type, str]] = {
    "gender": (Gender, "problem.unknown_gender"),
    "post": (CommitteePost, "problem.unknown_post"),
    "meeting_form": (MeetingForm, "life.problem.unknown_form"),
}


def _optional(
    values: Mapping[str, str | None], key: str, parse: Callable[[str], object], errors: FieldErrors
) -> Any:
    raw = _text(values, key)
    if not raw:
        return None
    try:
        return parse(raw)
    except InputError as exc:
        if key in _ENUM_PROBLEMS:
            kind, problem = _ENUM_PROBLEMS[key]
            errors.add(key, problem, value=raw, accepted=accepted_values(kind))
        else:
            errors.add(key, exc.key, value=raw)
        return None


# Fields whose text may span lines (a newline or a tab there is text, not a control).
MULTILINE = frozenset({"minutes"})


def _check_lengths(values: Mapping[str, str | None], errors: FieldErrors) -> None:
    for key, limit in MAX_LEN.items():
        if len(_text(values, key)) > limit:
            errors.add(key, "problem.too_long", limit=str(limit))
    # Text from outside never carries what a terminal or a viewer would act on (an escape
    # sequence in a name would wipe the screen it is shown on): refused, with the field.
    for key, value in values.items():
        if isinstance(value, str):
            found = unsafe_characters(value, multiline=key in MULTILINE)
            if found:
                errors.add(key, "problem.control_chars", chars=", ".join(found))


def member_from_fields(values: Mapping[str, str | None], today: date | None = None) -> MemberInput:
    errors = FieldErrors()
    member_no = _text(values, "member_no")
    name = _text(values, "name")
    if not member_no:
        errors.add("member_no", "problem.required")
    if not name:
        errors.add("name", "problem.required")
    _check_lengths(values, errors)
    status_raw = _text(values, "status")
    status = MemberStatus.full
    if not status_raw:
        errors.add("status", "problem.required")
    else:
        try:
            status = parse_enum(MemberStatus, status_raw)
        except InputError:
            errors.add("status", "problem.unknown_status", value=status_raw)
    gender = _optional(values, "gender", lambda s: parse_enum(Gender, s), errors)
    # 出生年月: a birth month without its day is the first of the month (domain.parse_date).
    birth = _optional(values, "birth_date", lambda s: parse_date(s, month_only=True), errors)
    joined = _optional(values, "join_date", parse_date, errors)
    full = _optional(values, "full_date", parse_date, errors)
    post = _optional(values, "post", parse_post, errors)
    phone = _optional(values, "phone", parse_phone, errors)
    dues = _optional(values, "dues_paid_until", parse_month, errors)
    leader = bool(_optional(values, "leader", parse_flag, errors))
    if not errors:
        for fieldname, problem in member_date_problems(birth, joined, full, status, today):
            errors.add(fieldname, f"problem.{problem}")
    if errors:
        raise errors
    return MemberInput(
        member_no=member_no,
        name=name,
        status=status,
        gender=gender,
        birth_date=birth,
        join_date=joined,
        full_date=full,
        group=_text(values, "group") or None,
        post=post,
        phone=phone or None,
        dues_paid_until=dues,
        leader=leader,
    )


def meeting_from_fields(values: Mapping[str, str | None]) -> MeetingInput:
    errors = FieldErrors()
    _check_lengths(values, errors)
    when = None
    raw_date = _text(values, "date")
    if not raw_date:
        errors.add("date", "problem.required")
    else:
        when = _optional(values, "date", parse_date, errors)
    types: list[MeetingType] = []
    raw_types = _text(values, "type")
    if not raw_types:
        errors.add("type", "problem.required")
    else:
        try:
            types = parse_meeting_types(raw_types)
        except InputError:
            errors.add("type", "problem.unknown_meeting_type", value=raw_types)
    title = _text(values, "title")
    if not title:
        errors.add("title", "problem.required")
    form = _optional(values, "meeting_form", lambda s: parse_enum(MeetingForm, s), errors)
    if errors:
        raise errors
    assert when is not None
    return MeetingInput(
        date=when,
        types=tuple(types),
        title=title,
        meeting_no=_text(values, "meeting_no") or None,
        group=_text(values, "group") or None,
        place=_text(values, "place") or None,
        host=_text(values, "host") or None,
        recorder=_text(values, "recorder") or None,
        lecturer=_text(values, "lecturer") or None,
        minutes=_text(values, "minutes") or None,
        form=form,
    )


def attendance_from_fields(values: Mapping[str, str | None]) -> AttendanceInput:
    errors = FieldErrors()
    _check_lengths(values, errors)
    meeting_no = _text(values, "meeting_no")
    member_no = _text(values, "member_no")
    if not meeting_no:
        errors.add("meeting_no", "problem.required")
    if not member_no:
        errors.add("member_no", "problem.required")
    status = AttendanceStatus.present
    raw = _text(values, "status")
    if not raw:
        errors.add("status", "problem.required")
    else:
        try:
            status = parse_enum(AttendanceStatus, raw)
        except InputError:
            errors.add("status", "problem.unknown_attendance", value=raw)
    reason = _text(values, "reason") or None
    if status is AttendanceStatus.leave and not reason:
        errors.add("reason", "problem.leave_needs_reason")
    if errors:
        raise errors
    return AttendanceInput(meeting_no=meeting_no, member_no=member_no, status=status, reason=reason)

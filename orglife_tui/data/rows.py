"""The row types and checks the store and the area modules share (branches, members,
meetings, attendance); ``orglife_tui.data.store`` re-exports them. The tables they are
read from are the aliases of ``data.models``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import Connection, Join, Select, Table, or_, select

from orglife_tui.data.errors import (
    StoreError,
)
from orglife_tui.data.models import (
    branch_t,
    meeting_t,
    member_t,
)
from orglife_tui.domain import (
    AttendanceStatus,
    CommitteePost,
    Gender,
    MeetingForm,
    MeetingType,
    MemberStatus,
    natural_key,
)
from orglife_tui.domain.records import MeetingInput, MemberInput

# What ``membership_problem`` reads of a member: the number and name it names them by, and
# the dates that say whether they were in the branch on a day.
MEMBERSHIP_COLUMNS = (
    member_t.c.member_no,
    member_t.c.name,
    member_t.c.join_date,
    member_t.c.entered_on,
    member_t.c.left_on,
)

DEFAULT_BRANCH_NAME = "党支部"
# Which members a listing shows (``Store.list_members(standing=...)``).
STANDING_CURRENT = "current"  # in the branch today
STANDING_ARCHIVED = "archived"  # departed (历史党员)
STANDING_ALL = "all"
STANDINGS = (STANDING_CURRENT, STANDING_ARCHIVED, STANDING_ALL)
# pg_advisory_xact_lock key serializing appends to the audit chain on PostgreSQL.
AUDIT_CHAIN_LOCK = 0x0A0D17


def audit_fields(
    branch_id: int | None, at: datetime, operator: str, action: str, detail: str
) -> tuple[object, ...]:
    """The audit-log fields the chain hashes, in order (id excluded: not known before insert)."""
    return (branch_id, at, operator, action, detail)


@dataclass(frozen=True)
class BranchInfo:
    id: int
    name: str


@dataclass(frozen=True)
class MemberRow:
    id: int
    member_no: str
    name: str
    status: MemberStatus
    gender: Gender | None
    birth_date: date | None
    join_date: date | None
    full_date: date | None
    group: str | None
    post: CommitteePost | None
    phone: str | None
    dues_paid_until: str | None
    # Derived from the member's events (data/membership.py): in the branch from
    # ``entered_on`` (None: from the start) until ``left_on`` (None: still here).
    entered_on: date | None = None
    left_on: date | None = None
    left_kind: str | None = None  # the departure's MemberEventKind value
    leader: bool = False  # 领导干部

    def as_input(self) -> MemberInput:
        return MemberInput(
            member_no=self.member_no,
            name=self.name,
            status=self.status,
            gender=self.gender,
            birth_date=self.birth_date,
            join_date=self.join_date,
            full_date=self.full_date,
            group=self.group,
            post=self.post,
            phone=self.phone,
            dues_paid_until=self.dues_paid_until,
            leader=self.leader,
        )


@dataclass(frozen=True)
class MeetingRow:
    id: int
    meeting_no: str
    date: date
    types: tuple[MeetingType, ...]
    title: str
    group: str | None
    place: str | None
    host: str | None
    recorder: str | None
    lecturer: str | None
    minutes: str | None
    present: int = 0
    leave: int = 0
    absent: int = 0
    # A meeting recorded by mistake is voided, never deleted: when and why.
    voided_at: datetime | None = None
    void_reason: str | None = None
    form: MeetingForm | None = None
    # The lecturer picked from the roster (his or her name is ``lecturer``); None: nobody,
    # or a speaker from outside the branch named in ``lecturer`` only.
    lecturer_id: int | None = None
    lecturer_no: str | None = None

    @property
    def voided(self) -> bool:
        return self.voided_at is not None

    def as_input(self) -> MeetingInput:
        return MeetingInput(
            date=self.date,
            types=self.types,
            title=self.title,
            meeting_no=self.meeting_no,
            group=self.group,
            place=self.place,
            host=self.host,
            recorder=self.recorder,
            lecturer=self.lecturer_no or self.lecturer,
            minutes=self.minutes,
            form=self.form,
        )


@dataclass(frozen=True)
class AttendanceLine:
    member_id: int
    member_no: str
    name: str
    group: str | None
    member_status: MemberStatus
    status: AttendanceStatus | None  # None: not yet marked
    reason: str | None
    # away (流动党员) on the meeting's date: listed so that a mark can still be kept, but not
    # expected; an absence while away is not counted against the member (compliance)
    away: bool = False


@dataclass(frozen=True)
class BranchSummary:
    branch: BranchInfo
    full_members: int
    probationary_members: int
    groups: int
    meetings_this_month: list[MeetingRow]
    meetings_this_year: int


def _now() -> datetime:
    return datetime.now(timezone.utc)


def month_start(d: date) -> date:
    return d.replace(day=1)


def member_join(table: Table) -> Join:
    """``table`` joined to the member each of its rows belongs to (``table.c.member_id``)."""
    return table.join(member_t, member_t.c.id == table.c.member_id)


def with_member(table: Table) -> Select[Any]:
    """``table``'s rows with the number and the name of their member."""
    return select(table, member_t.c.member_no, member_t.c.name).select_from(member_join(table))


def live_meeting():
    """The condition every query on meetings carries: a voided meeting counts nowhere."""
    return meeting_t.c.voided_at.is_(None)


def records_start_of(conn: Connection, branch_id: int) -> date | None:
    """The first day the branch's records cover (``branch.records_start``)."""
    return conn.scalar(select(branch_t.c.records_start).where(branch_t.c.id == branch_id))


def date_problem(
    on: date, today: date, start: date | None, future_key: str
) -> tuple[str, dict[str, str]] | None:
    """Why a record dated ``on`` cannot be: after today (``future_key``) or before the
    branch's records start. None when the date is possible."""
    if on > today:
        return future_key, {"date": on.isoformat(), "today": today.isoformat()}
    return start_problem(on, start)


def start_problem(on: date, start: date | None) -> tuple[str, dict[str, str]] | None:
    """A record dated ``on`` before the branch's records ``start`` (None: it is not)."""
    if start is not None and on < start:
        return "corrections.before_start", {
            "date": on.isoformat(),
            "start": start.isoformat(),
            "month": month_start(on).isoformat(),
        }
    return None


def membership_problem(member, on: date) -> tuple[str, dict[str, str]] | None:
    """Why nothing can be recorded for ``member`` (a row with member_no, name, join_date,
    entered_on, left_on) on ``on``: before joining the Party, before coming into the branch,
    or on/after leaving it. None when the member was in the branch that day."""
    who = {"member_no": member.member_no, "name": member.name, "date": on.isoformat()}
    if member.join_date is not None and on < member.join_date:
        return "corrections.member_not_joined", {**who, "joined": member.join_date.isoformat()}
    if member.entered_on is not None and on < member.entered_on:
        return "corrections.member_not_entered", {**who, "entered": member.entered_on.isoformat()}
    if member.left_on is not None and on >= member.left_on:
        return "corrections.member_left", {**who, "left": member.left_on.isoformat()}
    return None


def voided_problem(meeting) -> tuple[str, dict[str, str]]:
    """The refusal of any change to a voided meeting (a row with meeting_no, voided_at,
    void_reason)."""
    return "corrections.meeting_voided", {
        "meeting_no": meeting.meeting_no,
        "on": meeting.voided_at.date().isoformat() if meeting.voided_at else "",
        "reason": meeting.void_reason or "",
    }


def _opt_enum(kind, value):
    return None if value is None else kind(value)


def member_values(m: MemberInput, group_ids: dict[str, int]) -> dict[str, object]:
    """The member table's columns for a record (enums as their keys, group by id)."""
    return {
        "member_no": m.member_no,
        "name": m.name,
        "status": m.status.value,
        "gender": m.gender.value if m.gender else None,
        "birth_date": m.birth_date,
        "join_date": m.join_date,
        "full_date": m.full_date,
        "group_id": group_ids[m.group] if m.group else None,
        "post": m.post.value if m.post else None,
        "phone": m.phone,
        "dues_paid_until": m.dues_paid_until,
        "sort_key": natural_key(m.member_no),
        "leader": m.leader,
    }


def meeting_values(
    m: MeetingInput,
    group_ids: dict[str, int],
    meeting_no: str,
    lecturers: Mapping[str, tuple[int, str]] | None = None,
) -> dict[str, object]:
    """The meeting table's columns for a record numbered ``meeting_no``; ``lecturers``
    resolves a lecturer's text to the member (id, name) it names (``lecturer_lookup``)."""
    found = (lecturers or {}).get(m.lecturer or "")
    return {
        "meeting_no": meeting_no,
        "date": m.date,
        "title": m.title,
        "group_id": group_ids[m.group] if m.group else None,
        "place": m.place,
        "host": m.host,
        "recorder": m.recorder,
        "lecturer": found[1] if found else m.lecturer,
        "lecturer_id": found[0] if found else None,
        "minutes": m.minutes,
        "form": m.form.value if m.form else None,
    }


def lecturer_lookup(
    conn: Connection, branch_id: int, texts: Iterable[str | None]
) -> dict[str, tuple[int, str]]:
    """The members the lecturer texts name: a member number, else a name no other member
    of the branch bears. A text naming nobody (a speaker from outside) is left out."""
    wanted = sorted({x for x in texts if x})
    out: dict[str, tuple[int, str]] = {}
    if not wanted:
        return out
    rows = conn.execute(
        select(member_t.c.id, member_t.c.member_no, member_t.c.name).where(
            member_t.c.branch_id == branch_id,
            or_(member_t.c.member_no.in_(wanted), member_t.c.name.in_(wanted)),
        )
    ).all()
    by_name: dict[str, list[tuple[int, str]]] = {}
    for r in rows:
        by_name.setdefault(r.name, []).append((r.id, r.name))
    for r in rows:
        if r.member_no in wanted:
            out[r.member_no] = (r.id, r.name)
    for text in wanted:
        if text not in out and len(by_name.get(text, ())) == 1:
            out[text] = by_name[text][0]
    return out


class RowProblems(StoreError):
    """Refused rows of a bulk write: (index in the input, message key, params)."""

    def __init__(self, problems: Sequence[tuple[int, str, Mapping[str, object]]]) -> None:
        super().__init__("rows_refused", count=len(problems))
        self.problems = problems

"""结果运用: what the branch does with a member graded 基本合格 or 不合格 once the result is
final (issue 12 §3).

A follow-up is one measure for one member of one session:

- ``rectify`` (限期改正): done by a ``deadline``;
- ``talk`` (谈话): linked to a recorded talk with the member (``talk_id``); done on the talk's
  date once linked, due by an optional ``deadline``;
- ``disposal`` (组织处置): 劝退 (``persuade``) or 除名 (``remove``) taking effect on
  ``effective_on``. Carrying it out ends the membership through the member events
  (``data.membership``, ``MemberEventKind.removed``), the very operation ``members remove``
  uses: a 除名 on its effective date (at once when that day has come when it is recorded),
  a 劝退 on the day it was carried out.

Its status on an as-of date: ``done`` once done by then, ``overdue`` when its due day
(deadline, or effective date) passed before it and it is not done, else ``open``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlalchemy import Connection, select, update

from orglife_tui.data.appraisal.notice import final_grades, require_final
from orglife_tui.data.errors import Conflict, NotFound, StoreError, refuse_unsafe_text
from orglife_tui.data.membership import _insert_event
from orglife_tui.data.models import (
    candidate_t,
    follow_up_t,
    inserted_id,
    session_t,
    talk_t,
)
from orglife_tui.data.store import Store
from orglife_tui.domain import (
    Disposal,
    FollowUpMeasure,
    FollowUpStatus,
    MemberEventKind,
    natural_key,
    stripped_or_none,
)
from orglife_tui.locale import t
from orglife_tui.scoring.model import Grade

# The grades that call for a follow-up.
NEEDS_FOLLOW_UP = (Grade.basically_qualified, Grade.unqualified)
NOTE_LIMIT = 2000


@dataclass(frozen=True)
class FollowUpInput:
    member_no: str
    measure: FollowUpMeasure
    deadline: date | None = None
    talk_id: int | None = None
    disposal: Disposal | None = None
    effective_on: date | None = None
    note: str | None = None


@dataclass(frozen=True)
class FollowUpRow:
    id: int
    session_id: int
    year: int
    member_no: str
    name: str
    grade: Grade
    measure: FollowUpMeasure
    deadline: date | None
    talk_id: int | None
    disposal: Disposal | None
    effective_on: date | None
    note: str | None
    done_on: date | None
    done_note: str | None
    event_id: int | None  # the removal recorded when the disposal was carried out
    member_id: int = 0

    @property
    def due(self) -> date | None:
        """The day it must be done by: the deadline, or a disposal's effective date."""
        return self.deadline or self.effective_on

    def status(self, as_of: date) -> FollowUpStatus:
        if self.done_on is not None and self.done_on <= as_of:
            return FollowUpStatus.done
        if self.due is not None and self.due < as_of:
            return FollowUpStatus.overdue
        return FollowUpStatus.open


@dataclass(frozen=True)
class Pending:
    """A member graded 基本合格 or 不合格 in a final result with no follow-up yet."""

    session_id: int
    member_no: str
    name: str
    grade: Grade


def _select():
    return select(
        follow_up_t,
        session_t.c.year,
        candidate_t.c.member_no,
        candidate_t.c.name,
    ).select_from(
        follow_up_t.join(session_t, session_t.c.id == follow_up_t.c.session_id).join(
            candidate_t,
            (candidate_t.c.session_id == follow_up_t.c.session_id)
            & (candidate_t.c.member_id == follow_up_t.c.member_id),
        )
    )


def _row(r) -> FollowUpRow:
    return FollowUpRow(
        id=r.id,
        session_id=r.session_id,
        year=r.year,
        member_no=r.member_no,
        name=r.name,
        grade=Grade(r.grade),
        measure=FollowUpMeasure(r.measure),
        deadline=r.deadline,
        talk_id=r.talk_id,
        disposal=None if r.disposal is None else Disposal(r.disposal),
        effective_on=r.effective_on,
        note=r.note,
        done_on=r.done_on,
        done_note=r.done_note,
        event_id=r.event_id,
        member_id=r.member_id,
    )


def _sorted(rows: list[FollowUpRow]) -> list[FollowUpRow]:
    return sorted(rows, key=lambda f: (f.year, f.session_id, natural_key(f.member_no), f.id))


def list_follow_ups(
    store: Store, branch_id: int, *, year: int | None = None, session_id: int | None = None
) -> list[FollowUpRow]:
    """The branch's follow-ups (of a year, of a session), by year, member, then id."""
    stmt = _select().where(follow_up_t.c.branch_id == branch_id)
    if year is not None:
        stmt = stmt.where(session_t.c.year == year)
    if session_id is not None:
        stmt = stmt.where(follow_up_t.c.session_id == session_id)
    with store.read_connection() as conn:
        return _sorted([_row(r) for r in conn.execute(stmt)])


def overdue_follow_ups(store: Store, branch_id: int, as_of: date) -> list[FollowUpRow]:
    """Follow-ups whose due day passed before ``as_of`` and that were not done by then."""
    return [
        f for f in list_follow_ups(store, branch_id) if f.status(as_of) is FollowUpStatus.overdue
    ]


def get_follow_up(store: Store, branch_id: int, follow_up_id: int) -> FollowUpRow:
    with store.read_connection() as conn:
        r = conn.execute(
            _select().where(follow_up_t.c.id == follow_up_id, follow_up_t.c.branch_id == branch_id)
        ).first()
    if r is None:
        raise NotFound("follow_up.not_found", id=follow_up_id)
    return _row(r)


def pending(
    store: Store, branch_id: int, session_id: int, as_of: date | None = None
) -> list[Pending]:
    """Members whose final grade calls for a follow-up and who have none yet (empty while
    the result is not final)."""
    as_of = as_of or store.today()
    with store.read_connection() as conn:
        try:
            require_final(conn, branch_id, session_id, as_of)
        except Conflict:
            return []
        have = set(
            conn.scalars(
                select(follow_up_t.c.member_id).where(follow_up_t.c.session_id == session_id)
            )
        )
        return [
            Pending(session_id, g.member_no, g.name, g.grade)
            for g in final_grades(conn, session_id)
            if g.grade in NEEDS_FOLLOW_UP and g.member_id not in have
        ]


def _talk_date(conn: Connection, branch_id: int, member_id: int, talk_id: int) -> date:
    on = conn.scalar(
        select(talk_t.c.date).where(
            talk_t.c.id == talk_id,
            talk_t.c.branch_id == branch_id,
            talk_t.c.member_id == member_id,
        )
    )
    if on is None:
        raise NotFound("follow_up.talk_not_found", id=talk_id)
    return on


def _check(item: FollowUpInput) -> str | None:
    note = stripped_or_none(item.note)
    refuse_unsafe_text("field.note", note, multiline=True)
    if note is not None and len(note) > NOTE_LIMIT:
        raise StoreError("follow_up.note_too_long", limit=NOTE_LIMIT)
    m = item.measure
    if m is FollowUpMeasure.rectify and item.deadline is None:
        raise StoreError("follow_up.rectify_needs_deadline")
    if m is FollowUpMeasure.disposal:
        if item.disposal is None:
            raise StoreError("follow_up.disposal_needs_decision")
        if item.effective_on is None:
            raise StoreError("follow_up.disposal_needs_date")
    elif item.disposal is not None or item.effective_on is not None:
        raise StoreError("follow_up.decision_only_disposal")
    if m is not FollowUpMeasure.talk and item.talk_id is not None:
        raise StoreError("follow_up.talk_only_talk")
    return note


def _removal(
    conn: Connection,
    store: Store,
    branch_id: int,
    f: FollowUpRow,
    on: date,
) -> int:
    """End the membership on ``on`` through the member events (what ``members remove``
    records), the reason naming the decision and the session."""
    assert f.disposal is not None
    reason = t(f"follow_up.removal_reason.{f.disposal.value}", year=f.year, session=f.session_id)
    return _insert_event(
        conn,
        store,
        branch_id,
        f.member_no,
        MemberEventKind.removed,
        on,
        reason=reason,
        note=f.note,
        follow_up=f.id,
    )


def add_follow_up(
    store: Store, branch_id: int, session_id: int, item: FollowUpInput
) -> FollowUpRow:
    """Record a follow-up for a member graded 基本合格 or 不合格 in the session's final
    result. A 除名 whose effective date has come is carried out at once."""
    note = _check(item)
    today = store.today()
    member_no = item.member_no.strip()
    with store.write_transaction() as conn:
        require_final(conn, branch_id, session_id, today)
        grade = next((g for g in final_grades(conn, session_id) if g.member_no == member_no), None)
        if grade is None:
            raise NotFound("notice.member_not_graded", member_no=member_no[:50])
        if grade.grade not in NEEDS_FOLLOW_UP:
            raise StoreError(
                "follow_up.grade_needs_none",
                member_no=member_no,
                grade=t(f"appraisal.grade.{grade.grade.value}"),
            )
        done_on = None
        if item.talk_id is not None:
            done_on = _talk_date(conn, branch_id, grade.member_id, item.talk_id)
        new_id = inserted_id(
            conn.execute(
                follow_up_t.insert().values(
                    branch_id=branch_id,
                    session_id=session_id,
                    member_id=grade.member_id,
                    grade=grade.grade.value,
                    measure=item.measure.value,
                    deadline=item.deadline,
                    talk_id=item.talk_id,
                    disposal=None if item.disposal is None else item.disposal.value,
                    effective_on=item.effective_on,
                    note=note,
                    done_on=done_on,
                    operator=store.operator,
                    created_at=datetime.now(timezone.utc),
                )
            )
        )
        store.audit(
            conn,
            branch_id,
            "appraisal.follow_up",
            session=session_id,
            follow_up=new_id,
            member_no=member_no,
            measure=item.measure.value,
            deadline=item.deadline.isoformat() if item.deadline else None,
            disposal=None if item.disposal is None else item.disposal.value,
            effective_on=item.effective_on.isoformat() if item.effective_on else None,
            talk=item.talk_id,
        )
        row = _row(conn.execute(_select().where(follow_up_t.c.id == new_id)).one())
        if (
            row.disposal is Disposal.remove
            and row.effective_on is not None
            and row.effective_on <= today
        ):
            _carry_out(conn, store, branch_id, row, row.effective_on, None)
    return get_follow_up(store, branch_id, new_id)


def _carry_out(
    conn: Connection,
    store: Store,
    branch_id: int,
    f: FollowUpRow,
    on: date,
    note: str | None,
    talk_id: int | None = None,
) -> None:
    done = on
    values: dict[str, object] = {"done_note": note}
    if f.measure is FollowUpMeasure.disposal:
        assert f.effective_on is not None
        # 除名 takes effect on its date; a 劝退 ends the membership the day it is carried out.
        done = f.effective_on if f.disposal is Disposal.remove else on
        if done > store.today():
            raise StoreError("follow_up.not_yet_effective", date=done.isoformat())
        values["event_id"] = _removal(conn, store, branch_id, f, done)
    if talk_id is not None:
        done = _talk_date(conn, branch_id, f.member_id, talk_id)
        values["talk_id"] = talk_id
    conn.execute(update(follow_up_t).where(follow_up_t.c.id == f.id).values(done_on=done, **values))
    store.audit(
        conn,
        branch_id,
        "appraisal.follow_up_done",
        follow_up=f.id,
        member_no=f.member_no,
        done_on=done.isoformat(),
        event=values.get("event_id"),
    )


def complete_follow_up(
    store: Store,
    branch_id: int,
    follow_up_id: int,
    on: date,
    note: str | None = None,
    *,
    talk_id: int | None = None,
) -> FollowUpRow:
    """Mark a follow-up done on ``on``. A talk follow-up may name the talk (then done on
    its date); a disposal carried out records the removal (see the module)."""
    note = stripped_or_none(note)
    refuse_unsafe_text("field.note", note, multiline=True)
    if note is not None and len(note) > NOTE_LIMIT:
        raise StoreError("follow_up.note_too_long", limit=NOTE_LIMIT)
    if on > store.today():
        raise StoreError("follow_up.date_in_future", date=on.isoformat())
    with store.write_transaction() as conn:
        r = conn.execute(
            _select()
            .where(follow_up_t.c.id == follow_up_id, follow_up_t.c.branch_id == branch_id)
            .with_for_update(of=follow_up_t)
        ).first()
        if r is None:
            raise NotFound("follow_up.not_found", id=follow_up_id)
        f = _row(r)
        if f.done_on is not None:
            raise Conflict("follow_up.already_done", id=follow_up_id, date=f.done_on.isoformat())
        if talk_id is not None and f.measure is not FollowUpMeasure.talk:
            raise StoreError("follow_up.talk_only_talk")
        _carry_out(conn, store, branch_id, f, on, note, talk_id)
    return get_follow_up(store, branch_id, follow_up_id)


__all__ = [
    "NEEDS_FOLLOW_UP",
    "FollowUpInput",
    "FollowUpRow",
    "Pending",
    "add_follow_up",
    "complete_follow_up",
    "get_follow_up",
    "list_follow_ups",
    "overdue_follow_ups",
    "pending",
]

"""公示: the notice window of a published result, objections (异议) and their answers, and
the grades an answer corrected (issue 12 §3).

The window is the appraisal publication's ``window_start``/``window_end``, set when the
result is published (by default from the publication day for ``NOTICE_WORKING_DAYS``
working days). Objections raised during it are recorded with the member concerned and,
optionally, who raised them; each is answered once (answer, date, outcome 维持/改变). An
answer that changes a grade writes an ``appraisal_correction`` row beside the frozen
decision (the publication stays as published) with the previous grade and a reason.

A result is **final** when its window has ended by the as-of date and every objection is
answered: ``result_state`` says 公示中 / 待答复异议 / 已确定. A result published before
windows were kept has none and counts as past its window.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlalchemy import Connection, func, insert, select, update

from orglife_tui.data.appraisal.common import REASON_LIMIT, _as_grade, _lock, state_error
from orglife_tui.data.errors import Conflict, NotFound, StoreError, refuse_unsafe_text
from orglife_tui.data.models import (
    candidate_t,
    correction_t,
    decision_t,
    inserted_id,
    objection_t,
    publication_t,
    session_t,
)
from orglife_tui.data.store import Store
from orglife_tui.domain import (
    ObjectionOutcome,
    ResultStatus,
    SessionState,
    add_working_days,
    natural_key,
    stripped_or_none,
)
from orglife_tui.scoring.model import Grade

# The notice window's default length: five working days from the publication day (the
# common local rule for 公示 of appraisal results; public holidays are not known, so a
# window crossing one is lengthened by hand at publication).
NOTICE_WORKING_DAYS = 5
RAISED_BY_LIMIT = 100
TEXT_LIMIT = 2000


def default_window(start: date) -> tuple[date, date]:
    return start, add_working_days(start, NOTICE_WORKING_DAYS)


def check_window(start: date, end: date) -> None:
    if end < start:
        raise StoreError("notice.end_before_start", start=start.isoformat(), end=end.isoformat())


@dataclass(frozen=True)
class ResultState:
    session_id: int
    year: int
    window_start: date | None
    window_end: date | None
    objections: int
    open_objections: int
    status: ResultStatus

    @property
    def final(self) -> bool:
        return self.status is ResultStatus.final


@dataclass(frozen=True)
class ObjectionRow:
    id: int
    session_id: int
    member_no: str
    name: str
    raised_on: date
    raised_by: str | None  # None: anonymous
    content: str
    answer: str | None
    answered_on: date | None
    outcome: ObjectionOutcome | None
    corrected_to: Grade | None  # the grade an answer changed it to

    @property
    def answered(self) -> bool:
        return self.answered_on is not None


@dataclass(frozen=True)
class FinalGrade:
    member_id: int
    member_no: str
    name: str
    grade: Grade
    corrected: bool  # changed by an answered objection after publication


def _today(store: Store) -> date:
    return store.today()


def status_of(window_end: date | None, open_objections: int, as_of: date) -> ResultStatus:
    """公示中 until the window's last day has passed, then 待答复异议 while an objection
    is unanswered, then 已确定."""
    if window_end is not None and as_of <= window_end:
        return ResultStatus.in_notice
    if open_objections:
        return ResultStatus.objections_pending
    return ResultStatus.final


def _state(conn: Connection, branch_id: int, session_id: int, as_of: date) -> ResultState:
    s = conn.execute(
        select(session_t.c.year, session_t.c.state).where(
            session_t.c.id == session_id, session_t.c.branch_id == branch_id
        )
    ).first()
    if s is None:
        raise NotFound("appraisal.session_not_found", id=session_id)
    if s.state != SessionState.published.value:
        raise Conflict("notice.not_published", id=session_id)
    window = conn.execute(
        select(publication_t.c.window_start, publication_t.c.window_end).where(
            publication_t.c.session_id == session_id
        )
    ).first()
    total, unanswered = conn.execute(
        select(
            func.count(),
            func.count().filter(objection_t.c.answered_on.is_(None)),
        ).where(objection_t.c.session_id == session_id)
    ).one()
    start = window.window_start if window else None
    end = window.window_end if window else None
    return ResultState(
        session_id=session_id,
        year=s.year,
        window_start=start,
        window_end=end,
        objections=int(total or 0),
        open_objections=int(unanswered or 0),
        status=status_of(end, int(unanswered or 0), as_of),
    )


def result_state(
    store: Store, branch_id: int, session_id: int, as_of: date | None = None
) -> ResultState:
    """Where the published result of a session stands on ``as_of`` (today by the store's
    clock). Refused for a session not published."""
    with store.read_connection() as conn:
        return _state(conn, branch_id, session_id, as_of or _today(store))


def result_states(
    store: Store, branch_id: int, year: int | None = None, as_of: date | None = None
) -> list[ResultState]:
    """The state of every published session of the branch (of ``year``), by id."""
    stmt = select(session_t.c.id).where(
        session_t.c.branch_id == branch_id,
        session_t.c.state == SessionState.published.value,
    )
    if year is not None:
        stmt = stmt.where(session_t.c.year == year)
    with store.read_connection() as conn:
        ids = conn.scalars(stmt.order_by(session_t.c.id)).all()
        return [_state(conn, branch_id, i, as_of or _today(store)) for i in ids]


def final_grades(conn: Connection, session_id: int) -> list[FinalGrade]:
    """Each graded candidate's grade as it stands: the committee's, or the newest
    correction of it. Natural member-number order."""
    newest = (
        select(correction_t.c.member_id, func.max(correction_t.c.id).label("cid"))
        .where(correction_t.c.session_id == session_id)
        .group_by(correction_t.c.member_id)
        .subquery()
    )
    rows = conn.execute(
        select(
            candidate_t.c.member_id,
            candidate_t.c.member_no,
            candidate_t.c.name,
            decision_t.c.final,
            correction_t.c.final.label("corrected"),
        )
        .select_from(
            candidate_t.join(
                decision_t,
                (decision_t.c.session_id == candidate_t.c.session_id)
                & (decision_t.c.member_id == candidate_t.c.member_id),
            )
            .outerjoin(newest, newest.c.member_id == candidate_t.c.member_id)
            .outerjoin(correction_t, correction_t.c.id == newest.c.cid)
        )
        .where(candidate_t.c.session_id == session_id)
    ).all()
    out = [
        FinalGrade(
            r.member_id,
            r.member_no,
            r.name,
            Grade(r.corrected or r.final),
            r.corrected is not None,
        )
        for r in rows
    ]
    return sorted(out, key=lambda g: natural_key(g.member_no))


# ---------------------------------------------------------------------------- objections


def _objection_select():
    return (
        select(
            objection_t.c.id,
            objection_t.c.session_id,
            candidate_t.c.member_no,
            candidate_t.c.name,
            objection_t.c.raised_on,
            objection_t.c.raised_by,
            objection_t.c.content,
            objection_t.c.answer,
            objection_t.c.answered_on,
            objection_t.c.outcome,
            correction_t.c.final.label("corrected_to"),
        )
        .select_from(
            objection_t.join(
                candidate_t,
                (candidate_t.c.session_id == objection_t.c.session_id)
                & (candidate_t.c.member_id == objection_t.c.member_id),
            ).outerjoin(correction_t, correction_t.c.objection_id == objection_t.c.id)
        )
        .order_by(objection_t.c.raised_on, objection_t.c.id)
    )


def _objection_row(r) -> ObjectionRow:
    return ObjectionRow(
        id=r.id,
        session_id=r.session_id,
        member_no=r.member_no,
        name=r.name,
        raised_on=r.raised_on,
        raised_by=r.raised_by,
        content=r.content,
        answer=r.answer,
        answered_on=r.answered_on,
        outcome=None if r.outcome is None else ObjectionOutcome(r.outcome),
        corrected_to=None if r.corrected_to is None else Grade(r.corrected_to),
    )


def list_objections(store: Store, branch_id: int, session_id: int) -> list[ObjectionRow]:
    """A published session's objections, in the order they were raised."""
    with store.read_connection() as conn:
        _state(conn, branch_id, session_id, _today(store))  # the session exists, published
        rows = conn.execute(
            _objection_select().where(
                objection_t.c.session_id == session_id, objection_t.c.branch_id == branch_id
            )
        ).all()
    return [_objection_row(r) for r in rows]


def get_objection(store: Store, branch_id: int, objection_id: int) -> ObjectionRow:
    with store.read_connection() as conn:
        r = conn.execute(
            _objection_select().where(
                objection_t.c.id == objection_id, objection_t.c.branch_id == branch_id
            )
        ).first()
    if r is None:
        raise NotFound("notice.objection_not_found", id=objection_id)
    return _objection_row(r)


def _text(field: str, value: str | None, *, limit: int = TEXT_LIMIT) -> str | None:
    value = stripped_or_none(value)
    refuse_unsafe_text(field, value, multiline=True)
    if value is not None and len(value) > limit:
        raise StoreError("notice.text_too_long", limit=limit)
    return value


def add_objection(
    store: Store,
    branch_id: int,
    session_id: int,
    member_no: str,
    raised_on: date,
    content: str,
    raised_by: str | None = None,
) -> ObjectionRow:
    """Record an objection raised on ``raised_on`` (within the notice window, not after
    today) about the graded candidate ``member_no``. ``raised_by`` None: anonymous."""
    text = _text("field.objection", content)
    if text is None:
        raise StoreError("notice.content_empty")
    who = _text("field.raised_by", raised_by, limit=RAISED_BY_LIMIT)
    today = _today(store)
    if raised_on > today:
        raise StoreError("notice.date_in_future", date=raised_on.isoformat())
    member_no = member_no.strip()
    with store.write_transaction() as conn:
        s = _lock(conn, branch_id, session_id)
        if s.state != SessionState.published.value:
            raise state_error(session_id, s.state, "published")
        state = _state(conn, branch_id, session_id, today)
        if state.window_start is None or state.window_end is None:
            raise Conflict("notice.no_window", id=session_id)
        if not state.window_start <= raised_on <= state.window_end:
            raise StoreError(
                "notice.outside_window",
                date=raised_on.isoformat(),
                start=state.window_start.isoformat(),
                end=state.window_end.isoformat(),
            )
        member_id = conn.scalar(
            select(candidate_t.c.member_id).where(
                candidate_t.c.session_id == session_id,
                candidate_t.c.member_no == member_no,
                candidate_t.c.graded.is_(True),
            )
        )
        if member_id is None:
            raise NotFound("notice.member_not_graded", member_no=member_no[:50])
        new_id = inserted_id(
            conn.execute(
                insert(objection_t).values(
                    branch_id=branch_id,
                    session_id=session_id,
                    member_id=member_id,
                    raised_on=raised_on,
                    raised_by=who,
                    content=text,
                    operator=store.operator,
                    created_at=datetime.now(timezone.utc),
                )
            )
        )
        store.audit(
            conn,
            branch_id,
            "appraisal.objection",
            session=session_id,
            objection=new_id,
            member_no=member_no,
            raised_on=raised_on.isoformat(),
        )
    return get_objection(store, branch_id, new_id)


def answer_objection(
    store: Store,
    branch_id: int,
    objection_id: int,
    answer: str,
    answered_on: date,
    outcome: ObjectionOutcome,
    *,
    grade: Grade | str | None = None,
    reason: str | None = None,
) -> ObjectionRow:
    """Answer an objection once. 改变 (``changed``) needs the new ``grade`` (not the one
    the member has now) and a ``reason``: it writes a correction beside the published
    decision; 维持 takes neither."""
    text = _text("field.answer", answer)
    if text is None:
        raise StoreError("notice.answer_empty")
    why = _text("field.reason", reason, limit=REASON_LIMIT)
    new_grade = _as_grade(grade)
    if outcome is ObjectionOutcome.changed:
        if new_grade is None:
            raise StoreError("notice.change_needs_grade")
        if why is None:
            raise StoreError("notice.change_needs_reason")
    elif new_grade is not None:
        raise StoreError("notice.grade_only_when_changed")
    today = _today(store)
    if answered_on > today:
        raise StoreError("notice.date_in_future", date=answered_on.isoformat())
    with store.write_transaction() as conn:
        o = conn.execute(
            select(objection_t)
            .where(objection_t.c.id == objection_id, objection_t.c.branch_id == branch_id)
            .with_for_update()
        ).first()
        if o is None:
            raise NotFound("notice.objection_not_found", id=objection_id)
        if o.answered_on is not None:
            raise Conflict(
                "notice.already_answered", id=objection_id, date=o.answered_on.isoformat()
            )
        if answered_on < o.raised_on:
            raise StoreError(
                "notice.answer_before_raised",
                date=answered_on.isoformat(),
                raised=o.raised_on.isoformat(),
            )
        conn.execute(
            update(objection_t)
            .where(objection_t.c.id == objection_id)
            .values(
                answer=text,
                answered_on=answered_on,
                outcome=outcome.value,
                answered_by=store.operator,
            )
        )
        previous = None
        if outcome is ObjectionOutcome.changed:
            assert new_grade is not None and why is not None
            now = next(g for g in final_grades(conn, o.session_id) if g.member_id == o.member_id)
            previous = now.grade
            if new_grade is previous:
                raise StoreError("notice.same_grade", grade=new_grade.value)
            conn.execute(
                insert(correction_t).values(
                    session_id=o.session_id,
                    member_id=o.member_id,
                    objection_id=objection_id,
                    previous=previous.value,
                    final=new_grade.value,
                    reason=why,
                    decided_on=answered_on,
                    operator=store.operator,
                    created_at=datetime.now(timezone.utc),
                )
            )
        store.audit(
            conn,
            branch_id,
            "appraisal.objection_answer",
            session=o.session_id,
            objection=objection_id,
            outcome=outcome.value,
            previous=None if previous is None else previous.value,
            final=None if new_grade is None else new_grade.value,
            reason=why,
        )
    return get_objection(store, branch_id, objection_id)


def require_final(conn: Connection, branch_id: int, session_id: int, as_of: date) -> ResultState:
    """The session's result state, refused unless final on ``as_of``."""
    state = _state(conn, branch_id, session_id, as_of)
    if not state.final:
        raise Conflict(
            f"notice.not_final.{state.status.value}",
            id=session_id,
            end=state.window_end.isoformat() if state.window_end else "",
            count=state.open_objections,
        )
    return state


__all__ = [
    "NOTICE_WORKING_DAYS",
    "FinalGrade",
    "ObjectionRow",
    "ResultState",
    "add_objection",
    "answer_objection",
    "check_window",
    "default_window",
    "final_grades",
    "get_objection",
    "list_objections",
    "require_final",
    "result_state",
    "result_states",
    "status_of",
]

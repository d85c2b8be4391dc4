"""The committee's final grades and the publication of the result."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, insert, select, update

from orglife_tui.data import publications
from orglife_tui.data.appraisal.common import (
    REASON_LIMIT,
    SchemeUsed,
    SessionRow,
    Tally,
    TallyRow,
    _as_grade,
    _by_number,
    _lock,
    _now,
    _read_session,
    grade_label,
    state_error,
)
from orglife_tui.data.appraisal.notice import check_window, default_window
from orglife_tui.data.appraisal.sessions import get_session
from orglife_tui.data.appraisal.tallying import tally, tally_data
from orglife_tui.data.errors import NotFound, StoreError, refuse_unsafe_text
from orglife_tui.data.models import branch_t, candidate_t, decision_t, session_t
from orglife_tui.data.store import Store
from orglife_tui.domain import SessionState, stripped_or_none
from orglife_tui.locale import t
from orglife_tui.scoring.appraisal import GRADES
from orglife_tui.scoring.model import Grade, Scheme


def _scheme_of(store: Store, branch_id: int, scheme: Scheme | None) -> Scheme:
    if scheme is not None:
        return scheme
    from orglife_tui.data.schemes import ensure_active

    return ensure_active(store, branch_id)[1]


def set_grade(
    store: Store,
    branch_id: int,
    session_id: int,
    member_no: str,
    grade: Grade,
    reason: str | None,
    *,
    scheme: Scheme | None = None,
) -> None:
    """The committee's grade for a graded candidate of a finished session; a grade that
    departs from the proposal (by ``scheme``, the branch's active one when not given)
    needs a reason. Audited."""
    known = _as_grade(grade)  # a Grade, or its key
    if known is None:
        raise StoreError("appraisal.grade_unknown", grade="")
    grade = known
    reason = stripped_or_none(reason)
    if reason is not None and len(reason) > REASON_LIMIT:
        raise StoreError("appraisal.reason_too_long", limit=REASON_LIMIT)
    refuse_unsafe_text("field.reason", reason, multiline=True)
    member_no = member_no.strip()
    session = get_session(store, branch_id, session_id)
    if session.state is not SessionState.finished:
        raise state_error(session_id, session.state.value, "finished")
    result = tally(store, branch_id, session_id, _scheme_of(store, branch_id, scheme))
    row = next((r for r in result.rows if r.member_no == member_no), None)
    if row is None:
        raise NotFound("appraisal.candidate_unknown", member_no=member_no[:50])
    if not row.graded:
        raise StoreError("appraisal.not_graded", member_no=member_no, name=row.name)
    if grade is not row.proposed and reason is None:
        raise StoreError(
            "appraisal.reason_needed",
            member_no=member_no,
            name=row.name,
            proposed=grade_label(row.proposed) if row.proposed else t("appraisal.no_proposal"),
            grade=grade_label(grade),
        )
    with store.write_transaction() as conn:
        s = _lock(conn, branch_id, session_id)
        if s.state != SessionState.finished.value:
            raise state_error(session_id, s.state, "finished")
        member_id = conn.scalar(
            select(candidate_t.c.member_id).where(
                candidate_t.c.session_id == session_id, candidate_t.c.member_no == member_no
            )
        )
        conn.execute(
            delete(decision_t).where(
                decision_t.c.session_id == session_id, decision_t.c.member_id == member_id
            )
        )
        conn.execute(
            insert(decision_t).values(
                session_id=session_id,
                member_id=member_id,
                proposed=None if row.proposed is None else row.proposed.value,
                final=grade.value,
                reason=reason,
                decided_at=_now(),
                operator=store.operator,
            )
        )
        store.audit(
            conn,
            branch_id,
            "appraisal.grade",
            session=session_id,
            member_no=member_no,
            proposed=None if row.proposed is None else row.proposed.value,
            final=grade.value,
            previous=None if row.final is None else row.final.value,
            reason=reason,
        )


@dataclass(frozen=True)
class AllProposed:
    """What accepting every proposal did: the candidates graded as proposed, and those left
    for one-by-one grading, each with why (``appraisal_steps.left.*``)."""

    graded: list[TallyRow]
    left: list[tuple[TallyRow, str]]


def _left_why(row: TallyRow) -> str | None:
    """Why a graded candidate without a grade is not graded in one go (None: it is)."""
    if row.proposed is None:
        return "appraisal_steps.left.no_proposal"
    if row.unqualified_flag:
        # the scheme flags these ballots for the committee: a judgement, not a bulk accept
        return "appraisal_steps.left.flagged"
    return None


def split_proposed(rows: list[TallyRow]) -> AllProposed:
    """The tally's candidates still to grade, split into those accepting every proposal
    grades (``graded``) and those it leaves, with why: what the confirm question counts."""
    waiting = [r for r in rows if r.graded and r.final is None]
    left = [(r, why) for r in waiting if (why := _left_why(r)) is not None]
    return AllProposed(graded=[r for r in waiting if _left_why(r) is None], left=left)


def grade_all_proposed(
    store: Store, branch_id: int, session_id: int, *, scheme: Scheme | None = None
) -> AllProposed:
    """组织评定 in one go: every graded candidate of a finished session who has a proposal
    and no grade yet receives the proposed grade, in one transaction (one
    ``appraisal.grade`` event each, marked ``all_proposed``). Candidates without a
    proposal, or whose ballots the scheme flags, are left for one-by-one grading (a
    departure needs its reason there); grades already given are kept."""
    session = get_session(store, branch_id, session_id)
    if session.state is not SessionState.finished:
        raise state_error(session_id, session.state.value, "finished")
    result = tally(store, branch_id, session_id, _scheme_of(store, branch_id, scheme))
    plan = split_proposed(result.rows)
    graded: list[TallyRow] = []
    with store.write_transaction() as conn:
        s = _lock(conn, branch_id, session_id)
        if s.state != SessionState.finished.value:
            raise state_error(session_id, s.state, "finished")
        ids = dict(
            conn.execute(
                select(candidate_t.c.member_no, candidate_t.c.member_id).where(
                    candidate_t.c.session_id == session_id
                )
            ).all()
        )
        # a grade given since the tally was read is the committee's: kept
        decided = set(
            conn.scalars(
                select(decision_t.c.member_id).where(decision_t.c.session_id == session_id)
            )
        )
        at = _now()
        for row in plan.graded:
            member_id = ids[row.member_no]
            if member_id in decided:
                continue
            assert row.proposed is not None
            conn.execute(
                insert(decision_t).values(
                    session_id=session_id,
                    member_id=member_id,
                    proposed=row.proposed.value,
                    final=row.proposed.value,
                    reason=None,
                    decided_at=at,
                    operator=store.operator,
                )
            )
            store.audit(
                conn,
                branch_id,
                "appraisal.grade",
                session=session_id,
                member_no=row.member_no,
                proposed=row.proposed.value,
                final=row.proposed.value,
                previous=None,
                reason=None,
                all_proposed=True,
            )
            graded.append(row)
    return AllProposed(graded=graded, left=plan.left)


def publish(
    store: Store,
    branch_id: int,
    session_id: int,
    *,
    scheme: Scheme | None = None,
    notice_from: date | None = None,
    notice_to: date | None = None,
) -> SessionRow:
    """``finished → published``: every graded candidate needs the committee's grade.
    Publication opens the notice window (公示) ``notice_from``..``notice_to``, both days
    included: by default from today for ``notice.NOTICE_WORKING_DAYS`` working days
    (``data.appraisal.notice``); the end may not precede the start.
    Publishing freezes the session (triggers refuse any later change) and stores, in the
    same transaction, its publication: the tally as every report shows it (by ``scheme``,
    the branch's active one when not given) with the ledger and audit heads it was made
    from (``orglife_tui.data.publications``). Every later tally of the session reads it."""
    start = notice_from or store.today()
    end = notice_to or default_window(start)[1]
    check_window(start, end)
    sha = None
    if scheme is None:
        from orglife_tui.data.schemes import ensure_active

        info, scheme = ensure_active(store, branch_id)
        sha = info.sha256
    with store.write_transaction() as conn:
        s = _lock(conn, branch_id, session_id)
        if s.state != SessionState.finished.value:
            raise state_error(session_id, s.state, "finished")
        if s.scrub_pending:  # a published session is frozen: scrub first
            raise StoreError("appraisal.scrub_pending", id=session_id)
        missing = conn.execute(
            select(candidate_t.c.member_no, candidate_t.c.name)
            .select_from(
                candidate_t.outerjoin(
                    decision_t,
                    (decision_t.c.session_id == candidate_t.c.session_id)
                    & (decision_t.c.member_id == candidate_t.c.member_id),
                )
            )
            .where(
                candidate_t.c.session_id == session_id,
                candidate_t.c.graded.is_(True),
                decision_t.c.final.is_(None),
            )
            .order_by(candidate_t.c.member_no)
        ).all()
        if missing:
            missing = _by_number(missing)
            shown = "、".join(f"{r.member_no} {r.name}" for r in missing[:5])
            raise StoreError(
                "appraisal.grades_missing",
                count=len(missing),
                members=shown + ("…" if len(missing) > 5 else ""),
            )
        finals: dict[str, int] = dict(
            conn.execute(
                select(decision_t.c.final, func.count())
                .where(decision_t.c.session_id == session_id)
                .group_by(decision_t.c.final)
            ).all()
        )
        # No ledger entry or audit event lands between the numbers and the heads stored
        # with them; the tally is read (committed state, another connection) while held.
        publications.lock_heads(conn, branch_id)
        live = tally(store, branch_id, session_id, scheme)
        at = publications.now()
        conn.execute(
            update(session_t)
            .where(session_t.c.id == session_id)
            .values(state=SessionState.published.value, published_at=at)
        )
        row = _read_session(conn, branch_id, session_id)
        branch = conn.scalar(select(branch_t.c.name).where(branch_t.c.id == branch_id))
        published = Tally(
            session=row,
            turnout=live.turnout,
            rows=live.rows,
            excellent_warning=live.excellent_warning,
            excellent_share=live.excellent_share,
            graded=live.graded,
            scheme=SchemeUsed.of(scheme, sha),
        )
        publications.record(
            store,
            conn,
            branch_id=branch_id,
            kind=publications.APPRAISAL,
            year=s.year,
            as_of=store.today(),
            data=tally_data(published, str(branch)),
            created_at=at,
            session_id=session_id,
            window_start=start,
            window_end=end,
            audit_detail={
                "session": session_id,
                "year": s.year,
                "grades": {g.value: int(finals.get(g.value, 0)) for g in GRADES},
                "fingerprint": s.fingerprint,
                "notice_from": start.isoformat(),
                "notice_to": end.isoformat(),
            },
        )
        return row

"""The steps of the appraisal around the ballot: the self-assessment (个人自评) each member
gives before the poll, and the comments on a member gathered at the branch meeting
(党员互评).

Who takes part (``appraised``): before the poll opens, the members in the branch today
whose status the scheme scores (who the start will put on the ballot); from the start on,
the roster snapshot's candidates.

A self-assessment is expected before the poll opens; one given later is still recorded
until the member's grade is set, marked ``late`` (given on or after the day the poll
opened), so that the committee sees it and the year-end report counts it. Giving it again
replaces it. Peer comments have no author: the table has no column for one, and the
audit log holds only the operator who typed them. Both are refused once the session is
published (and the database's triggers refuse them too, migration 0008).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, delete, func, insert, select

from orglife_tui.data.appraisal.common import (
    _aware,
    _by_number,
    _lock,
    _now,
    _read_session,
)
from orglife_tui.data.errors import NotFound, StoreError, refuse_unsafe_text
from orglife_tui.data.models import (
    candidate_t,
    decision_t,
    inserted_id,
    member_t,
    peer_comment_t,
    self_assessment_t,
    session_t,
)
from orglife_tui.data.store import Store
from orglife_tui.domain import MemberStatus, SessionState
from orglife_tui.locale import t
from orglife_tui.scoring import appraisal as rules
from orglife_tui.scoring.model import Scheme

# Long enough for a page of a member's own account, short enough to show in a dialog.
SELF_ASSESSMENT_LIMIT = 5000
COMMENT_LIMIT = 1000


@dataclass(frozen=True)
class AppraisedMember:
    """A member taking part in the session, with what each step holds for them."""

    member_no: str
    name: str
    status: MemberStatus
    graded: bool  # receives a grade (full members the scheme grades)
    self_assessed: bool
    late: bool  # the self-assessment came after the poll opened
    comments: int
    final: bool  # the committee's grade is set


@dataclass(frozen=True)
class SelfAssessment:
    member_no: str
    name: str
    text: str
    given_on: date
    late: bool
    recorded_at: datetime


@dataclass(frozen=True)
class PeerComment:
    id: int
    member_no: str
    name: str
    text: str
    recorded_at: datetime


def _scheme(store: Store, branch_id: int, scheme: Scheme | None) -> Scheme:
    if scheme is not None:
        return scheme
    from orglife_tui.data.schemes import ensure_active

    return ensure_active(store, branch_id)[1]


def _people(
    conn: Connection, branch_id: int, session_id: int, state: SessionState, scheme: Scheme, on: date
) -> list[tuple[int, str, str, MemberStatus, bool]]:
    """(member_id, member_no, name, status, graded) of everyone taking part, by number."""
    if state is not SessionState.created:
        rows = conn.execute(
            select(
                candidate_t.c.member_id,
                candidate_t.c.member_no,
                candidate_t.c.name,
                candidate_t.c.status,
                candidate_t.c.graded,
            ).where(candidate_t.c.session_id == session_id)
        ).all()
        return [
            (r.member_id, r.member_no, r.name, MemberStatus(r.status), bool(r.graded))
            for r in _by_number(rows)
        ]
    from orglife_tui.data.membership import in_branch_on, status_on

    rows = conn.execute(
        select(
            member_t.c.id.label("member_id"),
            member_t.c.member_no,
            member_t.c.name,
            status_on(on).label("status"),
        ).where(member_t.c.branch_id == branch_id, in_branch_on(on))
    ).all()
    out = []
    for r in _by_number(rows):
        status = MemberStatus(r.status)
        if status in scheme.scored_statuses:
            out.append((r.member_id, r.member_no, r.name, status, rules.is_graded(scheme, status)))
    return out


def appraised(
    store: Store, branch_id: int, session_id: int, *, scheme: Scheme | None = None
) -> list[AppraisedMember]:
    """Everyone taking part in the session, by number, with whether each has a
    self-assessment (and whether late), how many peer comments and whether graded."""
    scheme = _scheme(store, branch_id, scheme)
    with store.read_connection() as conn:
        session = _read_session(conn, branch_id, session_id)
        people = _people(conn, branch_id, session_id, session.state, scheme, store.today())
        given: dict[int, bool] = dict(
            conn.execute(
                select(self_assessment_t.c.member_id, self_assessment_t.c.late).where(
                    self_assessment_t.c.session_id == session_id
                )
            ).all()
        )
        comments: dict[int, int] = dict(
            conn.execute(
                select(peer_comment_t.c.member_id, func.count())
                .where(peer_comment_t.c.session_id == session_id)
                .group_by(peer_comment_t.c.member_id)
            ).all()
        )
        decided = set(
            conn.scalars(
                select(decision_t.c.member_id).where(decision_t.c.session_id == session_id)
            )
        )
    return [
        AppraisedMember(
            member_no=no,
            name=name,
            status=status,
            graded=graded,
            self_assessed=member_id in given,
            late=bool(given.get(member_id, False)),
            comments=int(comments.get(member_id, 0)),
            final=member_id in decided,
        )
        for member_id, no, name, status, graded in people
    ]


@dataclass(frozen=True)
class LeftOut:
    """A member of the branch who is not in the session: the scheme does not rate them."""

    member_no: str
    name: str
    status: MemberStatus


def left_out(
    store: Store, branch_id: int, session_id: int, *, scheme: Scheme | None = None
) -> list[LeftOut]:
    """The members of the branch on the session's day (the day the poll opened, today
    before it) who do not take part: the scheme does not rate their status then."""
    from orglife_tui.data.membership import in_branch_on, status_on

    scheme = _scheme(store, branch_id, scheme)
    with store.read_connection() as conn:
        session = _read_session(conn, branch_id, session_id)
        on = session.started_at.date() if session.started_at else store.today()
        taking_part = {
            p[0] for p in _people(conn, branch_id, session_id, session.state, scheme, on)
        }
        rows = conn.execute(
            select(
                member_t.c.id,
                member_t.c.member_no,
                member_t.c.name,
                status_on(on).label("status"),
            ).where(member_t.c.branch_id == branch_id, in_branch_on(on))
        ).all()
    return [
        LeftOut(r.member_no, r.name, MemberStatus(r.status))
        for r in _by_number(rows)
        if r.id not in taking_part
    ]


@dataclass(frozen=True)
class ProcedureCounts:
    """A session's procedure, step by step, as the year-end report counts it."""

    session_id: int
    state: SessionState
    members: int  # taking part (the candidates once the poll opened)
    self_assessed: int
    self_late: int  # given after the poll opened
    peer_comments: int
    commented: int  # members with at least one peer comment
    voters: int
    voted: int
    ballots: int | None  # sealed at close
    to_grade: int  # members who receive a grade
    graded: int
    as_proposed: int
    departed: int  # graded otherwise than proposed (each with its reason)
    published_on: date | None


def year_procedure(
    store: Store, branch_id: int, year: int, *, scheme: Scheme | None = None
) -> ProcedureCounts | None:
    """The counts of the year's appraisal: its published session, else its newest one
    (None: the year has none)."""
    with store.read_connection() as conn:
        ids = list(
            conn.scalars(
                select(session_t.c.id).where(
                    session_t.c.branch_id == branch_id, session_t.c.year == year
                )
            )
        )
        sessions = [_read_session(conn, branch_id, sid) for sid in ids]
    if not sessions:
        return None
    sessions.sort(key=lambda s: (s.state is SessionState.published, s.id))
    session = sessions[-1]
    people = appraised(store, branch_id, session.id, scheme=scheme)
    with store.read_connection() as conn:
        decisions = conn.execute(
            select(decision_t.c.proposed, decision_t.c.final).where(
                decision_t.c.session_id == session.id
            )
        ).all()
    as_proposed = sum(1 for d in decisions if d.final == d.proposed)
    return ProcedureCounts(
        session_id=session.id,
        state=session.state,
        members=len(people),
        self_assessed=sum(1 for p in people if p.self_assessed),
        self_late=sum(1 for p in people if p.late),
        peer_comments=sum(p.comments for p in people),
        commented=sum(1 for p in people if p.comments),
        voters=session.voters,
        voted=session.voted,
        ballots=session.ballots,
        to_grade=sum(1 for p in people if p.graded),
        graded=len(decisions),
        as_proposed=as_proposed,
        departed=len(decisions) - as_proposed,
        published_on=session.published_at.date() if session.published_at else None,
    )


def _clean(text: str, field: str, limit: int) -> str:
    text = (text or "").strip()
    if not text:
        raise StoreError("appraisal_steps.text_empty", field=t(field))
    if len(text) > limit:
        raise StoreError("appraisal_steps.text_too_long", field=t(field), limit=limit)
    refuse_unsafe_text(field, text, multiline=True)
    return text


def _open(conn: Connection, branch_id: int, session_id: int):
    """The session row, locked; refused once published."""
    s = _lock(conn, branch_id, session_id)
    if s.state == SessionState.published.value:
        raise StoreError("appraisal_steps.published", id=session_id)
    return s


def _member_of(
    conn: Connection, store: Store, branch_id: int, s, scheme: Scheme, member_no: str
) -> tuple[int, str]:
    member_no = member_no.strip()
    for member_id, no, name, _status, _graded in _people(
        conn, branch_id, s.id, SessionState(s.state), scheme, store.today()
    ):
        if no == member_no:
            return member_id, name
    raise NotFound("appraisal_steps.not_appraised", member_no=member_no[:50], id=s.id)


def record_self_assessments(
    store: Store,
    branch_id: int,
    session_id: int,
    items: Sequence[tuple[str, str, date | None]],
    *,
    scheme: Scheme | None = None,
) -> int:
    """Record (member_no, text, given_on) self-assessments (given today when the day is
    None), all or nothing, in one transaction; each replaces the member's earlier one. One
    given on or after the day the poll opened is marked late. Refused for a member not
    taking part, a member already graded, a day after today, an empty or too long text,
    or a published session. Audited, one event each (its length, never its text). Returns
    how many were recorded."""
    scheme = _scheme(store, branch_id, scheme)
    today = store.today()
    cleaned = []
    for member_no, text, given_on in items:
        given_on = given_on or today
        if given_on > today:
            raise StoreError("appraisal_steps.given_in_future", date=given_on.isoformat())
        field = "appraisal_steps.field.self_assessment"
        cleaned.append((member_no.strip(), _clean(text, field, SELF_ASSESSMENT_LIMIT), given_on))
    with store.write_transaction() as conn:
        s = _open(conn, branch_id, session_id)
        started = _aware(s.started_at)
        decided = set(
            conn.scalars(
                select(decision_t.c.member_id).where(decision_t.c.session_id == session_id)
            )
        )
        for member_no, text, given_on in cleaned:
            member_id, name = _member_of(conn, store, branch_id, s, scheme, member_no)
            if member_id in decided:
                raise StoreError("appraisal_steps.already_graded", member_no=member_no, name=name)
            late = started is not None and given_on >= started.date()
            replaced = conn.execute(
                delete(self_assessment_t).where(
                    self_assessment_t.c.session_id == session_id,
                    self_assessment_t.c.member_id == member_id,
                )
            ).rowcount
            conn.execute(
                insert(self_assessment_t).values(
                    session_id=session_id,
                    member_id=member_id,
                    text=text,
                    given_on=given_on,
                    late=late,
                    recorded_at=_now(),
                    operator=store.operator,
                )
            )
            store.audit(
                conn,
                branch_id,
                "appraisal.self_assessment",
                session=session_id,
                member_no=member_no,
                given_on=given_on.isoformat(),
                late=late,
                chars=len(text),
                replaced=bool(replaced),
            )
    return len(cleaned)


def record_self_assessment(
    store: Store,
    branch_id: int,
    session_id: int,
    member_no: str,
    text: str,
    given_on: date | None = None,
    *,
    scheme: Scheme | None = None,
) -> SelfAssessment:
    """One member's self-assessment (``record_self_assessments`` for one); the stored row."""
    record_self_assessments(
        store, branch_id, session_id, [(member_no, text, given_on)], scheme=scheme
    )
    return self_assessments(store, branch_id, session_id)[member_no.strip()]


def self_assessments(store: Store, branch_id: int, session_id: int) -> dict[str, SelfAssessment]:
    """The session's self-assessments by member number."""
    with store.read_connection() as conn:
        _read_session(conn, branch_id, session_id)
        rows = conn.execute(
            select(
                member_t.c.member_no,
                member_t.c.name,
                self_assessment_t.c.text,
                self_assessment_t.c.given_on,
                self_assessment_t.c.late,
                self_assessment_t.c.recorded_at,
            )
            .join(member_t, member_t.c.id == self_assessment_t.c.member_id)
            .where(self_assessment_t.c.session_id == session_id)
        ).all()
    return {
        r.member_no: SelfAssessment(
            r.member_no, r.name, r.text, r.given_on, bool(r.late), _aware(r.recorded_at)
        )
        for r in _by_number(rows)
    }


def add_peer_comment(
    store: Store,
    branch_id: int,
    session_id: int,
    member_no: str,
    text: str,
    *,
    scheme: Scheme | None = None,
) -> PeerComment:
    """A comment on a member from the branch meeting, with no author. Refused for a
    member not taking part, an empty or too long text, or a published session. Audited
    (its length; the operator is the audit event's, as for every write)."""
    scheme = _scheme(store, branch_id, scheme)
    text = _clean(text, "appraisal_steps.field.comment", COMMENT_LIMIT)
    with store.write_transaction() as conn:
        s = _open(conn, branch_id, session_id)
        member_id, name = _member_of(conn, store, branch_id, s, scheme, member_no)
        at = _now()
        comment_id = inserted_id(
            conn.execute(
                insert(peer_comment_t).values(
                    session_id=session_id, member_id=member_id, text=text, recorded_at=at
                )
            )
        )
        store.audit(
            conn,
            branch_id,
            "appraisal.peer_comment",
            session=session_id,
            member_no=member_no.strip(),
            comment=comment_id,
            chars=len(text),
        )
    return PeerComment(comment_id, member_no.strip(), name, text, at)


def remove_peer_comment(store: Store, branch_id: int, session_id: int, comment_id: int) -> None:
    """Take back a comment typed by mistake (before publication). Audited."""
    with store.write_transaction() as conn:
        _open(conn, branch_id, session_id)
        member_no = conn.scalar(
            select(member_t.c.member_no)
            .join(peer_comment_t, peer_comment_t.c.member_id == member_t.c.id)
            .where(peer_comment_t.c.id == comment_id, peer_comment_t.c.session_id == session_id)
        )
        if member_no is None:
            raise NotFound("appraisal_steps.comment_unknown", comment=comment_id)
        conn.execute(delete(peer_comment_t).where(peer_comment_t.c.id == comment_id))
        store.audit(
            conn,
            branch_id,
            "appraisal.peer_comment_removed",
            session=session_id,
            member_no=member_no,
            comment=comment_id,
        )


def peer_comments(
    store: Store, branch_id: int, session_id: int, member_no: str | None = None
) -> list[PeerComment]:
    """The session's peer comments (one member's when ``member_no`` is given), by member
    number, then in the order they were typed."""
    stmt = (
        select(
            peer_comment_t.c.id,
            member_t.c.member_no,
            member_t.c.name,
            peer_comment_t.c.text,
            peer_comment_t.c.recorded_at,
        )
        .join(member_t, member_t.c.id == peer_comment_t.c.member_id)
        .where(peer_comment_t.c.session_id == session_id)
        .order_by(peer_comment_t.c.id)
    )
    if member_no is not None:
        stmt = stmt.where(member_t.c.member_no == member_no.strip())
    with store.read_connection() as conn:
        _read_session(conn, branch_id, session_id)
        rows = conn.execute(stmt).all()
    return [
        PeerComment(r.id, r.member_no, r.name, r.text, _aware(r.recorded_at))
        for r in _by_number(rows)
    ]

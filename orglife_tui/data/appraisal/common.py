"""What every stage of the appraisal shares: the row types, reading and locking a
session, and the small helpers (the tables are ``data.models``' aliases)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, overload

from sqlalchemy import Connection, func, select

from orglife_tui.data.errors import Conflict, NotFound, StoreError
from orglife_tui.data.models import (
    candidate_t,
    session_t,
    voted_t,
    voter_t,
)
from orglife_tui.data.publications import PublicationRow
from orglife_tui.domain import MemberStatus, SessionState, label, natural_key
from orglife_tui.locale import get_language, t
from orglife_tui.scoring.appraisal import Counts
from orglife_tui.scoring.model import Grade, Scheme

# A ballot: candidate member_no -> grade (None: abstain), or the same as pairs.
Ratings = Mapping[str, object] | Iterable[tuple[str, object]]

BALLOT_TABLES = ("appraisal_rating", "appraisal_voted", "appraisal_receipt", "appraisal_sealed")


YEARS = (1921, 2999)
REASON_LIMIT = 2000
# How long closing waits for other sessions before rebuilding the ballot tables (PostgreSQL).
PG_LOCK_TIMEOUT = "15s"


@dataclass(frozen=True)
class SessionRow:
    id: int
    year: int
    state: SessionState
    voters: int  # in the roster snapshot (0 before start)
    voted: int  # in the voted set: "k of n voted"
    candidates: int
    fingerprint: str | None  # set at close
    ballots: int | None  # sealed at close
    created_at: datetime
    started_at: datetime | None
    closed_at: datetime | None
    published_at: datetime | None
    # The poll's ballots are sealed: closing needs both tally passwords (sessions started
    # before migration 0007 have plaintext ballots and no key).
    sealed: bool = False
    scrub_pending: bool = False  # sealed, files not yet scrubbed: close again


@dataclass(frozen=True)
class CandidateRow:
    member_no: str
    name: str
    status: MemberStatus
    graded: bool


@dataclass(frozen=True)
class VoterRow:
    member_no: str
    name: str
    voted: bool


@dataclass(frozen=True)
class SealResult:
    ballots: int
    fingerprint: str


@dataclass(frozen=True)
class TallyRow:
    member_no: str
    name: str
    status: MemberStatus
    graded: bool
    counts: Counts
    points: float | None  # the points total of the year; None when not scored
    proposed: Grade | None
    final: Grade | None
    reason: str | None
    unqualified_flag: bool
    vetoed: bool = False
    combined: float | None = None  # points and ballots combined (scheme's points scale)
    ballot_score: float | None = None  # 0–1


@dataclass(frozen=True)
class SchemeUsed:
    """The scheme a tally was made under, as far as its reports show it."""

    name: str
    version: str
    sha256: str | None  # of the stored scheme text (None: a scheme passed in, not stored)
    points_weight: float
    excellent_share_max: float

    @classmethod
    def of(cls, scheme: Scheme, sha256: str | None = None) -> SchemeUsed:
        return cls(
            scheme.name,
            scheme.version,
            sha256,
            scheme.appraisal.points_weight,
            scheme.appraisal.excellent_share_max,
        )


@dataclass(frozen=True)
class Tally:
    session: SessionRow
    turnout: tuple[int, int]  # (voted, voters)
    rows: list[TallyRow]
    excellent_warning: bool  # excellent above the scheme's share (final grade, else proposal)
    excellent_share: float = 0.0
    graded: int = 0  # candidates who receive a grade
    scheme: SchemeUsed | None = None
    # A published session's stored record: the tally above is read from it, not computed.
    publication: PublicationRow | None = None
    branch: str | None = None  # the branch's name as published


@dataclass(frozen=True)
class FingerprintProblem:
    session_id: int
    branch_id: int
    stored: str
    recomputed: str
    reason: str  # catalog key


def _now() -> datetime:
    return datetime.now(timezone.utc)


@overload
def _aware(value: datetime) -> datetime: ...
@overload
def _aware(value: datetime | None) -> datetime | None: ...
def _aware(value: datetime | None) -> datetime | None:
    """SQLite hands back the UTC instant without its zone."""
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _session_select():
    def count_of(table):
        return (
            select(func.count())
            .select_from(table)
            .where(table.c.session_id == session_t.c.id)
            .scalar_subquery()
        )

    return select(
        session_t.c.id,
        session_t.c.branch_id,
        session_t.c.year,
        session_t.c.state,
        count_of(voter_t).label("voters"),
        count_of(voted_t).label("voted"),
        count_of(candidate_t).label("candidates"),
        session_t.c.fingerprint,
        session_t.c.ballots,
        session_t.c.created_at,
        session_t.c.started_at,
        session_t.c.closed_at,
        session_t.c.published_at,
        session_t.c.tally_key,
        session_t.c.scrub_pending,
    )


def _session_row(r) -> SessionRow:
    return SessionRow(
        id=r.id,
        year=r.year,
        state=SessionState(r.state),
        voters=int(r.voters or 0),
        voted=int(r.voted or 0),
        candidates=int(r.candidates or 0),
        fingerprint=r.fingerprint,
        ballots=r.ballots,
        created_at=_aware(r.created_at),
        started_at=_aware(r.started_at),
        closed_at=_aware(r.closed_at),
        published_at=_aware(r.published_at),
        sealed=r.tally_key is not None,
        scrub_pending=bool(r.scrub_pending),
    )


def _read_session(conn: Connection, branch_id: int | None, session_id: int) -> SessionRow:
    stmt = _session_select().where(session_t.c.id == session_id)
    if branch_id is not None:
        stmt = stmt.where(session_t.c.branch_id == branch_id)
    r = conn.execute(stmt).first()
    if r is None:
        raise NotFound("appraisal.session_not_found", id=session_id)
    return _session_row(r)


def _lock(conn: Connection, branch_id: int | None, session_id: int, share: bool = False):
    """The session row, locked against concurrent state changes (PostgreSQL; SQLite's
    write transactions are serialized already)."""
    stmt = select(session_t).where(session_t.c.id == session_id)
    if branch_id is not None:
        stmt = stmt.where(session_t.c.branch_id == branch_id)
    r = conn.execute(stmt.with_for_update(read=share)).first()
    if r is None:
        raise NotFound("appraisal.session_not_found", id=session_id)
    return r


def state_error(session_id: int, state: str, wanted: str) -> StoreError:
    """A refusal naming the state the session is in and the one the operation needs."""
    return Conflict(
        f"appraisal.needs_{wanted}",
        id=session_id,
        state=label(SessionState(state), get_language()),
    )


def grade_label(grade: Grade | None) -> str:
    """A grade as the user reads it (优秀 …; None: abstain / 弃权)."""
    return t(f"appraisal.grade.{grade.value if grade else 'abstain'}")


def _secure_delete(conn: Connection) -> None:
    """Deleted ballot content is overwritten, not left in free pages (SQLite)."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA secure_delete = ON")


def _as_grade(value: object) -> Grade | None:
    if value is None or isinstance(value, Grade):
        return value
    if isinstance(value, str):
        try:
            return Grade(value)
        except ValueError:
            pass
    raise StoreError("appraisal.grade_unknown", grade=str(value)[:40])


def _by_number(rows: Iterable[Any]) -> list[Any]:
    """Rows in natural member-number order (2 before 10): the snapshots keep the number,
    not the member's sort key."""
    return sorted(rows, key=lambda r: natural_key(r.member_no))

# Over 600 lines: the appraisal from session to publication; to split by stage into data/appraisal/
# (sessions, ballots, seal, tally, publish).
"""The democratic appraisal (民主评议党员): sessions, secret ballots, the seal, the tally.

A session of a branch and year moves ``created → started → finished → published``; it can
be reset to ``created`` (every ballot discarded) until it is published. Starting it takes a
snapshot of the roster — the candidates every ballot rates and the voters — and stores the
teller's PIN only as ``hashlib.scrypt`` with a random salt.

Secrecy in storage (docs/architecture.md §6)
---------------------------------
* Who voted (``appraisal_voted``: session, member) and what was voted
  (``appraisal_rating``: random key, session, candidate, grade) are separate tables, and a
  ballot is stored as one rating row per candidate with no ballot id, so no row names the
  ballot it came from. Receipts (``appraisal_receipt``) are random codes linked to nothing
  but the session. No timestamp, sequence or autoincrement id is anywhere near them; on
  SQLite they are ``WITHOUT ROWID`` tables, read back in key order.
* While the poll is open a ballot's ratings are stored only sealed (``appraisal_sealed``:
  random key, session, a PyNaCl sealed box to the session's public key, padded to one
  length per session); the private key exists only split under the teller's and the
  scrutineer's tally passwords (``data.sealing``). ``close_session`` needs both: in one
  transaction it opens every sealed ballot, writes the rating rows below (random keys, in
  key order), deletes the sealed rows and the wrapped key, and seals; the scrub follows
  and clears ``scrub_pending``. A copy of the files taken during the poll, with either
  password, shows who voted and that a ballot exists, never what it says.
* A ballot is one transaction (voted row, sealed ballot, receipt) and writes **no** audit
  event; neither does activating a voter. The audit log holds poll-level events only:
  ``appraisal.create``, ``appraisal.start`` (voters, candidates), ``appraisal.pin_lockout``,
  ``appraisal.seal`` (ballots, fingerprint), ``appraisal.reset``, ``appraisal.grade``,
  ``appraisal.publish``.
* Triggers (migration 0005) refuse any UPDATE of a ballot row, an INSERT unless the poll is
  open and a DELETE once the result is published.
* While the poll is open the database necessarily holds traces of the cast order (SQLite's
  write-ahead log and the byte order of cells inside a page; PostgreSQL's ``xmin`` and heap
  order, which also tie a voted row to the rating rows of the same transaction). Closing
  removes them: on SQLite ``PRAGMA secure_delete``, a ``wal_checkpoint(TRUNCATE)``, a
  ``VACUUM`` (which rebuilds every page in key order) and a second checkpoint; on
  PostgreSQL the session's ballot rows are rewritten in key order in the closing
  transaction (one ``xmin`` for all, heap order = key order) and the ballot tables are
  rebuilt with ``VACUUM FULL``. (PostgreSQL's own write-ahead log and backups are the
  server administrator's; they can hold the pre-close pages.)

The fingerprint
---------------
Closing checks that the votes cast equal the voted set (and that every candidate has one
rating row per ballot), then stores the ballot count and a SHA-256 fingerprint over the
session's rating rows, written to the audit log in the one ``appraisal.seal`` event and
recomputed by ``orglife-tui verify``. Each rating row is encoded as the UTF-8 bytes of::

    <candidate member_no> TAB <grade key, or the empty string for an abstention> TAB <key> LF

where ``member_no`` is the candidate's number in the roster snapshot
(``appraisal_candidate.member_no``), the grade key one of ``excellent``, ``qualified``,
``basically_qualified``, ``unqualified``, and ``key`` the row's random key. The lines are
sorted by their bytes (which is the order by member_no, grade, key) and concatenated; the
fingerprint is the lowercase hex SHA-256 of the result. Anyone can recompute it::

    sqlite3 branch.db "SELECT c.member_no || char(9) || coalesce(r.grade, '') || char(9)
      || r.key FROM appraisal_rating r JOIN appraisal_candidate c ON c.session_id =
      r.session_id AND c.member_id = r.candidate_id WHERE r.session_id = 1 ORDER BY 1"
      | sha256sum

on PostgreSQL, where the sort must be by bytes whatever the database's collation::

    psql -XAtq -c "SELECT line FROM (SELECT c.member_no || chr(9) || coalesce(r.grade, '')
      || chr(9) || r.key AS line FROM appraisal_rating r JOIN appraisal_candidate c ON
      c.session_id = r.session_id AND c.member_id = r.candidate_id WHERE r.session_id = 1)
      AS t ORDER BY line COLLATE \"C\"" | sha256sum
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Connection, delete, func, insert, literal, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from orglife_tui.data import publications, sealing
from orglife_tui.data.errors import Conflict, NotFound, StoreError, refuse_unsafe_text
from orglife_tui.data.models import (
    AppraisalCandidate,
    AppraisalDecision,
    AppraisalRating,
    AppraisalReceipt,
    AppraisalSealed,
    AppraisalSession,
    AppraisalVoted,
    AppraisalVoter,
    SchemeVersion,
)
from orglife_tui.data.publications import PublicationRow
from orglife_tui.data.store import Store, audit_t, branch_t, member_t
from orglife_tui.domain import MemberStatus, SessionState, label, natural_key
from orglife_tui.locale import get_language, t
from orglife_tui.scoring import appraisal as rules
from orglife_tui.scoring.appraisal import GRADES, Counts
from orglife_tui.scoring.model import Grade, Scheme

session_t = AppraisalSession.__table__
candidate_t = AppraisalCandidate.__table__
voter_t = AppraisalVoter.__table__
voted_t = AppraisalVoted.__table__
rating_t = AppraisalRating.__table__
receipt_t = AppraisalReceipt.__table__
sealed_t = AppraisalSealed.__table__
decision_t = AppraisalDecision.__table__
scheme_t = SchemeVersion.__table__

# A ballot: candidate member_no -> grade (None: abstain), or the same as pairs.
Ratings = Mapping[str, object] | Iterable[tuple[str, object]]

BALLOT_TABLES = ("appraisal_rating", "appraisal_voted", "appraisal_receipt", "appraisal_sealed")
# The teller's PIN (digits only; hashlib.scrypt parameters) and its lock-out.
PIN_MIN_LENGTH = 6
PIN_MAX_LENGTH = 64
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
PIN_SALT_BYTES = 16
PIN_MAX_FAILURES = 5
PIN_LOCKOUT = timedelta(minutes=5)
# Receipt codes: 8 characters of an alphabet without 0/O, 1/I/L.
RECEIPT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
RECEIPT_LENGTH = 8
RATING_KEY_BYTES = 16  # 32 hex characters
YEARS = (1921, 2999)
REASON_LIMIT = 2000
# How long closing waits for other sessions before rebuilding the ballot tables (PostgreSQL).
PG_LOCK_TIMEOUT = "15s"


# ---------------------------------------------------------------------------- rows


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


# ---------------------------------------------------------------------------- helpers


def _now() -> datetime:
    return datetime.now(timezone.utc)


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
        created_at=_aware(r.created_at),  # type: ignore[arg-type]
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


def _scrub(store: Store) -> None:
    """Remove the traces of cast order the poll left in the database files (see above)."""
    if store.engine.dialect.name == "sqlite":
        raw = store.engine.raw_connection()
        try:
            cur = raw.cursor()
            cur.execute("PRAGMA secure_delete = ON")
            cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cur.execute("VACUUM")
            cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cur.close()
        except Exception as exc:  # sqlite3.OperationalError: another process holds the file
            raise StoreError("appraisal.scrub_failed", reason=str(exc)) from None
        finally:
            raw.close()
    elif store.engine.dialect.name == "postgresql":
        try:
            with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql(f"SET lock_timeout = '{PG_LOCK_TIMEOUT}'")
                for table in BALLOT_TABLES:
                    conn.exec_driver_sql(f"VACUUM FULL {table}")
                conn.exec_driver_sql("RESET lock_timeout")
        except DBAPIError as exc:
            raise StoreError("appraisal.scrub_failed", reason=str(exc.orig)) from None


def _hash_pin(pin: str, salt: bytes) -> bytes:
    return hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32
    )


def _receipt_code() -> str:
    return "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH))


def _as_grade(value: object) -> Grade | None:
    if value is None or isinstance(value, Grade):
        return value
    if isinstance(value, str):
        try:
            return Grade(value)
        except ValueError:
            pass
    raise StoreError("appraisal.grade_unknown", grade=str(value)[:40])


# ---------------------------------------------------------------------------- sessions


def new_session(store: Store, branch_id: int, year: int) -> SessionRow:
    """A session in ``created`` state; refused while the year has one not yet published."""
    if not YEARS[0] <= year <= YEARS[1]:
        raise StoreError("appraisal.bad_year", year=year)
    with store.write_transaction() as conn:
        open_one = conn.scalar(
            select(session_t.c.id).where(
                session_t.c.branch_id == branch_id,
                session_t.c.year == year,
                session_t.c.state != SessionState.published.value,
            )
        )
        if open_one is not None:
            raise Conflict("appraisal.session_exists", year=year, id=open_one)
        session_id = conn.execute(
            insert(session_t).values(
                branch_id=branch_id,
                year=year,
                state=SessionState.created.value,
                pin_failures=0,
                created_at=_now(),
                operator=store.operator,
            )
        ).inserted_primary_key[0]
        store.audit(conn, branch_id, "appraisal.create", session=session_id, year=year)
        return _read_session(conn, branch_id, session_id)


def list_sessions(store: Store, branch_id: int) -> list[SessionRow]:
    """The branch's sessions, newest first."""
    with store.read_connection() as conn:
        rows = conn.execute(
            _session_select()
            .where(session_t.c.branch_id == branch_id)
            .order_by(session_t.c.id.desc())
        )
        return [_session_row(r) for r in rows]


def get_session(store: Store, branch_id: int, session_id: int) -> SessionRow:
    with store.read_connection() as conn:
        return _read_session(conn, branch_id, session_id)


def has_receipt(store: Store, branch_id: int, session_id: int, code: str) -> bool:
    """Whether a ballot with this receipt code was stored in the session.

    The receipt table holds the codes alone, so the answer says that a ballot was counted,
    never what it said. Codes are compared without regard to case, spaces or hyphens.
    """
    wanted = "".join(ch for ch in code.upper() if ch not in " -")
    with store.read_connection() as conn:
        _read_session(conn, branch_id, session_id)
        found = conn.scalar(
            select(receipt_t.c.code).where(
                receipt_t.c.session_id == session_id, receipt_t.c.code == wanted
            )
        )
    return found is not None


def check_new_pin(pin: str) -> None:
    """Refuse a teller PIN that is not at least ``PIN_MIN_LENGTH`` digits (0-9)."""
    if not (pin.isascii() and pin.isdigit()):
        raise StoreError("appraisal.pin_not_digits", length=PIN_MIN_LENGTH)
    if len(pin) < PIN_MIN_LENGTH:
        raise StoreError("appraisal.pin_too_short", length=PIN_MIN_LENGTH)
    if len(pin) > PIN_MAX_LENGTH:
        raise StoreError("appraisal.pin_too_long", length=PIN_MAX_LENGTH)


def check_new_passwords(teller_password: str, scrutineer_password: str) -> None:
    """Refuse tally passwords that are missing, too short or too long, or the same (two
    people hold them: one password must not open the poll)."""
    for role, password in (("teller", teller_password), ("scrutineer", scrutineer_password)):
        if len(password) < sealing.PASSWORD_MIN_LENGTH:
            raise StoreError(
                f"appraisal.password_too_short.{role}", length=sealing.PASSWORD_MIN_LENGTH
            )
        if len(password) > sealing.PASSWORD_MAX_LENGTH:
            raise StoreError(
                f"appraisal.password_too_long.{role}", length=sealing.PASSWORD_MAX_LENGTH
            )
    if teller_password == scrutineer_password:
        raise StoreError("appraisal.passwords_same")


def start_session(
    store: Store,
    branch_id: int,
    session_id: int,
    pin: str,
    scheme: Scheme,
    *,
    teller_password: str,
    scrutineer_password: str,
) -> SessionRow:
    """Open the poll: snapshot candidates and voters, store the teller's PIN (scrypt) and
    create the session key pair whose private half only both tally passwords together
    open (``data.sealing``): every ballot cast is sealed to its public key.

    Membership is taken on its dates (the poll starts on ``store.today()``): candidates are
    the members in the branch on the appraised year's last day (on the start, if that comes
    first) and not departed by the start, of a status the scheme scores on that day; they
    are graded when ``scoring.appraisal.is_graded`` (full members the scheme grades). Voters
    are the members in the branch on the start day whose status that day is in the scheme's
    ``[appraisal] voters`` (a member converted before the start votes).
    """
    from datetime import date

    from orglife_tui.data.membership import in_branch_on, status_on

    check_new_pin(pin)
    check_new_passwords(teller_password, scrutineer_password)
    with store.read_connection() as conn:  # refuse before the slow key derivation
        state = _read_session(conn, branch_id, session_id).state
    if state is not SessionState.created:
        raise state_error(session_id, state.value, "created")
    salt = secrets.token_bytes(PIN_SALT_BYTES)
    digest = _hash_pin(pin, salt)
    public_key, wrapped_key = sealing.new_key(teller_password, scrutineer_password)
    with store.write_transaction() as conn:
        s = _lock(conn, branch_id, session_id)
        if s.state != SessionState.created.value:
            raise state_error(session_id, s.state, "created")
        start = store.today()
        appraised = min(date(s.year, 12, 31), start)
        # Everyone on the snapshot is in the branch on the start day (not departed by then);
        # candidates were in it on the appraised day as well, with their status of that day.
        members = conn.execute(
            select(
                member_t.c.id,
                member_t.c.member_no,
                member_t.c.name,
                status_on(appraised).label("status"),
                status_on(start).label("status_at_start"),
                in_branch_on(appraised).label("candidate"),
            )
            .where(member_t.c.branch_id == branch_id, in_branch_on(start))
            .order_by(member_t.c.sort_key, member_t.c.member_no)
        ).all()
        cands = []
        voters = []
        for m in members:
            status = MemberStatus(m.status)
            if m.candidate and status in scheme.scored_statuses:
                cands.append(
                    {
                        "session_id": session_id,
                        "member_id": m.id,
                        "member_no": m.member_no,
                        "name": m.name,
                        "status": status.value,
                        "graded": rules.is_graded(scheme, status),
                    }
                )
            if rules.has_vote(scheme, MemberStatus(m.status_at_start)):
                voters.append(
                    {
                        "session_id": session_id,
                        "member_id": m.id,
                        "member_no": m.member_no,
                        "name": m.name,
                    }
                )
        if not voters:
            raise StoreError("appraisal.no_voters")
        if not cands:
            raise StoreError("appraisal.no_candidates")
        conn.execute(insert(candidate_t), cands)
        conn.execute(insert(voter_t), voters)
        version_id = conn.scalar(
            select(func.max(scheme_t.c.id)).where(scheme_t.c.branch_id == branch_id)
        )
        conn.execute(
            update(session_t)
            .where(session_t.c.id == session_id)
            .values(
                state=SessionState.started.value,
                pin_salt=salt.hex(),
                pin_hash=digest.hex(),
                pin_failures=0,
                pin_locked_until=None,
                scheme_version_id=version_id,
                started_at=_now(),
                tally_public_key=public_key,
                tally_key=wrapped_key,
                scrub_pending=False,
            )
        )
        store.audit(
            conn,
            branch_id,
            "appraisal.start",
            session=session_id,
            year=s.year,
            voters=len(voters),
            candidates=len(cands),
        )
        return _read_session(conn, branch_id, session_id)


def _by_number(rows: Iterable[Any]) -> list[Any]:
    """Rows in natural member-number order (2 before 10): the snapshots keep the number,
    not the member's sort key."""
    return sorted(rows, key=lambda r: natural_key(r.member_no))


def candidates(store: Store, session_id: int) -> list[CandidateRow]:
    """The roster snapshot's candidates, by member number."""
    with store.read_connection() as conn:
        rows = conn.execute(
            select(
                candidate_t.c.member_no,
                candidate_t.c.name,
                candidate_t.c.status,
                candidate_t.c.graded,
            )
            .where(candidate_t.c.session_id == session_id)
            .order_by(candidate_t.c.member_no)
        )
        return [
            CandidateRow(r.member_no, r.name, MemberStatus(r.status), bool(r.graded))
            for r in _by_number(rows)
        ]


def voters(store: Store, session_id: int) -> list[VoterRow]:
    """The roster snapshot's voters, by member number, with whether each has voted."""
    voted = (
        select(literal(1))
        .where(voted_t.c.session_id == voter_t.c.session_id)
        .where(voted_t.c.member_id == voter_t.c.member_id)
        .exists()
    )
    with store.read_connection() as conn:
        rows = conn.execute(
            select(voter_t.c.member_no, voter_t.c.name, voted.label("voted"))
            .where(voter_t.c.session_id == session_id)
            .order_by(voter_t.c.member_no)
        )
        return [VoterRow(r.member_no, r.name, bool(r.voted)) for r in _by_number(rows)]


# ---------------------------------------------------------------------------- the PIN


def check_pin(store: Store, session_id: int, pin: str, now: datetime | None = None) -> None:
    """Accept the teller's PIN or raise: ``appraisal.pin_missing``, ``appraisal.pin_wrong``
    (with the attempts left), ``appraisal.pin_locked`` (after ``PIN_MAX_FAILURES`` wrong
    PINs in a row, for ``PIN_LOCKOUT``). A right PIN clears the failures. Failures are
    written even though the call raises."""
    now = now or _now()
    if not pin:
        raise StoreError("appraisal.pin_missing")
    refusal: StoreError | None = None
    with store.write_transaction() as conn:
        s = _lock(conn, None, session_id)
        if s.state not in (SessionState.started.value, SessionState.finished.value) or (
            s.pin_hash is None
        ):
            raise state_error(session_id, s.state, "started")
        locked_until = _aware(s.pin_locked_until)
        if locked_until is not None and locked_until > now:
            minutes = max(1, math.ceil((locked_until - now).total_seconds() / 60))
            raise StoreError("appraisal.pin_locked", minutes=minutes)
        given = _hash_pin(pin, bytes.fromhex(s.pin_salt))
        if hmac.compare_digest(given, bytes.fromhex(s.pin_hash)):
            if s.pin_failures or s.pin_locked_until is not None:
                conn.execute(
                    update(session_t)
                    .where(session_t.c.id == session_id)
                    .values(pin_failures=0, pin_locked_until=None)
                )
            return
        failures = s.pin_failures + 1
        if failures >= PIN_MAX_FAILURES:
            conn.execute(
                update(session_t)
                .where(session_t.c.id == session_id)
                .values(pin_failures=0, pin_locked_until=now + PIN_LOCKOUT)
            )
            store.audit(
                conn,
                s.branch_id,
                "appraisal.pin_lockout",
                session=session_id,
                failures=failures,
                minutes=int(PIN_LOCKOUT.total_seconds() // 60),
            )
            refusal = StoreError(
                "appraisal.pin_locked", minutes=int(PIN_LOCKOUT.total_seconds() // 60)
            )
        else:
            conn.execute(
                update(session_t)
                .where(session_t.c.id == session_id)
                .values(pin_failures=failures, pin_locked_until=None)
            )
            refusal = StoreError("appraisal.pin_wrong", left=PIN_MAX_FAILURES - failures)
    raise refusal


# ---------------------------------------------------------------------------- ballots


def _open_session(conn: Connection, session_id: int):
    s = _lock(conn, None, session_id, share=True)
    if s.state == SessionState.created.value:
        raise Conflict("appraisal.not_started", id=session_id)
    if s.state != SessionState.started.value:
        raise Conflict("appraisal.poll_closed", id=session_id)
    return s


def _pairs(
    ratings: Mapping[str, object] | Iterable[tuple[str, object]],
) -> list[tuple[str, object]]:
    items = ratings.items() if isinstance(ratings, Mapping) else ratings
    return [(str(no).strip(), grade) for no, grade in items]


def _check_ratings(
    conn: Connection, session_id: int, ratings: Ratings
) -> list[tuple[int, Grade | None]]:
    """The ballot as (candidate member id, grade), or the first thing wrong with it."""
    pairs = _pairs(ratings)
    roster = {
        r.member_no: r.member_id
        for r in conn.execute(
            select(candidate_t.c.member_no, candidate_t.c.member_id).where(
                candidate_t.c.session_id == session_id
            )
        )
    }
    seen: set[str] = set()
    out: list[tuple[int, Grade | None]] = []
    for member_no, value in pairs:
        if member_no not in roster:
            raise StoreError("appraisal.candidate_unknown", member_no=member_no[:50])
        if member_no in seen:
            raise StoreError("appraisal.candidate_twice", member_no=member_no)
        seen.add(member_no)
        out.append((roster[member_no], _as_grade(value)))
    missing = sorted(set(roster) - seen, key=natural_key)
    if missing:
        shown = "、".join(missing[:5]) + ("…" if len(missing) > 5 else "")
        raise StoreError("appraisal.candidate_missing", count=len(missing), members=shown)
    return out


def _voter_id(conn: Connection, session_id: int, voter_no: str) -> int:
    voter_id = conn.scalar(
        select(voter_t.c.member_id).where(
            voter_t.c.session_id == session_id, voter_t.c.member_no == voter_no.strip()
        )
    )
    if voter_id is None:
        raise StoreError("appraisal.voter_unknown", member_no=voter_no.strip()[:50])
    already = conn.scalar(
        select(func.count())
        .select_from(voted_t)
        .where(voted_t.c.session_id == session_id, voted_t.c.member_id == voter_id)
    )
    if already:
        raise Conflict("appraisal.already_voted", member_no=voter_no.strip())
    return voter_id


def cast_ballot(
    store: Store,
    session_id: int,
    voter_no: str | None,
    ratings: Mapping[str, Grade | None] | Iterable[tuple[str, Grade | None]],
) -> str:
    """Store one ballot and return its receipt code.

    ``ratings`` maps every candidate's member number to a grade (None: abstain); it may
    also be given as (member_no, grade) pairs. ``voter_no`` None is a paper ballot typed in
    by the teller (the voter is marked with ``mark_paper_voters``). One transaction: the
    voted-set row, the ballot sealed to the session's public key in one row (random key;
    no plaintext rating is stored while the poll is open), one random receipt; no audit
    event. Refused, with nothing written: a poll not open, an unknown or ineligible voter,
    one who already voted, a candidate missing, rated twice or unknown, an unknown grade.

    A session started before sealed ballots existed (no public key) stores one plaintext
    rating row per candidate (random keys), as it did then.
    """
    try:
        with store.write_transaction() as conn:
            _secure_delete(conn)
            s = _open_session(conn, session_id)
            checked = _check_ratings(conn, session_id, ratings)
            voter_id = None if voter_no is None else _voter_id(conn, session_id, voter_no)
            if s.tally_public_key is not None:
                box = sealing.seal(
                    s.tally_public_key,
                    {cid: None if g is None else g.value for cid, g in checked},
                    sealing.padded_size(cid for cid, _ in checked),
                )
                conn.execute(
                    insert(sealed_t).values(
                        key=secrets.token_hex(RATING_KEY_BYTES), session_id=session_id, box=box
                    )
                )
            else:
                _insert_ratings(conn, session_id, checked)
            if voter_id is not None:
                conn.execute(insert(voted_t).values(session_id=session_id, member_id=voter_id))
            code = _receipt_code()
            while conn.scalar(select(receipt_t.c.code).where(receipt_t.c.code == code)):
                code = _receipt_code()
            conn.execute(insert(receipt_t).values(code=code, session_id=session_id))
    except IntegrityError:  # the same voter on two terminals at once
        raise Conflict("appraisal.already_voted", member_no=voter_no or "") from None
    return code


def _insert_ratings(
    conn: Connection, session_id: int, checked: Iterable[tuple[int, Grade | str | None]]
) -> int:
    """Rating rows in the unlinkable form: one per (candidate, grade), random keys,
    inserted in key order. The number of rows."""
    rows = sorted(
        (
            {
                "key": secrets.token_hex(RATING_KEY_BYTES),
                "session_id": session_id,
                "candidate_id": candidate_id,
                "grade": grade.value if isinstance(grade, Grade) else grade,
            }
            for candidate_id, grade in checked
        ),
        key=lambda r: r["key"],
    )
    if rows:
        conn.execute(insert(rating_t), rows)
    return len(rows)


def mark_paper_voters(store: Store, session_id: int, voter_nos: Sequence[str]) -> None:
    """Paper mode: these voters handed in a paper ballot (the voted set only, no ratings).
    All or nothing: an unknown voter or one who already voted refuses the lot."""
    try:
        with store.write_transaction() as conn:
            _open_session(conn, session_id)
            ids: list[int] = []
            for no in voter_nos:
                voter_id = _voter_id(conn, session_id, no)
                if voter_id in ids:
                    raise Conflict("appraisal.already_voted", member_no=no.strip())
                ids.append(voter_id)
            if ids:
                conn.execute(
                    insert(voted_t),
                    [{"session_id": session_id, "member_id": i} for i in sorted(ids)],
                )
    except IntegrityError:
        raise Conflict("appraisal.already_voted", member_no="") from None


# ---------------------------------------------------------------------------- the seal


def _fingerprint_lines(conn: Connection, session_id: int) -> list[bytes]:
    rows = conn.execute(
        select(candidate_t.c.member_no, rating_t.c.grade, rating_t.c.key)
        .select_from(
            rating_t.join(
                candidate_t,
                (candidate_t.c.session_id == rating_t.c.session_id)
                & (candidate_t.c.member_id == rating_t.c.candidate_id),
            )
        )
        .where(rating_t.c.session_id == session_id)
    )
    return sorted(f"{r.member_no}\t{r.grade or ''}\t{r.key}\n".encode() for r in rows)


def fingerprint(conn: Connection, session_id: int) -> str:
    """The SHA-256 of the session's rating rows, encoded as the module docstring says."""
    h = hashlib.sha256()
    for line in _fingerprint_lines(conn, session_id):
        h.update(line)
    return h.hexdigest()


def _rewrite_in_key_order(conn: Connection, session_id: int) -> None:
    """PostgreSQL: the session's ballot rows deleted and inserted again in key order by
    this one transaction, so that neither heap order nor ``xmin`` follows the cast order."""
    for table, order in (
        (rating_t, rating_t.c.key),
        (voted_t, voted_t.c.member_id),
        (receipt_t, receipt_t.c.code),
    ):
        rows = [
            dict(r._mapping)
            for r in conn.execute(select(table).where(table.c.session_id == session_id))
        ]
        if not rows:
            continue
        rows.sort(key=lambda r, col=order.name: r[col])
        conn.execute(delete(table).where(table.c.session_id == session_id))
        conn.execute(insert(table), rows)


def _count(conn: Connection, table, session_id: int) -> int:
    return int(
        conn.scalar(select(func.count()).select_from(table).where(table.c.session_id == session_id))
        or 0
    )


def _open_tally_key(
    store: Store,
    session_id: int,
    teller_password: str | None,
    scrutineer_password: str | None,
):
    """The session's private key from both tally passwords, or a refusal naming the
    password that is missing or wrong (never showing it)."""
    for role, password in (("teller", teller_password), ("scrutineer", scrutineer_password)):
        if not password:
            raise StoreError(f"appraisal.password_missing.{role}")
    with store.read_connection() as conn:
        row = conn.execute(
            select(session_t.c.tally_key, session_t.c.tally_public_key).where(
                session_t.c.id == session_id
            )
        ).one()
    try:
        return sealing.open_key(
            row.tally_key,
            row.tally_public_key,
            teller_password,  # type: ignore[arg-type]
            scrutineer_password,  # type: ignore[arg-type]
        )
    except sealing.WrongPassword as wrong:
        which = "both" if len(wrong.roles) == 2 else wrong.roles[0]
        raise StoreError(f"appraisal.password_wrong.{which}") from None


def _open_sealed_ballots(conn: Connection, session_id: int, key, ballots: int) -> None:
    """Every sealed ballot opened and written as rating rows in the unlinkable form, the
    sealed rows deleted; refused (nothing written) if a ballot does not open or does not
    rate every candidate of the roster exactly once with a known grade."""
    sealed = _count(conn, sealed_t, session_id)
    if sealed != ballots:
        raise StoreError("appraisal.sealed_mismatch", sealed=sealed, ballots=ballots)
    roster = set(
        conn.scalars(select(candidate_t.c.member_id).where(candidate_t.c.session_id == session_id))
    )
    grades = {g.value for g in GRADES} | {None}
    opened: list[tuple[int, str | None]] = []
    for box in conn.scalars(
        select(sealed_t.c.box).where(sealed_t.c.session_id == session_id).order_by(sealed_t.c.key)
    ):
        try:
            ratings = sealing.unseal(key, box)
        except sealing.BadBallot:
            raise StoreError("appraisal.sealed_unreadable") from None
        if set(ratings) != roster or not set(ratings.values()) <= grades:
            raise StoreError("appraisal.sealed_unreadable")
        opened.extend(ratings.items())
    _insert_ratings(conn, session_id, opened)
    conn.execute(delete(sealed_t).where(sealed_t.c.session_id == session_id))


def _seal(store: Store, conn: Connection, s, key) -> SealResult:
    """The closing transaction's work on a started session ``s`` (locked)."""
    session_id = s.id
    _secure_delete(conn)
    ballots = _count(conn, receipt_t, session_id)
    voted = _count(conn, voted_t, session_id)
    voters_n = _count(conn, voter_t, session_id)
    if ballots == 0:
        raise StoreError("appraisal.no_ballots", id=session_id)
    if ballots != voted:
        raise StoreError("appraisal.count_mismatch", ballots=ballots, voted=voted)
    if key is not None:
        _open_sealed_ballots(conn, session_id, key, ballots)
    per_candidate = conn.execute(
        select(candidate_t.c.member_no, func.count(rating_t.c.key).label("n"))
        .select_from(
            candidate_t.outerjoin(
                rating_t,
                (rating_t.c.session_id == candidate_t.c.session_id)
                & (rating_t.c.candidate_id == candidate_t.c.member_id),
            )
        )
        .where(candidate_t.c.session_id == session_id)
        .group_by(candidate_t.c.member_no)
        .order_by(candidate_t.c.member_no)
    ).all()
    for r in _by_number(per_candidate):
        if r.n != ballots:
            raise StoreError(
                "appraisal.ratings_mismatch",
                member_no=r.member_no,
                rows=r.n,
                ballots=ballots,
            )
    digest = fingerprint(conn, session_id)
    if conn.dialect.name == "postgresql":
        _rewrite_in_key_order(conn, session_id)
    conn.execute(
        update(session_t)
        .where(session_t.c.id == session_id)
        .values(
            state=SessionState.finished.value,
            fingerprint=digest,
            ballots=ballots,
            closed_at=_now(),
            pin_failures=0,
            pin_locked_until=None,
            tally_key=None,  # the private key is gone with the sealed ballots
            scrub_pending=True,
        )
    )
    store.audit(
        conn,
        s.branch_id,
        "appraisal.seal",
        session=session_id,
        year=s.year,
        ballots=ballots,
        voters=voters_n,
        fingerprint=digest,
    )
    return SealResult(ballots, digest)


def _checkpoint(store: Store) -> None:
    if store.engine.dialect.name == "sqlite":
        raw = store.engine.raw_connection()
        try:
            raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            raw.close()


def _scrub_and_clear(store: Store, session_id: int) -> None:
    """The scrub, then the session's ``scrub_pending`` cleared (and that write checkpointed
    away too): a crash before the flag is cleared only means scrubbing again."""
    _scrub(store)
    with store.write_transaction() as conn:
        conn.execute(
            update(session_t)
            .where(session_t.c.id == session_id, session_t.c.scrub_pending.is_(True))
            .values(scrub_pending=False)
        )
    _checkpoint(store)


def close_session(
    store: Store,
    branch_id: int,
    session_id: int,
    pin: str,
    *,
    teller_password: str | None = None,
    scrutineer_password: str | None = None,
) -> SealResult:
    """End the poll and seal it: ``started → finished``. Needs the teller's PIN (with its
    lock-out, ``check_pin``) and, for sealed ballots, both tally passwords.

    One write transaction opens every sealed ballot and writes its ratings as unlinkable
    rating rows, deletes the sealed rows and the wrapped private key, checks that the
    votes cast (receipts) equal the voted set and that every candidate has one rating row
    per ballot, stores the ballot count and the fingerprint, writes the one
    ``appraisal.seal`` audit event and marks the session ``scrub_pending``; then the scrub
    (module docstring) runs and clears the mark. Killed before the commit, nothing has
    changed; after it, ``verify`` reports the pending scrub and closing again (the PIN
    only) finishes it. Closing a session already closed repeats only the scrub.
    """
    session = get_session(store, branch_id, session_id)
    if session.state is SessionState.published:  # frozen: only the harmless scrub is left
        _scrub(store)
        return SealResult(int(session.ballots or 0), session.fingerprint or "")
    if session.state is SessionState.created:
        raise state_error(session_id, session.state.value, "started")
    check_pin(store, session_id, pin)
    key = None
    if session.state is SessionState.started and session.sealed:
        key = _open_tally_key(store, session_id, teller_password, scrutineer_password)
    with store.write_transaction() as conn:
        s = _lock(conn, branch_id, session_id)
        if s.state in (SessionState.finished.value, SessionState.published.value):
            result = SealResult(int(s.ballots or 0), s.fingerprint or "")
        elif s.state != SessionState.started.value:
            raise state_error(session_id, s.state, "started")
        elif s.tally_key is not None and key is None:  # started sealed meanwhile (a reset)
            raise StoreError("appraisal.password_missing.teller")
        else:
            result = _seal(store, conn, s, key)
    _scrub_and_clear(store, session_id)
    return result


def reset_session(store: Store, branch_id: int, session_id: int, pin: str) -> SessionRow:
    """Back to ``created``: every ballot (sealed or not), the roster snapshot, the grades,
    the PIN and the session key are discarded. Needs the teller's PIN, as the kiosk does.
    Refused once published."""
    session = get_session(store, branch_id, session_id)
    if session.state is SessionState.published:
        raise Conflict("appraisal.published", id=session_id)
    if session.state is SessionState.created:
        return session
    check_pin(store, session_id, pin)
    with store.write_transaction() as conn:
        s = _lock(conn, branch_id, session_id)
        if s.state == SessionState.published.value:
            raise Conflict("appraisal.published", id=session_id)
        if s.state == SessionState.created.value:
            return _read_session(conn, branch_id, session_id)
        _secure_delete(conn)
        discarded = _count(conn, receipt_t, session_id)
        for table in (decision_t, receipt_t, sealed_t, rating_t, voted_t, voter_t, candidate_t):
            conn.execute(delete(table).where(table.c.session_id == session_id))
        conn.execute(
            update(session_t)
            .where(session_t.c.id == session_id)
            .values(
                state=SessionState.created.value,
                pin_salt=None,
                pin_hash=None,
                pin_failures=0,
                pin_locked_until=None,
                fingerprint=None,
                ballots=None,
                started_at=None,
                closed_at=None,
                tally_public_key=None,
                tally_key=None,
                scrub_pending=False,
            )
        )
        store.audit(
            conn,
            branch_id,
            "appraisal.reset",
            session=session_id,
            year=s.year,
            previous=s.state,
            ballots_discarded=discarded,
        )
        row = _read_session(conn, branch_id, session_id)
    _scrub(store)
    return row


# ---------------------------------------------------------------------------- the tally


def _counts(conn: Connection, session_id: int) -> dict[int, Counts]:
    """Votes per candidate and grade: one GROUP BY."""
    tallies: dict[int, dict[str, int]] = {}
    for candidate_id, grade, n in conn.execute(
        select(rating_t.c.candidate_id, rating_t.c.grade, func.count())
        .where(rating_t.c.session_id == session_id)
        .group_by(rating_t.c.candidate_id, rating_t.c.grade)
    ):
        tallies.setdefault(candidate_id, {})[grade or "abstain"] = int(n)
    return {cid: Counts(**c) for cid, c in tallies.items()}


def tally(store: Store, branch_id: int, session_id: int, scheme: Scheme) -> Tally:
    """Per candidate: the counts of each grade and abstentions, the points of the year (by
    ``scheme``), the proposal and the committee's grade. Refused while the poll is open.

    A published session's tally is its stored record (``publish``), whatever ``scheme``,
    the ledger or the roster say now; only a session published before records were kept
    is computed."""
    from orglife_tui.data.scores import scoreboard

    with store.read_connection() as conn:
        session = _read_session(conn, branch_id, session_id)
        if session.state not in (SessionState.finished, SessionState.published):
            raise Conflict(
                "appraisal.tally_while_open",
                id=session_id,
                voted=session.voted,
                voters=session.voters,
            )
        if session.state is SessionState.published:
            record = publications.for_session(conn, branch_id, session_id)
            if record is not None:
                return stored_tally(record)
        cands = conn.execute(
            select(
                candidate_t.c.member_id,
                candidate_t.c.member_no,
                candidate_t.c.name,
                candidate_t.c.status,
                candidate_t.c.graded,
                decision_t.c.final,
                decision_t.c.reason,
            )
            .select_from(
                candidate_t.outerjoin(
                    decision_t,
                    (decision_t.c.session_id == candidate_t.c.session_id)
                    & (decision_t.c.member_id == candidate_t.c.member_id),
                )
            )
            .where(candidate_t.c.session_id == session_id)
            .order_by(candidate_t.c.member_no)
        ).all()
        counts = _counts(conn, session_id)
    board = {r.member_no: r for r in scoreboard(store, branch_id, session.year, scheme)}
    rows: list[TallyRow] = []
    for c in _by_number(cands):
        status = MemberStatus(c.status)
        graded = bool(c.graded)
        cnt = counts.get(c.member_id, Counts())
        score = board.get(c.member_no)
        points = None if score is None else score.total
        vetoed = bool(score is not None and score.vetoed)
        proposed = rules.proposed_grade(scheme, status, points, vetoed, cnt) if graded else None
        rows.append(
            TallyRow(
                member_no=c.member_no,
                name=c.name,
                status=status,
                graded=graded,
                counts=cnt,
                points=points,
                proposed=proposed,
                final=None if c.final is None else Grade(c.final),
                reason=c.reason,
                unqualified_flag=rules.unqualified_flag(scheme, cnt),
                vetoed=vetoed,
                combined=rules.combined_score(scheme, points, cnt),
                ballot_score=rules.ballot_score(cnt, scheme),
            )
        )
    grades = [r.final or r.proposed for r in rows if r.graded]
    return Tally(
        session=session,
        turnout=(session.voted, session.voters),
        rows=rows,
        excellent_warning=rules.excellent_over_share(scheme, grades),
        excellent_share=rules.excellent_share(grades),
        graded=sum(1 for r in rows if r.graded),
        scheme=SchemeUsed.of(scheme),
    )


# ---------------------------------------------------------------------------- the record
# A published session's tally as stored in ``publication.data`` (kind ``appraisal``):
# everything its reports show, read back as the same ``Tally``.


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _grade_key(grade: Grade | None) -> str | None:
    return None if grade is None else grade.value


def tally_data(result: Tally, branch: str) -> dict[str, object]:
    """The stored form of a tally (JSON-ready; floats kept as they are)."""
    s = result.session
    used = result.scheme
    return {
        "format": publications.DATA_FORMAT,
        "kind": publications.APPRAISAL,
        "branch": branch,
        "year": s.year,
        "session": {
            "id": s.id,
            "year": s.year,
            "state": s.state.value,
            "voters": s.voters,
            "voted": s.voted,
            "candidates": s.candidates,
            "fingerprint": s.fingerprint,
            "ballots": s.ballots,
            "created_at": _iso(s.created_at),
            "started_at": _iso(s.started_at),
            "closed_at": _iso(s.closed_at),
            "published_at": _iso(s.published_at),
        },
        "scheme": None
        if used is None
        else {
            "name": used.name,
            "version": used.version,
            "sha256": used.sha256,
            "points_weight": used.points_weight,
            "excellent_share_max": used.excellent_share_max,
        },
        "turnout": list(result.turnout),
        "excellent_warning": result.excellent_warning,
        "excellent_share": result.excellent_share,
        "graded": result.graded,
        "rows": [
            {
                "member_no": r.member_no,
                "name": r.name,
                "status": r.status.value,
                "graded": r.graded,
                "counts": {
                    "excellent": r.counts.excellent,
                    "qualified": r.counts.qualified,
                    "basically_qualified": r.counts.basically_qualified,
                    "unqualified": r.counts.unqualified,
                    "abstain": r.counts.abstain,
                },
                "ballot_score": r.ballot_score,
                "points": r.points,
                "combined": r.combined,
                "proposed": _grade_key(r.proposed),
                "final": _grade_key(r.final),
                "reason": r.reason,
                "unqualified_flag": r.unqualified_flag,
                "vetoed": r.vetoed,
                "departs": r.final is not None and r.final != r.proposed,
            }
            for r in result.rows
        ],
    }


def stored_tally(record: PublicationRow) -> Tally:
    """The tally a publication stored, as it was shown when it was published."""
    data = record.data
    if data.get("format") != publications.DATA_FORMAT or data.get("kind") != "appraisal":
        raise StoreError("publication.unreadable", id=record.id)
    try:
        return _stored_tally(record, data)
    except (KeyError, TypeError, ValueError):
        raise StoreError("publication.unreadable", id=record.id) from None


def _stored_tally(record: PublicationRow, data: dict) -> Tally:
    from_iso = publications.from_iso
    s = data["session"]
    session = SessionRow(
        id=s["id"],
        year=s["year"],
        state=SessionState(s["state"]),
        voters=s["voters"],
        voted=s["voted"],
        candidates=s["candidates"],
        fingerprint=s["fingerprint"],
        ballots=s["ballots"],
        created_at=from_iso(s["created_at"]),  # type: ignore[arg-type]
        started_at=from_iso(s["started_at"]),
        closed_at=from_iso(s["closed_at"]),
        published_at=from_iso(s["published_at"]),
    )

    def grade(value: str | None) -> Grade | None:
        return None if value is None else Grade(value)

    rows = [
        TallyRow(
            member_no=r["member_no"],
            name=r["name"],
            status=MemberStatus(r["status"]),
            graded=r["graded"],
            counts=Counts(**r["counts"]),
            points=r["points"],
            proposed=grade(r["proposed"]),
            final=grade(r["final"]),
            reason=r["reason"],
            unqualified_flag=r["unqualified_flag"],
            vetoed=r["vetoed"],
            combined=r["combined"],
            ballot_score=r["ballot_score"],
        )
        for r in data["rows"]
    ]
    used = data.get("scheme")
    voted, voters = data["turnout"]
    return Tally(
        session=session,
        turnout=(voted, voters),
        rows=rows,
        excellent_warning=data["excellent_warning"],
        excellent_share=data["excellent_share"],
        graded=data["graded"],
        scheme=None if used is None else SchemeUsed(**used),
        publication=record,
        branch=data["branch"],
    )


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
    grade = _as_grade(grade)  # type: ignore[assignment]
    if grade is None:
        raise StoreError("appraisal.grade_unknown", grade="")
    reason = (reason or "").strip() or None
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


def publish(
    store: Store, branch_id: int, session_id: int, *, scheme: Scheme | None = None
) -> SessionRow:
    """``finished → published``: every graded candidate needs the committee's grade.
    Publishing freezes the session (triggers refuse any later change) and stores, in the
    same transaction, its publication: the tally as every report shows it (by ``scheme``,
    the branch's active one when not given) with the ledger and audit heads it was made
    from (``orglife_tui.data.publications``). Every later tally of the session reads it."""
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
        finals = dict(
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
            audit_detail={
                "session": session_id,
                "year": s.year,
                "grades": {g.value: int(finals.get(g.value, 0)) for g in GRADES},
                "fingerprint": s.fingerprint,
            },
        )
        return row


# ---------------------------------------------------------------------------- verify


def fingerprint_problems(conn: Connection) -> list[FingerprintProblem]:
    """Every sealed session whose rating rows no longer give the stored fingerprint, whose
    ballot tables no longer hold the sealed number of ballots, or whose stored fingerprint
    is not the one its last seal event wrote in the (hash-chained) audit log; and every
    closed session whose files were not yet scrubbed (a close cut short: closing again
    finishes it) or that still holds sealed ballots or its key."""
    out: list[FingerprintProblem] = []
    closed = (SessionState.finished.value, SessionState.published.value)
    leftover = select(literal(1)).where(
        sealed_t.c.session_id == session_t.c.id
    ).exists() | session_t.c.tally_key.is_not(None)
    for s in conn.execute(
        select(
            session_t.c.id,
            session_t.c.branch_id,
            session_t.c.fingerprint,
            session_t.c.scrub_pending,
            leftover.label("leftover"),
        )
        .where(
            session_t.c.state.in_(closed),
            session_t.c.scrub_pending.is_(True) | leftover,
        )
        .order_by(session_t.c.id)
    ):
        reason = "appraisal.verify.sealed_left" if s.leftover else "appraisal.verify.scrub_pending"
        out.append(FingerprintProblem(s.id, s.branch_id, s.fingerprint or "", "", reason))
    sealed = conn.execute(
        select(session_t.c.id, session_t.c.branch_id, session_t.c.fingerprint, session_t.c.ballots)
        .where(session_t.c.fingerprint.is_not(None))
        .order_by(session_t.c.id)
    ).all()
    if not sealed:
        return out
    seals: dict[int, str] = {}
    for detail in conn.scalars(
        select(audit_t.c.detail).where(audit_t.c.action == "appraisal.seal").order_by(audit_t.c.id)
    ):
        try:
            data = json.loads(detail)
            seals[int(data["session"])] = str(data["fingerprint"])
        except (ValueError, KeyError, TypeError):
            continue
    for s in sealed:
        recomputed = fingerprint(conn, s.id)
        reason = None
        if recomputed != s.fingerprint:
            reason = "appraisal.verify.fingerprint_mismatch"
        else:
            receipts, voted = (
                int(
                    conn.scalar(
                        select(func.count()).select_from(table).where(table.c.session_id == s.id)
                    )
                    or 0
                )
                for table in (receipt_t, voted_t)
            )
            if not receipts == voted == s.ballots:
                reason = "appraisal.verify.count_mismatch"
            elif seals.get(s.id) != s.fingerprint:
                reason = "appraisal.verify.seal_mismatch"
        if reason is not None:
            out.append(FingerprintProblem(s.id, s.branch_id, s.fingerprint, recomputed, reason))
    return out


def verify_fingerprints(store: Store) -> list[tuple[int, str, str]]:
    """(session id, stored, recomputed) of every sealed session that fails the check."""
    with store.read_connection() as conn:
        return [(p.session_id, p.stored, p.recomputed) for p in fingerprint_problems(conn)]


__all__ = [
    "BALLOT_TABLES",
    "CandidateRow",
    "FingerprintProblem",
    "SchemeUsed",
    "SealResult",
    "SessionRow",
    "Tally",
    "TallyRow",
    "VoterRow",
    "candidates",
    "cast_ballot",
    "check_new_passwords",
    "check_new_pin",
    "check_pin",
    "close_session",
    "fingerprint",
    "fingerprint_problems",
    "get_session",
    "list_sessions",
    "mark_paper_voters",
    "new_session",
    "publish",
    "reset_session",
    "set_grade",
    "start_session",
    "stored_tally",
    "tally",
    "tally_data",
    "verify_fingerprints",
    "voters",
]

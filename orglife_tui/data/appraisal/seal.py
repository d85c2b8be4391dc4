"""Closing a poll (open the sealed ballots, write the ratings, seal with the fingerprint,
scrub), resetting it, and checking the stored fingerprints (``orglife-tui verify``).

The fingerprint and the scrub are described in the package docstring."""

from __future__ import annotations

import hashlib
import json
import time
from operator import itemgetter

from sqlalchemy import Connection, delete, func, insert, literal, select, update
from sqlalchemy.exc import DBAPIError

from orglife_tui.data import sealing
from orglife_tui.data.appraisal.ballots import _insert_ratings
from orglife_tui.data.appraisal.common import (
    BALLOT_TABLES,
    PG_LOCK_TIMEOUT,
    FingerprintProblem,
    SealResult,
    SessionRow,
    _by_number,
    _lock,
    _now,
    _read_session,
    _secure_delete,
    state_error,
)
from orglife_tui.data.appraisal.pin import check_pin
from orglife_tui.data.appraisal.sessions import get_session
from orglife_tui.data.errors import Conflict, StoreError
from orglife_tui.data.models import (
    audit_t,
    candidate_t,
    decision_t,
    rating_t,
    receipt_t,
    sealed_t,
    session_t,
    voted_t,
    voter_t,
)
from orglife_tui.data.store import Store
from orglife_tui.domain import SessionState
from orglife_tui.scoring.appraisal import GRADES


class ScrubRefused(Exception):
    """The database refused the scrub; ``detail`` is its driver's own text (English, for
    whoever diagnoses it: ``_scrub_or_refuse`` records it, never shows it)."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


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
            raise ScrubRefused(str(exc)) from None
        finally:
            raw.close()
    elif store.engine.dialect.name == "postgresql":
        try:
            with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql(f"SET lock_timeout = '{PG_LOCK_TIMEOUT}'")
                _wait_for_older_snapshots(conn)
                for table in BALLOT_TABLES:
                    conn.exec_driver_sql(f"VACUUM FULL {table}")
                conn.exec_driver_sql("RESET lock_timeout")
        except DBAPIError as exc:
            raise ScrubRefused(str(exc.orig)) from None


def _scrub_or_refuse(
    store: Store, branch_id: int, session_id: int, refusal: str = "appraisal.scrub_failed"
) -> None:
    """The scrub, or, when the database refuses it, the refusal in the user's language
    (``refusal``: the close, or the reset, stays pending and doing it again retries) with
    the database's own text kept in the audit log as an ``appraisal.scrub_failed`` event,
    as the PIN lock-out is kept."""
    try:
        _scrub(store)
    except ScrubRefused as refused:
        try:
            with store.write_transaction() as conn:
                store.audit(
                    conn,
                    branch_id,
                    "appraisal.scrub_failed",
                    session=session_id,
                    error=refused.detail.strip(),
                )
        except (StoreError, DBAPIError):
            pass  # the database still refuses writes: the user is told all the same
        raise StoreError(refusal, id=session_id) from None


RESET_SCRUB_FAILED = "appraisal.scrub_failed_reset"
"""The refusal of a reset whose scrub the database refused: reset again, not close."""


PG_SNAPSHOT_WAIT = 30.0
"""Seconds the scrub waits for the snapshots older than it to end (see below)."""


def _wait_for_older_snapshots(conn: Connection) -> None:
    """Wait until no transaction on the server can still see the rows the close replaced.

    ``VACUUM FULL`` copies into the new table file every row some running snapshot may
    still see ("recently dead"), and a snapshot anywhere on the server can hold that back
    (a backend starting up, a long report in another branch's database): the ballot rows as
    the poll wrote them would survive the scrub. So the scrub first takes a transaction id
    of its own and waits until every other backend's snapshot and transaction is newer.
    Should one stay older for ``PG_SNAPSHOT_WAIT`` seconds, the scrub is refused and stays pending
    (``verify`` names it; closing again completes it)."""
    xid = conn.exec_driver_sql(
        "SELECT mod(pg_current_xact_id()::text::bigint, 4294967296)::text"
    ).scalar()
    older = (
        "SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
        " AND (age(backend_xmin) >= age(%(x)s::xid) OR age(backend_xid) >= age(%(x)s::xid))"
    )
    deadline = time.monotonic() + PG_SNAPSHOT_WAIT
    while conn.exec_driver_sql(older, {"x": xid}).scalar():
        if time.monotonic() > deadline:
            raise StoreError("appraisal.scrub_waits_for_older")
        time.sleep(0.05)


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
        rows.sort(key=itemgetter(order.name))
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
            teller_password,  # type: ignore[arg-type]  # given: checked above
            scrutineer_password,  # type: ignore[arg-type]  # given: checked above
        )
    except sealing.WrongPassword as wrong:
        which = "both" if len(wrong.roles) == 2 else wrong.roles[0]
        raise StoreError(f"appraisal.password_wrong.{which}") from None


def _unseal_for_this_transaction(conn: Connection, session_id: int) -> None:
    """Row-level security lets no one read or delete a sealed ballot of an open poll
    (data/security.py) but in the transaction that closes or resets it: the flag is set
    here and cleared by the same transaction's last update of the session."""
    conn.execute(update(session_t).where(session_t.c.id == session_id).values(opening_ballots=True))


def _open_sealed_ballots(conn: Connection, session_id: int, key, ballots: int) -> None:
    """Every sealed ballot opened and written as rating rows in the unlinkable form, the
    sealed rows deleted; refused (nothing written) if a ballot does not open or does not
    rate every candidate of the roster exactly once with a known grade."""
    _unseal_for_this_transaction(conn, session_id)
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
            opening_ballots=False,
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


def _scrub_and_clear(
    store: Store, branch_id: int, session_id: int, refusal: str = "appraisal.scrub_failed"
) -> None:
    """The scrub, then the session's ``scrub_pending`` cleared (and that write checkpointed
    away too): a crash before the flag is cleared only means scrubbing again."""
    _scrub_or_refuse(store, branch_id, session_id, refusal)
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
        _scrub_or_refuse(store, branch_id, session_id)
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
    _scrub_and_clear(store, branch_id, session_id)
    return result


def reset_session(store: Store, branch_id: int, session_id: int, pin: str) -> SessionRow:
    """Back to ``created``: every ballot (sealed or not), the roster snapshot, the grades,
    the PIN and the session key are discarded. Needs the teller's PIN, as the kiosk does.
    Refused once published.

    The discarded ballots' traces are scrubbed from the database files as at a close; the
    session stays ``scrub_pending`` until that has worked, and resetting it again (no PIN:
    only the harmless scrub is left) or starting its poll again finishes it."""
    session = get_session(store, branch_id, session_id)
    if session.state is SessionState.published:
        raise Conflict("appraisal.published", id=session_id)
    if session.state is SessionState.created:
        if session.scrub_pending:
            _scrub_and_clear(store, branch_id, session_id, RESET_SCRUB_FAILED)
            return get_session(store, branch_id, session_id)
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
        _unseal_for_this_transaction(conn, session_id)
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
                scrub_pending=True,
                opening_ballots=False,
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
    _scrub_and_clear(store, branch_id, session_id, RESET_SCRUB_FAILED)
    return get_session(store, branch_id, session_id)


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
            session_t.c.state,
            session_t.c.scrub_pending,
            leftover.label("leftover"),
        )
        .where(
            (session_t.c.state.in_(closed) & (session_t.c.scrub_pending.is_(True) | leftover))
            | (
                (session_t.c.state == SessionState.created.value)
                & session_t.c.scrub_pending.is_(True)
            ),
        )
        .order_by(session_t.c.id)
    ):
        if s.leftover:
            why = "appraisal.verify.sealed_left"
        elif s.state == SessionState.created.value:
            why = "appraisal.verify.reset_scrub_pending"
        else:
            why = "appraisal.verify.scrub_pending"
        out.append(FingerprintProblem(s.id, s.branch_id, s.fingerprint or "", "", why))
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

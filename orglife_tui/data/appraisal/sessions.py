"""Appraisal sessions: create, start (the roster snapshot of candidates and voters), list
and read them."""

from __future__ import annotations

import secrets

from sqlalchemy import func, insert, literal, select, update

from orglife_tui.data import sealing
from orglife_tui.data.appraisal.common import (
    YEARS,
    CandidateRow,
    SessionRow,
    VoterRow,
    _by_number,
    _lock,
    _now,
    _read_session,
    _session_row,
    _session_select,
    state_error,
)
from orglife_tui.data.appraisal.pin import (
    PIN_SALT_BYTES,
    _hash_pin,
    check_new_passwords,
    check_new_pin,
)
from orglife_tui.data.errors import Conflict, StoreError
from orglife_tui.data.models import (
    candidate_t,
    inserted_id,
    member_t,
    receipt_t,
    scheme_t,
    session_t,
    voted_t,
    voter_t,
)
from orglife_tui.data.store import Store
from orglife_tui.domain import MemberStatus, SessionState
from orglife_tui.scoring import appraisal as rules
from orglife_tui.scoring.model import Scheme


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
        session_id = inserted_id(
            conn.execute(
                insert(session_t).values(
                    branch_id=branch_id,
                    year=year,
                    state=SessionState.created.value,
                    pin_failures=0,
                    created_at=_now(),
                    operator=store.operator,
                )
            )
        )
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
        before = _read_session(conn, branch_id, session_id)
    if before.state is not SessionState.created:
        raise state_error(session_id, before.state.value, "created")
    if before.scrub_pending:  # a reset whose scrub was refused: no new poll over old traces
        from orglife_tui.data.appraisal.seal import RESET_SCRUB_FAILED, _scrub_and_clear

        _scrub_and_clear(store, branch_id, session_id, RESET_SCRUB_FAILED)
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

"""The democratic appraisal in storage, on SQLite and PostgreSQL: the session's states, the
teller's PIN, secret ballots and every attack case of issue 5 (each refused with a clear
message and no change to the stored ballots), the seal and its fingerprint, the tally
against a hand count, the committee's grades, and a dump that cannot order or name a ballot.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import shutil
import sqlite3
import subprocess
from datetime import timedelta

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import DBAPIError

from orglife_tui.config import sqlite_path
from orglife_tui.data import appraisal as ap
from orglife_tui.data import ledger
from orglife_tui.data.errors import Conflict, NotFound, StoreError
from orglife_tui.data.models import audit_t, rating_t, receipt_t, sealed_t, session_t, voted_t
from orglife_tui.domain import MemberStatus, SessionState
from orglife_tui.domain.records import MemberInput
from orglife_tui.scoring import appraisal as rules
from orglife_tui.scoring.appraisal import GRADES, Counts
from orglife_tui.scoring.model import AppraisalInput, Grade
from tests.points_helpers import make_scheme
from tests.tally_passwords import PASSWORDS, PIN

E, Q, B, U = GRADES
YEAR = 2025
SCHEME = make_scheme()  # full and probationary scored, full members graded
FULL_NOS = ("001", "002", "003", "004", "005")
CANDIDATES = (*FULL_NOS, "006")  # 006 is probationary: rated, not graded, no vote


@pytest.fixture
def roster(store, branch):
    store.add_members(
        branch.id,
        [
            MemberInput("001", "朱海波", MemberStatus.full),
            MemberInput("002", "胡雅琴", MemberStatus.full),
            MemberInput("003", "赵志远", MemberStatus.full),
            MemberInput("004", "谭晶", MemberStatus.full),
            MemberInput("005", "王浩", MemberStatus.full),
            MemberInput("006", "沈晨", MemberStatus.probationary),
        ],
    )
    return branch


@pytest.fixture
def sid(store, roster) -> int:
    """A started session: 5 voters, 6 candidates, teller PIN ``PIN``."""
    session = ap.new_session(store, roster.id, YEAR)
    return ap.start_session(store, roster.id, session.id, PIN, SCHEME, **PASSWORDS).id


def every(grade: Grade | None) -> dict[str, Grade | None]:
    return dict.fromkeys(CANDIDATES, grade)


def ballot_rows(store) -> tuple[list, list, list, list]:
    """Everything the ballot tables hold (ratings, voted set, receipts, sealed ballots),
    in a fixed order."""
    with store.read_connection() as conn:
        return tuple(  # type: ignore[return-value]
            sorted(tuple(r) for r in conn.execute(select(t)))
            for t in (rating_t, voted_t, receipt_t, sealed_t)
        )


def audit_actions(store) -> list[str]:
    with store.read_connection() as conn:
        return list(conn.scalars(select(audit_t.c.action).order_by(audit_t.c.id)))


def audit_of(store, action: str) -> list[dict]:
    with store.read_connection() as conn:
        return [
            json.loads(d)
            for d in conn.scalars(
                select(audit_t.c.detail).where(audit_t.c.action == action).order_by(audit_t.c.id)
            )
        ]


def documented_fingerprint(store, session_id: int) -> str:
    """The fingerprint as data/appraisal's docstring defines it, computed here apart
    from the module: lines ``member_no TAB grade TAB key LF`` sorted by their bytes."""
    with store.read_connection() as conn:
        rows = conn.execute(
            text(
                "SELECT c.member_no, r.grade, r.key FROM appraisal_rating r "
                "JOIN appraisal_candidate c ON c.session_id = r.session_id "
                "AND c.member_id = r.candidate_id WHERE r.session_id = :s"
            ),
            {"s": session_id},
        ).all()
    lines = sorted(f"{no}\t{grade or ''}\t{key}\n".encode() for no, grade, key in rows)
    return hashlib.sha256(b"".join(lines)).hexdigest()


def tamper(url: str, statements: list[str]) -> None:
    """Edit the ballot tables behind the program's back, their triggers out of the way."""
    if url.startswith("sqlite"):
        con = sqlite3.connect(sqlite_path(url))
        try:
            for table in ap.BALLOT_TABLES:
                for trigger in ("no_update", "only_while_open", "no_delete_published"):
                    con.execute(f"DROP TRIGGER IF EXISTS {table}_{trigger}")
            for sql in statements:
                con.execute(sql)
            con.commit()
        finally:
            con.close()
    else:
        engine = create_engine(url)
        try:
            with engine.begin() as conn:
                for table in ap.BALLOT_TABLES:
                    conn.execute(text(f"DROP TRIGGER IF EXISTS {table}_guard ON {table}"))
                for sql in statements:
                    conn.execute(text(sql))
        finally:
            engine.dispose()


# ---------------------------------------------------------------------------- sessions


def test_a_session_starts_with_a_roster_snapshot_and_a_scrypt_pin(store, roster):
    created = ap.new_session(store, roster.id, YEAR)
    assert created.state is SessionState.created
    assert (created.voters, created.voted, created.candidates) == (0, 0, 0)
    started = ap.start_session(store, roster.id, created.id, PIN, SCHEME, **PASSWORDS)
    assert started.state is SessionState.started
    assert (started.voters, started.voted, started.candidates) == (5, 0, 6)
    cands = ap.candidates(store, started.id)
    assert [c.member_no for c in cands] == list(CANDIDATES)
    assert [c.graded for c in cands] == [True] * 5 + [False]
    assert [v.member_no for v in ap.voters(store, started.id)] == list(FULL_NOS)
    assert not any(v.voted for v in ap.voters(store, started.id))
    with store.read_connection() as conn:
        s = conn.execute(select(session_t)).one()
    assert PIN not in (s.pin_hash, s.pin_salt)
    assert len(bytes.fromhex(s.pin_salt)) == 16
    expected = hashlib.scrypt(PIN.encode(), salt=bytes.fromhex(s.pin_salt), n=2**14, r=8, p=1)
    assert bytes.fromhex(s.pin_hash) == expected[: len(bytes.fromhex(s.pin_hash))]
    assert audit_of(store, "appraisal.start") == [
        {"session": started.id, "year": YEAR, "voters": 5, "candidates": 6}
    ]
    assert ap.list_sessions(store, roster.id) == [ap.get_session(store, roster.id, started.id)]


def test_a_session_started_with_no_eligible_voters_is_refused(store, branch):
    store.add_members(branch.id, [MemberInput("101", "沈晨", MemberStatus.probationary)])
    session = ap.new_session(store, branch.id, YEAR)
    with pytest.raises(StoreError) as err:
        ap.start_session(store, branch.id, session.id, PIN, SCHEME, **PASSWORDS)
    assert err.value.key == "appraisal.no_voters"
    assert "nobody could vote" in str(err.value)
    after = ap.get_session(store, branch.id, session.id)
    assert after.state is SessionState.created and after.candidates == 0
    assert ap.candidates(store, session.id) == []


def test_a_scheme_that_gives_probationary_members_a_vote_is_followed(store, roster):
    scheme = make_scheme(
        appraisal=AppraisalInput(voters=frozenset({MemberStatus.full, MemberStatus.probationary}))
    )
    session = ap.new_session(store, roster.id, YEAR)
    assert ap.start_session(store, roster.id, session.id, PIN, scheme, **PASSWORDS).voters == 6


@pytest.mark.parametrize(
    ("pin", "key"),
    [
        ("12345", "appraisal.pin_too_short"),
        ("2468", "appraisal.pin_too_short"),
        ("12345a", "appraisal.pin_not_digits"),
        ("１２３４５６", "appraisal.pin_not_digits"),  # full-width digits are not 0-9
        ("", "appraisal.pin_not_digits"),
    ],
)
def test_a_teller_pin_is_at_least_six_digits(store, roster, pin, key):
    session = ap.new_session(store, roster.id, YEAR)
    with pytest.raises(StoreError) as err:
        ap.start_session(store, roster.id, session.id, pin, SCHEME, **PASSWORDS)
    assert err.value.key == key
    assert "at least 6" in str(err.value)
    assert ap.get_session(store, roster.id, session.id).state is SessionState.created


@pytest.mark.parametrize(
    ("teller", "scrutineer", "key"),
    [
        ("same-password", "same-password", "appraisal.passwords_same"),
        ("short", "scrutineer-secret", "appraisal.password_too_short.teller"),
        ("teller-secret", "1234567", "appraisal.password_too_short.scrutineer"),
        ("", "scrutineer-secret", "appraisal.password_too_short.teller"),
    ],
)
def test_the_two_tally_passwords_are_long_enough_and_different(
    store, roster, teller, scrutineer, key
):
    session = ap.new_session(store, roster.id, YEAR)
    with pytest.raises(StoreError) as err:
        ap.start_session(
            store,
            roster.id,
            session.id,
            PIN,
            SCHEME,
            teller_password=teller,
            scrutineer_password=scrutineer,
        )
    assert err.value.key == key
    assert ap.get_session(store, roster.id, session.id).state is SessionState.created


def test_one_open_session_per_year(store, roster, sid):
    with pytest.raises(Conflict) as err:
        ap.new_session(store, roster.id, YEAR)
    assert err.value.params == {"year": YEAR, "id": sid}
    assert ap.new_session(store, roster.id, YEAR + 1).year == YEAR + 1
    with pytest.raises(StoreError):
        ap.new_session(store, roster.id, 12)


def test_a_session_of_another_branch_is_not_found(store, roster, sid):
    other = store.create_branch("第二党支部")
    with pytest.raises(NotFound):
        ap.get_session(store, other.id, sid)
    with pytest.raises(NotFound):
        ap.close_session(store, other.id, sid, PIN, **PASSWORDS)


def test_starting_twice_is_refused(store, roster, sid):
    with pytest.raises(Conflict, match="only a session not yet started"):
        ap.start_session(store, roster.id, sid, PIN, SCHEME, **PASSWORDS)


# ---------------------------------------------------------------------------- the PIN


def test_activation_without_or_with_a_wrong_pin_and_the_lock_out(store, roster, sid):
    ap.cast_ballot(store, sid, "001", every(Q))
    before = ballot_rows(store)
    ap.check_pin(store, sid, PIN)  # the right PIN passes
    with pytest.raises(StoreError) as err:
        ap.check_pin(store, sid, "")
    assert err.value.key == "appraisal.pin_missing"
    for left in (4, 3, 2, 1):
        with pytest.raises(StoreError) as err:
            ap.check_pin(store, sid, "999999")
        assert (err.value.key, err.value.params) == ("appraisal.pin_wrong", {"left": left})
    now = ap._now()
    with pytest.raises(StoreError) as err:
        ap.check_pin(store, sid, "999999", now=now)
    assert err.value.key == "appraisal.pin_locked"
    # locked: even the right PIN is refused for five minutes
    with pytest.raises(StoreError) as err:
        ap.check_pin(store, sid, PIN, now=now + timedelta(minutes=4))
    assert err.value.key == "appraisal.pin_locked"
    ap.check_pin(store, sid, PIN, now=now + timedelta(minutes=5, seconds=1))
    # the failures were cleared: a new run of five is allowed
    with pytest.raises(StoreError) as err:
        ap.check_pin(store, sid, "0000", now=now + timedelta(minutes=6))
    assert err.value.params == {"left": 4}
    assert len(audit_of(store, "appraisal.pin_lockout")) == 1
    assert ballot_rows(store) == before


def test_a_right_pin_clears_the_failures(store, roster, sid):
    for _ in range(3):
        with pytest.raises(StoreError):
            ap.check_pin(store, sid, "1111")
    ap.check_pin(store, sid, PIN)
    with pytest.raises(StoreError) as err:
        ap.check_pin(store, sid, "1111")
    assert err.value.params == {"left": 4}


def test_no_pin_before_the_poll_starts(store, roster):
    session = ap.new_session(store, roster.id, YEAR)
    with pytest.raises(Conflict):
        ap.check_pin(store, session.id, PIN)


# ---------------------------------------------------------------------------- ballots


def test_a_ballot_writes_a_voted_row_one_sealed_ballot_and_a_receipt(store, roster, sid):
    actions = audit_actions(store)
    code = ap.cast_ballot(store, sid, "002", {**every(Q), "001": E, "006": None})
    assert re.fullmatch(r"[2-9A-HJKMNP-Z]{8}", code)
    ratings, voted, receipts, sealed = ballot_rows(store)
    # no plaintext rating while the poll is open: one sealed row with a random key
    assert ratings == [] and len(voted) == 1 and receipts == [(code, sid)]
    [(key, session_id, box)] = sealed
    assert re.fullmatch(r"[0-9a-f]{32}", key) and session_id == sid
    assert b"qualified" not in bytes(box) and b"excellent" not in bytes(box)
    assert ap.get_session(store, roster.id, sid).voted == 1
    assert [v.voted for v in ap.voters(store, sid)] == [False, True, False, False, False]
    # every ballot of the session has the same length, whatever it says
    ap.cast_ballot(store, sid, "003", every(B))
    ap.cast_ballot(store, sid, "004", every(None))
    assert len({len(bytes(r[2])) for r in ballot_rows(store)[3]}) == 1
    # no audit event per ballot
    assert audit_actions(store) == actions


def test_a_second_ballot_by_the_same_voter_is_refused(store, roster, sid):
    ap.cast_ballot(store, sid, "001", every(Q))
    before = ballot_rows(store)
    with pytest.raises(Conflict) as err:
        ap.cast_ballot(store, sid, " 001 ", every(E))
    assert err.value.key == "appraisal.already_voted"
    assert str(err.value) == "001 has already voted."
    assert ballot_rows(store) == before


@pytest.mark.parametrize(
    ("ratings", "key"),
    [
        ([*every(Q).items(), ("003", E)], "appraisal.candidate_twice"),
        ({**every(Q), " 003": E}, "appraisal.candidate_twice"),
        ({k: Q for k in CANDIDATES[:-1]}, "appraisal.candidate_missing"),
        ({**every(Q), "999": Q}, "appraisal.candidate_unknown"),
        ({**every(Q), "002": "great"}, "appraisal.grade_unknown"),
        ({**every(Q), "002": 3}, "appraisal.grade_unknown"),
    ],
    ids=["rated-twice", "rated-twice-spaced", "missing", "unknown-candidate", "bad-grade", "int"],
)
def test_a_malformed_ballot_is_refused_and_writes_nothing(store, roster, sid, ratings, key):
    ap.cast_ballot(store, sid, "001", every(Q))
    before = ballot_rows(store)
    with pytest.raises(StoreError) as err:
        ap.cast_ballot(store, sid, "002", ratings)
    assert err.value.key == key
    assert ballot_rows(store) == before
    assert ap.voters(store, sid)[1].voted is False  # 002 may still vote


def test_a_voter_without_a_vote_is_refused(store, roster, sid):
    for who in ("006", "999"):  # probationary; not a member
        with pytest.raises(StoreError) as err:
            ap.cast_ballot(store, sid, who, every(Q))
        assert err.value.key == "appraisal.voter_unknown"
    assert ballot_rows(store) == ([], [], [], [])


def test_no_ballot_before_the_start_or_after_the_close(store, roster, sid):
    created = ap.new_session(store, roster.id, YEAR + 1)
    with pytest.raises(Conflict, match="has not started"):
        ap.cast_ballot(store, created.id, None, every(Q))
    ap.cast_ballot(store, sid, "001", every(Q))
    ap.close_session(store, roster.id, sid, PIN, **PASSWORDS)
    before = ballot_rows(store)
    for voter in ("002", None):
        with pytest.raises(Conflict) as err:
            ap.cast_ballot(store, sid, voter, every(E))
        assert err.value.key == "appraisal.poll_closed"
    with pytest.raises(Conflict):
        ap.mark_paper_voters(store, sid, ["002"])
    assert ballot_rows(store) == before


def test_the_database_itself_refuses_changes_to_cast_ballots(store, roster, sid):
    ap.cast_ballot(store, sid, "001", every(Q))
    with pytest.raises(DBAPIError), store.write_transaction() as conn:
        conn.execute(text("UPDATE appraisal_sealed SET box = box"))
    with pytest.raises(DBAPIError), store.write_transaction() as conn:
        conn.execute(text("UPDATE appraisal_voted SET member_id = member_id"))
    ap.close_session(store, roster.id, sid, PIN, **PASSWORDS)
    before = ballot_rows(store)
    with pytest.raises(DBAPIError), store.write_transaction() as conn:
        conn.execute(
            text("INSERT INTO appraisal_receipt (code, session_id) VALUES ('ZZZZZZZZ', :s)"),
            {"s": sid},
        )
    assert ballot_rows(store) == before


def test_paper_ballots_and_the_voted_set(store, roster, sid):
    ap.cast_ballot(store, sid, None, every(E))
    ap.cast_ballot(store, sid, None, every(U))
    ap.mark_paper_voters(store, sid, ["003"])
    with pytest.raises(StoreError) as err:  # two ballots, one voter marked
        ap.close_session(store, roster.id, sid, PIN, **PASSWORDS)
    assert err.value.params == {"ballots": 2, "voted": 1}
    with pytest.raises(Conflict):
        ap.mark_paper_voters(store, sid, ["004", "003"])
    with pytest.raises(StoreError):
        ap.mark_paper_voters(store, sid, ["006"])
    assert ap.get_session(store, roster.id, sid).voted == 1  # all or nothing
    with pytest.raises(Conflict):  # a marked paper voter cannot vote again at the kiosk
        ap.cast_ballot(store, sid, "003", every(Q))
    ap.mark_paper_voters(store, sid, ["004"])
    assert ap.close_session(store, roster.id, sid, PIN, **PASSWORDS).ballots == 2


# ---------------------------------------------------------------------------- the seal


KNOWN_BALLOTS = [
    ("001", {"001": E, "002": Q, "003": Q, "004": B, "005": U, "006": Q}),
    ("002", {"001": E, "002": E, "003": Q, "004": None, "005": U, "006": E}),
    ("003", {"001": Q, "002": Q, "003": Q, "004": Q, "005": B, "006": None}),
    ("004", {"001": E, "002": B, "003": None, "004": U, "005": U, "006": Q}),
]


def test_closing_seals_a_reproducible_fingerprint_and_the_tally_equals_a_hand_count(
    store, roster, sid
):
    for voter, ratings in KNOWN_BALLOTS:
        ap.cast_ballot(store, sid, voter, ratings)
    with pytest.raises(Conflict) as err:  # no tally while the poll is open
        ap.tally(store, roster.id, sid, SCHEME)
    assert "4 of 5 voted" in str(err.value)
    seal = ap.close_session(store, roster.id, sid, PIN, **PASSWORDS)
    assert seal.ballots == 4
    assert seal.fingerprint == documented_fingerprint(store, sid)
    assert ap.verify_fingerprints(store) == []
    session = ap.get_session(store, roster.id, sid)
    assert session.state is SessionState.finished
    assert (session.fingerprint, session.ballots) == (seal.fingerprint, 4)
    seals = audit_of(store, "appraisal.seal")
    assert seals == [
        {"session": sid, "year": YEAR, "ballots": 4, "voters": 5, "fingerprint": seal.fingerprint}
    ]
    # closing again changes nothing and writes no second seal
    assert ap.close_session(store, roster.id, sid, PIN, **PASSWORDS) == seal
    assert len(audit_of(store, "appraisal.seal")) == 1

    result = ap.tally(store, roster.id, sid, SCHEME)
    assert result.turnout == (4, 5)
    for row in result.rows:
        hand = Counts.of([ratings[row.member_no] for _, ratings in KNOWN_BALLOTS])
        assert row.counts == hand, row.member_no
        assert row.points == 60  # base points, no ledger entries
        assert row.proposed == rules.proposed_grade(SCHEME, row.status, 60, False, hand)
    by_no = {r.member_no: r for r in result.rows}
    assert by_no["001"].counts == Counts(excellent=3, qualified=1)
    assert by_no["004"].counts == Counts(
        qualified=1, basically_qualified=1, unqualified=1, abstain=1
    )
    assert by_no["006"].graded is False and by_no["006"].proposed is None


def test_only_poll_level_events_reach_the_audit_log(store, roster, sid):
    for voter, ratings in KNOWN_BALLOTS:
        ap.check_pin(store, sid, PIN)
        ap.cast_ballot(store, sid, voter, ratings)
    ap.close_session(store, roster.id, sid, PIN, **PASSWORDS)
    appraisal_actions = [a for a in audit_actions(store) if a.startswith("appraisal.")]
    assert appraisal_actions == ["appraisal.create", "appraisal.start", "appraisal.seal"]


def test_tampering_with_a_rating_after_close_fails_verify_naming_the_session(
    store, roster, sid, db_url
):
    for voter, ratings in KNOWN_BALLOTS:
        ap.cast_ballot(store, sid, voter, ratings)
    seal = ap.close_session(store, roster.id, sid, PIN, **PASSWORDS)
    assert ledger.verify(store).ok
    tamper(
        db_url,
        [
            "UPDATE appraisal_rating SET grade = 'excellent' WHERE key = "
            "(SELECT MIN(key) FROM appraisal_rating WHERE grade = 'unqualified')"
        ],
    )
    report = ledger.verify(store)
    assert not report.ok
    assert (
        ledger.ChainBreak(
            "appraisal_session", sid, "appraisal.verify.fingerprint_mismatch", roster.id
        )
        in report.breaks
    )
    [(session_id, stored, recomputed)] = ap.verify_fingerprints(store)
    assert (session_id, stored) == (sid, seal.fingerprint)
    assert recomputed == documented_fingerprint(store, sid) != seal.fingerprint


def test_a_forged_fingerprint_is_caught_by_the_seal_in_the_audit_log(store, roster, sid, db_url):
    for voter, ratings in KNOWN_BALLOTS:
        ap.cast_ballot(store, sid, voter, ratings)
    ap.close_session(store, roster.id, sid, PIN, **PASSWORDS)
    tamper(db_url, ["DELETE FROM appraisal_rating WHERE grade IS NULL"])
    forged = documented_fingerprint(store, sid)
    tamper(db_url, [f"UPDATE appraisal_session SET fingerprint = '{forged}' WHERE id = {sid}"])
    reasons = [b.reason for b in ledger.verify(store).breaks if b.table == "appraisal_session"]
    assert reasons == ["appraisal.verify.seal_mismatch"]


def test_close_refuses_a_poll_without_ballots(store, roster, sid):
    with pytest.raises(StoreError) as err:
        ap.close_session(store, roster.id, sid, PIN, **PASSWORDS)
    assert err.value.key == "appraisal.no_ballots"
    assert ap.get_session(store, roster.id, sid).state is SessionState.started


# ---------------------------------------------------------------------------- grades


def _closed(store, roster, sid):
    for voter, ratings in KNOWN_BALLOTS:
        ap.cast_ballot(store, sid, voter, ratings)
    ap.close_session(store, roster.id, sid, PIN, **PASSWORDS)
    return {r.member_no: r for r in ap.tally(store, roster.id, sid, SCHEME).rows}


def test_the_committees_grade_needs_a_reason_where_it_departs(store, roster, sid):
    rows = _closed(store, roster, sid)
    proposed = rows["001"].proposed
    other = E if proposed is not E else Q
    with pytest.raises(StoreError) as err:
        ap.set_grade(store, roster.id, sid, "001", other, None, scheme=SCHEME)
    assert err.value.key == "appraisal.reason_needed"
    with pytest.raises(StoreError):
        ap.set_grade(store, roster.id, sid, "001", other, "   ", scheme=SCHEME)
    ap.set_grade(store, roster.id, sid, "001", proposed, None, scheme=SCHEME)
    ap.set_grade(store, roster.id, sid, "001", other, "群众公认，表现突出", scheme=SCHEME)
    row = {r.member_no: r for r in ap.tally(store, roster.id, sid, SCHEME).rows}["001"]
    assert (row.final, row.reason) == (other, "群众公认，表现突出")
    with pytest.raises(StoreError) as err:
        ap.set_grade(store, roster.id, sid, "006", Q, "x", scheme=SCHEME)
    assert err.value.key == "appraisal.not_graded"
    with pytest.raises(NotFound):
        ap.set_grade(store, roster.id, sid, "999", Q, "x", scheme=SCHEME)
    assert [d["member_no"] for d in audit_of(store, "appraisal.grade")] == ["001", "001"]


def test_publishing_needs_every_grade_and_freezes_the_session(store, roster, sid, db_url):
    rows = _closed(store, roster, sid)
    ap.set_grade(store, roster.id, sid, "001", rows["001"].proposed, None, scheme=SCHEME)
    with pytest.raises(StoreError) as err:
        ap.publish(store, roster.id, sid)
    assert err.value.params["count"] == 4
    for no in FULL_NOS[1:]:
        ap.set_grade(store, roster.id, sid, no, rows[no].proposed or Q, "—", scheme=SCHEME)
    published = ap.publish(store, roster.id, sid)
    assert published.state is SessionState.published and published.published_at is not None
    before = ballot_rows(store)
    with pytest.raises(Conflict):
        ap.reset_session(store, roster.id, sid, PIN)
    with pytest.raises(Conflict):
        ap.set_grade(store, roster.id, sid, "001", U, "x", scheme=SCHEME)
    with pytest.raises(DBAPIError), store.write_transaction() as conn:
        conn.execute(text("DELETE FROM appraisal_rating"))
    with pytest.raises(DBAPIError), store.write_transaction() as conn:
        conn.execute(text("UPDATE appraisal_decision SET final = 'unqualified'"))
    with pytest.raises(DBAPIError), store.write_transaction() as conn:
        conn.execute(text("UPDATE appraisal_session SET fingerprint = NULL"))
    assert ballot_rows(store) == before
    assert ledger.verify(store).ok


def test_reset_discards_every_ballot_and_allows_a_new_start(store, roster, sid):
    _closed(store, roster, sid)
    row = ap.reset_session(store, roster.id, sid, PIN)
    assert row.state is SessionState.created
    assert (row.voters, row.voted, row.candidates, row.fingerprint) == (0, 0, 0, None)
    assert ballot_rows(store) == ([], [], [], [])
    assert audit_of(store, "appraisal.reset")[0]["ballots_discarded"] == 4
    ap.start_session(store, roster.id, sid, "135791", SCHEME, **PASSWORDS)
    with pytest.raises(StoreError):
        ap.check_pin(store, sid, PIN)  # the old PIN is gone
    ap.check_pin(store, sid, "135791")


def test_the_excellent_warning_counts_final_grades_before_proposals(store, roster, sid):
    rows = _closed(store, roster, sid)
    assert not ap.tally(store, roster.id, sid, SCHEME).excellent_warning or any(
        r.proposed is E for r in rows.values()
    )
    for no in ("001", "002"):
        ap.set_grade(store, roster.id, sid, no, E, "优秀", scheme=SCHEME)
    result = ap.tally(store, roster.id, sid, SCHEME)
    assert result.graded == 5
    assert result.excellent_warning  # 2 of 5 > one third


# ---------------------------------------------------------------------------- secrecy


VOTERS = 20


@pytest.fixture
def big_branch(sqlite_store):
    branch = sqlite_store.resolve_branch("第一党支部")
    sqlite_store.add_members(
        branch.id,
        [MemberInput(f"{i:03d}", f"党员{i}", MemberStatus.full) for i in range(1, VOTERS + 1)]
        + [MemberInput("099", "预备党员", MemberStatus.probationary)],
    )
    return branch


def test_a_dump_after_close_cannot_order_the_ballots_or_tie_one_to_a_voter(
    sqlite_store, big_branch, sqlite_url
):
    store = sqlite_store
    sid = ap.new_session(store, big_branch.id, YEAR).id
    ap.start_session(store, big_branch.id, sid, PIN, SCHEME, **PASSWORDS)
    cands = [c.member_no for c in ap.candidates(store, sid)]
    rnd = random.Random(5)
    cast_order = [f"{i:03d}" for i in range(1, VOTERS + 1)]
    rnd.shuffle(cast_order)
    ballots: dict[str, dict[str, Grade | None]] = {}
    keys_in_cast_order: list[str] = []
    receipts: list[str] = []
    seen: set[str] = set()
    for voter in cast_order:
        ratings = {c: rnd.choice([E, Q, Q, B, U, None]) for c in cands}
        ballots[voter] = ratings
        receipts.append(ap.cast_ballot(store, sid, voter, ratings))
        with store.read_connection() as conn:  # test-only knowledge of this ballot's key
            now = set(conn.scalars(select(sealed_t.c.key)))
        keys_in_cast_order += sorted(now - seen)
        seen = now
    seal = ap.close_session(store, big_branch.id, sid, PIN, **PASSWORDS)
    store.close()

    path = sqlite_path(sqlite_url)
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # checkpointed and truncated
    con = sqlite3.connect(path)
    try:
        dump = list(con.iterdump())
        assert con.execute("PRAGMA freelist_count").fetchone()[0] == 0
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        columns = {
            table: [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
            for table in ap.BALLOT_TABLES
        }
        with pytest.raises(sqlite3.OperationalError):
            con.execute("SELECT rowid FROM appraisal_rating")
        # the documented recipe, literally (fingerprint in data/appraisal's docstring)
        lines = [
            r[0]
            for r in con.execute(
                "SELECT c.member_no || char(9) || coalesce(r.grade, '') || char(9) || r.key "
                "FROM appraisal_rating r JOIN appraisal_candidate c ON c.session_id = "
                "r.session_id AND c.member_id = r.candidate_id WHERE r.session_id = ? "
                "ORDER BY 1",
                (sid,),
            )
        ]
    finally:
        con.close()
    assert hashlib.sha256("".join(f"{x}\n" for x in lines).encode()).hexdigest() == (
        seal.fingerprint
    )

    # no timestamps, no ids, nothing that names a ballot or a voter in the ballot tables
    assert columns == {
        "appraisal_rating": ["key", "session_id", "candidate_id", "grade"],
        "appraisal_voted": ["session_id", "member_id"],
        "appraisal_receipt": ["code", "session_id"],
        "appraisal_sealed": ["key", "session_id", "box"],
    }
    creates = {
        t: next(
            s
            for s in dump
            if s.startswith(f'CREATE TABLE "{t}"') or s.startswith(f"CREATE TABLE {t}")
        )
        for t in ap.BALLOT_TABLES
    }
    assert all("WITHOUT ROWID" in sql for sql in creates.values())

    def inserted(table: str) -> list[tuple]:
        prefix = f'INSERT INTO "{table}" VALUES('
        return [
            tuple(v.strip("'") for v in s[len(prefix) : -2].split(","))
            for s in dump
            if s.startswith(prefix)
        ]

    ratings_dumped = inserted("appraisal_rating")
    voted_dumped = inserted("appraisal_voted")
    receipts_dumped = inserted("appraisal_receipt")
    assert len(ratings_dumped) == VOTERS * len(cands)
    assert inserted("appraisal_sealed") == []  # opened and destroyed at close
    # rows come in an order made of their own values (SQLite reads them through the
    # covering index: session, candidate, grade, random key), never of the cast
    assert ratings_dumped == sorted(
        ratings_dumped, key=lambda r: (int(r[1]), int(r[2]), r[3] != "NULL", r[3], r[0])
    )
    # the rating rows were all written by the close, in the order of their own random
    # keys: none was written while the poll was open, so none carries a cast order
    dumped_keys = [r[0] for r in ratings_dumped]
    assert not set(dumped_keys) & set(keys_in_cast_order)
    # the voted set in member order, the receipts in code order: neither is the cast order
    voted_ids = [int(r[1]) for r in voted_dumped]
    assert voted_ids == sorted(voted_ids)
    assert [f"{i:03d}" for i in voted_ids] != cast_order
    dumped_codes = [r[0] for r in receipts_dumped]
    assert dumped_codes == sorted(dumped_codes) and sorted(receipts) == dumped_codes
    # no rating shares a value with a voted row or a receipt that could join them
    assert not {r[0] for r in ratings_dumped} & set(dumped_codes)
    # the bytes of the file: the sealed rows, written in cast order while the poll was
    # open, left nothing behind (secure delete, VACUUM, WAL truncated)
    data = path.read_bytes()
    assert not any(k.encode() in data for k in keys_in_cast_order)
    assert page_size > 0
    # the audit log knows the poll, not the ballots
    assert not any(
        "appraisal_rating" in s or "appraisal_voted" in s
        for s in dump
        if s.startswith('INSERT INTO "audit_log"')
    )

    # and the tally is still the hand count
    from orglife_tui.data.store import Store

    reopened = Store.open(sqlite_url, operator="tester")
    try:
        result = ap.tally(reopened, big_branch.id, sid, SCHEME)
        for row in result.rows:
            assert row.counts == Counts.of([ballots[v][row.member_no] for v in cast_order])
        assert documented_fingerprint(reopened, sid) == seal.fingerprint
    finally:
        reopened.close()


def test_the_documented_sqlite3_recipe_reproduces_the_fingerprint(sqlite_store, big_branch):
    if shutil.which("sqlite3") is None:
        pytest.skip("the sqlite3 shell is not installed")
    store = sqlite_store
    sid = ap.new_session(store, big_branch.id, YEAR).id
    ap.start_session(store, big_branch.id, sid, PIN, SCHEME, **PASSWORDS)
    cands = [c.member_no for c in ap.candidates(store, sid)]
    for i in range(1, 6):
        ap.cast_ballot(store, sid, f"{i:03d}", {c: GRADES[(i + len(c)) % 4] for c in cands})
    seal = ap.close_session(store, big_branch.id, sid, PIN, **PASSWORDS)
    path = sqlite_path(str(store.engine.url))
    doc = ap.__doc__ or ""
    recipe = doc[doc.index('sqlite3 branch.db "') + len('sqlite3 branch.db "') :]
    query = " ".join(recipe[: recipe.index('"')].split()).replace(
        "session_id = 1", f"session_id = {sid}"
    )
    out = subprocess.run(["sqlite3", str(path), query], capture_output=True, check=True)
    assert hashlib.sha256(out.stdout).hexdigest() == seal.fingerprint
    with store.read_connection() as conn:
        assert ap.fingerprint(conn, sid) == seal.fingerprint  # the same again, later


def test_on_postgresql_the_close_rewrites_the_ballots_in_one_transaction(pg_url):
    from orglife_tui.data.store import Store

    store = Store.open(pg_url, operator="tester")
    try:
        branch = store.resolve_branch("第一党支部")
        store.add_members(
            branch.id,
            [MemberInput(f"{i:03d}", f"党员{i}", MemberStatus.full) for i in range(1, 9)],
        )
        sid = ap.new_session(store, branch.id, YEAR).id
        ap.start_session(store, branch.id, sid, PIN, SCHEME, **PASSWORDS)
        cands = [c.member_no for c in ap.candidates(store, sid)]
        for i in range(1, 9):
            ap.cast_ballot(store, sid, f"{i:03d}", {c: GRADES[(i * 7 + len(c)) % 4] for c in cands})
        with store.read_connection() as conn:
            before = conn.execute(
                text("SELECT count(DISTINCT xmin::text) FROM appraisal_sealed")
            ).scalar()
        assert before == 8  # one transaction per ballot while the poll is open
        ap.close_session(store, branch.id, sid, PIN, **PASSWORDS)
        with store.engine.begin() as conn:
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS pgstattuple"))
        with store.read_connection() as conn:
            for table, order in (
                ("appraisal_rating", "key"),
                ("appraisal_voted", "member_id"),
                ("appraisal_receipt", "code"),
            ):
                xmins = conn.execute(text(f"SELECT DISTINCT xmin::text FROM {table}")).all()
                assert len(xmins) == 1, table
                physical = [
                    r[0] for r in conn.execute(text(f"SELECT {order} FROM {table} ORDER BY ctid"))
                ]
                assert physical == sorted(physical), table
                # The pages themselves, not the statistics: a closed backend reports its
                # counts a moment after it is gone, possibly after the VACUUM's report.
                dead = conn.execute(
                    text("SELECT dead_tuple_count FROM pgstattuple(:t)"), {"t": table}
                ).scalar()
                assert not dead, table
    finally:
        store.close()


def test_the_documented_psql_recipe_reproduces_the_fingerprint(pg_url):
    if shutil.which("psql") is None:
        pytest.skip("psql is not installed")
    from orglife_tui.data.store import Store

    store = Store.open(pg_url, operator="tester")
    try:
        branch = store.resolve_branch("第一党支部")
        store.add_members(
            branch.id,
            [MemberInput(no, "党员", MemberStatus.full) for no in ("A-1", "a1", "B2", "010", "9")],
        )
        sid = ap.new_session(store, branch.id, YEAR).id
        ap.start_session(store, branch.id, sid, PIN, SCHEME, **PASSWORDS)
        cands = [c.member_no for c in ap.candidates(store, sid)]
        for i, voter in enumerate(ap.voters(store, sid)):
            ratings = {
                c: None if (i + j) % 5 == 0 else GRADES[(i + j) % 4] for j, c in enumerate(cands)
            }
            ap.cast_ballot(store, sid, voter.member_no, ratings)
        seal = ap.close_session(store, branch.id, sid, PIN, **PASSWORDS)
    finally:
        store.close()
    doc = ap.__doc__ or ""
    recipe = doc[doc.index('psql -XAtq -c "') + len('psql -XAtq -c "') :]
    query = recipe[: recipe.index('" | sha256sum')].replace('\\"', '"')
    query = " ".join(query.split()).replace("session_id = 1)", f"session_id = {sid})")
    uri = pg_url.replace("postgresql+psycopg://", "postgresql://")
    out = subprocess.run(["psql", "-XAtq", uri, "-c", query], capture_output=True, check=True)
    assert hashlib.sha256(out.stdout).hexdigest() == seal.fingerprint

"""Ballots sealed while the poll is open (issue 10 §1), on SQLite and PostgreSQL.

The attacker of these tests runs the server: they copy the database file, its WAL and
shared-memory file after every ballot, and they know one of the two tally passwords (the
teller's or the scrutineer's). From those copies no rating can be tied to a voter: no
plaintext rating is stored before the close, and one password unwraps only a random share
of the session key. The close needs the teller PIN and both passwords; it is resumable
after a kill at any point, and ``verify`` tells which state it was left in.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
from sqlalchemy import select, text, update

from orglife_tui.config import sqlite_path
from orglife_tui.data import appraisal as ap
from orglife_tui.data import ledger, sealing
from orglife_tui.data.errors import StoreError
from orglife_tui.data.models import rating_t, receipt_t, sealed_t, session_t
from orglife_tui.data.store import Store
from orglife_tui.domain import MemberStatus, SessionState
from orglife_tui.domain.records import MemberInput
from orglife_tui.locale import set_language
from orglife_tui.scoring.appraisal import GRADES, Counts
from tests.ballot_snapshots import assert_copy_reveals_no_rating, copy_live_files, grade_counts
from tests.data.test_appraisal import audit_of, tamper
from tests.points_helpers import make_scheme
from tests.tally_passwords import PASSWORDS, PIN, SCRUTINEER, TELLER

E, Q, B, U = GRADES
YEAR = 2025
SCHEME = make_scheme()
VOTERS = [f"{i:03d}" for i in range(1, 7)]


@pytest.fixture
def branch6(store, branch):
    store.add_members(
        branch.id,
        [MemberInput(no, f"党员{no}", MemberStatus.full) for no in VOTERS]
        + [MemberInput("007", "预备党员", MemberStatus.probationary)],
    )
    return branch


@pytest.fixture
def sid(store, branch6) -> int:
    session = ap.new_session(store, branch6.id, YEAR)
    return ap.start_session(store, branch6.id, session.id, PIN, SCHEME, **PASSWORDS).id


def ballot_of(i: int, candidates: list[str]) -> dict:
    return {c: (E, Q, B, U, None)[(i * 3 + n) % 5] for n, c in enumerate(candidates)}


def session_columns(store, session_id: int):
    with store.read_connection() as conn:
        return conn.execute(select(session_t).where(session_t.c.id == session_id)).one()


def count(store, table, session_id: int) -> int:
    with store.read_connection() as conn:
        return len(conn.execute(select(table).where(table.c.session_id == session_id)).all())


def breaks(store) -> list[tuple[int, str]]:
    return [
        (b.entry_id, b.reason)
        for b in ledger.verify(store).breaks
        if b.table == "appraisal_session"
    ]


# ------------------------------------------------------------------ the Done-when test


def test_copies_of_the_live_files_with_either_password_tie_no_rating_to_a_voter(
    sqlite_store, sqlite_url, tmp_path
):
    store = sqlite_store
    branch = store.resolve_branch("第一党支部")
    store.add_members(branch.id, [MemberInput(no, f"党员{no}", MemberStatus.full) for no in VOTERS])
    sid = ap.new_session(store, branch.id, YEAR).id
    ap.start_session(store, branch.id, sid, PIN, SCHEME, **PASSWORDS)
    db = sqlite_path(sqlite_url)
    baseline = copy_live_files(db, tmp_path / "start")
    # the schema names the grades (a CHECK constraint): what a ballot would add is counted
    # against the copy taken before any ballot
    base_counts = grade_counts(baseline)
    cands = [c.member_no for c in ap.candidates(store, sid)]
    ballots = {}
    snapshots = []
    for i, voter in enumerate(VOTERS):
        ballots[voter] = ballot_of(i, cands)
        ap.cast_ballot(store, sid, voter, ballots[voter])  # what the kiosk calls
        snapshots.append(copy_live_files(db, tmp_path / f"after-{i}"))
    assert any(s.with_name(s.name + "-wal").exists() for s in snapshots)  # WAL copied too

    for n, copy in enumerate(snapshots):
        wrapped = assert_copy_reveals_no_rating(copy, sid, n + 1, base_counts)

    # both passwords at the close: the tally is the hand count, nothing sealed is left
    seal = ap.close_session(store, branch.id, sid, PIN, **PASSWORDS)
    assert seal.ballots == len(VOTERS)
    result = ap.tally(store, branch.id, sid, SCHEME)
    for row in result.rows:
        assert row.counts == Counts.of([ballots[v][row.member_no] for v in VOTERS])
    s = session_columns(store, sid)
    assert (s.tally_key, s.scrub_pending) == (None, False)
    assert count(store, sealed_t, sid) == 0
    wal = db.with_name(db.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    data = db.read_bytes()
    assert wrapped.encode() not in data  # the wrapped key is gone from the file
    assert ledger.verify(store).ok


# ------------------------------------------------------------------ close: PIN and passwords


def test_the_close_opens_the_ballots_into_unlinkable_rating_rows(store, branch6, sid):
    cands = [c.member_no for c in ap.candidates(store, sid)]
    ballots = [ballot_of(i, cands) for i in range(4)]
    for voter, ballot in zip(VOTERS, ballots, strict=False):
        ap.cast_ballot(store, sid, voter, ballot)
    assert count(store, rating_t, sid) == 0 and count(store, sealed_t, sid) == 4
    seal = ap.close_session(store, branch6.id, sid, PIN, **PASSWORDS)
    assert seal.ballots == 4
    assert count(store, sealed_t, sid) == 0
    assert count(store, rating_t, sid) == 4 * len(cands)
    s = session_columns(store, sid)
    assert s.tally_key is None and s.tally_public_key is not None and not s.scrub_pending
    for row in ap.tally(store, branch6.id, sid, SCHEME).rows:
        assert row.counts == Counts.of([b[row.member_no] for b in ballots])
    assert ap.verify_fingerprints(store) == []
    assert breaks(store) == []


@pytest.mark.parametrize(
    ("teller", "scrutineer", "key"),
    [
        ("wrong-teller-pw", SCRUTINEER, "appraisal.password_wrong.teller"),
        (TELLER, "wrong-scrutineer-pw", "appraisal.password_wrong.scrutineer"),
        (SCRUTINEER, TELLER, "appraisal.password_wrong.both"),  # swapped
        (None, SCRUTINEER, "appraisal.password_missing.teller"),
        (TELLER, "", "appraisal.password_missing.scrutineer"),
    ],
)
def test_a_wrong_or_missing_password_closes_nothing(store, branch6, sid, teller, scrutineer, key):
    ap.cast_ballot(
        store, sid, "001", ballot_of(0, [c.member_no for c in ap.candidates(store, sid)])
    )
    before = session_columns(store, sid)
    with pytest.raises(StoreError) as err:
        ap.close_session(
            store,
            branch6.id,
            sid,
            PIN,
            teller_password=teller,
            scrutineer_password=scrutineer,
        )
    assert err.value.key == key
    for secret in (TELLER, SCRUTINEER, "wrong-teller-pw", "wrong-scrutineer-pw"):
        assert secret not in str(err.value)
    assert session_columns(store, sid) == before
    assert count(store, sealed_t, sid) == 1 and count(store, rating_t, sid) == 0


def test_close_and_reset_need_the_teller_pin(store, branch6, sid):
    ap.cast_ballot(
        store, sid, "001", ballot_of(0, [c.member_no for c in ap.candidates(store, sid)])
    )
    for call in (
        lambda pin: ap.close_session(store, branch6.id, sid, pin, **PASSWORDS),
        lambda pin: ap.reset_session(store, branch6.id, sid, pin),
    ):
        with pytest.raises(StoreError) as err:
            call("999999")
        assert err.value.key == "appraisal.pin_wrong"
        with pytest.raises(StoreError) as err:
            call("")
        assert err.value.key == "appraisal.pin_missing"
    row = ap.get_session(store, branch6.id, sid)
    assert row.state is SessionState.started and row.voted == 1
    assert count(store, sealed_t, sid) == 1


def test_reset_destroys_the_sealed_ballots_and_the_key(store, branch6, sid):
    ap.cast_ballot(
        store, sid, "001", ballot_of(0, [c.member_no for c in ap.candidates(store, sid)])
    )
    row = ap.reset_session(store, branch6.id, sid, PIN)
    assert row.state is SessionState.created and not row.sealed
    s = session_columns(store, sid)
    assert (s.tally_key, s.tally_public_key, s.pin_hash) == (None, None, None)
    assert count(store, sealed_t, sid) == 0 and count(store, receipt_t, sid) == 0
    # a new start makes a new key
    again = ap.start_session(store, branch6.id, sid, PIN, SCHEME, **PASSWORDS)
    assert again.sealed and session_columns(store, sid).tally_public_key != s.tally_public_key


def test_a_sealed_ballot_changed_behind_the_programs_back_stops_the_close(
    store, branch6, sid, db_url
):
    cands = [c.member_no for c in ap.candidates(store, sid)]
    ap.cast_ballot(store, sid, "001", ballot_of(0, cands))
    ap.cast_ballot(store, sid, "002", ballot_of(1, cands))
    # a forged ballot sealed to the right public key but rating one candidate only
    public = session_columns(store, sid).tally_public_key
    forged = sealing.seal(public, {1: "excellent"}, 256)
    with store.read_connection() as conn:
        key = conn.scalar(select(sealed_t.c.key).limit(1))
    if db_url.startswith("sqlite"):
        statement = f"UPDATE appraisal_sealed SET box = X'{forged.hex()}' WHERE key = '{key}'"
    else:
        statement = (
            f"UPDATE appraisal_sealed SET box = '\\x{forged.hex()}'::bytea WHERE key = '{key}'"
        )
    tamper(db_url, [statement])
    with pytest.raises(StoreError) as err:
        ap.close_session(store, branch6.id, sid, PIN, **PASSWORDS)
    assert err.value.key == "appraisal.sealed_unreadable"
    assert ap.get_session(store, branch6.id, sid).state is SessionState.started
    assert count(store, sealed_t, sid) == 2 and count(store, rating_t, sid) == 0


# ------------------------------------------------------------------ kill -9 during close


def test_on_postgresql_the_scrub_waits_for_a_snapshot_older_than_the_close(
    store, branch6, sid, monkeypatch
):
    """VACUUM FULL keeps the rows an older snapshot may still see: while one is open anywhere
    on the server the scrub is refused and stays pending; once it ends, closing again wipes
    the rows the close replaced (read from the pages, not from the statistics)."""
    if store.engine.dialect.name != "postgresql":
        pytest.skip("snapshots of other backends are a PostgreSQL matter")
    monkeypatch.setattr(ap.seal, "PG_SNAPSHOT_WAIT", 0.3)
    cands = [c.member_no for c in ap.candidates(store, sid)]
    for i, voter in enumerate(VOTERS[:3]):
        ap.cast_ballot(store, sid, voter, ballot_of(i, cands))
    with store.engine.connect().execution_options(isolation_level="REPEATABLE READ") as old:
        old.execute(text("SELECT count(*) FROM appraisal_session")).scalar()  # holds a snapshot
        with pytest.raises(StoreError) as err:
            ap.close_session(store, branch6.id, sid, PIN, **PASSWORDS)
        assert err.value.key == "appraisal.scrub_waits_for_older"
        assert ap.get_session(store, branch6.id, sid).scrub_pending
        assert breaks(store) == [(sid, "appraisal.verify.scrub_pending")]
        old.rollback()
    # Other tests' transactions on the shared server may be older for a moment: the retry
    # waits as a real close does (the short wait above is for the refusal only).
    monkeypatch.setattr(ap.seal, "PG_SNAPSHOT_WAIT", 30.0)
    ap.close_session(store, branch6.id, sid, PIN)
    assert not ap.get_session(store, branch6.id, sid).scrub_pending and breaks(store) == []
    with store.engine.begin() as conn:
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS pgstattuple"))
    with store.read_connection() as conn:
        for table in ("appraisal_rating", "appraisal_voted", "appraisal_receipt"):
            dead = conn.execute(text("SELECT dead_tuple_count FROM pgstattuple(:t)"), {"t": table})
            assert not dead.scalar(), table


def test_a_close_cut_short_before_the_scrub_is_reported_and_finished_by_closing_again(
    store, branch6, sid, monkeypatch
):
    cands = [c.member_no for c in ap.candidates(store, sid)]
    ballots = [ballot_of(i, cands) for i in range(3)]
    for voter, ballot in zip(VOTERS, ballots, strict=False):
        ap.cast_ballot(store, sid, voter, ballot)

    def crash(_store):
        raise RuntimeError("killed")

    monkeypatch.setattr(ap.seal, "_scrub", crash)
    with pytest.raises(RuntimeError):
        ap.close_session(store, branch6.id, sid, PIN, **PASSWORDS)
    monkeypatch.undo()
    row = ap.get_session(store, branch6.id, sid)
    assert row.state is SessionState.finished and row.scrub_pending and row.ballots == 3
    assert breaks(store) == [(sid, "appraisal.verify.scrub_pending")]
    with pytest.raises(StoreError) as err:  # not published before the scrub
        ap.publish(store, branch6.id, sid, scheme=SCHEME)
    assert err.value.key == "appraisal.scrub_pending"
    with pytest.raises(StoreError):  # closing again still needs the PIN
        ap.close_session(store, branch6.id, sid, "999999")
    again = ap.close_session(store, branch6.id, sid, PIN)  # no passwords: the key is gone
    assert again.ballots == 3 and not ap.get_session(store, branch6.id, sid).scrub_pending
    assert breaks(store) == []
    for row in ap.tally(store, branch6.id, sid, SCHEME).rows:
        assert row.counts == Counts.of([b[row.member_no] for b in ballots])


@contextmanager
def another_in_the_way(store, db_url: str):
    """What keeps the scrub from compacting the files: on SQLite another program writing
    (it holds the write lock), on PostgreSQL a transaction that has read a ballot table
    (``VACUUM FULL`` needs the table to itself)."""
    if db_url.startswith("sqlite"):
        other = sqlite3.connect(sqlite_path(db_url), isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            other.rollback()
            other.close()
    else:
        with store.engine.connect() as other:
            other.execute(text("LOCK TABLE appraisal_rating IN ACCESS SHARE MODE"))
            try:
                yield
            finally:
                other.rollback()


SCRUB_FAILED = {
    "en": "The poll of session {id} is sealed, but the database could not be compacted, so "
    "its files still hold traces of the poll and the close is pending; close other "
    "orglife-tui windows, then close the poll of session {id} again.",
    "zh": "第 {id} 号评议的投票已封存，但数据库未能压缩，文件中仍有投票痕迹，结束投票尚未完成；"
    "请关闭其他 orglife-tui 窗口后，再次结束第 {id} 号评议的投票。",
}


@pytest.fixture
def impatient(db_url):
    """The store of a secretary whose database gives up a lock soon (the scrub's included)."""
    s = Store.open(db_url, operator="tester", lock_timeout=0.3)
    yield s
    s.close()


@pytest.mark.parametrize("lang", list(SCRUB_FAILED))
def test_a_scrub_the_database_refuses_is_told_in_the_users_language_its_reason_audited(
    store, db_url, impatient, branch6, sid, monkeypatch, lang
):
    """The user reads what failed, that the close is pending and how to finish it, in their
    language; the database's own (English) text goes to the audit log for diagnosis."""
    monkeypatch.setattr(ap.seal, "PG_LOCK_TIMEOUT", "300ms")
    cands = [c.member_no for c in ap.candidates(store, sid)]
    for i, voter in enumerate(VOTERS[:3]):
        ap.cast_ballot(store, sid, voter, ballot_of(i, cands))
    real_scrub = ap.seal._scrub

    def scrub_with_another_in_the_way(s):
        with another_in_the_way(s, db_url):
            real_scrub(s)

    monkeypatch.setattr(ap.seal, "_scrub", scrub_with_another_in_the_way)
    set_language(lang)
    with pytest.raises(StoreError) as err:
        ap.close_session(impatient, branch6.id, sid, PIN, **PASSWORDS)
    assert err.value.key == "appraisal.scrub_failed"
    assert str(err.value) == SCRUB_FAILED[lang].format(id=sid)
    [recorded] = audit_of(store, "appraisal.scrub_failed")
    assert recorded["session"] == sid
    driver_text = "database is locked" if db_url.startswith("sqlite") else "lock timeout"
    assert driver_text in recorded["error"] and "lock" not in str(err.value)
    assert session_columns(store, sid).scrub_pending
    assert breaks(store) == [(sid, "appraisal.verify.scrub_pending")]
    monkeypatch.setattr(ap.seal, "_scrub", real_scrub)
    assert ap.close_session(impatient, branch6.id, sid, PIN).ballots == 3  # the retry
    assert not session_columns(store, sid).scrub_pending and breaks(store) == []


def test_a_reset_whose_scrub_is_refused_says_reset_again_and_stays_pending_until_it_works(
    store, db_url, impatient, branch6, sid, monkeypatch
):
    """The discarded ballots' traces are scrubbed as at a close; a refused scrub asks for the
    reset (not a close: nothing is open) to be done again, verify names it, and resetting
    again, with no PIN (nothing is left to protect but the scrub), finishes it."""
    monkeypatch.setattr(ap.seal, "PG_LOCK_TIMEOUT", "300ms")
    ap.cast_ballot(
        store, sid, VOTERS[0], ballot_of(0, [c.member_no for c in ap.candidates(store, sid)])
    )
    real_scrub = ap.seal._scrub

    def scrub_with_another_in_the_way(s):
        with another_in_the_way(s, db_url):
            real_scrub(s)

    monkeypatch.setattr(ap.seal, "_scrub", scrub_with_another_in_the_way)
    with pytest.raises(StoreError) as err:
        ap.reset_session(impatient, branch6.id, sid, PIN)
    assert err.value.key == "appraisal.scrub_failed_reset"
    assert ap.get_session(store, branch6.id, sid).state is SessionState.created
    assert session_columns(store, sid).scrub_pending
    assert breaks(store) == [(sid, "appraisal.verify.reset_scrub_pending")]
    monkeypatch.setattr(ap.seal, "_scrub", real_scrub)
    assert not ap.reset_session(impatient, branch6.id, sid, "").scrub_pending
    assert breaks(store) == []


def test_the_refused_scrub_is_told_all_the_same_when_it_cannot_be_recorded(
    store, db_url, impatient, branch6, sid, monkeypatch
):
    """SQLite: the other program still holds the write lock when the refusal would be
    recorded; the user hears the same message and the close stays pending."""
    if not db_url.startswith("sqlite"):
        pytest.skip("a table read on PostgreSQL holds up the scrub, not the audit log")
    ap.cast_ballot(
        store, sid, VOTERS[0], ballot_of(0, [c.member_no for c in ap.candidates(store, sid)])
    )
    real_scrub = ap.seal._scrub
    with ExitStack() as held:  # the lock is let go only once the close has given up

        def scrub_with_another_in_the_way(s):
            held.enter_context(another_in_the_way(s, db_url))
            real_scrub(s)

        monkeypatch.setattr(ap.seal, "_scrub", scrub_with_another_in_the_way)
        with pytest.raises(StoreError) as err:
            ap.close_session(impatient, branch6.id, sid, PIN, **PASSWORDS)
    assert str(err.value) == SCRUB_FAILED["en"].format(id=sid)
    assert audit_of(store, "appraisal.scrub_failed") == []
    assert session_columns(store, sid).scrub_pending


KILLER = textwrap.dedent(
    """
    import os, signal, sys
    import nacl.pwhash
    from orglife_tui.data import appraisal as ap, sealing
    from orglife_tui.data.store import Store

    sealing.KDF_OPSLIMIT = nacl.pwhash.argon2id.OPSLIMIT_MIN
    sealing.KDF_MEMLIMIT = nacl.pwhash.argon2id.MEMLIMIT_MIN
    url, branch_id, sid, where, pin, teller, scrutineer = sys.argv[1:]

    def die(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGKILL)

    if where == "before_commit":  # everything written, the transaction not committed
        real = ap.seal._seal

        def seal_then_die(store, conn, s, key):
            real(store, conn, s, key)
            die()

        ap.seal._seal = seal_then_die
    elif where == "before_scrub":
        ap.seal._scrub = die
    elif where == "before_clear":  # scrubbed, the mark not yet cleared
        real_scrub = ap.seal._scrub

        def scrub_then_die(store):
            real_scrub(store)
            die()

        ap.seal._scrub = scrub_then_die
    store = Store.open(url, operator="tester")
    ap.close_session(store, int(branch_id), int(sid), pin,
                     teller_password=teller, scrutineer_password=scrutineer)
    """
)


@pytest.mark.parametrize("where", ["before_commit", "before_scrub", "before_clear"])
def test_kill_9_at_any_point_of_the_close_loses_no_ballot(store, branch6, sid, db_url, where):
    cands = [c.member_no for c in ap.candidates(store, sid)]
    ballots = [ballot_of(i, cands) for i in range(5)]
    for voter, ballot in zip(VOTERS, ballots, strict=False):
        ap.cast_ballot(store, sid, voter, ballot)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run(
        [sys.executable, "-c", KILLER, db_url, str(branch6.id), str(sid), where, PIN]
        + [PASSWORDS["teller_password"], PASSWORDS["scrutineer_password"]],
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()[-2000:]
    row = ap.get_session(store, branch6.id, sid)
    if where == "before_commit":  # nothing happened: the poll is still open, sealed
        assert row.state is SessionState.started and row.sealed
        assert count(store, sealed_t, sid) == 5 and count(store, rating_t, sid) == 0
        assert breaks(store) == []
        seal = ap.close_session(store, branch6.id, sid, PIN, **PASSWORDS)
    else:  # sealed; the scrub (or its mark) is left to do, and verify says so
        assert row.state is SessionState.finished and row.scrub_pending
        assert count(store, sealed_t, sid) == 0
        assert breaks(store) == [(sid, "appraisal.verify.scrub_pending")]
        seal = ap.close_session(store, branch6.id, sid, PIN)
    assert seal.ballots == 5
    assert breaks(store) == [] and ledger.verify(store).ok
    for r in ap.tally(store, branch6.id, sid, SCHEME).rows:
        assert r.counts == Counts.of([b[r.member_no] for b in ballots])
    with store.read_connection() as conn:
        actions = list(
            conn.scalars(text("SELECT action FROM audit_log WHERE action = 'appraisal.seal'"))
        )
    assert actions == ["appraisal.seal"]  # sealed once


# ------------------------------------------------------------------ sessions before 0007


def test_a_session_started_before_sealed_ballots_still_closes_as_before(store, branch6):
    session = ap.new_session(store, branch6.id, YEAR)
    sid = ap.start_session(store, branch6.id, session.id, PIN, SCHEME, **PASSWORDS).id
    # what migration 0007 leaves of a session opened by an older version: no key
    with store.write_transaction() as conn:
        conn.execute(
            update(session_t)
            .where(session_t.c.id == sid)
            .values(tally_key=None, tally_public_key=None)
        )
    assert not ap.get_session(store, branch6.id, sid).sealed
    cands = [c.member_no for c in ap.candidates(store, sid)]
    ballots = [ballot_of(i, cands) for i in range(3)]
    for voter, ballot in zip(VOTERS, ballots, strict=False):
        ap.cast_ballot(store, sid, voter, ballot)
    assert count(store, sealed_t, sid) == 0  # plaintext rating rows, as then
    assert count(store, rating_t, sid) == 3 * len(cands)
    seal = ap.close_session(store, branch6.id, sid, PIN)  # no passwords exist for it
    assert seal.ballots == 3 and breaks(store) == []
    for row in ap.tally(store, branch6.id, sid, SCHEME).rows:
        assert row.counts == Counts.of([b[row.member_no] for b in ballots])

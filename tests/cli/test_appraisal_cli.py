"""`orglife-tui appraisal new|start|close|tally|grade|publish|reset|list` on both databases,
and `verify` naming a session whose ballots were changed after the seal."""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlalchemy import create_engine, text

from orglife_tui.config import sqlite_path
from orglife_tui.data import appraisal as ap
from orglife_tui.data.store import Store
from orglife_tui.domain import MemberStatus
from orglife_tui.domain.records import MemberInput
from orglife_tui.scoring.appraisal import Counts
from orglife_tui.scoring.model import Grade
from tests.cli_run import invoke_cli
from tests.tally_passwords import SCRUTINEER, TELLER

BRANCH = "第一党支部"
YEAR = 2025
E, Q, B, U = Grade.excellent, Grade.qualified, Grade.basically_qualified, Grade.unqualified
BALLOTS = [
    ("001", {"001": E, "002": Q, "003": U, "004": Q}),
    ("002", {"001": E, "002": Q, "003": U, "004": None}),
    ("003", {"001": Q, "002": B, "003": U, "004": Q}),
]


def run(*args: str, lang: str = "en", input: str | None = None):
    argv = ["--lang", lang, *args]
    return invoke_cli(argv, input=input, catch_exceptions=False)


@pytest.fixture
def db(db_url):
    """Full members 001–003 (voters), probationary 004."""
    store = Store.open(db_url, operator="tester")
    b = store.resolve_branch(BRANCH)
    store.add_members(
        b.id,
        [
            MemberInput("001", "朱海波", MemberStatus.full),
            MemberInput("002", "胡雅琴", MemberStatus.full),
            MemberInput("003", "赵志远", MemberStatus.full),
            MemberInput("004", "沈晨", MemberStatus.probationary),
        ],
    )
    store.close()
    return db_url


@pytest.fixture
def keys(tmp_path) -> list[str]:
    """The teller PIN and the two tally passwords given as files (for scripts)."""
    files = {
        "--teller-pin-file": "  432100  \nsecond line ignored\n",
        "--teller-password-file": f"{TELLER}\n",
        "--scrutineer-password-file": f"{SCRUTINEER}\n",
    }
    args = []
    for n, (option, content) in enumerate(files.items()):
        path = tmp_path / f"secret{n}.txt"
        path.write_text(content, encoding="utf-8")
        args += [option, str(path)]
    return args


def cast(db: str, session_id: int, ballots=BALLOTS) -> None:
    store = Store.open(db, operator="kiosk")
    try:
        for voter, ratings in ballots:
            ap.cast_ballot(store, session_id, voter, ratings)
    finally:
        store.close()


def started(db: str, keys: list[str]) -> int:
    assert run("--db", db, "appraisal", "new", "--year", str(YEAR)).exit_code == 0
    result = run("--db", db, "appraisal", "start", "1", *keys)
    assert result.exit_code == 0, result.output
    return 1


def test_a_whole_session_from_the_command_line(db, keys):
    result = run("--db", db, "appraisal", "list")
    assert result.exit_code == 0 and "No appraisal yet" in result.output
    result = run("--db", db, "appraisal", "new", "--year", str(YEAR))
    assert result.exit_code == 0
    assert "Appraisal session 1 for 2025 created" in result.output
    result = run("--db", db, "appraisal", "start", "1", *keys)
    assert result.exit_code == 0, result.output
    assert "3 voter(s), 4 candidate(s)" in result.output
    store = Store.open(db)
    try:
        ap.check_pin(store, 1, "432100")  # the first line, stripped
    finally:
        store.close()
    cast(db, 1, BALLOTS[:2])
    result = run("--db", db, "appraisal", "list")
    assert "2 of 3 voted" in result.output
    # no running tally while the poll is open
    result = run("--db", db, "appraisal", "tally", "1")
    assert result.exit_code == 1
    assert "(2 of 3 voted)" in result.output and "excellent" not in result.output.lower()
    cast(db, 1, BALLOTS[2:])
    result = run("--db", db, "appraisal", "close", "1", *keys)
    assert result.exit_code == 0, result.output
    assert "sealed: 3 ballot(s)" in result.output
    store = Store.open(db)
    try:
        fingerprint = ap.get_session(store, store.resolve_branch(None).id, 1).fingerprint
    finally:
        store.close()
    assert f"Fingerprint (SHA-256): {fingerprint}" in result.output

    result = run("--db", db, "appraisal", "tally", "1", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["turnout"] == {"voted": 3, "voters": 3}
    assert data["session"]["fingerprint"] == fingerprint
    by_no = {c["member_no"]: c for c in data["candidates"]}
    for no in ("001", "002", "003", "004"):
        hand = Counts.of([ratings[no] for _, ratings in BALLOTS])
        assert by_no[no]["counts"] == {
            "excellent": hand.excellent,
            "qualified": hand.qualified,
            "basically_qualified": hand.basically_qualified,
            "unqualified": hand.unqualified,
            "abstain": hand.abstain,
        }
        assert sum(by_no[no]["shares"].values()) == pytest.approx(1.0, abs=1e-3)
    assert by_no["004"]["graded"] is False and by_no["004"]["proposed"] is None
    assert by_no["003"]["proposed"] == "unqualified"

    table = run("--db", db, "appraisal", "tally", "1")
    assert table.exit_code == 0
    assert "Turnout: 3 of 3 voted (100%); 3 ballot(s)." in table.output
    assert "(not graded)" in table.output and fingerprint in table.output
    zh = run("--db", db, "appraisal", "tally", "1", lang="zh")
    assert "投票率：应投 3 人，实投 3 人（100%）" in zh.output and "弃权" in zh.output

    # the committee's grades: a departure needs a reason
    proposed_001 = by_no["001"]["proposed"]
    other = "qualified" if proposed_001 != "qualified" else "excellent"
    result = run("--db", db, "appraisal", "grade", "1", "001", other)
    assert result.exit_code == 1 and "needs a reason (--reason)." in result.output
    result = run("--db", db, "appraisal", "grade", "1", "001", other, "--reason", "表现突出")
    assert result.exit_code == 0, result.output
    result = run("--db", db, "appraisal", "grade", "1", "002", by_no["002"]["proposed"])
    assert result.exit_code == 0, result.output
    result = run("--db", db, "appraisal", "publish", "1")
    assert result.exit_code == 1 and "1 graded member(s) have no grade yet: 003" in result.output
    result = run("--db", db, "appraisal", "grade", "1", "003", "不合格")
    assert result.exit_code == 0 and "003: graded unqualified." in result.output
    result = run("--db", db, "appraisal", "grade", "1", "004", "合格", "--reason", "x")
    assert result.exit_code == 1 and "without a grade" in result.output
    result = run("--db", db, "appraisal", "publish", "1")
    assert result.exit_code == 0 and "is published" in result.output
    result = run("--db", db, "appraisal", "reset", "1", "--yes")
    assert result.exit_code == 1 and "can no longer be reset" in result.output
    result = run("--db", db, "appraisal", "list", "--format", "json")
    [row] = json.loads(result.output)
    assert (row["state"], row["voted"], row["voters"], row["ballots"]) == ("published", 3, 3, 3)
    assert run("--db", db, "verify").exit_code == 0


def test_the_pin_and_the_two_passwords_are_asked_twice_hidden(db):
    assert run("--db", db, "appraisal", "new", "--year", str(YEAR)).exit_code == 0
    result = run("--db", db, "appraisal", "start", "1", input="567890\n098765\n")
    assert result.exit_code == 1 and "The two PINs differ" in result.output
    assert "567890" not in result.output
    result = run("--db", db, "appraisal", "start", "1", input="56789\n56789\n")
    assert result.exit_code == 1 and "at least 6 digits" in result.output
    result = run("--db", db, "appraisal", "start", "1", input="56789a\n56789a\n")
    assert result.exit_code == 1 and "digits only" in result.output
    pin = "567890\n567890\n"
    teller = f"{TELLER}\n{TELLER}\n"
    result = run("--db", db, "appraisal", "start", "1", input=pin + f"{TELLER}\nother-one\n")
    assert result.exit_code == 1 and "teller's password differ" in result.output
    result = run("--db", db, "appraisal", "start", "1", input=pin + teller + teller)
    assert result.exit_code == 1 and "are the same" in result.output
    result = run("--db", db, "appraisal", "start", "1", input=pin + teller + "short\nshort\n")
    assert result.exit_code == 1 and "scrutineer's tally password needs at least 8" in (
        result.output
    )
    both = pin + teller + f"{SCRUTINEER}\n{SCRUTINEER}\n"
    result = run("--db", db, "appraisal", "start", "1", input=both)
    assert result.exit_code == 0, result.output
    assert "Teller's tally password" in result.output
    assert "Scrutineer's tally password" in result.output
    for secret in ("567890", TELLER, SCRUTINEER):
        assert secret not in result.output
    # a second start is refused before any PIN is asked for
    result = run("--db", db, "appraisal", "start", "1")
    assert result.exit_code == 1 and "only a session not yet started" in result.output


def test_start_refusals(db, tmp_path):
    result = run("--db", db, "appraisal", "start", "7", "--teller-pin-file", "x")
    assert result.exit_code == 1 and "No appraisal session 7" in result.output
    assert run("--db", db, "appraisal", "new", "--year", str(YEAR)).exit_code == 0
    missing = tmp_path / "nope.txt"
    result = run("--db", db, "appraisal", "start", "1", "--teller-pin-file", str(missing))
    assert result.exit_code == 1 and "Cannot read the PIN file" in result.output
    result = run("--db", db, "appraisal", "new", "--year", str(YEAR))
    assert result.exit_code == 1 and "already exists as session 1" in result.output


def test_a_session_with_no_eligible_voters_is_refused(tmp_path, keys):
    db = f"sqlite:///{tmp_path / 'p.db'}"
    store = Store.open(db, operator="tester")
    b = store.resolve_branch(BRANCH)
    store.add_members(b.id, [MemberInput("009", "沈晨", MemberStatus.probationary)])
    store.close()
    assert run("--db", db, "appraisal", "new", "--year", str(YEAR)).exit_code == 0
    result = run("--db", db, "appraisal", "start", "1", *keys)
    assert result.exit_code == 1 and "nobody could vote" in result.output
    assert "未开始" in run("--db", db, "appraisal", "list", lang="zh").output


def test_close_refuses_when_ballots_and_voters_differ_and_reset_starts_over(db, keys):
    sid = started(db, keys)
    store = Store.open(db, operator="teller")
    try:
        ap.cast_ballot(store, sid, None, BALLOTS[0][1])  # a paper ballot, voter not marked
    finally:
        store.close()
    result = run("--db", db, "appraisal", "close", str(sid), *keys)
    assert result.exit_code == 1
    assert "1 ballot(s) were cast but 0 member(s) are marked as voted" in result.output
    result = run("--db", db, "appraisal", "reset", str(sid), input="n\n")
    assert result.exit_code == 1 and "Nothing was reset." in result.output
    result = run("--db", db, "appraisal", "reset", str(sid), input="y\n999999\n")
    assert result.exit_code == 1 and "Wrong teller PIN" in result.output
    assert "999999" not in result.output
    result = run("--db", db, "appraisal", "reset", str(sid), input="y\n432100\n")
    assert result.exit_code == 0 and "is reset" in result.output
    assert "created" in run("--db", db, "appraisal", "list").output


def test_a_bad_grade_is_refused(db, keys):
    sid = started(db, keys)
    cast(db, sid)
    assert run("--db", db, "appraisal", "close", str(sid), *keys).exit_code == 0
    result = run("--db", db, "appraisal", "grade", str(sid), "001", "great")
    assert result.exit_code == 2 and "Unknown grade 'great'" in result.output


def test_verify_names_a_session_whose_ballots_were_changed_after_the_seal(db, keys):
    sid = started(db, keys)
    cast(db, sid)
    assert run("--db", db, "appraisal", "close", str(sid), *keys).exit_code == 0
    assert run("--db", db, "verify").exit_code == 0
    change = (
        "UPDATE appraisal_rating SET grade = 'excellent' WHERE key = "
        "(SELECT MIN(key) FROM appraisal_rating WHERE grade = 'unqualified')"
    )
    if db.startswith("sqlite"):
        con = sqlite3.connect(sqlite_path(db))
        con.execute("DROP TRIGGER appraisal_rating_no_update")
        con.execute(change)
        con.commit()
        con.close()
    else:
        engine = create_engine(db)
        with engine.begin() as conn:
            conn.execute(text("DROP TRIGGER appraisal_rating_guard ON appraisal_rating"))
            conn.execute(text(change))
        engine.dispose()
    result = run("--db", db, "verify")
    assert result.exit_code == 1
    assert f"appraisal session {sid}: its ballots no longer match the fingerprint" in (
        result.output
    )
    assert "Verification FAILED." in result.output


def test_a_voter_can_check_that_the_receipt_was_counted_and_nothing_more(db, keys):
    session_id = started(db, keys)
    store = Store.open(db, operator="kiosk")
    try:
        code = ap.cast_ballot(store, session_id, "001", BALLOTS[0][1])
    finally:
        store.close()
    spaced = f"{code[:4].lower()}-{code[4:]}"
    result = run("--db", db, "appraisal", "receipt", str(session_id), spaced)
    assert result.exit_code == 0, result.output
    assert "is counted" in result.output
    assert "excellent" not in result.output.lower() and "朱海波" not in result.output
    result = run("--db", db, "appraisal", "receipt", str(session_id), "ZZZZ2222")
    assert result.exit_code == 1
    assert "no ballot with this code" in result.output


def test_close_asks_the_pin_and_both_passwords_and_names_the_wrong_one(db, keys):
    sid = started(db, keys)
    cast(db, sid)
    pin = "432100\n"
    result = run(
        "--db", db, "appraisal", "close", str(sid), input=pin + "wrong-pass\n" + SCRUTINEER + "\n"
    )
    assert result.exit_code == 1
    assert "The teller's tally password is wrong; nothing was changed." in result.output
    assert "wrong-pass" not in result.output and SCRUTINEER not in result.output
    result = run("--db", db, "appraisal", "close", str(sid), input="123456\n")
    assert result.exit_code == 1 and "Wrong teller PIN" in result.output
    assert "started" in run("--db", db, "appraisal", "list").output
    result = run("--db", db, "appraisal", "close", str(sid), input=f"{pin}{TELLER}\n{SCRUTINEER}\n")
    assert result.exit_code == 0, result.output
    assert "sealed: 3 ballot(s)" in result.output
    assert TELLER not in result.output and SCRUTINEER not in result.output


def test_verify_reports_a_close_cut_short_and_closing_again_finishes_it(db, keys, monkeypatch):
    sid = started(db, keys)
    cast(db, sid)

    def killed(store):
        raise KeyboardInterrupt  # the terminal closed between the seal and the scrub

    monkeypatch.setattr(ap.seal, "_scrub", killed)
    assert run("--db", db, "appraisal", "close", str(sid), *keys).exit_code != 0
    monkeypatch.undo()
    result = run("--db", db, "verify")
    assert result.exit_code == 1
    assert f"appraisal session {sid}: closed, but its database files are not yet scrubbed" in (
        result.output
    )
    result = run("--db", db, "appraisal", "close", str(sid), input="432100\n")  # the PIN only
    assert result.exit_code == 0, result.output
    assert "already sealed" in result.output
    assert run("--db", db, "verify").exit_code == 0

"""Member numbers sort as people count (issue 9 §1): 1, 2, 10, A2, A10 — in the member
list, the attendance sheet, the scoreboard export, the appraisal ballot and its tally.

The members are added in a shuffled order and the numbers would sort 1, 10, 2, A10, A2 as
text; every list must give them 1, 2, 10, A2, A10. On SQLite and PostgreSQL.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from orglife_tui.data import appraisal
from orglife_tui.data.schemes import ensure_active
from orglife_tui.data.store import Store
from orglife_tui.domain import AttendanceStatus, MeetingType, MemberStatus
from orglife_tui.domain.records import AttendanceInput, MeetingInput, MemberInput
from orglife_tui.scoring.model import Grade
from tests.cli_run import invoke_cli
from tests.tally_passwords import PASSWORDS, PIN

NATURAL = ["1", "2", "10", "A2", "A10"]
YEAR = 2026


def run(*args: str):
    argv = ["--lang", "en", *args]
    return invoke_cli(argv, catch_exceptions=False)


@pytest.fixture
def numbered(db_url):
    """A branch whose members are numbered 1, 2, 10, A2, A10 (added out of order), with a
    meeting whose attendance is marked for all of them."""
    store = Store.open(db_url, operator="tester", today=lambda: date(YEAR, 11, 26))
    branch = store.resolve_branch("第一党支部")
    store.add_members(
        branch.id,
        [MemberInput(no, f"党员{no}", MemberStatus.full) for no in ("A10", "10", "2", "A2", "1")],
    )
    meeting = store.add_meeting(
        branch.id, MeetingInput(date(YEAR, 3, 5), (MeetingType.themed_day,), "主题党日")
    )
    store.import_attendance(
        branch.id,
        [AttendanceInput(meeting.meeting_no, no, AttendanceStatus.present) for no in NATURAL],
    )
    yield store, branch, meeting
    store.close()


def test_members_list(numbered, db_url):
    result = run("--db", db_url, "members", "list", "--format", "json")
    assert result.exit_code == 0, result.output
    assert [m["member_no"] for m in json.loads(result.stdout)] == NATURAL


def test_attendance_sheet(numbered):
    store, branch, meeting = numbered
    assert [line.member_no for line in store.attendance_sheet(branch.id, meeting.id)] == NATURAL


def test_scoreboard_export(numbered, db_url):
    """Equal totals share rank 1: the ties are in member-number order."""
    result = run("--db", db_url, "export", "scores", "--year", str(YEAR), "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8-sig"))))
    assert [r["member_no"] for r in rows] == NATURAL
    assert {r["rank"] for r in rows} == {"1"}


def test_appraisal_ballot_and_tally(numbered):
    store, branch, _ = numbered
    _, scheme = ensure_active(store, branch.id)
    session = appraisal.new_session(store, branch.id, YEAR)
    appraisal.start_session(store, branch.id, session.id, PIN, scheme, **PASSWORDS)
    assert [c.member_no for c in appraisal.candidates(store, session.id)] == NATURAL  # the ballot
    assert [v.member_no for v in appraisal.voters(store, session.id)] == NATURAL
    for voter in NATURAL:
        appraisal.cast_ballot(store, session.id, voter, dict.fromkeys(NATURAL, Grade.qualified))
    appraisal.close_session(store, branch.id, session.id, PIN, **PASSWORDS)
    tally = appraisal.tally(store, branch.id, session.id, scheme)
    assert [row.member_no for row in tally.rows] == NATURAL

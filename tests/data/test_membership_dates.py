"""Every sheet, ballot, score and coverage reads the member's state on its own date (issue 9
§2), on the two years of tests/membership_year.py: a transfer out in June, a conversion in
March, four months away, a death in October and a transfer in in November."""

from __future__ import annotations

from datetime import date

import pytest

from orglife_tui.data import appraisal as ap
from orglife_tui.data import talks
from orglife_tui.data.scores import scoreboard
from orglife_tui.domain import AttendanceStatus, MemberEventKind, MemberStatus
from orglife_tui.scoring.model import Grade
from tests import membership_year as my
from tests.tally_passwords import PASSWORDS, PIN

FULL, PROBATIONARY = MemberStatus.full, MemberStatus.probationary
BEFORE = ("001", "002", "003", "004", "005", "006", "007")  # the branch through 2025
AT_YEAR_END = ("001", "002", "003", "005", "006", "008")  # in the branch on 31 Dec 2026


@pytest.fixture
def year_store(db_url):
    store = my.open_store(db_url)
    yield store
    store.close()


@pytest.fixture
def built(db_url, prebuilt, request):
    branch = prebuilt(db_url, my.build, my.open_store)  # before the store opens
    return request.getfixturevalue("year_store"), branch


def numbers(lines) -> tuple[str, ...]:
    return tuple(line.member_no for line in lines)


# ---------------------------------------------------------------------------- attendance


def test_a_sheet_lists_the_members_in_the_branch_on_the_meetings_date(built):
    store, branch = built
    sheet = lambda year, month: numbers(my.sheet(store, branch.id, year, month))  # noqa: E731
    assert sheet(2025, 1) == ("001", "002", "003", "004", "006", "007")  # 005 joined in March
    assert sheet(2025, 12) == BEFORE  # later events change no earlier sheet
    assert sheet(2026, 5) == BEFORE  # 004 still in the branch
    assert sheet(2026, 6) == ("001", "002", "003", "005", "006", "007")  # 004 left on 15 June
    assert sheet(2026, 11) == AT_YEAR_END  # 007 died in October, 008 came in November


def test_marks_made_before_a_member_came_keep_him_on_that_sheet(built):
    store, branch = built
    october = {line.member_no: line for line in my.sheet(store, branch.id, 2026, 10)}
    assert tuple(october) == ("001", "002", "003", "005", "006", "008")
    assert october[my.ARRIVED].status is AttendanceStatus.absent  # carried over, listed
    assert my.DECEASED not in october


def test_a_sheet_shows_each_members_status_on_the_meetings_date(built):
    store, branch = built

    def status(month: int) -> MemberStatus:
        line = next(x for x in my.sheet(store, branch.id, 2026, month) if x.member_no == "005")
        return line.member_status

    assert status(2) is PROBATIONARY  # converted on 10 March
    assert status(3) is FULL


def test_a_member_away_that_day_is_listed_and_marked_away(built):
    store, branch = built
    for month in range(1, 13):
        lines = {x.member_no: x for x in my.sheet(store, branch.id, 2026, month)}
        assert lines[my.AWAY].away is (5 <= month <= 8), month
        assert not any(x.away for no, x in lines.items() if no != my.AWAY)


# ---------------------------------------------------------------------------- dashboard


def test_the_dashboard_counts_the_members_in_the_branch_today(built):
    store, branch = built
    today = store.summary(branch.id)  # the store's clock: 31 December 2026
    assert (today.full_members, today.probationary_members) == (6, 0)
    february = store.summary(branch.id, today=date(2026, 2, 1))
    assert (february.full_members, february.probationary_members) == (6, 1)


# ---------------------------------------------------------------------------- scoreboard


def test_the_scoreboard_shows_who_left_during_the_year_and_when(built):
    store, branch = built
    _, scheme = my.scheme()
    rows = {r.member_no: r for r in scoreboard(store, branch.id, 2026, scheme)}
    assert sorted(rows) == ["001", "002", "003", "004", "005", "006", "007", "008"]
    assert (rows["004"].left_on, rows["004"].left_kind) == (
        my.LEFT_ON,
        MemberEventKind.transfer_out,
    )
    assert (rows["007"].left_on, rows["007"].left_kind) == (my.DIED_ON, MemberEventKind.deceased)
    assert all(rows[no].left_on is None for no in AT_YEAR_END)
    assert rows[my.CONVERTED].status is FULL  # status at the year's end


def test_a_past_years_scoreboard_is_that_years(built):
    store, branch = built
    _, scheme = my.scheme()
    rows = {r.member_no: r for r in scoreboard(store, branch.id, 2025, scheme)}
    assert tuple(sorted(rows)) == BEFORE  # 008 came later; nobody had left yet
    assert all(r.left_on is None for r in rows.values())
    converted = rows[my.CONVERTED]
    assert converted.status is PROBATIONARY  # as on 31 December 2025, before the conversion
    assert (converted.total, converted.grade) == (82, Grade.basically_qualified)


def test_members_who_left_in_an_earlier_year_are_not_on_the_scoreboard(built):
    store, branch = built
    _, scheme = my.scheme()
    rows = scoreboard(store, branch.id, 2027, scheme)
    assert tuple(sorted(r.member_no for r in rows)) == AT_YEAR_END


def test_the_status_filter_uses_the_status_of_the_year(built):
    store, branch = built
    _, scheme = my.scheme()
    rows = scoreboard(store, branch.id, 2025, scheme, status=PROBATIONARY)
    assert [r.member_no for r in rows] == [my.CONVERTED]
    assert scoreboard(store, branch.id, 2026, scheme, status=PROBATIONARY) == []


# ---------------------------------------------------------------------------- talks


def test_talk_coverage_lists_the_members_in_the_branch_at_the_years_end(built):
    store, branch = built
    matrix = talks.coverage(store, branch.id, 2026)
    assert tuple(no for no, _ in matrix.members) == AT_YEAR_END
    assert matrix.on == my.TODAY
    assert [no for no, _, _ in matrix.talkers] == ["001", "002", "003"]
    last_year = talks.coverage(store, branch.id, 2025)
    assert tuple(no for no, _ in last_year.members) == BEFORE
    assert all(last_year.totals[no] == 1 for no in BEFORE)


def test_during_the_year_talk_coverage_lists_the_members_in_the_branch_today(built):
    store, branch = built
    store.today.day = date(2026, 7, 1)
    matrix = talks.coverage(store, branch.id, 2026)
    assert tuple(no for no, _ in matrix.members) == ("001", "002", "003", "005", "006", "007")


# ---------------------------------------------------------------------------- appraisal


def _start(store, branch, year: int, on: date) -> int:
    _, scheme = my.scheme()
    store.today.day = on
    session = ap.new_session(store, branch.id, year)
    return ap.start_session(store, branch.id, session.id, PIN, scheme, **PASSWORDS).id


def test_a_poll_after_the_year_takes_candidates_at_its_end_and_voters_at_the_start(built):
    store, branch = built
    sid = _start(store, branch, 2026, my.TODAY)
    candidates = {c.member_no: c for c in ap.candidates(store, sid)}
    assert tuple(candidates) == AT_YEAR_END  # 004 and 007 left; 008 came in November
    assert candidates[my.CONVERTED].status is FULL and candidates[my.CONVERTED].graded
    assert tuple(v.member_no for v in ap.voters(store, sid)) == AT_YEAR_END


def test_a_poll_on_last_year_takes_the_status_of_that_year_and_votes_of_the_start(built):
    store, branch = built
    sid = _start(store, branch, 2025, date(2026, 1, 15))
    candidates = {c.member_no: c for c in ap.candidates(store, sid)}
    assert tuple(candidates) == BEFORE  # 008 was not in the branch on 31 December 2025
    assert candidates[my.CONVERTED].status is PROBATIONARY
    voters = tuple(v.member_no for v in ap.voters(store, sid))
    assert voters == ("001", "002", "003", "004", "006", "007")  # 005 not yet converted


def test_a_poll_started_during_the_year_takes_the_members_on_the_start_day(built):
    store, branch = built
    sid = _start(store, branch, 2026, date(2026, 7, 1))
    expected = ("001", "002", "003", "005", "006", "007")  # 004 gone, 008 not yet here
    assert tuple(c.member_no for c in ap.candidates(store, sid)) == expected
    assert tuple(v.member_no for v in ap.voters(store, sid)) == expected


# ---------------------------------------------------------------------------- points


def test_absences_while_away_cost_no_points(built):
    """006 is marked absent at the four meetings of his months away (May–August): only his
    absences in March, April and September are deducted."""
    from orglife_tui.services.points import sync_branch

    store, branch = built
    sync_branch(store, branch.id)
    _, scheme = my.scheme()
    rows = {r.member_no: r for r in scoreboard(store, branch.id, 2026, scheme)}
    assert rows["006"].items["unexcused_absence"] == -6
    sync_branch(store, branch.id)  # idempotent
    rows = {r.member_no: r for r in scoreboard(store, branch.id, 2026, scheme)}
    assert rows["006"].items["unexcused_absence"] == -6

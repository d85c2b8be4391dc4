"""The committee's overview counts every visible branch at once (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import event

from orglife_tui.data import overview
from orglife_tui.data.appraisal.notice import final_grades
from orglife_tui.data.dues import PaymentInput, record_payment, set_standard, status
from orglife_tui.data.store import Store
from orglife_tui.domain import MemberStatus, SessionState
from orglife_tui.domain.records import MemberInput
from orglife_tui.scoring.model import Grade
from orglife_tui.services.overview import overview as branch_overview
from tests import report_year
from tests.export import appraisal_session

YEAR = report_year.YEAR


def _published(store: Store) -> int:
    """A branch whose 2025 appraisal is published (tests/export/appraisal_session.py)."""
    return appraisal_session.build(store, publish=True)


@pytest.fixture
def two_branches(db_url, prebuilt, request):
    """The report year's branch and, beside it, an empty one."""
    built = prebuilt(db_url, report_year.build, lambda url: Store.open(url, operator="tester"))
    store = request.getfixturevalue("store")
    empty = store.create_branch("空党支部")
    return store, built["branch"].id, empty.id


def test_each_branch_gets_its_members_talks_and_overdue_items(two_branches):
    store, branch_id, empty_id = two_branches
    rows = {c.branch_id: c for c in overview.branch_counts(store, YEAR, date(YEAR, 12, 31))}
    assert set(rows) == {branch_id, empty_id}
    counted = rows[branch_id]
    # nine members at the year's end, all but 008 and 009 (new this year) talked with
    assert (counted.members, counted.talked) == (9, 7)
    # 2025 #B past 31 October and 2024 #C past 31 March 2025 (report_year's docstring)
    assert counted.overdue_rectifications == 2
    assert counted.overdue_follow_ups == 0
    assert counted.appraisal is None and counted.grades == {}
    assert rows[empty_id].members == rows[empty_id].talked == 0


def test_an_item_is_overdue_only_once_its_deadline_passed(two_branches):
    store, branch_id, _ = two_branches
    (mid_year,) = overview.branch_counts(store, YEAR, date(YEAR, 6, 30), [branch_id])
    assert mid_year.overdue_rectifications == 1  # only 2024 #C (31 March)


def test_branch_ids_narrow_the_overview(two_branches):
    store, branch_id, empty_id = two_branches
    rows = overview.branch_counts(store, YEAR, date(YEAR, 12, 31), [empty_id])
    assert [r.branch_id for r in rows] == [empty_id]
    assert set(overview.meeting_facts(store, YEAR, date(YEAR, 12, 31), [empty_id])) == {empty_id}


def test_the_statements_do_not_grow_with_the_branches(two_branches):
    store, branch_id, empty_id = two_branches
    statements = []

    def count(*_args) -> None:
        statements.append(1)

    def run(ids) -> int:
        statements.clear()
        event.listen(store.engine, "before_cursor_execute", count)
        try:
            branch_overview(store, YEAR, date(YEAR, 12, 31), ids)
        finally:
            event.remove(store.engine, "before_cursor_execute", count)
        return len(statements)

    assert run([branch_id]) == run([branch_id, empty_id]) == run(None)


def test_published_grades_are_counted_per_grade(db_url, prebuilt, request):
    session_id = prebuilt(db_url, _published, lambda url: Store.open(url, operator="tester"))
    store = request.getfixturevalue("store")
    (counted,) = overview.branch_counts(store, YEAR, date(YEAR, 12, 31))
    assert counted.appraisal is SessionState.published and counted.published
    with store.read_connection() as conn:
        finals = Counter(g.grade for g in final_grades(conn, session_id))
    assert counted.grades == finals
    assert counted.grades[Grade.excellent] == 2 and sum(finals.values()) == 5
    # another year has no session
    (before,) = overview.branch_counts(store, YEAR - 1, date(YEAR - 1, 12, 31))
    assert before.appraisal is None and before.grades == {}


def test_dues_arrears_are_those_of_the_dues_status(store):
    branch = store.create_branch("党费党支部")
    store.add_members(
        branch.id,
        [
            MemberInput(no, name, MemberStatus.full, join_date=date(2000, 1, 1))
            for no, name in (("1", "甲"), ("2", "乙"), ("3", "丙"))
        ],
    )
    store.set_records_start(branch.id, date(YEAR, 1, 1))
    for no in ("1", "2", "3"):
        set_standard(store, branch.id, no, f"{YEAR}-01", 500)
    for no, first, last in (
        ("2", "01", "03"),
        ("2", "04", "06"),
        ("3", "01", "02"),
        ("3", "05", "06"),
    ):
        months = int(last) - int(first) + 1
        record_payment(
            store,
            branch.id,
            PaymentInput(no, date(YEAR, 1, 5), f"{YEAR}-{first}", f"{YEAR}-{last}", 500 * months),
        )
    as_of = date(YEAR, 7, 15)
    records = overview.dues_in_branch(store, as_of, [branch.id])[branch.id]
    # 乙's two payments make one span from the first standard's month to June: paid up
    assert sorted(r.member_no for r in records) == ["1", "3"]
    (row,) = branch_overview(store, YEAR, as_of, [branch.id]).branches
    # 甲 owes January to June (July is the current month); 乙 paid them in two spans that
    # meet; 丙 left March and April unpaid
    assert (row.arrears_members, row.arrears_months) == (2, 8)
    behind = {s.member_no: len(s.state.arrears) for s in status(store, branch.id, as_of)}
    assert behind == {"1": 6, "2": 0, "3": 2}

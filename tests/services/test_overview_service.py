"""The committee's overview agrees with each branch's own compliance watch.

Two branches in one database: the hand-built report year (tests/report_year.py) and the
demo branch; for each, on several days of the year, the overview's calendar is the
watch's calendar, its missing periods are the watch's meeting findings and its overdue
counts are the watch's overdue findings.
"""

from __future__ import annotations

from datetime import date

import pytest

from orglife_tui.data.bulk import load_branch
from orglife_tui.data.store import Store
from orglife_tui.demo import DEMO_BRANCH_NAME, generate
from orglife_tui.scoring.policy import Policy
from orglife_tui.services import watch
from orglife_tui.services.overview import overview
from tests import report_year

YEAR = report_year.YEAR
MEETING_RULES = {r.rule for r in (*Policy().frequencies, *Policy().yearly)}


@pytest.fixture
def branches(db_url, prebuilt, request):
    built = prebuilt(db_url, report_year.build, lambda url: Store.open(url, operator="tester"))
    store = request.getfixturevalue("store")
    demo = generate(members=12, years=1, seed=7, today=date(YEAR, 11, 26))
    demo_id = store.create_branch(DEMO_BRANCH_NAME).id
    load_branch(
        store,
        demo_id,
        groups=demo.groups,
        members=demo.members,
        meetings=demo.meetings,
        attendance=demo.attendance_rows(),
        talks=demo.talks(),
        plan=demo.plan(),
        rectifications=demo.rectifications(),
    )
    return store, (built["branch"].id, demo_id)


def _count(findings, rule: str) -> int:
    return sum(1 for f in findings if f.rule == rule)


@pytest.mark.parametrize(
    "as_of", [date(YEAR, 3, 31), date(YEAR, 7, 1), date(YEAR, 11, 26), date(YEAR, 12, 31)]
)
def test_every_branch_reads_as_its_own_watch_reads_it(branches, as_of):
    store, ids = branches
    seen = overview(store, YEAR, as_of)
    assert sorted(b.id for b in seen.branches) == sorted(ids)
    for row in seen.branches:
        assert list(row.calendar) == watch.calendar(store, row.id, YEAR, as_of), row.name
        findings = watch.check(store, row.id, YEAR, as_of)
        missed = {(f.rule, f.period) for f in findings if f.rule in MEETING_RULES}
        assert row.missing == len(missed), row.name
        assert row.overdue_rectifications == _count(findings, "rectification_overdue")
        assert row.overdue_follow_ups == _count(findings, "follow_up_overdue")


def test_the_report_year_shows_its_two_missed_meetings_at_the_year_end(branches):
    store, (year_id, _) = branches
    (row,) = overview(store, YEAR, date(YEAR, 12, 31), [year_id]).branches
    assert row.missing == 2  # the second quarter's general meeting, March's committee meeting
    assert row.coverage == pytest.approx(7 / 9)

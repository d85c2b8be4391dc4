"""The year-end report's section on the life meeting and the people in it (issue 12 §5),
on the hand-built year of tests/life_year.py with a few records added."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from orglife_tui.data import commitments as cm
from orglife_tui.data import life_meeting as lm
from orglife_tui.data.store import Store
from orglife_tui.domain import CommitmentStatus, MeetingForm
from orglife_tui.export.year_report import markdown
from orglife_tui.locale import set_language
from orglife_tui.services.year_report import year_report
from tests import life_year

YEAR = life_year.YEAR
TODAY = date(YEAR + 1, 2, 10)


@pytest.fixture
def report(db_url, prebuilt, request):
    branch_id = prebuilt(db_url, life_year.build, lambda url: Store.open(url, operator="tester"))
    store = request.getfixturevalue("store")
    life = store.get_meeting_by_no(branch_id, life_year.LIFE_MEETING)
    store.update_meeting(branch_id, life.id, replace(life.as_input(), form=MeetingForm.discussion))
    lm.set_life_record(store, branch_id, life.id, lm.LifeRecordInput("004", "带头作用发挥不够"))
    lm.add_problem(store, branch_id, life.id, "004", "带头作用发挥不够", date(YEAR + 1, 6, 30))
    cm.add_post(store, branch_id, cm.PostInput("002", YEAR, "组织工作岗"))
    kept = cm.add_commitment(store, branch_id, cm.CommitmentInput("002", YEAR, "结对帮扶"))
    cm.set_status(store, branch_id, kept.id, CommitmentStatus.fulfilled, on=date(YEAR, 10, 1))
    cm.add_commitment(store, branch_id, cm.CommitmentInput("003", YEAR, "按时交纳党费"))
    branch = next(b for b in store.branches() if b.id == branch_id)
    return year_report(store, branch, YEAR, today=TODAY)


def test_the_report_counts_the_life_meeting_and_the_commitments(report):
    life = report.life
    assert life is not None
    assert life.year.by_form[MeetingForm.discussion] == 1
    assert sum(life.year.by_form.values()) == len(life_year.base.meetings())
    assert (life.year.life_meetings, life.year.self_checks, life.year.linked_items) == (1, 1, 1)
    assert life.year.roster_lectures == 2  # the secretary's in January, 004's in April
    assert life.posts == 1
    # the hand-built year's (001–005 fulfilled, 007 in progress) and the two made here
    assert life.commitments == {
        CommitmentStatus.planned: 1,
        CommitmentStatus.in_progress: 1,
        CommitmentStatus.fulfilled: len(life_year.KEPT) + 1,
        CommitmentStatus.not_fulfilled: 0,
    }


def test_the_section_is_written_in_the_interface_language(report):
    set_language("zh")
    text = markdown(report)
    assert "组织生活会、设岗定责与承诺践诺" in text
    assert "交流讨论形式开展的会议" in text and "承诺（已兑现）" in text

"""The year report's tenth section (issue 12 §3): the notice window and standing of each
published result, its objections, follow-ups by measure and one by one, and the
commendation register, as of the report's date. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest

from orglife_tui.data import appraisal as data
from orglife_tui.data.appraisal import commendations, follow_ups, notice
from orglife_tui.data.appraisal.follow_ups import FollowUpInput
from orglife_tui.data.rectification import RectificationInput, add_item
from orglife_tui.domain import FollowUpMeasure, FollowUpStatus, ObjectionOutcome, ResultStatus
from orglife_tui.export.year_report import markdown
from orglife_tui.locale import set_language
from orglife_tui.services.year_report import year_report
from tests import appraisal_after as my


@pytest.fixture
def built(db_url, prebuilt):
    session_id = prebuilt(db_url, my.build, my.open_store)
    store = my.open_store(db_url, my.PUBLISHED_ON)
    yield store, store.resolve_branch(my.session.BRANCH), session_id
    store.close()


def test_the_report_shows_each_step_after_the_committees_decision(built):
    store, branch, session_id = built
    add_item(store, branch.id, RectificationInput(2025, "学习不够", "朱海波", date(2026, 3, 1)))
    data.publish(store, branch.id, session_id)
    maintained = notice.add_objection(store, branch.id, session_id, "001", my.PUBLISHED_ON, "异议")
    notice.add_objection(store, branch.id, session_id, "004", my.PUBLISHED_ON, "请假未计入")
    my.move(store, date(2025, 12, 15))
    during = year_report(store, branch, 2025, date(2025, 12, 15)).appraisal_after
    assert [(r.status, r.open_objections) for r in during.results] == [(ResultStatus.in_notice, 2)]
    assert during.follow_ups == () and during.commendations == ()

    my.move(store, date(2025, 12, 18))
    notice.answer_objection(
        store, branch.id, maintained.id, "维持", date(2025, 12, 18), ObjectionOutcome.maintained
    )
    later = year_report(store, branch, 2025, date(2025, 12, 18)).appraisal_after
    assert later.results[0].status is ResultStatus.objections_pending

    (second,) = [o for o in later.objections if o.outcome is None]
    notice.answer_objection(
        store, branch.id, second.id, "维持", date(2025, 12, 18), ObjectionOutcome.maintained
    )
    follow_ups.add_follow_up(
        store,
        branch.id,
        session_id,
        FollowUpInput("004", FollowUpMeasure.rectify, deadline=date(2025, 12, 20)),
    )
    commendations.annotate(store, branch.id, 2025, "001", "优秀共产党员", None)
    my.move(store, date(2026, 1, 5))
    report = year_report(store, branch, 2025)
    after = report.appraisal_after
    assert report.as_of == date(2025, 12, 31)
    assert after.results[0].status is ResultStatus.final
    assert [(x.row.member_no, x.status) for x in after.follow_ups] == [
        ("004", FollowUpStatus.overdue)
    ]
    assert [(c.member_no, c.award) for c in after.commendations] == [
        ("001", "优秀共产党员"),
        ("002", None),
    ]
    set_language("zh")
    try:
        md = markdown(report)
    finally:
        set_language("en")
    assert "## 十一、民主评议结果公示与运用" in md
    assert "| 1 | 2025-12-10 | 2025-12-17 | 已确定 | 2 | 0 |" in md
    assert "| 限期改正 | 0 | 1 | 0 |" in md
    assert "| 001 | 朱海波 | 优秀共产党员 |" in md

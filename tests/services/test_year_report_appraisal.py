"""The year-end report's appraisal section: each step of the procedure with what it
recorded, on the hand-built year (tests/report_year.py) with an appraisal held over it."""

from __future__ import annotations

from datetime import date

import pytest

from orglife_tui.data import appraisal as ap
from orglife_tui.data import schemes
from orglife_tui.data.store import Store
from orglife_tui.domain import SessionState
from orglife_tui.export.year_report import markdown
from orglife_tui.scoring.model import Grade
from orglife_tui.scoring.scheme import default_scheme_text, parse_scheme
from orglife_tui.services.year_report import year_report
from tests import report_year
from tests.tally_passwords import PASSWORDS, PIN

YEAR = report_year.YEAR
TODAY = date(YEAR + 1, 2, 10)


@pytest.fixture
def held(db_url, prebuilt, request):
    """The year with its appraisal: two self-assessments before the poll and one after,
    three peer comments on two members, every voter's ballot, one grade departing from
    the proposal and the rest accepted at once, published."""
    ids = prebuilt(db_url, report_year.build, lambda url: Store.open(url, operator="tester"))
    store = request.getfixturevalue("store")
    branch = ids["branch"]
    source = default_scheme_text()
    scheme = parse_scheme(source, "default")
    schemes.activate(store, branch.id, source, scheme)
    sid = ap.new_session(store, branch.id, YEAR).id
    for no in ("001", "002"):
        ap.record_self_assessment(store, branch.id, sid, no, f"{no} 的自评")
    for no, text in (("001", "带头作用好。"), ("001", "发言积极。"), ("002", "工作踏实。")):
        ap.add_peer_comment(store, branch.id, sid, no, text)
    ap.start_session(store, branch.id, sid, PIN, scheme, **PASSWORDS)
    ap.record_self_assessment(store, branch.id, sid, "003", "补交的自评")
    candidates = [c.member_no for c in ap.candidates(store, sid)]
    for voter in ap.voters(store, sid):
        ap.cast_ballot(store, sid, voter.member_no, dict.fromkeys(candidates, Grade.qualified))
    ap.close_session(store, branch.id, sid, PIN, **PASSWORDS)
    rows = {r.member_no: r for r in ap.tally(store, branch.id, sid, scheme).rows}
    other = Grade.excellent if rows["001"].proposed is not Grade.excellent else Grade.qualified
    ap.set_grade(store, branch.id, sid, "001", other, "群众公认", scheme=scheme)
    ap.grade_all_proposed(store, branch.id, sid, scheme=scheme)
    ap.publish(store, branch.id, sid)
    return store, branch, sid, len(candidates)


def test_the_appraisal_section_counts_each_step(held):
    store, branch, sid, members = held
    report = year_report(store, branch, YEAR, today=TODAY)
    assert report.appraisal is not None
    p = report.appraisal.procedure
    assert (p.session_id, p.state) == (sid, SessionState.published)
    assert (p.members, p.self_assessed, p.self_late) == (members, 3, 1)
    assert (p.peer_comments, p.commented) == (3, 2)
    assert p.voted == p.voters == p.ballots > 0
    assert (p.graded, p.to_grade) == (members, members)
    assert (p.as_proposed, p.departed) == (members - 1, 1)
    assert p.published_on is not None
    assert report.appraisal.after == ()  # the steps after publication add theirs


def test_the_section_is_laid_out_step_by_step(held, monkeypatch):
    from orglife_tui.locale import set_language

    store, branch, _, members = held
    set_language("zh")
    md = markdown(year_report(store, branch, YEAR, today=TODAY))
    assert "## 十、民主评议党员" in md
    assert f"| 个人自评：已提交 | 3 / {members} |" in md
    assert "| 党员互评：意见条数 | 3 |" in md
    assert f"| 组织评定：已评定 / 应评定 | {members} / {members} |" in md
    assert "| 调整建议等次 | 1 |" in md or "|   调整建议等次 | 1 |" in md
    assert "民主评议结果尚未公布" not in md


def test_a_year_without_an_appraisal_says_so(db_url, prebuilt, request):
    ids = prebuilt(db_url, report_year.build, lambda url: Store.open(url, operator="tester"))
    store = request.getfixturevalue("store")
    report = year_report(store, ids["branch"], YEAR, today=TODAY)
    assert report.appraisal is None

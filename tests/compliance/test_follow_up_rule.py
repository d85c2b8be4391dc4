"""``follow_up_overdue``: a follow-up of the appraisal (结果运用) is a finding once its due
day has passed before the as-of date and it was not done by then (issue 12 §3)."""

from __future__ import annotations

from datetime import date

from orglife_tui.compliance.facts import BranchFacts, FollowUpFact
from orglife_tui.compliance.rules import judge
from orglife_tui.domain import FollowUpMeasure
from orglife_tui.locale import set_language
from orglife_tui.scoring.policy import Policy, Severity, SimpleRule

DUE = date(2026, 3, 31)


def facts(*follow_ups: FollowUpFact) -> BranchFacts:
    return BranchFacts(
        branch="第一党支部",
        first=date(2024, 1, 1),
        last=date(2026, 12, 31),
        record_start=date(2026, 1, 1),
        groups=(),
        committee_size=0,
        follow_ups=follow_ups,
    )


def overdue(found):
    return [f for f in found if f.rule == "follow_up_overdue"]


def test_a_follow_up_is_overdue_the_day_after_its_deadline_until_done():
    open_one = FollowUpFact(1, "004", "谭晶", "rectify", DUE, None)
    done_late = FollowUpFact(2, "005", "钱立新", "talk", DUE, date(2026, 4, 10))
    f = facts(open_one, done_late)
    assert overdue(judge(f, 2026, DUE, Policy())) == []
    on_first = overdue(judge(f, 2026, date(2026, 4, 1), Policy()))
    assert [(x.subject, x.period, x.severity) for x in on_first] == [
        ("004", "2026-03", Severity.violation),
        ("005", "2026-03", Severity.violation),
    ]
    assert [x.subject for x in overdue(judge(f, 2026, date(2026, 4, 10), Policy()))] == ["004"]
    set_language("zh")
    try:
        assert "谭晶（004）的第 1 号结果运用（限期改正）" in on_first[0].message
    finally:
        set_language("en")
    assert on_first[0].params["measure"] is FollowUpMeasure.rectify


def test_the_rule_can_be_turned_off_and_judges_only_up_to_its_year():
    f = facts(FollowUpFact(1, "004", "谭晶", "disposal", DUE, None))
    assert overdue(judge(f, 2026, date(2026, 5, 1), Policy(follow_up=SimpleRule(False)))) == []
    assert overdue(judge(f, 2025, date(2025, 12, 31), Policy())) == []
    assert len(overdue(judge(f, 2027, date(2027, 1, 5), Policy()))) == 1

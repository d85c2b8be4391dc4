"""The yearly duties of the life meeting and the people in it (issue 12 §5): the
rectification done, leading cadres at the life meeting and at the lectern, the secretary's
Party lecture — on a hand-built year (tests/life_year.py) and on plain facts."""

from __future__ import annotations

from datetime import date

import pytest

from orglife_tui.compliance.facts import (
    BranchFacts,
    MeetingCount,
    MemberFacts,
    RectificationFact,
)
from orglife_tui.compliance.rules import judge
from orglife_tui.data.store import Store
from orglife_tui.domain import CommitteePost, MeetingType
from orglife_tui.locale import set_language
from orglife_tui.scoring.policy import Policy, SimpleRule
from orglife_tui.services import watch
from tests import life_year

YEAR = life_year.YEAR
DUTIES = {
    "rectification_yearly",
    "leader_life_meeting",
    "leader_lecture",
    "secretary_lecture",
    "commitment_yearly",
}


@pytest.fixture
def built(db_url, prebuilt, request):
    branch = prebuilt(db_url, life_year.build, lambda url: Store.open(url, operator="tester"))
    return request.getfixturevalue("store"), branch


def _keys(findings):
    return {(f.rule, f.period, f.subject) for f in findings}


def test_the_hand_built_year_yields_exactly_its_leaders_findings(built):
    store, branch_id = built
    findings = watch.check(store, branch_id, YEAR, date(YEAR, 12, 31))
    assert _keys(findings) == life_year.EXPECTED


def test_before_the_year_is_over_the_duties_are_not_yet_judged(built):
    store, branch_id = built
    findings = watch.check(store, branch_id, YEAR, date(YEAR, 12, 30))
    assert not {f.rule for f in findings} & DUTIES


def test_the_findings_speak_both_languages(built):
    store, branch_id = built
    findings = [
        f for f in watch.check(store, branch_id, YEAR, date(YEAR, 12, 31)) if f.rule in DUTIES
    ]
    assert [f.message for f in findings] == [
        "周七 (007), a leading cadre, attended no life meeting of the branch in 2025",
        "王五 (005), a leading cadre, gave no Party lecture in 2025",
        "周七 (007), a leading cadre, gave no Party lecture in 2025",
        "孙六 (006) made no commitment for 2025 (承诺践诺)",
        "1 of the commitments of 周七 (007) for 2025 were not evaluated (fulfilled or not) by "
        "the year's end",
    ]
    set_language("zh")
    assert findings[0].message == "领导干部周七（007）2025年未参加所在支部的组织生活会"


# ---------------------------------------------------------------------------- plain facts


def member(no: str, **kw) -> MemberFacts:
    return MemberFacts(member_no=no, name=f"党员{no}", group=None, join_date=None, **kw)


def item(year: int, deadline: date, closed_on: date | None = None) -> RectificationFact:
    status = "done" if closed_on else "open"
    return RectificationFact(0, "问题", "张", deadline, status, closed_on, year)


# an item of the 2024 life meeting, due and put right in 2025
RIGHTED = (item(2024, date(2025, 3, 31), date(2025, 3, 1)),)


def facts(*members: MemberFacts, life: int = 1, history=RIGHTED, start=date(2025, 1, 1)):
    counts = (MeetingCount(MeetingType.life_meeting, None, "2025-12", life),) if life else ()
    return BranchFacts(
        branch="支部",
        first=date(2025, 1, 1),
        last=date(2025, 12, 31),
        record_start=start,
        groups=(),
        committee_size=1,
        meeting_counts=counts,
        members=members,
        rectification_history=history,
    )


def duties(f: BranchFacts, as_of=date(2025, 12, 31), policy=None):
    return [
        (x.rule, x.subject) for x in judge(f, 2025, as_of, policy or Policy()) if x.rule in DUTIES
    ]


def test_a_year_that_put_no_problem_right_is_a_finding():
    open_from_last_year = item(2024, date(2026, 6, 30))
    assert duties(facts(history=(open_from_last_year,))) == [("rectification_yearly", "支部")]
    # one put right in the year is enough, whichever life meeting found it
    assert duties(facts(history=(open_from_last_year, *RIGHTED))) == []
    this_years = item(2025, date(2025, 9, 30), date(2025, 8, 1))
    assert duties(facts(history=(open_from_last_year, this_years))) == []
    # put right after the year (or after the day checked) is not in it
    late = item(2024, date(2025, 3, 31), date(2026, 1, 5))
    assert duties(facts(history=(late,))) == [("rectification_yearly", "支部")]
    assert duties(facts(history=(this_years,)), as_of=date(2025, 7, 31)) == []  # not yet judged


def test_every_year_asks_for_a_problem_put_right_even_with_an_empty_list():
    """每年实实在在解决一两个突出问题: a branch whose list is empty, or whose problems are all
    still within their deadlines, has put nothing right that year."""
    assert duties(facts(history=())) == [("rectification_yearly", "支部")]
    found_in_december = item(2025, date(2026, 3, 31))
    closed_long_ago = item(2023, date(2024, 3, 31), date(2024, 2, 1))
    history = (found_in_december, closed_long_ago)
    assert duties(facts(history=history)) == [("rectification_yearly", "支部")]


def test_a_year_without_a_life_meeting_is_the_yearly_rules_finding_alone():
    found = judge(facts(member("001", leader=True), life=0), 2025, date(2025, 12, 31), Policy())
    rules = {f.rule for f in found}
    assert "life_meeting_yearly" in rules
    assert "leader_life_meeting" not in rules


def test_a_year_before_the_records_start_is_not_judged():
    assert duties(facts(start=date(2026, 1, 1))) == []


def test_the_secretary_owes_a_lecture_and_a_leader_owes_both():
    secretary = member("001", post=CommitteePost.secretary, life_meetings={2025: 1})
    leader = member("002", leader=True)
    lectured = member("003", leader=True, life_meetings={2025: 1}, lectures={2025: 2})
    assert duties(facts(secretary, leader, lectured)) == [
        ("leader_life_meeting", "002"),
        ("leader_lecture", "002"),
        ("secretary_lecture", "001"),
    ]


def test_who_left_during_the_year_owes_nothing():
    gone = member("002", leader=True, left_on=date(2025, 10, 1))
    assert duties(facts(gone)) == []


def test_a_duty_switched_off_is_not_judged():
    policy = Policy(duties={**Policy().duties, "leader_lecture": SimpleRule(enabled=False)})
    leader = member("002", leader=True, life_meetings={2025: 1})
    assert duties(facts(leader), policy=policy) == []


def test_where_the_branch_keeps_commitments_each_member_makes_one_and_it_is_evaluated():
    """承诺践诺: a member with no commitment for the year is a violation; a commitment still
    planned or in progress at the year's end is a warning naming how many."""
    kept = member("001", commitments={2025: (2, 0)})
    none = member("002")
    open_ = member("003", commitments={2025: (3, 2)})
    last_year_only = member("004", commitments={2024: (1, 0)})
    found = {
        (f.rule, f.subject, f.severity.value, f.params.get("count"))
        for f in judge(facts(kept, none, open_, last_year_only), 2025, date(2025, 12, 31), Policy())
        if f.rule == "commitment_yearly"
    }
    assert found == {
        ("commitment_yearly", "002", "violation", None),
        ("commitment_yearly", "003", "warning", 2),
        ("commitment_yearly", "004", "violation", None),
    }


def test_a_branch_that_keeps_no_commitments_register_is_not_asked_for_one():
    assert duties(facts(member("001"), member("002", commitments={2024: (1, 1)}))) == []
    # nor is a year before it is over
    ongoing = facts(member("001", commitments={2025: (1, 1)}), member("002"))
    assert duties(ongoing, as_of=date(2025, 12, 30)) == []

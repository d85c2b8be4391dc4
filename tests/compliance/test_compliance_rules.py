"""The compliance rules as pure functions over facts: each rule's edges, in microseconds."""

from __future__ import annotations

from datetime import date

from orglife_tui.compliance.facts import (
    BranchFacts,
    MeetingCount,
    MemberFacts,
    MonthMarks,
    RectificationFact,
)
from orglife_tui.compliance.findings import months_text
from orglife_tui.compliance.rules import judge, member_streaks, talk_due_cutoff
from orglife_tui.domain import MeetingType
from orglife_tui.locale import set_language
from orglife_tui.scoring.policy import (
    AbsenceRule,
    LadderAction,
    LadderStep,
    Policy,
    Severity,
    SimpleRule,
    TalkRule,
)

P, L, A = MonthMarks(present=1), MonthMarks(leave=1), MonthMarks(absent=1)
QUIET = Policy(
    frequencies=(),
    yearly=(),
    talks=TalkRule(enabled=False),
    rectification=SimpleRule(enabled=False),
)


# A branch that puts a problem right every year: the tests here are about other rules.
PUT_RIGHT = tuple(
    RectificationFact(n, "问题", "张", date(y, 6, 30), "done", date(y, 6, 1), y)
    for n, y in enumerate((2024, 2025), 1)
)


def facts(**kw) -> BranchFacts:
    base = dict(
        branch="支部",
        first=date(2024, 1, 1),
        last=date(2025, 12, 31),
        record_start=date(2024, 1, 5),
        groups=(),
        committee_size=3,
        rectification_history=PUT_RIGHT,
    )
    base.update(kw)
    return BranchFacts(**base)


def member(months: dict[str, MonthMarks], joined=date(2000, 1, 1), talks=None) -> MemberFacts:
    return MemberFacts("009", "某某", None, joined, months, talks or {})


def test_leave_months_neither_break_nor_continue_a_streak():
    m = member({"2025-01": A, "2025-02": L, "2025-03": A, "2025-04": A})
    (streak,) = member_streaks(m, date(2025, 1, 1), date(2025, 4, 30))
    assert streak.months == ("2025-01", "2025-03", "2025-04")
    assert streak.ongoing


def test_a_month_with_any_presence_breaks_the_streak():
    m = member({"2025-01": A, "2025-02": MonthMarks(present=1, absent=2), "2025-03": A})
    assert [s.months for s in member_streaks(m, date(2025, 1, 1), date(2025, 3, 31))] == [
        ("2025-01",),
        ("2025-03",),
    ]


def test_months_before_joining_and_after_as_of_do_not_count():
    m = member({"2024-12": A, "2025-01": A, "2025-02": A}, joined=date(2025, 1, 20))
    (streak,) = member_streaks(m, date(2024, 1, 1), date(2025, 1, 31))
    assert streak.months == ("2025-01",)


def test_a_streak_that_ended_in_the_year_is_still_a_finding_at_its_highest_step():
    m = member({f"2025-{i:02d}": A for i in range(1, 6)} | {"2025-06": P})
    (f,) = judge(facts(members=(m,)), 2025, date(2025, 12, 31), QUIET)
    assert (f.rule, f.period, f.subject) == ("absence_streak", "2025-05", "009")
    assert f.params["action"] is LadderAction.warning_notice
    assert f.severity is Severity.warning
    assert f.key == "compliance.finding.absence"


def test_a_streak_belongs_to_the_year_of_its_last_missed_month():
    m = member({"2024-11": A, "2024-12": A, "2025-01": A, "2025-02": P})
    assert [f.period for f in judge(facts(members=(m,)), 2025, date(2025, 12, 31), QUIET)] == [
        "2025-01"
    ]
    assert judge(facts(members=(m,)), 2024, date(2024, 12, 31), QUIET) == []


def test_a_custom_ladder_is_followed():
    policy = Policy(
        frequencies=(),
        yearly=(),
        absence=AbsenceRule((LadderStep(2, LadderAction.reminder_talk, Severity.warning),)),
        talks=TalkRule(enabled=False),
    )
    m = member({"2025-01": A, "2025-02": A})
    (f,) = judge(facts(members=(m,)), 2025, date(2025, 2, 28), policy)
    assert f.params["step_months"] == 2


def test_group_meetings_are_judged_per_group():
    counts = tuple(
        MeetingCount(MeetingType.group_meeting, g, f"2025-{m:02d}", 1)
        for g in ("一组", "二组")
        for m in range(1, 13)
        if not (g == "二组" and m == 4)
    )
    policy = Policy(
        frequencies=tuple(r for r in Policy().frequencies if r.rule == "group_meeting_frequency"),
        yearly=(),
        talks=TalkRule(enabled=False),
    )
    found = judge(
        facts(groups=("一组", "二组"), meeting_counts=counts), 2025, date(2025, 12, 31), policy
    )
    assert [(f.rule, f.period, f.subject) for f in found] == [
        ("group_meeting_frequency", "2025-04", "二组")
    ]


def test_no_committee_no_committee_meeting_rule():
    policy = Policy(talks=TalkRule(enabled=False))
    only_committee = Policy(
        frequencies=tuple(r for r in policy.frequencies if r.rule == "committee_meeting_frequency"),
        yearly=(),
        talks=TalkRule(enabled=False),
    )
    assert judge(facts(committee_size=1), 2025, date(2025, 12, 31), only_committee) == []
    assert len(judge(facts(committee_size=2), 2025, date(2025, 12, 31), only_committee)) == 12


def test_periods_before_the_first_recorded_meeting_are_not_judged():
    policy = Policy(yearly=(), talks=TalkRule(enabled=False))
    themed = Policy(
        frequencies=tuple(r for r in policy.frequencies if r.rule == "themed_day_frequency"),
        yearly=(),
        talks=TalkRule(enabled=False),
    )
    found = judge(facts(record_start=date(2025, 10, 9)), 2025, date(2025, 12, 31), themed)
    assert [f.period for f in found] == ["2025-10", "2025-11", "2025-12"]
    assert judge(facts(record_start=None), 2025, date(2025, 12, 31), themed) == []


def test_talk_coverage_spares_members_who_joined_late_in_the_year():
    assert talk_due_cutoff(2025, 3) == date(2025, 10, 1)
    assert talk_due_cutoff(2025, 0) == date(2026, 1, 1)
    policy = Policy(frequencies=(), yearly=(), talks=TalkRule(talks_per_member=2))
    early = MemberFacts("001", "甲", None, date(2025, 9, 30), {}, {2025: 1})
    late = MemberFacts("002", "乙", None, date(2025, 10, 1), {}, {})
    done = MemberFacts("003", "丙", None, date(2001, 1, 1), {}, {2025: 2})
    found = judge(facts(members=(early, late, done)), 2025, date(2025, 12, 31), policy)
    assert [(f.rule, f.subject) for f in found] == [("talk_coverage", "001")]


def test_rectification_overdue_as_of_a_date():
    items = (
        RectificationFact(1, "问题一", "张三", date(2025, 3, 31), "open", None),
        RectificationFact(2, "问题二", "李四", date(2025, 3, 31), "done", date(2025, 3, 30)),
        RectificationFact(3, "问题三", "王五", date(2025, 3, 31), "done", date(2025, 5, 1)),
    )
    policy = Policy(frequencies=(), yearly=(), talks=TalkRule(enabled=False))
    april = judge(facts(rectifications=items), 2025, date(2025, 4, 15), policy)
    assert [f.params["id"] for f in april] == [1, 3]  # 3 was closed only in May
    june = judge(facts(rectifications=items), 2025, date(2025, 6, 1), policy)
    assert [f.params["id"] for f in june] == [1]
    assert {f.period for f in june} == {"2025-03"}


def test_months_are_written_as_runs_in_either_language():
    months = ("2025-11", "2025-12", "2026-01", "2026-03")
    assert months_text(months, "en") == "2025-11–2026-01, 2026-03"
    set_language("zh")
    assert months_text(months, "zh") == "2025年11月至2026年1月、2026年3月"
    assert months_text(("2026-04", "2026-05"), "zh") == "2026年4月至5月"

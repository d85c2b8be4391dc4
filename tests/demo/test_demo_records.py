"""The demo's talks, annual plan and rectification list, and the violations planted in it.

Pure: the generator alone. tests/test_demo_compliance.py loads the same branches into a
database and checks that the compliance watch finds exactly what is said here.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta

import pytest

from orglife_tui.compliance.facts import MemberFacts, MonthMarks
from orglife_tui.compliance.rules import member_streaks
from orglife_tui.demo import (
    COMMITTEE_MISS_MONTHS,
    DEMO_BRANCH_NAME,
    GROUP_MISS_MONTHS,
    RECENT_DAYS,
    generate,
)
from orglife_tui.domain import (
    COMMITTEE_POSTS,
    CommitteePost,
    MeetingType,
    MemberStatus,
    RectificationStatus,
    TalkType,
)

# Its module-scoped fixtures are built once: the whole file runs on one xdist worker.
pytestmark = pytest.mark.xdist_group("test_demo_records")

TODAY = date(2026, 11, 26)


@pytest.fixture(scope="module")
def branch():
    return generate(members=60, years=2, seed=11, today=TODAY)


def _month(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def _months_before(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def _overdue(b):
    (item,) = [
        r
        for r in b.rectifications()
        if r.status is not RectificationStatus.done and r.deadline < b.today
    ]
    return item


# ---------------------------------------------------------------------------- planted


def test_the_planted_violations_are_the_documented_four(branch):
    overdue = _overdue(branch)
    assert branch.planted == tuple(
        sorted(
            {
                ("committee_meeting_frequency", "2026-09", DEMO_BRANCH_NAME),
                ("group_meeting_frequency", "2026-08", branch.groups[-1]),
                ("rectification_overdue", _month(overdue.deadline), DEMO_BRANCH_NAME),
                ("absence_streak", "2026-11", branch.drifter),
            }
        )
    )
    assert (COMMITTEE_MISS_MONTHS, GROUP_MISS_MONTHS) == (2, 3)
    # 2025, the year before, was kept by the book
    assert branch.expected_findings(2025) == ()
    assert branch.expected_findings(2026) == branch.planted
    assert branch.expected_findings(2026, branch="机关党支部")[1][2] == "机关党支部"


def test_across_the_new_year_each_year_gets_its_own_share():
    b = generate(members=30, years=1, seed=7, today=date(2026, 3, 18))
    assert b.first_day == date(2025, 6, 1)
    assert b.drift_start == date(2025, 9, 1)
    last_2026 = b.drifter_months()[-1]
    assert last_2026 in ("2026-02", "2026-03")  # March only once he has missed a meeting in it
    assert b.expected_findings(2025) == (
        ("absence_streak", "2025-12", b.drifter),  # Sep–Dec: four months, a reminder talk
        ("group_meeting_frequency", "2025-12", b.groups[-1]),
    )
    assert b.expected_findings(2026) == (
        ("absence_streak", last_2026, b.drifter),
        ("committee_meeting_frequency", "2026-01", DEMO_BRANCH_NAME),
        ("rectification_overdue", _month(_overdue(b).deadline), DEMO_BRANCH_NAME),
    )
    assert set(b.planted) == set(b.expected_findings(2025)) | set(b.expected_findings(2026))


def test_a_branch_without_a_committee_misses_no_committee_meeting():
    b = generate(members=5, seed=3, today=TODAY)
    assert len(b.committee) == 1
    assert [rule for rule, _, _ in b.planted] == [
        "absence_streak",
        "group_meeting_frequency",
        "rectification_overdue",
    ]


def test_the_drifter_climbs_the_ladder_month_by_month(branch):
    start = branch.drift_start
    assert branch.drifter_months(start - timedelta(days=1)) == ()
    months = branch.drifter_months()
    assert months == ("2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11")
    for k in range(7):
        end = _months_before(date(2026, 5 + k, 28), -1) - timedelta(days=1)  # month end
        assert branch.drifter_months(end) == months[: k + 1]
        expected = {2: "2026-07", 3: "2026-08", 4: "2026-09", 5: "2026-10", 6: "2026-11"}
        found = branch.expected_findings(2026, end)
        streak = [f for f in found if f[0] == "absence_streak"]
        assert streak == ([("absence_streak", expected[k], branch.drifter)] if k >= 2 else [])


def _month_marks(b, rows):
    dates = {m.meeting_no: m.date for m in b.meetings}
    marks: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    slot = {"present": 0, "leave": 1, "absent": 2}
    for meeting_no, member_no, status, _ in rows:
        marks[member_no][_month(dates[meeting_no])][slot[status]] += 1
    return marks


@pytest.mark.parametrize(
    ("members", "years", "seed", "today"),
    [
        (12, 1, 1, TODAY),
        (30, 2, 2, date(2026, 3, 18)),
        (60, 2, 3, date(2026, 1, 5)),
        (120, 3, 4, date(2025, 12, 31)),
        (400, 1, 5, date(2026, 7, 31)),
    ],
)
def test_random_leave_and_absence_never_make_another_streak(members, years, seed, today):
    b = generate(members=members, years=years, seed=seed, today=today)
    marks = _month_marks(b, b.attendance_rows())
    assert sum(m[2] for months in marks.values() for m in months.values()) > 0
    for member in b.members:
        facts = MemberFacts(
            member.member_no,
            member.name,
            member.group,
            member.join_date,
            {k: MonthMarks(*v) for k, v in marks[member.member_no].items()},
        )
        streaks = member_streaks(facts, b.first_day, today)
        if member.member_no == b.drifter:
            assert [s.months for s in streaks] == [b.drifter_months()]
        else:
            assert streaks == [], member.member_no


def test_the_drifter_still_comes_to_his_group_in_the_two_months_before(branch):
    dates = {m.meeting_no: m for m in branch.meetings}
    warm = defaultdict(Counter)
    for meeting_no, member_no, status, _ in branch.attendance_rows():
        meeting = dates[meeting_no]
        if (
            member_no == branch.drifter
            and branch.warm_up_start <= meeting.date < branch.drift_start
        ):
            kind = "group" if meeting.group else "other"
            warm[_month(meeting.date)][(kind, status)] += 1
    assert sorted(warm) == ["2026-03", "2026-04"]
    for counts in warm.values():
        assert set(counts) == {("group", "present"), ("other", "absent")}


# ---------------------------------------------------------------------------- talks


def test_talks_are_repeatable_dated_in_the_record_and_in_order(branch):
    talks = branch.talks()
    assert talks == generate(members=60, years=2, seed=11, today=TODAY).talks()
    assert talks != generate(members=60, years=2, seed=12, today=TODAY).talks()
    assert [t.date for t in talks] == sorted(t.date for t in talks)
    joined = {m.member_no: m.join_date for m in branch.members}
    for t in talks:
        assert branch.first_day <= t.date <= TODAY
        assert t.date > joined[t.member_no]
        assert t.content
        assert t.talkers and all(k.member_no != t.member_no for k in t.talkers)
        if t.action_deadline:
            assert t.actions and t.action_deadline >= t.date
        if t.follow_up_date:
            assert t.follow_up_date >= t.date
            assert (t.follow_up_result is not None) == (t.follow_up_date <= TODAY)


def test_every_member_due_is_talked_with_each_year_and_this_year_by_october(branch):
    talks = branch.talks()
    for year, by in ((2025, date(2025, 12, 31)), (2026, date(2026, 10, 31))):
        talked = {t.member_no for t in talks if date(year, 1, 1) <= t.date <= by}
        due = {m.member_no for m in branch.members if m.join_date < date(year, 10, 1)}
        assert due and due <= talked, year


def test_talkers_are_the_committee_mostly_the_secretary(branch):
    talks = branch.talks()
    posts = {m.member_no: m.post for m in branch.members}
    secretary = next(no for no, post in posts.items() if post is CommitteePost.secretary)
    talkers = Counter(k.member_no for t in talks for k in t.talkers)
    assert set(talkers) == set(branch.committee)
    assert all(posts[no] in COMMITTEE_POSTS for no in talkers)
    assert talkers.most_common(1)[0][0] == secretary
    assert talkers[secretary] > 0.4 * len(talks)
    # the secretary is talked with too, by the second of the committee
    assert any(t.member_no == secretary for t in talks)


def test_talk_types_forms_and_confidential_ones(branch):
    talks = branch.talks()
    kinds = Counter(t.type for t in talks)
    assert {
        TalkType.routine,
        TalkType.pre_life_meeting,
        TalkType.political_birthday,
        TalkType.encouragement,
        TalkType.care,
        TalkType.reminder,
        TalkType.warning,
    } <= set(kinds)
    assert kinds[TalkType.routine] == max(kinds.values())
    confidential = [t for t in talks if t.confidential]
    assert 1 <= len(confidential) < 0.15 * len(talks)
    assert sum(1 for t in talks if t.actions) >= 5
    assert any(t.difficulties for t in talks if t.type is TalkType.care)
    # probationary members get encouragement on their way to full membership
    probationary = {m.member_no for m in branch.members if m.status is MemberStatus.probationary}
    theirs = {t.type for t in talks if t.member_no in probationary}
    assert TalkType.encouragement in theirs
    assert theirs <= {TalkType.encouragement, TalkType.pre_life_meeting, TalkType.care}


def test_political_birthdays_and_talks_before_the_life_meeting_fall_on_their_days(branch):
    joined = {m.member_no: m.join_date for m in branch.members}
    birthdays = [t for t in branch.talks() if t.type is TalkType.political_birthday]
    assert birthdays
    for t in birthdays:
        assert (t.date.month, t.date.day) == (joined[t.member_no].month, joined[t.member_no].day)
        assert f"{t.date.year - joined[t.member_no].year}周年" in t.content
    life = {m.date.year: m.date for m in branch.meetings if MeetingType.life_meeting in m.types}
    before = [t for t in branch.talks() if t.type is TalkType.pre_life_meeting]
    assert {t.date.year for t in before} == set(life)
    for t in before:
        assert timedelta(days=3) <= life[t.date.year] - t.date <= timedelta(days=20)


def test_the_drifters_streak_is_answered_by_a_reminder_and_a_warning(branch):
    answers = [t for t in branch.talks() if t.absence_from]
    months = branch.drifter_months()
    assert [
        (t.member_no, t.type, t.absence_from, t.absence_step, _month(t.date)) for t in answers
    ] == [
        (branch.drifter, TalkType.reminder, months[0], "reminder_talk", months[2]),
        (branch.drifter, TalkType.warning, months[0], "warning_notice", months[4]),
    ]
    reminder, warning = answers
    assert "连续三个月" in reminder.trigger and "连续五个月" in warning.trigger
    assert warning.action_deadline == warning.date + timedelta(days=30)
    assert len(warning.talkers) == 2 and not warning.confidential


@pytest.mark.parametrize("today", [TODAY, date(2026, 1, 5), date(2025, 12, 31), date(2026, 7, 1)])
def test_two_follow_ups_fall_due_in_the_next_fortnight(today):
    b = generate(members=30, years=1, seed=4, today=today)
    pending = [t for t in b.talks() if t.follow_up_date and not t.follow_up_result]
    due = [t for t in pending if t.follow_up_date <= today + timedelta(days=14)]
    assert sorted(t.follow_up_date - today for t in due) == [timedelta(days=4), timedelta(days=11)]
    assert all(t.date <= today and t.member_no != b.drifter for t in due)


# ---------------------------------------------------------------------------- plan


def test_the_plan_holds_every_meeting_and_the_planted_misses_are_not_held(branch):
    plan = branch.plan()
    assert plan == generate(members=60, years=2, seed=11, today=TODAY).plan()
    assert {p.year for p in plan} == {2025, 2026}
    assert all(p.topic and p.month for p in plan)
    planned = Counter((p.year, p.month, p.meeting_type) for p in plan)
    held = Counter((m.date.year, m.date.month, t) for m in branch.meetings for t in m.types)
    assert not held - planned  # every meeting held was planned, type by type
    not_held = planned - held
    past = {k: n for k, n in not_held.items() if (k[0], k[1]) < (2026, 11)}
    assert past == {
        (2026, 9, MeetingType.committee_meeting): 1,
        (2026, 8, MeetingType.group_meeting): 1,
    }
    # December is still to come: its meetings are planned, the life meeting among them
    december = {p.meeting_type for p in plan if (p.year, p.month) == (2026, 12)}
    assert {MeetingType.themed_day, MeetingType.group_meeting} <= december
    life = [p for p in plan if p.meeting_type is MeetingType.life_meeting]
    assert [p.year for p in life] == [2025, 2026]
    appraisal = [p for p in plan if p.meeting_type is MeetingType.appraisal]
    assert [(p.year, p.month) for p in appraisal] == [(p.year, p.month) for p in life]


@pytest.mark.parametrize("today", [date(2026, 3, 18), date(2026, 9, 15), date(2026, 2, 3)])
def test_a_record_starting_mid_year_holds_every_period_it_judges(today):
    b = generate(members=20, years=1, seed=5, today=today)
    start = (b.first_day.year, b.first_day.month)
    assert start < (today.year, 1)
    assert min(p.year * 100 + p.month for p in b.plan()) == start[0] * 100 + start[1]
    held = Counter()
    for m in b.meetings:
        for t in m.types:
            held[(m.date.year, (m.date.month - 1) // 3, t)] += 1
    first_quarter = (start[1] - 1) // 3
    for q in range(first_quarter, 4):  # the record's first year, from its partial quarter on
        for t in (MeetingType.general_meeting, MeetingType.party_lecture):
            assert held[(start[0], q, t)] == 1, (q, t)
    life = [m for m in b.meetings if MeetingType.life_meeting in m.types]
    assert [m.date.year for m in life] == [start[0]]
    assert life[0].date >= b.first_day
    assert MeetingType.appraisal in life[0].types


# ---------------------------------------------------------------------------- rectification


def test_the_rectification_list_of_the_last_life_meeting(branch):
    everything = branch.rectifications()
    assert everything == generate(members=60, years=2, seed=11, today=TODAY).rectifications()
    life = [m for m in branch.meetings if MeetingType.life_meeting in m.types]
    source = [m for m in life if m.date <= TODAY - timedelta(days=RECENT_DAYS)][-1]
    items = [r for r in everything if r.meeting_no is not None]
    assert {(r.year, r.meeting_no) for r in items} == {(source.date.year, source.meeting_no)}
    statuses = Counter(r.status for r in items)
    assert statuses == {
        RectificationStatus.done: 3,
        RectificationStatus.in_progress: 1,
        RectificationStatus.open: 1,
    }
    committee = {m.name for m in branch.members if m.member_no in branch.committee}
    for r in items:
        assert r.owner in committee and r.problem and r.measure
        assert r.deadline > source.date
        if r.status is RectificationStatus.done:
            assert r.closing_note and source.date < r.closed_on <= min(r.deadline, TODAY)
        else:
            assert r.closed_on is None and r.closing_note is None
    (in_progress,) = [r for r in items if r.status is RectificationStatus.in_progress]
    assert in_progress.deadline > TODAY
    overdue = _overdue(branch)
    assert overdue.status is RectificationStatus.open
    assert TODAY - timedelta(days=31) <= overdue.deadline < TODAY


def test_without_a_life_meeting_in_the_record_the_list_is_last_years():
    b = generate(members=12, years=1, seed=2, today=date(2026, 10, 31))
    assert b.first_day == date(2026, 1, 1)
    items = b.rectifications()
    assert {(r.year, r.meeting_no) for r in items} == {(2025, None)}
    assert len(items) == 5
    assert _overdue(b).deadline == date(2026, 10, 1)

"""The demo branch generator: deterministic, realistic, and true to the branch's rules."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter, defaultdict
from datetime import date, timedelta

import pytest

from orglife_tui.demo import (
    DEMO_BRANCH_NAME,
    DRIFTING_MEMBER_NAME,
    generate,
    group_name,
    record_start,
    zh_numeral,
)
from orglife_tui.domain import (
    COMMITTEE_POSTS,
    AttendanceStatus,
    CommitteePost,
    Gender,
    MeetingType,
    MemberStatus,
    member_date_problems,
    parse_phone,
)

# Its module-scoped fixtures are built once: the whole file runs on one xdist worker.
pytestmark = pytest.mark.xdist_group("test_demo")

TODAY = date(2026, 11, 26)


@pytest.fixture(scope="module")
def branch():
    return generate(members=60, years=2, seed=11, today=TODAY)


@pytest.fixture(scope="module")
def rows(branch):
    return list(branch.attendance_rows())


def _months_before(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def test_same_seed_same_branch_other_seed_other_branch():
    a = generate(members=40, years=2, seed=5, today=TODAY)
    b = generate(members=40, years=2, seed=5, today=TODAY)
    c = generate(members=40, years=2, seed=6, today=TODAY)
    assert a.members == b.members
    assert a.meetings == b.meetings
    assert list(a.attendance_rows()) == list(b.attendance_rows())
    assert a.drifter == b.drifter
    assert a.members != c.members
    assert list(a.attendance_rows()) != list(c.attendance_rows())


def test_attendance_stream_is_repeatable(branch, rows):
    assert list(branch.attendance_rows()) == rows
    assert branch.attendance_count() == len(rows)
    assert [
        (a.meeting_no, a.member_no, a.status.value, a.reason) for a in branch.attendance()
    ] == rows


def test_members_are_plausible(branch):
    members = branch.members
    assert branch.name == DEMO_BRANCH_NAME
    assert len(members) == 60
    assert [m.member_no for m in members] == [f"{i:03d}" for i in range(1, 61)]
    assert len({m.name for m in members}) == 60
    assert all(2 <= len(m.name) <= 4 for m in members)
    assert {m.gender for m in members} == {Gender.male, Gender.female}
    for m in members:
        assert member_date_problems(m.birth_date, m.join_date, m.full_date, m.status, TODAY) == []
        assert parse_phone(m.phone) == m.phone and m.phone.startswith("1")
        assert len(m.phone.replace("-", "")) == 11
        if m.member_no == branch.drifter:
            assert m.dues_paid_until == "2026-04"  # stopped paying when he drifted away
        else:
            assert "2026-07" <= m.dues_paid_until <= "2026-11"
    # numbered in order of joining
    assert [m.join_date for m in members] == sorted(m.join_date for m in members)


@pytest.mark.parametrize("n", [3, 5, 10, 30, 60, 250])
def test_probationary_members_are_about_a_tenth_and_joined_within_the_year(n):
    b = generate(members=n, seed=3, today=TODAY)
    probationary = [m for m in b.members if m.status is MemberStatus.probationary]
    assert len(probationary) == (max(1, round(n * 0.1)) if n >= 5 else 0)
    for m in probationary:
        assert m.full_date is None
        assert TODAY - timedelta(days=365) <= m.join_date <= TODAY
    for m in b.members:
        if m.status is MemberStatus.full:
            assert m.full_date is not None
            assert m.full_date == m.join_date.replace(year=m.join_date.year + 1) or (
                m.join_date.month,
                m.join_date.day,
            ) == (2, 29)
            assert m.full_date <= TODAY


@pytest.mark.parametrize("n", [3, 6, 7, 8, 12, 20, 30, 50, 400])
def test_committee_follows_the_seven_full_members_rule(n):
    b = generate(members=n, seed=n, today=TODAY)
    full = [m for m in b.members if m.status is MemberStatus.full]
    committee = [m for m in b.members if m.post in COMMITTEE_POSTS]
    posts = Counter(m.post for m in committee)
    assert posts[CommitteePost.secretary] == 1
    assert all(count == 1 for count in posts.values())
    assert all(m.status is MemberStatus.full for m in committee)
    assert sorted(m.member_no for m in committee) == list(b.committee)
    if len(full) < 7:
        assert [m.post for m in committee] == [CommitteePost.secretary]
        assert not any(MeetingType.committee_meeting in m.types for m in b.meetings)
    else:
        assert 3 <= len(committee) <= 5
        assert {CommitteePost.organization, CommitteePost.publicity} <= set(posts)
    if len(full) >= 25:
        assert set(posts) == {
            CommitteePost.secretary,
            CommitteePost.deputy_secretary,
            CommitteePost.organization,
            CommitteePost.publicity,
            CommitteePost.discipline,
        }


@pytest.mark.parametrize("n", [3, 15, 30, 60, 123, 1000])
def test_groups_hold_about_ten_members_each_with_at_most_one_leader(n):
    b = generate(members=n, seed=1, today=TODAY)
    assert len(b.groups) >= 2
    assert b.groups[:3] == ("第一党小组", "第二党小组", "第三党小组")[: len(b.groups)]
    sizes = Counter(m.group for m in b.members)
    assert set(sizes) == set(b.groups)
    assert max(sizes.values()) - min(sizes.values()) <= 1
    if n >= 30:
        assert all(8 <= s <= 12 for s in sizes.values())
    leaders = Counter(m.group for m in b.members if m.post is CommitteePost.group_leader)
    assert all(count == 1 for count in leaders.values())
    for m in b.members:
        if m.post is CommitteePost.group_leader:
            assert m.status is MemberStatus.full
    if n >= 15:
        assert set(leaders) == set(b.groups)


def test_chinese_numerals():
    cases = {
        1: "一",
        10: "十",
        11: "十一",
        20: "二十",
        101: "一百零一",
        110: "一百一十",
        1000: "一千",
        1010: "一千零一十",
        10000: "一万",
        10001: "一万零一",
        100000: "十万",
        12345: "一万二千三百四十五",
        100100: "十万零一百",
    }
    assert {n: zh_numeral(n) for n in cases} == cases
    assert group_name(0) == "第一党小组"
    assert group_name(999) == "第一千党小组"


def test_meetings_lie_in_the_record_span_and_never_in_the_future(branch):
    assert branch.first_day == date(2025, 1, 1)
    dates = [m.date for m in branch.meetings]
    assert dates == sorted(dates)
    assert min(dates) >= branch.first_day
    assert max(dates) <= TODAY
    numbers = [m.meeting_no for m in branch.meetings]
    assert len(set(numbers)) == len(numbers)
    for m in branch.meetings:
        assert m.meeting_no.startswith(f"{m.date.year}-")
        assert m.title and m.place and m.host and m.recorder
        if MeetingType.party_lecture in m.types:
            assert m.lecturer
        if MeetingType.group_meeting in m.types:
            assert m.group in branch.groups
        else:
            assert m.group is None


def test_meeting_frequencies(branch):
    by_month: dict[tuple[int, int], Counter] = defaultdict(Counter)
    by_quarter: dict[tuple[int, int], Counter] = defaultdict(Counter)
    group_months: Counter = Counter()
    for m in branch.meetings:
        for t in m.types:
            by_month[(m.date.year, m.date.month)][t] += 1
            by_quarter[(m.date.year, (m.date.month - 1) // 3)][t] += 1
        if m.group:
            group_months[(m.group, m.date.year, m.date.month)] += 1
    past_months = [(y, mo) for y in (2025, 2026) for mo in range(1, 13) if (y, mo) < (2026, 11)]
    for ym in past_months:
        assert by_month[ym][MeetingType.themed_day] == 1, ym
        # but for the planted misses: September's committee meeting, the last group's August
        assert by_month[ym][MeetingType.committee_meeting] == (ym != (2026, 9)), ym
        for g in branch.groups:
            planted = (g, ym) == (branch.groups[-1], (2026, 8))
            assert group_months[(g, *ym)] == (not planted), (g, ym)
    for yq in [(2025, q) for q in range(4)] + [(2026, q) for q in range(3)]:
        assert by_quarter[yq][MeetingType.general_meeting] == 1, yq
        assert by_quarter[yq][MeetingType.party_lecture] == 1, yq
    # the full year 2025: two lectures held on a themed day, one life meeting in Q4
    combined = [
        m
        for m in branch.meetings
        if m.date.year == 2025
        and set(m.types) == {MeetingType.themed_day, MeetingType.party_lecture}
    ]
    assert len(combined) == 2
    life = [m for m in branch.meetings if MeetingType.life_meeting in m.types]
    assert [m.date.year for m in life if m.date.year == 2025] == [2025]
    assert all(m.date.month >= 10 for m in life)
    # the life meeting is also the democratic appraisal (组织生活会暨民主评议党员)
    assert all(m.types == (MeetingType.life_meeting, MeetingType.appraisal) for m in life)


def test_every_meeting_has_attendance_for_exactly_the_right_people(branch, rows):
    members = {m.member_no: m for m in branch.members}
    by_meeting: dict[str, list[str]] = defaultdict(list)
    for meeting_no, member_no, _status, _reason in rows:
        by_meeting[meeting_no].append(member_no)
    assert len(rows) == len({(r[0], r[1]) for r in rows})
    committee = set(branch.committee)
    for m in branch.meetings:
        joined = {no for no, p in members.items() if p.join_date <= m.date}
        if m.types == (MeetingType.committee_meeting,):
            expected = committee & joined
        elif m.group:
            expected = {no for no in joined if members[no].group == m.group}
        else:
            expected = joined
        assert set(by_meeting[m.meeting_no]) == expected, m.meeting_no
        assert expected


def test_marks_are_mostly_present_leave_has_a_reason_absence_has_none(rows):
    statuses = Counter(r[2] for r in rows)
    assert statuses["present"] / len(rows) > 0.85
    assert statuses["leave"] > 10
    assert statuses["absent"] > 5
    for _, _, status, reason in rows:
        if status == AttendanceStatus.leave.value:
            assert reason and reason.strip()
        else:
            assert reason is None
    reasons = Counter(r[3] for r in rows if r[3])
    assert {"出差", "病假"} <= set(reasons)
    assert len(reasons) >= 5


def _drifter_checks(branch, rows, today):
    drifter = branch.member(branch.drifter)
    assert drifter.name == DRIFTING_MEMBER_NAME
    assert [m.member_no for m in branch.members if m.name == DRIFTING_MEMBER_NAME] == [
        branch.drifter
    ]
    assert drifter.status is MemberStatus.full
    assert drifter.post is None
    assert branch.drift_start == _months_before(today, 6)
    dates = {m.meeting_no: m.date for m in branch.meetings}
    mine = [(dates[r[0]], r[2], r[3]) for r in rows if r[1] == branch.drifter]
    since = [(d, s, reason) for d, s, reason in mine if d >= branch.drift_start]
    # absent without reason at every meeting of the last seven months, one in each month
    assert since and all(s == "absent" and reason is None for _, s, reason in since)
    months = {(d.year, d.month) for d, _, _ in since}
    assert len(months) >= 6
    assert min(d for d, _, _ in since) < _months_before(today, 5)
    # drifting *into* it: he was present before
    assert any(s == "present" for d, s, _ in mine if d < branch.drift_start)
    return since


def test_exactly_one_member_drifts_into_six_months_of_absence(branch, rows):
    _drifter_checks(branch, rows, TODAY)
    # nobody else goes the last six months without attending or asking for leave
    last = defaultdict(set)
    dates = {m.meeting_no: m.date for m in branch.meetings}
    for meeting_no, member_no, status, _ in rows:
        if dates[meeting_no] >= branch.drift_start:
            last[member_no].add(status)
    gone = [no for no, statuses in last.items() if statuses == {"absent"}]
    assert gone == [branch.drifter]


@pytest.mark.parametrize(
    "today", [date(2027, 1, 10), date(2026, 3, 1), date(2026, 7, 31), date(2028, 12, 31)]
)
def test_the_drift_shows_whatever_the_day_of_the_year(today):
    b = generate(members=12, years=1, seed=2, today=today)
    assert b.first_day <= _months_before(today, 9)
    assert b.first_day == min(date(today.year, 1, 1), _months_before(today, 9))
    assert max(m.date for m in b.meetings) <= today
    _drifter_checks(b, list(b.attendance_rows()), today)


def test_record_start_covers_the_calendar_years():
    assert record_start(date(2026, 11, 26), 1) == date(2026, 1, 1)
    assert record_start(date(2026, 11, 26), 3) == date(2024, 1, 1)
    assert record_start(date(2026, 2, 3), 1) == date(2025, 5, 1)


def test_a_long_leave_is_leave_with_the_same_reason(branch, rows):
    assert branch.long_leave is not None
    member_no, start, end, reason = branch.long_leave
    dates = {m.meeting_no: m.date for m in branch.meetings}
    marks = [(r[2], r[3]) for r in rows if r[1] == member_no and start <= dates[r[0]] <= end]
    assert len(marks) >= 6
    assert set(marks) == {("leave", reason)}


def test_small_and_large_branches():
    small = generate(members=3, today=TODAY)
    assert len(small.members) == 3
    assert sum(1 for _ in small.attendance_rows()) == small.attendance_count() > 0
    big = generate(members=3000, seed=9, today=TODAY)
    assert len({m.member_no for m in big.members}) == 3000
    assert len(big.groups) == 300
    assert big.members[0].member_no == "0001"


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError):
        generate(members=2)
    with pytest.raises(ValueError):
        generate(years=0)
    with pytest.raises(ValueError):
        generate(years=11)


def test_the_generator_is_pure_python():
    code = (
        "import sys, orglife_tui.demo\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in "
        "('sqlalchemy', 'sqlmodel', 'textual', 'typer', 'alembic')]\n"
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], check=True)

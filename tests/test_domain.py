"""How users write statuses, types, dates and months, and which member dates are refused."""

import contextlib
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orglife_tui.domain import (
    AttendanceStatus,
    CommitteePost,
    InputError,
    MeetingType,
    MemberStatus,
    attendance_reason,
    label,
    member_date_problems,
    parse_date,
    parse_enum,
    parse_meeting_types,
    parse_month,
    parse_phone,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("full", MemberStatus.full),
        (" Probationary ", MemberStatus.probationary),
        ("正式党员", MemberStatus.full),
        ("预备", MemberStatus.probationary),
    ],
)
def test_statuses_in_english_or_chinese(text, expected):
    assert parse_enum(MemberStatus, text) is expected


def test_attendance_and_posts_accept_common_spreadsheet_words():
    assert parse_enum(AttendanceStatus, "请假") is AttendanceStatus.leave
    assert parse_enum(AttendanceStatus, "无故缺席") is AttendanceStatus.absent
    assert parse_enum(CommitteePost, "支部书记") is CommitteePost.secretary
    assert parse_enum(CommitteePost, "deputy secretary") is CommitteePost.deputy_secretary


def test_an_unknown_value_is_refused():
    with pytest.raises(InputError):
        parse_enum(MemberStatus, "候补")


def test_a_meeting_can_be_several_types_in_either_language_and_separator():
    assert parse_meeting_types("主题党日；党课、themed_day") == [
        MeetingType.themed_day,
        MeetingType.party_lecture,
    ]
    with pytest.raises(InputError):
        parse_meeting_types(" ; ")


@pytest.mark.parametrize(
    "text", ["2026-03-05", "2026/3/5", "2026年3月5日", "2026.03.05", "2026-03-05 00:00:00"]
)
def test_dates_in_the_spellings_people_use(text):
    assert parse_date(text) == date(2026, 3, 5)


def test_impossible_and_unreadable_dates_say_which_it_is():
    with pytest.raises(InputError) as impossible:
        parse_date("2026-02-30")
    assert impossible.value.key == "problem.no_such_date"
    with pytest.raises(InputError) as unreadable:
        parse_date("March 5")
    assert unreadable.value.key == "problem.bad_date"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_every_date_round_trips_in_each_spelling(d):
    for text in (d.isoformat(), f"{d.year}/{d.month}/{d.day}", f"{d.year}年{d.month}月{d.day}日"):
        assert parse_date(text) == d


@given(st.text(max_size=30))
def test_date_parsing_never_fails_other_than_by_input_error(text):
    with contextlib.suppress(InputError):
        parse_date(text)


def test_months_and_phones():
    assert parse_month("2026/3") == "2026-03"
    assert parse_month("2026年11月") == "2026-11"
    with pytest.raises(InputError):
        parse_month("2026-13")
    assert parse_phone("138-0000-1111") == "138-0000-1111"
    with pytest.raises(InputError):
        parse_phone("call me")


def test_only_leave_and_absence_keep_a_reason():
    assert attendance_reason(AttendanceStatus.present, "早到") is None
    assert attendance_reason(AttendanceStatus.leave, " 出差 ") == "出差"
    assert attendance_reason(AttendanceStatus.absent, "") is None


def test_labels_follow_the_language():
    assert label(MeetingType.party_lecture, "zh") == "党课"
    assert label(MeetingType.party_lecture, "en") == "party lecture"
    assert label(None, "zh") == ""


TODAY = date(2026, 11, 26)


def test_consistent_dates_raise_nothing():
    assert (
        member_date_problems(
            date(1980, 1, 1), date(2000, 7, 1), date(2001, 7, 1), MemberStatus.full, TODAY
        )
        == []
    )


def test_each_date_problem_names_the_field_at_fault():
    assert member_date_problems(
        date(1990, 1, 1), date(2027, 1, 1), None, MemberStatus.probationary, TODAY
    ) == [("join_date", "date_in_future")]
    # 18 on 2008-03-02; joining the day before is too early
    assert member_date_problems(
        date(1990, 3, 2), date(2008, 3, 1), None, MemberStatus.probationary, TODAY
    ) == [("join_date", "joined_under_18")]
    assert (
        member_date_problems(
            date(1990, 3, 2), date(2008, 3, 2), None, MemberStatus.probationary, TODAY
        )
        == []
    )
    assert member_date_problems(
        None, date(2010, 1, 1), date(2009, 1, 1), MemberStatus.full, TODAY
    ) == [("full_date", "full_before_join")]
    assert member_date_problems(
        None, date(2026, 1, 1), date(2026, 6, 1), MemberStatus.probationary, TODAY
    ) == [("full_date", "probationary_with_full_date")]

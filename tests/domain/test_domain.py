"""How users write statuses, types, dates and months, and which member dates are refused."""

import contextlib
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orglife_tui.domain import (
    NO_POST,
    AttendanceStatus,
    CommitteePost,
    InputError,
    MeetingType,
    MemberStatus,
    attendance_reason,
    excel_serial_date,
    label,
    member_date_problems,
    parse_date,
    parse_enum,
    parse_meeting_types,
    parse_month,
    parse_phone,
    parse_post,
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


@pytest.mark.parametrize(
    "text",
    [
        "1972.05.16",
        "1972.5.16",
        "1972/5/16",
        "1972-5-16",
        "19720516",
        "1972年5月16日",
        "1972年5月16号",
        "1972 年 5 月 16 日",
        "１９７２年５月１６日",  # full-width digits
        "1972-05-16T00:00:00",
        "1972/05/16 0:00",
    ],
)
def test_dates_as_rosters_write_them(text):
    assert parse_date(text) == date(1972, 5, 16)


@pytest.mark.parametrize("text", ["1985年5月", "1985.05", "1985-5", "1985/05", "198505"])
def test_a_month_without_its_day_is_the_first_only_where_a_month_is_meant(text):
    """出生年月 is a month; a join or conversion date without its day is refused."""
    assert parse_date(text, month_only=True) == date(1985, 5, 1)
    with pytest.raises(InputError) as exc:
        parse_date(text)
    assert exc.value.key == "roster.day_missing"


@pytest.mark.parametrize(
    "text", ["1985", "1985-13", "20260230", "1985年13月", "26/6/2020", "1-2-3"]
)
def test_what_is_no_date_is_refused(text):
    with pytest.raises(InputError):
        parse_date(text, month_only=True)


def test_excel_serial_numbers_only_with_five_digits():
    assert excel_serial_date("29040") == date(1979, 7, 4)
    assert excel_serial_date("45352.0") == date(2024, 3, 1)
    assert excel_serial_date("10000") == date(1927, 5, 18)
    assert excel_serial_date("99999") == date(2173, 10, 13)
    for text in ("1985", "198505", "19800308", "", "abcde", "-1234"):
        assert excel_serial_date(text) is None, text


@given(st.dates(min_value=date(1927, 5, 18), max_value=date(2173, 10, 13)))
def test_excel_serials_count_days_from_1899_12_30(d):
    assert excel_serial_date(str((d - date(1899, 12, 30)).days)) == d


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)))
def test_every_roster_spelling_round_trips(d):
    y, m, day = d.year, d.month, d.day
    for text in (
        f"{y}.{m:02d}.{day:02d}",
        f"{y}.{m}.{day}",
        f"{y}/{m}/{day}",
        f"{y}-{m}-{day}",
        f"{y}{m:02d}{day:02d}",
        f"{y}年{m}月{day}日",
        f"{y}年{m:02d}月{day:02d}日",
        f"{d.isoformat()} 00:00:00",
    ):
        assert parse_date(text) == d, text
    assert parse_date(f"{y}年{m}月", month_only=True) == d.replace(day=1)


@pytest.mark.parametrize(
    ("text", "post"),
    [
        ("书记", CommitteePost.secretary),
        ("党支部书记", CommitteePost.secretary),
        ("支部书记、党小组长", CommitteePost.secretary),
        ("党小组长、组织委员", CommitteePost.organization),  # the committee post wins
        ("组织委员兼纪检委员", CommitteePost.organization),
        ("支部书记、工会主席", CommitteePost.secretary),
        ("青年委员", CommitteePost.committee_member),
        ("党小组长", CommitteePost.group_leader),
        ("deputy secretary", CommitteePost.deputy_secretary),
        ("党员", None),
        ("普通党员", None),
        ("无", None),
        ("群众", None),
        ("-", None),
        ("—", None),
        ("/", None),
        ("  ", None),
        ("", None),
    ],
)
def test_posts_as_rosters_write_them(text, post):
    assert parse_post(text) is post


def test_no_post_words_are_no_post():
    for word in NO_POST:
        assert parse_post(word) is None


@pytest.mark.parametrize("text", ["班长", "工会主席", "主任、科员"])
def test_text_naming_no_post_is_refused(text):
    with pytest.raises(InputError) as exc:
        parse_post(text)
    assert exc.value.key == "problem.unknown_post"


@given(st.text(max_size=20))
def test_post_parsing_never_fails_other_than_by_input_error(text):
    with contextlib.suppress(InputError):
        assert parse_post(text) is None or isinstance(parse_post(text), CommitteePost)


@pytest.mark.parametrize("text", ["330102197001010011", "33010219700101001X", "330102700101001"])
def test_an_id_number_is_no_phone_number(text):
    with pytest.raises(InputError) as exc:
        parse_phone(text)
    assert exc.value.key == "roster.phone_is_id"


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

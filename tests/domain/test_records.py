"""Form and spreadsheet text becomes a validated record, or a list of problems per field."""

from datetime import date

import pytest

from orglife_tui.domain import AttendanceStatus, CommitteePost, Gender, MeetingType, MemberStatus
from orglife_tui.domain.records import (
    FieldErrors,
    attendance_from_fields,
    meeting_from_fields,
    member_from_fields,
)

TODAY = date(2026, 11, 26)


def problems(fn, values, **kw):
    with pytest.raises(FieldErrors) as info:
        fn(values, **kw)
    return [(f, key) for f, key, _ in info.value.problems]


def test_a_full_member_row_in_chinese_spellings():
    m = member_from_fields(
        {
            "member_no": " 007 ",
            "name": "李明",
            "gender": "男",
            "status": "正式党员",
            "birth_date": "1980年5月1日",
            "join_date": "2005/7/1",
            "full_date": "2006-07-01",
            "group": "第一党小组",
            "post": "书记",
            "phone": "13800001111",
            "dues_paid_until": "2026/10",
        },
        today=TODAY,
    )
    assert (m.member_no, m.gender, m.status, m.post, m.dues_paid_until) == (
        "007",
        Gender.male,
        MemberStatus.full,
        CommitteePost.secretary,
        "2026-10",
    )
    assert m.birth_date == date(1980, 5, 1)


def test_every_problem_of_a_member_is_reported_at_once():
    assert problems(
        member_from_fields,
        {
            "member_no": "",
            "name": "",
            "status": "候补",
            "gender": "?",
            "phone": "x",
            "post": "队长",
        },
        today=TODAY,
    ) == [
        ("member_no", "problem.required"),
        ("name", "problem.required"),
        ("status", "problem.unknown_status"),
        ("gender", "problem.unknown_gender"),
        ("post", "problem.unknown_post"),
        ("phone", "problem.bad_phone"),
    ]


def test_too_long_values_are_refused():
    assert ("name", "problem.too_long") in problems(
        member_from_fields, {"member_no": "1", "name": "长" * 101, "status": "full"}
    )


def test_member_messages_read_in_the_user_language():
    from orglife_tui.locale import set_language

    with pytest.raises(FieldErrors) as info:
        member_from_fields(
            {"member_no": "1", "name": "甲", "status": "full", "birth_date": "1990-02-30"}
        )
    assert info.value.messages() == ["birth date: there is no date '1990-02-30'"]
    set_language("zh")
    assert info.value.messages() == ["出生日期：日期“1990-02-30”不存在"]


def test_a_meeting_needs_a_date_a_type_and_a_title():
    assert problems(meeting_from_fields, {"date": "", "type": "", "title": ""}) == [
        ("date", "problem.required"),
        ("type", "problem.required"),
        ("title", "problem.required"),
    ]
    m = meeting_from_fields({"date": "2026-03-05", "type": "主题党日;党课", "title": "学习"})
    assert m.types == (MeetingType.themed_day, MeetingType.party_lecture)
    assert m.meeting_no is None


def test_leave_needs_a_reason():
    assert problems(
        attendance_from_fields, {"meeting_no": "M1", "member_no": "001", "status": "请假"}
    ) == [("reason", "problem.leave_needs_reason")]
    mark = attendance_from_fields({"meeting_no": "M1", "member_no": "001", "status": "缺席"})
    assert mark.status is AttendanceStatus.absent

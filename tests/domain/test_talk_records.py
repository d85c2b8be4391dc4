"""Typed talk fields become a ``TalkInput``, or a list of problems per field (pure)."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orglife_tui.domain import InputError, TalkForm, TalkType
from orglife_tui.domain.records import FieldErrors
from orglife_tui.domain.talks import (
    TalkerInput,
    TalkerRow,
    TalkRow,
    parse_flag,
    parse_ladder_action,
    parse_talkers,
    step_label,
    talk_fields,
    talk_from_fields,
    talkers_label,
)
from orglife_tui.locale import set_language
from orglife_tui.scoring.policy import LadderAction

TODAY = date(2026, 11, 26)


def problems(values, today=TODAY):
    with pytest.raises(FieldErrors) as info:
        talk_from_fields(values, today=today)
    return [(f, key) for f, key, _ in info.value.problems]


def test_a_full_talk_in_chinese_spellings():
    talk = talk_from_fields(
        {
            "date": "2026年3月2日",
            "member_no": " 007 ",
            "type": "谈话提醒",
            "form": "个别谈话",
            "talkers": "006；王局长/上级党委、李书记/书记",
            "place": "党员活动室",
            "recorder": "胡雅琴",
            "trigger": "连续三个月未参加组织生活",
            "content": "了解原因\n提出要求",
            "actions": "按时参加主题党日",
            "action_deadline": "2026/4/30",
            "follow_up_date": "2026-04-01",
            "confidential": "是",
            "absence_from": "2025/12",
            "absence_step": "谈话提醒",
        },
        today=TODAY,
    )
    assert (talk.date, talk.member_no, talk.type, talk.form) == (
        date(2026, 3, 2),
        "007",
        TalkType.reminder,
        TalkForm.one_to_one,
    )
    assert talk.talkers == (
        TalkerInput(member_no="006"),
        TalkerInput(name="王局长", post="上级党委"),
        TalkerInput(name="李书记", post="secretary"),  # a committee post is kept by its key
    )
    assert talk.content == "了解原因\n提出要求"  # inner line breaks kept
    assert (talk.action_deadline, talk.follow_up_date) == (date(2026, 4, 30), date(2026, 4, 1))
    assert talk.confidential is True
    assert (talk.absence_from, talk.absence_step) == ("2025-12", "reminder_talk")


def test_the_form_defaults_to_one_to_one_and_the_flag_to_not_confidential():
    talk = talk_from_fields(
        {"date": "2026-05-01", "member_no": "001", "type": "routine", "talkers": "005"},
        today=TODAY,
    )
    assert talk.form is TalkForm.one_to_one and talk.confidential is False
    assert talk.place is None and talk.absence_from is None


def test_every_problem_of_a_talk_is_reported_at_once():
    assert problems(
        {
            "date": "2026-13-01",
            "member_no": "",
            "type": "闲聊",
            "form": "写信",
            "talkers": "",
            "action_deadline": "tomorrow",
            "confidential": "maybe",
            "absence_from": "December",
            "absence_step": "expel",
        }
    ) == [
        ("date", "problem.no_such_date"),
        ("member_no", "problem.required"),
        ("type", "talks.problem.unknown_type"),
        ("form", "talks.problem.unknown_form"),
        ("talkers", "problem.required"),
        ("action_deadline", "problem.bad_date"),
        ("confidential", "talks.problem.bad_flag"),
        ("absence_from", "problem.bad_month"),
        ("absence_step", "talks.problem.unknown_step"),
    ]


def test_dates_must_follow_the_talk_and_the_talk_may_not_lie_ahead():
    base = {"member_no": "001", "type": "routine", "talkers": "005"}
    assert problems({**base, "date": "2026-11-27"}) == [("date", "problem.date_in_future")]
    assert problems(
        {
            **base,
            "date": "2026-05-01",
            "follow_up_date": "2026-04-30",
            "action_deadline": "2026-04-01",
        }
    ) == [
        ("action_deadline", "talks.problem.before_talk"),
        ("follow_up_date", "talks.problem.before_talk"),
    ]


def test_a_ladder_step_needs_the_absence_case_it_answers():
    values = {"date": "2026-05-01", "member_no": "001", "type": "reminder", "talkers": "005"}
    assert problems({**values, "absence_step": "reminder_talk"}) == [
        ("absence_from", "talks.problem.step_without_case")
    ]


def test_a_missing_date_and_type_are_required():
    assert problems({"member_no": "001", "talkers": "005"}) == [
        ("date", "problem.required"),
        ("type", "problem.required"),
    ]


def test_overlong_texts_are_refused():
    values = {"date": "2026-05-01", "member_no": "001", "type": "routine"}
    assert problems({**values, "talkers": "长" * 101 + "/"}) == [("talkers", "problem.too_long")]
    assert problems({**values, "talkers": "005", "place": "地" * 201}) == [
        ("place", "problem.too_long")
    ]


def test_talkers_are_numbers_or_name_slash_post():
    assert parse_talkers("003") == (TalkerInput(member_no="003"),)
    assert parse_talkers(" 003 ; 张三／上级党委；李四/ 、") == (
        TalkerInput(member_no="003"),
        TalkerInput(name="张三", post="上级党委"),
        TalkerInput(name="李四", post=None),
    )
    with pytest.raises(InputError) as info:
        parse_talkers("/书记")
    assert info.value.key == "talks.problem.no_name"


@given(st.text(max_size=60))
def test_any_typed_talkers_parse_to_named_talkers_or_a_clear_refusal(text):
    try:
        talkers = parse_talkers(text)
    except InputError as exc:
        assert exc.key == "talks.problem.no_name"
        return
    for k in talkers:
        assert (k.member_no or k.name or "").strip() == (k.member_no or k.name)
        assert bool(k.member_no) != bool(k.name)


def test_ladder_steps_and_flags_read_both_languages():
    assert parse_ladder_action("警示告诫") is LadderAction.warning_notice
    assert parse_ladder_action("General meeting case") is LadderAction.general_meeting_case
    assert parse_flag("yes") and parse_flag("保密") and not parse_flag("") and not parse_flag("否")
    assert step_label("warning_notice", "zh") == "警示告诫"
    assert step_label("warning_notice", "en") == "warning notice"


def test_a_stored_talk_reads_back_to_the_same_record():
    row = TalkRow(
        id=1,
        date=date(2026, 3, 2),
        member_no="007",
        member_name="赵志远",
        type=TalkType.warning,
        form=TalkForm.online,
        talkers=(TalkerRow("朱海波", "secretary", "006"), TalkerRow("王局长", "上级党委", None)),
        content="说明要求",
        action_deadline=date(2026, 4, 1),
        confidential=True,
        absence_from="2025-10",
        absence_step="warning_notice",
    )
    assert talk_from_fields(talk_fields(row), today=TODAY) == row.as_input()
    assert row.as_input().talkers == (
        TalkerInput(member_no="006"),
        TalkerInput(name="王局长", post="上级党委"),
    )


def test_a_redacted_row_cannot_be_edited_without_its_texts():
    row = TalkRow(
        1, date(2026, 3, 2), "007", "赵志远", TalkType.care, confidential=True, redacted=True
    )
    with pytest.raises(ValueError):
        row.as_input()


def test_talkers_read_with_their_posts_in_the_user_language():
    talkers = (TalkerRow("朱海波", "secretary", "006"), TalkerRow("王局长", "上级党委", None))
    assert talkers_label(talkers, "zh") == "朱海波（书记）、王局长（上级党委）"
    assert talkers_label(talkers, "en") == "朱海波 (secretary); 王局长 (上级党委)"


def test_problems_read_in_the_user_language():
    set_language("zh")
    with pytest.raises(FieldErrors) as info:
        talk_from_fields(
            {"date": "2026-05-01", "member_no": "001", "type": "闲聊", "talkers": "005"}
        )
    assert info.value.messages() == [
        "类型：无法识别谈话类型“闲聊”（应为 routine/日常谈心, pre_life_meeting/会前谈心, "
        "political_birthday/政治生日, encouragement/勉励, care/关怀帮扶, reminder/谈话提醒, "
        "warning/警示告诫, lagging_help/帮教, admonition/诫勉）"
    ]

"""Every text that comes in is plain text (issue 10 §2): talks, talkers, corrections,
plans, rectification items, member events, ledger notes, grading reasons, branch names and
scheme names with an escape sequence or a bidi override are refused by the data layer
itself, so that no face (form, import, CLI argument) can let one through. Multi-line texts
keep their lines and tabs."""

from __future__ import annotations

from datetime import date

import pytest

from orglife_tui.data import ledger, plans, rectification, talks
from orglife_tui.data.errors import StoreError
from orglife_tui.data.membership import record_event
from orglife_tui.domain import MeetingType, MemberEventKind, MemberStatus, TalkType
from orglife_tui.domain.records import FieldErrors, MeetingInput, MemberInput
from orglife_tui.domain.talks import TalkerInput, TalkInput, talk_from_fields
from orglife_tui.scoring.scheme import (
    SchemeError,
    default_scheme,
    default_scheme_text,
    parse_scheme,
)

TODAY = date(2026, 12, 5)
ESC = "\x1b[2J"
RLO = "\u202e"


@pytest.fixture
def roster(store, branch):
    store.today = lambda: TODAY  # type: ignore[method-assign]
    store.set_records_start(branch.id, date(2026, 1, 1))
    store.add_members(
        branch.id,
        [
            MemberInput("001", "朱海波", MemberStatus.full),
            MemberInput("002", "赵志远", MemberStatus.full),
        ],
    )
    return branch


def refused(call, *args, **kwargs) -> str:
    with pytest.raises(StoreError) as info:
        call(*args, **kwargs)
    assert info.value.key == "text.control_chars"
    return str(info.value)


def a_talk(**texts: object) -> TalkInput:
    fields: dict[str, object] = {"talkers": (TalkerInput(member_no="001"),), **texts}
    return TalkInput(date(2026, 3, 1), "002", TalkType.routine, **fields)  # type: ignore[arg-type]


def test_a_talk_keeps_lines_in_its_content_but_no_escape_anywhere(store, roster):
    kept = talks.add_talk(store, roster.id, a_talk(content="一、谈思想\n\t二、谈工作"))
    assert kept.content == "一、谈思想\n\t二、谈工作"
    assert "content" in refused(talks.add_talk, store, roster.id, a_talk(content=f"谈{ESC}话"))
    assert "place" in refused(talks.add_talk, store, roster.id, a_talk(place="会议室\n二楼"))
    outsider = a_talk(talkers=(TalkerInput(name=f"张{RLO}伟"),))
    assert "talker" in refused(talks.add_talk, store, roster.id, outsider)
    assert len(talks.list_talks(store, roster.id)) == 1


def test_the_talk_form_names_the_field():
    fields = {
        "date": "2026-03-01",
        "member_no": "002",
        "type": "日常谈心",
        "talkers": "001",
        "content": "第一行\n第二行",
        "recorder": f"王{ESC}",
    }
    with pytest.raises(FieldErrors) as info:
        talk_from_fields(fields, today=TODAY)
    assert [p[0] for p in info.value.problems] == ["recorder"]


def test_corrections_plans_and_rectification_texts_are_plain(store, roster):
    meeting = store.add_meeting(
        roster.id, MeetingInput(date(2026, 3, 5), (MeetingType.themed_day,), "主题党日")
    )
    refused(store.void_meeting, roster.id, meeting.id, f"录错了{ESC}")
    assert store.void_meeting(roster.id, meeting.id, "录错了\n重复录入").voided_at is not None

    with pytest.raises(StoreError) as plan_refused:
        plans.add_plan_item(
            store, roster.id, plans.PlanInput(2026, MeetingType.themed_day, f"学习{RLO}党章")
        )
    assert "control" in str(plan_refused.value)

    item = rectification.RectificationInput(
        year=2026, problem="学习不够", owner=f"张{ESC}", deadline=date(2026, 12, 31)
    )
    refused(rectification.add_item, store, roster.id, item)


def test_member_events_ledger_notes_and_branch_names_are_plain(store, roster):
    refused(
        record_event,
        store,
        roster.id,
        "002",
        MemberEventKind.transfer_out,
        date(2026, 6, 1),
        place=f"第二党支部{ESC}",
    )
    scheme = default_scheme()
    code = next(i.code for i in scheme.items if i.derive is None and i.dues is None)
    refused(ledger.add_entry, store, roster.id, scheme, None, "001", code, note=f"备注{RLO}")
    refused(store.create_branch, f"第三{ESC}支部")
    refused(store.rename_branch, roster.id, "第一\x07支部")
    assert store.list_members(roster.id)[1].left_on is None  # nothing was written


def test_a_scheme_name_with_an_escape_is_a_scheme_problem():
    text = default_scheme_text().replace(
        'name = "党员积分量化考评默认方案"', 'name = "默认方案\\u001b]0;owned\\u0007"', 1
    )
    with pytest.raises(SchemeError) as info:
        parse_scheme(text, "s.toml")
    assert any("control" in line for line in info.value.lines())


def test_bytes_that_were_not_utf8_are_refused_as_such(store, roster):
    """A command-line argument with a raw 0x9B (the one-byte CSI), or any byte that is not
    UTF-8, reaches the program as a lone surrogate: refused naming it, as a control
    character is, instead of failing in the database."""
    with pytest.raises(StoreError) as err:
        plans.add_plan_item(
            store, roster.id, plans.PlanInput(2026, MeetingType.themed_day, "学习\udc9b党章")
        )
    assert "U+DC9B" in str(err.value)
    item = rectification.RectificationInput(
        year=2026, problem="学习\udcff不够", owner="张三", deadline=date(2026, 12, 31)
    )
    refused(rectification.add_item, store, roster.id, item)

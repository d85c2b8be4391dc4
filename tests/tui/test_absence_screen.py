"""The absence watch at 80×24: members by current streak with their ladder step, and ``t``
to record the talk that answers it (the talk form opens prefilled; once saved the watch
shows the answer).

On the branch of ``compliance_branch`` seen on TODAY (2026-03-18): 004 刘洋 has missed
December to March, four months, past the first step (3 months: a reminder talk).
"""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input, Select, SelectionList

from orglife_tui.data import talks
from orglife_tui.data.talks import TalkerInput, TalkInput
from orglife_tui.domain import TalkType
from orglife_tui.tui.screens.compliance.absence import AbsenceScreen
from orglife_tui.tui.screens.compliance.compliance_view import Detail
from orglife_tui.tui.screens.talks.talk_form import TalkFormScreen
from tests.tui import compliance_branch
from tests.tui.conftest import TODAY, screen_text, wait_until

LANGS = pytest.mark.parametrize("lang", ["en", "zh"])


@pytest.fixture
def cbranch(sqlite_store):
    return compliance_branch.build(sqlite_store)


async def open_watch(app, pilot) -> AbsenceScreen:
    await pilot.press("a")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, AbsenceScreen)
    await wait_until(pilot, lambda: screen.loaded)
    return screen


@LANGS
async def test_the_absent_member_with_months_and_step(make_app, cbranch, lang):
    app = make_app(cbranch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_watch(app, pilot)
        assert [(r.member_no, r.months) for r in screen.rows] == [
            (compliance_branch.ABSENT, compliance_branch.STREAK)
        ]
        text = screen_text(app)
        step = "Reminder" if lang == "en" else "谈话提醒"
        assert f"004     刘洋                  2025-12…2026-03 (4)  {step}" in text
        if lang == "en":
            assert "As of 2026-03-18: 1 member(s) missing organizational life, 1 at a step" in text
            assert "刘洋 (004) missed 4 month(s) in a row: 2025-12–2026-03." in text
            assert "Step reached (3 months): a reminder talk." in text
            assert "Not answered yet — t records the talk that answers it." in text
        else:
            assert "截至 2026-03-18：1 名党员连续未参加组织生活，其中 1 名已达处置档次" in text
            assert "刘洋（004）连续 4 个月未参加组织生活：2025年12月至2026年3月。" in text
            assert "已达 3 个月一档：谈话提醒。" in text
            assert "尚未谈话，按 t 记录相应谈话。" in text


async def test_t_opens_the_talk_form_prefilled_and_saving_answers_the_streak(
    make_app, cbranch, sqlite_store
):
    app = make_app(cbranch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        watch_screen = await open_watch(app, pilot)
        await pilot.press("t")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, TalkFormScreen)
        assert form.prefill == {
            "member_no": "004",
            "type": TalkType.reminder,
            "absence_from": "2025-12",
            "absence_step": "reminder_talk",
            "trigger": "Missed organizational life for 4 month(s) in a row (2025-12–2026-03); "
            "a reminder talk",
        }
        fields = form.fields
        assert fields["absence_from"].value == "2025-12"
        assert isinstance(fields["absence_step"], Select)
        assert fields["absence_step"].value == "reminder_talk"
        assert fields["type"].value == "reminder"
        trigger = fields["trigger"]
        assert isinstance(trigger, Input) and trigger.value.startswith("Missed organizational")
        talkers = fields["talkers"]
        assert isinstance(talkers, SelectionList)
        talkers.select("001")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is watch_screen
        await wait_until(pilot, lambda: bool(watch_screen.rows[0].answered))
        saved = talks.answers(sqlite_store, cbranch.id)["004"]
        assert [(x.date, x.type, x.absence_from, x.absence_step) for x in saved] == [
            (TODAY, TalkType.reminder, "2025-12", "reminder_talk")
        ]
        text = screen_text(app)
        assert "Reminder      2026-03-18" in text
        assert "Answered: reminder talk on 2026-03-18." in text


async def test_a_talk_at_an_earlier_step_does_not_answer_the_step_reached(
    make_app, cbranch, sqlite_store
):
    """A talk recorded for the case before it reached its step (no step given) is shown, but
    the step reached is still to be answered."""
    talks.add_talk(
        sqlite_store,
        cbranch.id,
        TalkInput(
            date=date(2026, 2, 1),
            member_no="004",
            type=TalkType.care,
            talkers=(TalkerInput(member_no="001"),),
            absence_from="2025-12",
        ),
    )
    app = make_app(cbranch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_watch(app, pilot)
        text = screen_text(app)
        assert "Reminder      2026-02-01" in text
        assert "A care talk on 2026-02-01 answered an earlier step" in " ".join(text.split())


async def test_nobody_missing_says_so(make_app, branch):
    """The conftest branch has no attendance marks at all: no streak."""
    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_watch(app, pilot)
        assert screen.rows == []
        assert "No member is missing organizational life." in screen_text(app)
        assert screen.query_one("#detail", Detail).text.plain == ""
        await pilot.press("t")  # nobody to talk with: a message, no form
        await pilot.pause()
        assert app.screen is screen

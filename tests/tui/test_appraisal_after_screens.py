"""The appraisal after publication on screen at 80×24 (issue 12 §3): publishing asks the
notice window; objections recorded and answered from the session; follow-ups from the
dashboard (``o``), a removal carried out; the commendation register from the palette."""

from __future__ import annotations

from datetime import date

import pytest

from orglife_tui.data import appraisal
from orglife_tui.data.appraisal import follow_ups, notice
from orglife_tui.domain import ObjectionOutcome, SessionState
from orglife_tui.scoring.model import Grade
from orglife_tui.tui.app import OrglifeApp
from orglife_tui.tui.screens.appraisal.appraisal_detail import AppraisalDetailScreen
from orglife_tui.tui.screens.appraisal.commendations import AwardFormScreen, CommendationsScreen
from orglife_tui.tui.screens.appraisal.dialogs import PublishFormScreen
from orglife_tui.tui.screens.appraisal.follow_ups import (
    DoneFormScreen,
    FollowUpFormScreen,
    FollowUpsScreen,
)
from orglife_tui.tui.screens.appraisal.objections import (
    AnswerFormScreen,
    ObjectionFormScreen,
    ObjectionsScreen,
)
from orglife_tui.tui.screens.common.help import HelpScreen
from tests import appraisal_after as my
from tests.tui.appraisal_helpers import press, until_screen
from tests.tui.conftest import palette_has_matches, screen_text, wait_until

AFTER = date(2025, 12, 18)


@pytest.fixture
def built(sqlite_url, prebuilt):
    session_id = prebuilt(sqlite_url, my.build, my.open_store)
    store = my.open_store(sqlite_url, my.PUBLISHED_ON)
    yield store, store.resolve_branch(my.session.BRANCH), session_id
    store.close()


def make_app(store, branch, today: date, lang: str = "en") -> OrglifeApp:
    my.move(store, today)
    return OrglifeApp(store=store, branch=branch, lang=lang, today=today)


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_publishing_asks_the_notice_window_and_objections_are_answered(built, lang):
    store, branch, session_id = built
    app = make_app(store, branch, my.PUBLISHED_ON, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        detail = AppraisalDetailScreen(app.session, session_id)
        await app.push_screen(detail)
        await wait_until(pilot, lambda: detail.row is not None)
        await press(pilot, "u")
        await until_screen(pilot, PublishFormScreen)
        form = app.screen
        assert form.fields["notice_from"].value == "2025-12-10"
        assert form.fields["notice_to"].value == "2025-12-17"
        form.fields["notice_to"].value = "2025-12-09"
        await press(pilot, "ctrl+s")
        assert app.screen is form
        assert ("before it starts" if lang == "en" else "不能早于") in screen_text(app)
        form.fields["notice_to"].value = "2025-12-19"
        await press(pilot, "ctrl+s")
        await until_screen(pilot, AppraisalDetailScreen)
        await wait_until(pilot, lambda: detail.row.state is SessionState.published)
        assert ("in notice" if lang == "en" else "公示中") in screen_text(app)
        assert ("b Objections" if lang == "en" else "b 异议") in screen_text(app).splitlines()[-1]

        await press(pilot, "b")
        await until_screen(pilot, ObjectionsScreen)
        await press(pilot, "a")
        await until_screen(pilot, ObjectionFormScreen)
        objection = app.screen
        objection.fields["member_no"].value = "004"
        objection.fields["content"].text = "长期在外务工，已请假"
        await press(pilot, "ctrl+s")
        await until_screen(pilot, ObjectionsScreen)
        await wait_until(pilot, lambda: "004" in screen_text(app))
        text = screen_text(app)
        assert ("anonymous" if lang == "en" else "匿名") in text
        await press(pilot, "w")
        await until_screen(pilot, AnswerFormScreen)
        answer = app.screen
        answer.fields["answer"].text = "请假手续齐全，予以改变"
        answer.fields["outcome"].value = ObjectionOutcome.changed.value
        await press(pilot, "ctrl+s")
        assert app.screen is answer  # changed needs the grade and a reason
        answer.fields["grade"].value = Grade.qualified.value
        answer.fields["reason"].value = "请假手续齐全"
        await press(pilot, "ctrl+s")
        await until_screen(pilot, ObjectionsScreen)
        changed = "changed→" if lang == "en" else "改变→"
        await wait_until(pilot, lambda: changed in screen_text(app))
    (row,) = notice.list_objections(store, branch.id, session_id)
    assert row.corrected_to is Grade.qualified and row.raised_by is None


async def test_follow_ups_from_the_dashboard_and_a_removal_carried_out(built):
    store, branch, session_id = built
    appraisal.publish(store, branch.id, session_id)
    app = make_app(store, branch, date(2026, 1, 20))
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "o")
        await until_screen(pilot, FollowUpsScreen)
        await wait_until(pilot, lambda: "Waiting for a follow-up" in screen_text(app))
        assert "004" in screen_text(app)
        await press(pilot, "a")
        await until_screen(pilot, FollowUpFormScreen)
        form = app.screen
        form.fields["member_no"].value = "004"
        form.fields["measure"].value = "disposal"
        form.fields["decision"].value = "remove"
        await press(pilot, "ctrl+s")
        assert app.screen is form
        assert "takes effect" in screen_text(app)
        form.fields["effective_on"].value = "2026-01-31"
        await press(pilot, "ctrl+s")
        await until_screen(pilot, FollowUpsScreen)
        await wait_until(pilot, lambda: "remove" in screen_text(app))
        await press(pilot, "d")
        await until_screen(pilot, DoneFormScreen)
        await press(pilot, "ctrl+s")
        assert "2026-01-31" in screen_text(app)  # not yet in effect
        await press(pilot, "escape")
        await until_screen(pilot, FollowUpsScreen)
    my.move(store, date(2026, 2, 2))
    app = make_app(store, branch, date(2026, 2, 2))
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "o")
        await until_screen(pilot, FollowUpsScreen)
        await wait_until(pilot, lambda: "overdue" in screen_text(app))
        await press(pilot, "d")
        await until_screen(pilot, DoneFormScreen)
        await press(pilot, "ctrl+s")
        await until_screen(pilot, FollowUpsScreen)
        await wait_until(pilot, lambda: "done" in screen_text(app))
    (row,) = follow_ups.list_follow_ups(store, branch.id)
    assert row.event_id is not None
    assert store.get_member(branch.id, "004").left_on == date(2026, 1, 31)


async def test_the_commendation_register_from_the_palette(built):
    store, branch, session_id = built
    appraisal.publish(store, branch.id, session_id)
    app = make_app(store, branch, AFTER, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "ctrl+p")
        await press(pilot, *"评先评优")
        await wait_until(pilot, lambda: palette_has_matches(app))
        await press(pilot, "enter")
        await until_screen(pilot, CommendationsScreen)
        await wait_until(pilot, lambda: "朱海波" in screen_text(app))
        text = screen_text(app)
        assert "2025 年度" in text and "胡雅琴" in text
        await press(pilot, "a")
        await until_screen(pilot, AwardFormScreen)
        app.screen.fields["award"].value = "优秀共产党员"
        await press(pilot, "ctrl+s")
        await until_screen(pilot, CommendationsScreen)
        await wait_until(pilot, lambda: "优秀共产党员" in screen_text(app))
        await press(pilot, "f1")
        await until_screen(pilot, HelpScreen)
        await wait_until(pilot, lambda: "年度评先评优名册" in screen_text(app))
        assert "切换年度" in screen_text(app)
        await press(pilot, "escape")
        await until_screen(pilot, CommendationsScreen)
        await press(pilot, "left_square_bracket")
        await wait_until(pilot, lambda: "没有评为优秀" in screen_text(app))

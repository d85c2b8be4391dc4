"""The appraisal screens: sessions, one session's roster and actions, the tally and grades.

A full session at 80×24: created and started from the screens (the teller PIN asked twice),
four voters through the kiosk opened from the session, closed and sealed, the tally equal
to a hand count, grades with reasons, published.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input, Select

from orglife_tui.data import appraisal
from orglife_tui.domain import SessionState
from orglife_tui.scoring.appraisal import Counts
from orglife_tui.scoring.model import Grade
from orglife_tui.tui.kiosk.screens import NeutralScreen
from orglife_tui.tui.screens.appraisal.appraisal import AppraisalScreen
from orglife_tui.tui.screens.appraisal.appraisal_detail import AppraisalDetailScreen
from orglife_tui.tui.screens.appraisal.dialogs import (
    GradeFormScreen,
    NoticeScreen,
    PublishFormScreen,
)
from orglife_tui.tui.screens.appraisal.shared import AskScreen
from orglife_tui.tui.screens.appraisal.tally import AppraisalTallyScreen
from orglife_tui.tui.screens.common.confirm import ConfirmScreen
from orglife_tui.tui.screens.common.help import HelpScreen
from tests.tally_passwords import PASSWORDS, SCRUTINEER, TELLER
from tests.tui.appraisal_helpers import PIN, press, ratings, start, stored, until_screen, vote
from tests.tui.conftest import ONLY_EN, palette_has_matches, screen_text, wait_until

LANGS = pytest.mark.parametrize("lang", ["en", "zh"])
E, Q, B, U = Grade.excellent, Grade.qualified, Grade.basically_qualified, Grade.unqualified
BALLOTS = {
    # voter: ratings of 001..005 (None: abstain)
    "001": [E, Q, Q, B, None],
    "002": [E, E, Q, U, Q],
    "003": [Q, E, None, U, Q],
    "004": [E, Q, Q, B, None],
}


def hand_count(index: int) -> Counts:
    return Counts.of([ballot[index] for ballot in BALLOTS.values()])


async def open_list(app, pilot) -> AppraisalScreen:
    await press(pilot, "v")
    await until_screen(pilot, AppraisalScreen)
    return app.screen


async def answer(pilot, text: str) -> None:
    """Type into the dialog asking for one line (a year, a PIN) and press Enter."""
    await until_screen(pilot, AskScreen)
    await press(pilot, *text, "enter")


@ONLY_EN
async def test_dashboard_key_and_palette_reach_the_sessions(make_app, branch, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_list(app, pilot)
        text = screen_text(app)
        assert ("No appraisal session yet" if lang == "en" else "还没有民主评议") in text
        assert ("n New" if lang == "en" else "n 新建") in text.splitlines()[-1]
        await press(pilot, "escape")
        await press(pilot, "ctrl+p")
        await press(pilot, *("apprais" if lang == "en" else "民主评议"))
        await wait_until(pilot, lambda: palette_has_matches(app))
        await press(pilot, "enter")
        await until_screen(pilot, AppraisalScreen)


@pytest.mark.slow
async def test_a_full_session_from_the_screens(make_app, branch, sqlite_store):
    app = make_app(branch)
    async with app.run_test(size=(80, 24)) as pilot:
        # New session for a year: asked with this year filled in.
        await open_list(app, pilot)
        await press(pilot, "n")
        await until_screen(pilot, AskScreen)
        assert app.screen.query_one(Input).value == "2026"
        await press(pilot, "enter")
        await until_screen(pilot, AppraisalScreen)
        assert "2026" in screen_text(app) and "created" in screen_text(app)
        await press(pilot, "enter")
        await until_screen(pilot, AppraisalDetailScreen)
        detail = app.screen
        assert "s starts the vote" in screen_text(app)
        assert "s Start" in screen_text(app).splitlines()[-1]
        assert "k Kiosk" not in screen_text(app)  # only what the state allows

        # Start: the PIN twice, then each tally password twice, all hidden.
        await press(pilot, "s")
        for secret in (PIN, PIN, TELLER, TELLER, SCRUTINEER, SCRUTINEER):
            await answer(pilot, secret)
            for shown in (PIN, TELLER, SCRUTINEER):
                assert shown not in screen_text(app)
        await until_screen(pilot, AppraisalDetailScreen)
        await wait_until(pilot, lambda: detail.row.state is SessionState.started)
        text = screen_text(app)
        assert "voted: 0 of 4" in text
        for name in ("张伟", "王芳", "李娜", "刘洋", "陈静"):
            assert name in text
        assert "no vote" in text  # the probationary member: appraised, no vote
        assert "not graded" in text
        footer = text.splitlines()[-1]
        assert "k Kiosk" in footer and "c Close" in footer and "s Start" not in footer

        # No tally while the vote is open: the key does nothing.
        await press(pilot, "t")
        assert app.screen is detail

        # The kiosk from the session: four voters, then the teller's PIN.
        await press(pilot, "k")
        await until_screen(pilot, NeutralScreen)
        for voter, grades in BALLOTS.items():
            await vote(pilot, voter, grades)
        assert "All 4 have voted" in screen_text(app)
        await press(pilot, "e", *PIN, "enter")
        await until_screen(pilot, AppraisalDetailScreen)
        text = screen_text(app)
        assert "voted: 4 of 4" in text and text.count("voted ✓") == 4
        for word in ("excellent", "qualified", "abstain"):
            assert word not in text  # nothing of any ballot while open

        # Close and seal: the PIN and both passwords; a wrong one is named, nothing closes.
        await press(pilot, "c")
        await until_screen(pilot, ConfirmScreen)
        await press(pilot, "y")
        await answer(pilot, "000000")
        assert "Wrong teller PIN" in screen_text(app)  # the dialog stays
        await press(pilot, *PIN, "enter")
        await answer(pilot, TELLER)
        await answer(pilot, "not-the-scrutineers")
        await until_screen(pilot, AppraisalDetailScreen)
        await pilot.pause()
        assert any("scrutineer's tally password is wrong" in n.message for n in app._notifications)
        assert detail.row.state is SessionState.started
        await press(pilot, "c")
        await until_screen(pilot, ConfirmScreen)
        await press(pilot, "y")
        for secret in (PIN, TELLER, SCRUTINEER):
            await answer(pilot, secret)
        await until_screen(pilot, NoticeScreen)
        row = appraisal.get_session(sqlite_store, branch.id, detail.session_id)
        assert row.state is SessionState.finished and row.ballots == 4
        assert row.fingerprint in screen_text(app)
        await press(pilot, "enter")
        await until_screen(pilot, AppraisalDetailScreen)

        # The tally equals the hand count.
        await press(pilot, "t")
        await until_screen(pilot, AppraisalTallyScreen)
        tally_screen = app.screen
        rows = {r.member_no: r for r in tally_screen.tally.rows}
        for i, no in enumerate(("001", "002", "003", "004", "005")):
            assert rows[no].counts == hand_count(i), no
        text = screen_text(app)
        assert "voted: 4 of 4" in text and "4 ballot(s)" in text
        assert "张伟 (001): excellent 3 (75%)" in text
        assert "qualified 1 (25%)" in text and "abstain 0 (0%)" in text

        # A grade that departs from the proposal needs a reason.
        proposal = rows["001"].proposed
        other = Q if proposal is not Q else B
        await press(pilot, "g")
        await until_screen(pilot, GradeFormScreen)
        form = app.screen
        form.fields["grade"].value = other.value
        await press(pilot, "ctrl+s")
        assert app.screen is form
        assert "reason" in screen_text(app).lower()
        form.fields["reason"].value = "本年度群众反映较多"
        await press(pilot, "ctrl+s")
        await until_screen(pilot, AppraisalTallyScreen)
        await wait_until(pilot, lambda: tally_screen.tally.rows[0].final is other)
        assert "本年度群众反映较多" in screen_text(app)

        # Publishing refuses while a graded member has no final grade (said in the form).
        await press(pilot, "u")
        await until_screen(pilot, PublishFormScreen)
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, PublishFormScreen)
        await press(pilot, "escape")
        await until_screen(pilot, AppraisalTallyScreen)
        assert appraisal.get_session(sqlite_store, branch.id, detail.session_id).state is (
            SessionState.finished
        )
        for _ in range(3):
            await press(pilot, "down", "g")
            await until_screen(pilot, GradeFormScreen)
            await press(pilot, "ctrl+s")  # the proposal as it stands
            await until_screen(pilot, AppraisalTallyScreen)
        await press(pilot, "u")
        await until_screen(pilot, PublishFormScreen)  # the notice window: from today
        await press(pilot, "ctrl+s")
        await until_screen(pilot, AppraisalTallyScreen)
        await wait_until(pilot, lambda: tally_screen.tally.session.state is SessionState.published)
        assert "g Grade" not in screen_text(app).splitlines()[-1]
        await press(pilot, "g")
        assert app.screen is tally_screen  # frozen
    assert stored(sqlite_store, detail.session_id) == (0, 4, 4)
    assert ratings(sqlite_store, detail.session_id) == 20


async def test_the_one_third_warning_and_the_flag(make_app, branch, sqlite_store):
    session_id = start(sqlite_store, branch)
    for voter in ("001", "002", "003", "004"):
        appraisal.cast_ballot(
            sqlite_store, session_id, voter, {no: E for no in ("001", "002", "003", "004", "005")}
        )
    appraisal.close_session(sqlite_store, branch.id, session_id, PIN, **PASSWORDS)
    app = make_app(branch)
    async with app.run_test(size=(80, 24)) as pilot:
        tally = AppraisalTallyScreen(app.session, session_id)
        await app.push_screen(tally)
        await wait_until(pilot, lambda: tally.tally is not None)
        for no in ("001", "002", "003", "004"):
            appraisal.set_grade(sqlite_store, branch.id, session_id, no, E, "全体优秀")
        tally.reload()
        await pilot.pause()
        text = screen_text(app)
        assert "4 of 4 graded members would be excellent" in text
        assert "one third" in text


async def test_reset_asks_to_confirm_and_the_teller_pin(make_app, branch, sqlite_store):
    start(sqlite_store, branch)
    app = make_app(branch)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_list(app, pilot)
        await press(pilot, "enter")
        await until_screen(pilot, AppraisalDetailScreen)
        detail = app.screen
        await press(pilot, "r")
        await until_screen(pilot, ConfirmScreen)
        await press(pilot, "n")
        await until_screen(pilot, AppraisalDetailScreen)
        assert detail.row.state is SessionState.started
        await press(pilot, "r")
        await until_screen(pilot, ConfirmScreen)
        await press(pilot, "y")
        await answer(pilot, "000000")
        assert isinstance(app.screen, AskScreen)
        assert "Wrong teller PIN" in screen_text(app)
        await press(pilot, *PIN, "enter")
        await until_screen(pilot, AppraisalDetailScreen)
        await wait_until(pilot, lambda: detail.row.state is SessionState.created)
        assert "s Start" in screen_text(app).splitlines()[-1]


@pytest.mark.slow
async def test_start_refuses_pins_that_differ(make_app, branch, sqlite_store):
    row = appraisal.new_session(sqlite_store, branch.id, 2026)
    app = make_app(branch, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        detail = AppraisalDetailScreen(app.session, row.id)
        await app.push_screen(detail)
        await press(pilot, "s")
        await answer(pilot, "135790")
        await answer(pilot, "135791")
        for secret in (TELLER, TELLER, SCRUTINEER, SCRUTINEER):
            await answer(pilot, secret)
        await until_screen(pilot, AppraisalDetailScreen)
        await pilot.pause()
        assert detail.row.state is SessionState.created
        assert any("两次输入的 PIN 码不一致" in n.message for n in app._notifications)
        await press(pilot, "s")
        await answer(pilot, "12345")  # too short: the dialog says so and stays
        assert "至少需要 6 位数字" in screen_text(app)
        await press(pilot, "escape")
        await until_screen(pilot, AppraisalDetailScreen)
        assert detail.row.state is SessionState.created


@pytest.mark.slow
async def test_start_refuses_one_password_for_both_holders(make_app, branch, sqlite_store):
    row = appraisal.new_session(sqlite_store, branch.id, 2026)
    app = make_app(branch)
    async with app.run_test(size=(80, 24)) as pilot:
        detail = AppraisalDetailScreen(app.session, row.id)
        await app.push_screen(detail)
        await press(pilot, "s")
        await answer(pilot, PIN)
        await answer(pilot, PIN)
        await answer(pilot, "short")  # too short: refused in the dialog
        assert "at least 8 characters" in screen_text(app)
        await press(pilot, *TELLER, "enter")
        for secret in (TELLER, TELLER, TELLER):
            await answer(pilot, secret)
        await until_screen(pilot, AppraisalDetailScreen)
        await pilot.pause()
        assert detail.row.state is SessionState.created
        assert any("are the same" in n.message for n in app._notifications)
        assert not any(TELLER in n.message for n in app._notifications)


@LANGS
async def test_f1_explains_each_appraisal_screen(make_app, branch, sqlite_store, lang):
    start(sqlite_store, branch)
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_list(app, pilot)
        await press(pilot, "f1")
        await until_screen(pilot, HelpScreen)
        assert ("democratic appraisals" if lang == "en" else "本支部的民主评议党员") in (
            screen_text(app)
        )
        await press(pilot, "escape", "enter")
        await until_screen(pilot, AppraisalDetailScreen)
        await press(pilot, "f1")
        await until_screen(pilot, HelpScreen)
        assert ("k of n voted" if lang == "en" else "已投票 k / n") in screen_text(app)


async def test_the_detail_footer_fits_80_columns(make_app, branch, sqlite_store):
    start(sqlite_store, branch)
    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_list(app, pilot)
        await press(pilot, "enter")
        await until_screen(pilot, AppraisalDetailScreen)
        assert "^p Commands" in screen_text(app).splitlines()[-1]


async def test_grade_form_lists_the_four_grades(make_app, branch, sqlite_store):
    session_id = start(sqlite_store, branch)
    for voter, grades in BALLOTS.items():
        ratings = dict(zip(("001", "002", "003", "004", "005"), grades, strict=True))
        appraisal.cast_ballot(sqlite_store, session_id, voter, ratings)
    appraisal.close_session(sqlite_store, branch.id, session_id, PIN, **PASSWORDS)
    app = make_app(branch, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        tally = AppraisalTallyScreen(app.session, session_id)
        await app.push_screen(tally)
        await wait_until(pilot, lambda: tally.tally is not None)
        await press(pilot, "enter")
        await until_screen(pilot, GradeFormScreen)
        select = app.screen.fields["grade"]
        assert isinstance(select, Select)
        assert [str(label) for label, value in select._options if value in set(Grade)] == [
            "优秀",
            "合格",
            "基本合格",
            "不合格",
        ]
        await press(pilot, "escape")
        await until_screen(pilot, AppraisalTallyScreen)
        # The probationary member (005) takes part but has no grade to set.
        await press(pilot, "end", "g")
        assert app.screen is tally

"""The kiosk: the voter's way through it, the lock, the teller PIN, idle voters, no trace.

Every test runs at 80×24. ``KioskApp`` is what ``orglife-tui kiosk ID`` runs; the kiosk
inside ``OrglifeApp`` (opened from the session's screen) is locked the same way.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from orglife_tui.data import appraisal
from orglife_tui.domain import Gender, MemberStatus
from orglife_tui.domain.records import MemberInput
from orglife_tui.scoring.model import Grade
from orglife_tui.tui.compat import bindings_of, driver_of
from orglife_tui.tui.kiosk.app import KioskApp
from orglife_tui.tui.kiosk.ballot import BallotGrid
from orglife_tui.tui.kiosk.base import KioskScreen
from orglife_tui.tui.kiosk.screens import (
    BallotScreen,
    HandoverScreen,
    NeutralScreen,
    PickScreen,
    PinScreen,
    ReceiptScreen,
    ReviewScreen,
)
from tests.tally_passwords import PASSWORDS
from tests.tui.appraisal_helpers import (
    PIN,
    VOTERS,
    activate,
    press,
    start,
    stored,
    until_screen,
    vote,
)
from tests.tui.conftest import TODAY, screen_text, wait_until

BLOCKED = (
    "ctrl+c",
    "ctrl+q",
    "ctrl+z",
    "ctrl+backslash",
    "ctrl+p",
    "f1",
    "escape",
    "q",
    "tab",
    "shift+tab",
    "ctrl+d",
    "ctrl+s",
    "f10",
)
SCREENS = ("neutral", "pick", "pin", "handover", "ballot", "review", "receipt")
SCREEN_CLASS = {
    "neutral": NeutralScreen,
    "pick": PickScreen,
    "pin": PinScreen,
    "handover": HandoverScreen,
    "ballot": BallotScreen,
    "review": ReviewScreen,
    "receipt": ReceiptScreen,
}


def kiosk(store, branch, session_id: int, lang: str = "en", **timing) -> KioskApp:
    return KioskApp(store, branch, session_id, lang=lang, **timing)


async def reach(pilot, station, where: str) -> None:
    """From anywhere in the kiosk to the screen ``where`` (a fresh voter each time)."""
    station.neutral()
    await until_screen(pilot, NeutralScreen)
    if where == "neutral":
        return
    if where == "pick":
        await press(pilot, "enter")
        await until_screen(pilot, PickScreen)
        return
    if where == "pin":
        await press(pilot, "e")
        await until_screen(pilot, PinScreen)
        return
    if where == "receipt":
        station.show(ReceiptScreen(station, "TESTCODE"))
        await until_screen(pilot, ReceiptScreen)
        return
    await activate(pilot, "001")
    if where == "handover":
        return
    await press(pilot, "enter")
    await until_screen(pilot, BallotScreen)
    if where == "ballot":
        return
    await press(pilot, "1", "2")
    await press(pilot, "enter")
    await until_screen(pilot, ReviewScreen)
    assert where == "review"


def locked(app) -> bool:
    """The kiosk is on top, nothing opened over it, the app still running."""
    return isinstance(app.screen, KioskScreen) and app.return_code is None


# ---------------------------------------------------------------------- voting


@pytest.mark.slow
async def test_three_voters_cast_their_ballots_one_after_another(sqlite_store, branch):
    session_id = start(sqlite_store, branch)
    app = kiosk(sqlite_store, branch, session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await until_screen(pilot, NeutralScreen)
        text = screen_text(app)
        assert branch.name in text and "0 of 4 voted" in text
        g = Grade
        await vote(pilot, "001", [g.excellent, g.qualified, g.qualified, g.qualified, None])
        await vote(pilot, "003", [g.qualified, g.excellent, g.basically_qualified])
        await vote(pilot, "002", [g.qualified, g.qualified, g.qualified, g.unqualified, None])
        assert "3 of 4 voted" in screen_text(app)
    assert stored(sqlite_store, session_id) == (3, 3, 3)
    voted = {v.member_no for v in appraisal.voters(sqlite_store, session_id) if v.voted}
    assert voted == {"001", "002", "003"}


async def test_the_hand_over_names_the_voter_and_the_ballot_lists_every_candidate(
    sqlite_store, branch
):
    session_id = start(sqlite_store, branch)
    app = kiosk(sqlite_store, branch, session_id, lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await until_screen(pilot, NeutralScreen)
        await activate(pilot, "002")
        assert "请将终端交给王芳。" in screen_text(app)
        await press(pilot, "enter")
        await until_screen(pilot, BallotScreen)
        text = screen_text(app)
        for name in ("张伟", "王芳", "李娜", "刘洋", "陈静"):
            assert name in text
        assert "1 优秀　2 合格　3 基本合格　4 不合格　0/空格 弃权" in text
        assert "预备" in text  # the probationary member is rated but marked
        # 0 and space abstain; the choice shows as abstain
        await press(pilot, "space", "3")
        grid = app.screen.query_one(BallotGrid)
        assert grid.choices() == {"001": None, "002": Grade.basically_qualified}
        assert "弃权" in screen_text(app)
        await press(pilot, "up", "up", "4")
        assert grid.choices()["001"] is Grade.unqualified


async def test_review_lists_every_choice_and_b_goes_back_to_change_it(sqlite_store, branch):
    session_id = start(sqlite_store, branch)
    app = kiosk(sqlite_store, branch, session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await until_screen(pilot, NeutralScreen)
        await activate(pilot, "004")
        await press(pilot, "enter", "1", "4")
        await press(pilot, "enter")
        await until_screen(pilot, ReviewScreen)
        text = screen_text(app)
        assert "excellent 1 · qualified 0 · basic 0 · unqualified 1 · abstain 3" in text
        for name in ("张伟", "王芳", "李娜", "刘洋", "陈静"):
            assert name in text
        await press(pilot, "b")
        await until_screen(pilot, BallotScreen)
        grid = app.screen.query_one(BallotGrid)
        assert grid.choices() == {"001": Grade.excellent, "002": Grade.unqualified}
        await press(pilot, "down", "2")
        await press(pilot, "enter")
        await until_screen(pilot, ReviewScreen)
        await press(pilot, "y")
        await until_screen(pilot, ReceiptScreen)
    assert stored(sqlite_store, session_id) == (1, 1, 1)
    appraisal.close_session(sqlite_store, branch.id, session_id, PIN, **PASSWORDS)
    with sqlite_store.read_connection() as conn:
        from sqlalchemy import text as sql

        grades = sorted(str(r[0]) for r in conn.execute(sql("SELECT grade FROM appraisal_rating")))
    # 002 changed from unqualified to qualified on the way back
    assert grades == sorted(["excellent", "qualified", "None", "None", "None"])


async def test_fifty_candidates_fit_at_80x24_and_page(sqlite_store, empty_branch):
    members = [
        MemberInput(f"{i:03}", f"党员{i:02}", MemberStatus.full, Gender.male) for i in range(1, 51)
    ]
    sqlite_store.add_members(empty_branch.id, members)
    session_id = start(sqlite_store, empty_branch)
    app = kiosk(sqlite_store, empty_branch, session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await until_screen(pilot, NeutralScreen)
        await activate(pilot, "050")
        await press(pilot, "enter")
        await until_screen(pilot, BallotScreen)
        await pilot.pause()
        lines = screen_text(app).splitlines()
        assert len(lines) == 24
        assert "Your secret ballot" in lines[0]
        assert "Enter: review your ballot" in lines[-1]
        assert "Rated 0 of 50" in screen_text(app) and "page 1/" in screen_text(app)
        await press(pilot, "pagedown")
        assert "page 2/" in screen_text(app)
        await press(pilot, "end")
        await press(pilot, "1")
        assert "党员50" in screen_text(app)
        grid = app.screen.query_one(BallotGrid)
        assert grid.choices() == {"050": Grade.excellent}
        await press(pilot, "enter")
        await until_screen(pilot, ReviewScreen)
        assert len(screen_text(app).splitlines()) == 24
        assert "y: cast the ballot" in screen_text(app).splitlines()[-1]
        await press(pilot, "y")
        await until_screen(pilot, ReceiptScreen)
    assert stored(sqlite_store, session_id) == (1, 1, 1)


# ---------------------------------------------------------------------- no trace


async def test_after_a_cast_nothing_of_the_ballot_is_left(sqlite_store, branch):
    session_id = start(sqlite_store, branch)
    app = kiosk(sqlite_store, branch, session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await until_screen(pilot, NeutralScreen)
        await activate(pilot, "002")
        await press(pilot, "enter")
        await until_screen(pilot, BallotScreen)
        ballot = app.screen
        grid = ballot.query_one(BallotGrid)
        await press(pilot, "1", "4", "3", "1", "4")
        await press(pilot, "enter")
        await until_screen(pilot, ReviewScreen)
        review = app.screen
        await press(pilot, "y")
        await until_screen(pilot, ReceiptScreen)
        receipt = app.screen
        code = screen_text(app).split("Receipt code: ")[1].split()[0]
        assert len(code) >= 6
        await press(pilot, "enter")
        await until_screen(pilot, NeutralScreen)
        text = screen_text(app)
        for trace in (code, "王芳", "excellent", "unqualified", "basic", "abstain", "Receipt"):
            assert trace not in text
        assert "1 of 4 voted" in text
        # The screens of the ballot are gone, and took nothing with them.
        assert app.screen_stack[-1] is app.screen and len(app.screen_stack) == 2
        for gone in (ballot, review, receipt):
            assert gone not in app.screen_stack
        assert grid.items == [] and grid.row_count == 0
        assert review._choices == {}
        assert receipt._code == ""
        station_values = [repr(v) for v in vars(app.station).values()]
        assert not any("Grade." in v or code in v for v in station_values)


async def test_the_receipt_clears_itself(sqlite_store, branch):
    session_id = start(sqlite_store, branch)
    app = kiosk(sqlite_store, branch, session_id, receipt_seconds=0.3)
    async with app.run_test(size=(80, 24)) as pilot:
        await until_screen(pilot, NeutralScreen)
        await activate(pilot, "001")
        await press(pilot, "enter", "enter")
        await until_screen(pilot, ReviewScreen)
        await press(pilot, "y")
        await until_screen(pilot, ReceiptScreen)
        await wait_until(pilot, lambda: isinstance(app.screen, NeutralScreen), timeout=5)
        assert "Receipt" not in screen_text(app)


async def test_a_failure_while_casting_returns_to_the_neutral_screen(
    sqlite_store, branch, monkeypatch
):
    """An unexpected error neither ends the kiosk nor shows what it was writing."""

    def broken(*args, **kwargs):
        raise RuntimeError("INSERT INTO appraisal_rating VALUES ('excellent')")

    session_id = start(sqlite_store, branch)
    app = kiosk(sqlite_store, branch, session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await until_screen(pilot, NeutralScreen)
        await activate(pilot, "001")
        await press(pilot, "enter", "1")
        await press(pilot, "enter")
        await until_screen(pilot, ReviewScreen)
        monkeypatch.setattr(appraisal, "cast_ballot", broken)
        await press(pilot, "y")
        await until_screen(pilot, NeutralScreen)
        assert locked(app)
        messages = " ".join(n.message for n in app._notifications)
        assert "nothing of the ballot was kept" in messages
        assert "excellent" not in messages and "excellent" not in screen_text(app)
    assert stored(sqlite_store, session_id) == (0, 0, 0)


# ---------------------------------------------------------------------- the teller PIN


async def test_a_wrong_pin_activates_nobody_and_five_lock_the_kiosk(sqlite_store, branch):
    session_id = start(sqlite_store, branch)
    app = kiosk(sqlite_store, branch, session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await until_screen(pilot, NeutralScreen)
        await press(pilot, "enter")
        await until_screen(pilot, PickScreen)
        await press(pilot, "enter")
        await until_screen(pilot, PinScreen)
        await press(pilot, "enter")  # no PIN: nothing happens
        assert isinstance(app.screen, PinScreen)
        await press(pilot, *"1111", "enter")
        assert isinstance(app.screen, PinScreen)
        text = screen_text(app)
        assert "Wrong teller PIN; 4 attempt(s) left" in text
        assert "1111" not in text and "●" not in text  # cleared after each try
        await press(pilot, *"22", "backspace", "2")
        assert "PIN: ●●" in screen_text(app)
        await press(pilot, "enter")
        for _ in range(3):
            await press(pilot, *"9999", "enter")
        assert "locked" in screen_text(app)
        await press(pilot, *PIN, "enter")  # the right PIN is refused during the lock-out
        assert isinstance(app.screen, PinScreen)
        assert "locked" in screen_text(app)
    assert stored(sqlite_store, session_id) == (0, 0, 0)


async def test_only_the_teller_pin_ends_the_kiosk(sqlite_store, branch):
    session_id = start(sqlite_store, branch)
    app = kiosk(sqlite_store, branch, session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await until_screen(pilot, NeutralScreen)
        await press(pilot, "e")
        await until_screen(pilot, PinScreen)
        assert "Teller PIN to end the kiosk" in screen_text(app)
        await press(pilot, *"0000", "enter")
        assert locked(app)
        await press(pilot, "escape")
        await until_screen(pilot, NeutralScreen)
        await press(pilot, "e", *PIN, "enter")
        await wait_until(pilot, lambda: app.return_code is not None)


@pytest.mark.slow
async def test_every_voter_has_voted(sqlite_store, branch):
    session_id = start(sqlite_store, branch)
    app = kiosk(sqlite_store, branch, session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await until_screen(pilot, NeutralScreen)
        for no in VOTERS:
            await vote(pilot, no, [])
        assert "All 4 have voted" in screen_text(app)
        await press(pilot, "enter")
        await until_screen(pilot, PickScreen)
        assert "Every voter has voted" in screen_text(app)
        await press(pilot, "enter")  # nobody to pick
        assert isinstance(app.screen, PickScreen)
    assert stored(sqlite_store, session_id) == (4, 4, 4)


# ---------------------------------------------------------------------- idle voters


async def test_an_idle_voter_is_warned_then_the_ballot_is_dropped(sqlite_store, branch):
    session_id = start(sqlite_store, branch)
    app = kiosk(sqlite_store, branch, session_id, idle_warning=60, idle_abandon=120)
    async with app.run_test(size=(80, 24)) as pilot:
        await until_screen(pilot, NeutralScreen)
        await activate(pilot, "003")
        await press(pilot, "enter", "1", "2")
        await until_screen(pilot, BallotScreen)
        app.station.idle_warning, app.station.idle_abandon = 0.4, 1.2  # short from here on
        app.screen.activity()
        idle = app.screen.query_one("#idle")
        assert not idle.has_class("-shown")
        await wait_until(pilot, lambda: idle.has_class("-shown"), timeout=5)
        assert "Are you still there?" in screen_text(app)
        await press(pilot, "down")  # a key: the warning goes, the ballot stays
        assert not idle.has_class("-shown")
        assert isinstance(app.screen, BallotScreen)
        grid = app.screen.query_one(BallotGrid)
        await wait_until(pilot, lambda: isinstance(app.screen, NeutralScreen), timeout=5)
        assert grid.items == []
        assert any("nothing was stored" in n.message for n in app._notifications)
        assert "0 of 4 voted" in screen_text(app)
    assert stored(sqlite_store, session_id) == (0, 0, 0)
    assert not any(v.voted for v in appraisal.voters(sqlite_store, session_id))


@pytest.mark.parametrize("where", ["handover", "review"])
async def test_idle_on_the_hand_over_and_review_drops_the_ballot(sqlite_store, branch, where):
    session_id = start(sqlite_store, branch)
    # Long timers on the way there (a loaded machine may take seconds a step), short ones
    # from the moment the voter stands there.
    app = kiosk(sqlite_store, branch, session_id, idle_warning=60, idle_abandon=120)
    async with app.run_test(size=(80, 24)) as pilot:
        await until_screen(pilot, NeutralScreen)
        await reach(pilot, app.station, where)
        app.station.idle_warning, app.station.idle_abandon = 0.2, 0.6
        app.screen.activity()
        await wait_until(pilot, lambda: isinstance(app.screen, NeutralScreen), timeout=5)
    assert stored(sqlite_store, session_id) == (0, 0, 0)


async def test_the_neutral_screen_sends_nothing_while_idle(sqlite_store, branch):
    """No idle timer outlives a voter's screens: between voters nothing is redrawn."""
    session_id = start(sqlite_store, branch)
    app = kiosk(sqlite_store, branch, session_id, idle_warning=60, idle_abandon=120)
    async with app.run_test(size=(80, 24)) as pilot:
        await until_screen(pilot, NeutralScreen)
        await reach(pilot, app.station, "handover")  # a voter screen, with its timers
        app.station.idle_warning, app.station.idle_abandon = 0.5, 1.0  # short from here on
        app.screen.activity()
        await wait_until(pilot, lambda: isinstance(app.screen, NeutralScreen), timeout=5)
        neutral = app.screen
        await pilot.pause(0.3)
        written: list[str] = []
        driver = driver_of(app)
        assert driver is not None
        original = driver.write
        driver.write = lambda data: written.append(data)  # type: ignore[method-assign]
        try:
            await pilot.pause(0.6)
        finally:
            driver.write = original  # type: ignore[method-assign]
        assert app.screen is neutral
        assert written == []
        # (The same hook sees a redraw when there is one.)
        driver.write = lambda data: written.append(data)  # type: ignore[method-assign]
        try:
            await press(pilot, "enter")
            await until_screen(pilot, PickScreen)
            await pilot.pause(0.1)
        finally:
            driver.write = original  # type: ignore[method-assign]
        assert written


# ---------------------------------------------------------------------- the lock


@pytest.mark.parametrize("where", SCREENS)
async def test_no_key_leaves_the_kiosk_app(sqlite_store, branch, where):
    session_id = start(sqlite_store, branch)
    app = kiosk(sqlite_store, branch, session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await until_screen(pilot, NeutralScreen)
        await reach(pilot, app.station, where)
        for key in BLOCKED:
            if not isinstance(app.screen, SCREEN_CLASS[where]):
                await reach(pilot, app.station, where)
            before = stored(sqlite_store, session_id)
            await pilot.press(key)
            await pilot.pause()
            assert locked(app), (where, key)
            assert stored(sqlite_store, session_id) == before, (where, key)
            assert len(app.screen_stack) == 2, (where, key)
    assert stored(sqlite_store, session_id) == (0, 0, 0)


@pytest.mark.parametrize("where", SCREENS)
async def test_no_key_leaves_the_kiosk_inside_the_app(sqlite_store, branch, where):
    from orglife_tui.tui.app import OrglifeApp
    from orglife_tui.tui.screens.appraisal.appraisal_detail import AppraisalDetailScreen

    session_id = start(sqlite_store, branch)
    app = OrglifeApp(store=sqlite_store, branch=branch, lang="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        detail = AppraisalDetailScreen(app.session, session_id)
        await app.push_screen(detail)
        await pilot.pause()
        await press(pilot, "k")
        await until_screen(pilot, NeutralScreen)
        station = app.screen.station
        depth = len(app.screen_stack)
        await reach(pilot, station, where)
        for key in (*BLOCKED, "m", "g", "1", "?", "ctrl+e"):
            if not isinstance(app.screen, SCREEN_CLASS[where]):
                await reach(pilot, station, where)
            await pilot.press(key)
            await pilot.pause()
            assert locked(app), (where, key)
            assert len(app.screen_stack) == depth, (where, key)
            # The app's own actions are refused while the kiosk is up.
            assert app.check_action("command_palette", ()) is False
            assert app.check_action("help", ()) is False
            assert app.check_action("quit", ()) is False
        # The PIN ends it: back on the session's screen, the app's keys work again.
        station.neutral()
        await until_screen(pilot, NeutralScreen)
        await press(pilot, "e", *PIN, "enter")
        await wait_until(pilot, lambda: app.screen is detail)
        assert app.check_action("command_palette", ()) is True
    assert stored(sqlite_store, session_id) == (0, 0, 0)


def test_the_kiosk_app_binds_no_key_at_all(sqlite_store, branch):
    app = kiosk(sqlite_store, branch, start(sqlite_store, branch))
    assert bindings_of(app) == {}  # no quit, no palette, no help
    assert app.check_action("quit", ()) is False
    assert app.check_action("command_palette", ()) is False


# ---------------------------------------------------------------------- the command


def _cli(args, db: str):
    from orglife_tui.cli.main import build_app

    return CliRunner().invoke(build_app(), [*args, "--db", db])


def test_kiosk_command_runs_the_kiosk_of_an_open_session(
    sqlite_store, sqlite_url, branch, monkeypatch
):
    import orglife_tui.tui.app

    session_id = start(sqlite_store, branch)
    calls = []
    monkeypatch.setattr(
        orglife_tui.tui.app,
        "run_kiosk",
        lambda store, b, lang, sid: calls.append((b.name, lang, sid)),
    )
    result = _cli(["kiosk", str(session_id), "--lang", "en"], sqlite_url)
    assert result.exit_code == 0, result.output
    assert calls == [(branch.name, "en", session_id)]


def test_kiosk_command_refuses_a_session_not_open(sqlite_store, sqlite_url, branch, monkeypatch):
    import orglife_tui.tui.app

    row = appraisal.new_session(sqlite_store, branch.id, 2026)
    monkeypatch.setattr(orglife_tui.tui.app, "run_kiosk", lambda *a: pytest.fail("kiosk ran"))
    result = _cli(["kiosk", str(row.id), "--lang", "en"], sqlite_url)
    assert result.exit_code == 1
    assert "only while the vote is open" in result.output
    result = _cli(["kiosk", "99", "--lang", "en"], sqlite_url)
    assert result.exit_code == 1
    assert "No appraisal session 99" in result.output


def test_the_kiosk_app_ignores_textual_allow_signals(monkeypatch, sqlite_store, branch):
    session_id = start(sqlite_store, branch)
    monkeypatch.setenv("TEXTUAL_ALLOW_SIGNALS", "1")
    monkeypatch.setattr(KioskApp, "run", lambda self: None)
    import os

    KioskApp.run_locked(sqlite_store, branch, session_id, "en")
    assert "TEXTUAL_ALLOW_SIGNALS" not in os.environ

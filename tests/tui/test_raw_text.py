"""Nothing raw reaches the terminal (issue 10 §2): names already in the database with escape
sequences, BEL, CR or a bidi override (put there behind the program's back) are drawn as
symbols on the members screen and the ballot, never acted on."""

from __future__ import annotations

from orglife_tui.domain import MemberStatus
from orglife_tui.domain.records import MemberInput
from orglife_tui.tui.screens.members.members import MembersScreen
from tests.tui.conftest import screen_text

EVIL = {"101": "张\x1b[2J伟\x07", "102": "李\u202e娜\r", "103": "王\x9b2J芳"}


async def test_the_members_screen_draws_control_characters_as_symbols(
    make_app, branch, sqlite_store
):
    sqlite_store.add_members(
        branch.id, [MemberInput(no, name, MemberStatus.full) for no, name in EVIL.items()]
    )
    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MembersScreen)
        text = screen_text(app)
        # drawn as symbols, clipped to the name column like any long name
        assert "张␛[2J…" in text
        assert "李⟨U+20…" in text
        assert "王⟨U+00…" in text
        for raw in ("\x1b", "\x07", "\r", "\u202e", "\x9b"):
            assert raw not in text


MARKUP = {"201": "[/]张伟", "202": "[link=http://evil.example]李娜[/link]", "203": "[bold red]王芳"}


async def test_names_that_look_like_markup_are_drawn_as_typed_everywhere(
    make_app, branch, sqlite_store
):
    """Rich/Textual markup in a name is text: ``[/]`` would otherwise crash the screen that
    shows it and ``[link=…]`` plant a link, in tables, pick lists and notifications alike."""
    from orglife_tui.domain import CommitteePost
    from orglife_tui.tui.screens.talks.talk_form import TalkFormScreen
    from orglife_tui.tui.screens.talks.talks import TalksScreen
    from tests.tui.conftest import wait_until

    sqlite_store.add_members(
        branch.id,
        [
            MemberInput(no, name, MemberStatus.full, post=CommitteePost.secretary)
            if no == "201"
            else MemberInput(no, name, MemberStatus.full)
            for no, name in MARKUP.items()
        ],
    )
    app = make_app(branch, "en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MembersScreen)
        text = screen_text(app)
        # as typed, clipped to the name column like any long name
        assert "[/]张伟" in text and "[link=h…" in text and "[bold r…" in text
        app.notify(f"saved {MARKUP['201']} {MARKUP['202']}")
        await pilot.pause()
        assert any("[/]张伟" in str(n.message) for n in app._notifications)
        await pilot.press("escape")
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(app.screen, TalksScreen))
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, TalkFormScreen))
        await pilot.pause()
        assert "[/]张伟" in screen_text(app)  # the talker pick list


async def test_the_kiosk_ballot_draws_hostile_names_as_typed(branch, sqlite_store):
    """Names with escape sequences, bidi overrides and markup (stored behind the program's
    back) neither drive the voter's terminal nor crash the ballot: the hand-over and the
    ballot show them as symbols and text."""
    from orglife_tui.tui.kiosk.app import KioskApp
    from orglife_tui.tui.kiosk.screens import BallotScreen, NeutralScreen
    from tests.tui.appraisal_helpers import activate, press, start, until_screen

    sqlite_store.add_members(
        branch.id,
        [
            MemberInput("101", "张\x1b[2J伟\x07", MemberStatus.full),
            MemberInput("102", "李\u202e娜\r", MemberStatus.full),
            MemberInput("103", "[/]王芳", MemberStatus.full),
        ],
    )
    session_id = start(sqlite_store, branch)
    app = KioskApp(sqlite_store, branch, session_id, lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await until_screen(pilot, NeutralScreen)
        await activate(pilot, "101")
        text = screen_text(app)
        assert "张␛[2J伟␇" in text  # the hand-over names the voter
        await press(pilot, "enter")
        await until_screen(pilot, BallotScreen)
        await press(pilot, "end")
        text = screen_text(app)
        assert "张␛[2J" in text and "李⟨U+" in text and "[/]王芳" in text
        for raw in ("\x1b", "\x07", "\r", "\u202e"):
            assert raw not in text

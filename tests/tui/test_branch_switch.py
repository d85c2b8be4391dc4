"""The branches of a database from the TUI at 80×24: the list, switching (every screen then
shows the other branch's records), adding and renaming a branch."""

from __future__ import annotations

from orglife_tui.domain import Gender, MemberStatus
from orglife_tui.domain.records import MemberInput
from orglife_tui.tui.screens.common.confirm import ConfirmScreen
from orglife_tui.tui.screens.dashboard.dashboard import DashboardScreen
from orglife_tui.tui.screens.jobs.branches import BranchesScreen, BranchNameForm
from orglife_tui.tui.screens.members.members import MembersScreen
from tests.tui.conftest import (
    BRANCH,
    ONLY_EN,
    ONLY_ZH,
    palette_has_matches,
    screen_text,
    wait_until,
)

OTHER = "第二党支部"


def add_other_branch(store) -> None:
    other = store.create_branch(OTHER)
    store.add_members(
        other.id,
        [
            MemberInput("101", "赵敏", MemberStatus.full, Gender.female),
            MemberInput("102", "孙强", MemberStatus.full, Gender.male),
        ],
    )


async def open_branches(app, pilot) -> BranchesScreen:
    await wait_until(pilot, lambda: isinstance(app.screen, DashboardScreen))
    await pilot.press("b")
    await wait_until(pilot, lambda: isinstance(app.screen, BranchesScreen))
    await pilot.pause()
    return app.screen


def select(screen: BranchesScreen, name: str) -> None:
    screen.table.move_cursor(row=[r.branch.name for r in screen.rows].index(name))


@ONLY_ZH
async def test_switching_shows_the_other_branchs_members(make_app, branch, sqlite_store, lang):
    add_other_branch(sqlite_store)
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await pilot.press("m")  # the members screen is built for the first branch
        await wait_until(pilot, lambda: isinstance(app.screen, MembersScreen))
        await wait_until(pilot, lambda: "张伟" in screen_text(app))
        await pilot.press("escape")
        screen = await open_branches(app, pilot)
        text = screen_text(app)
        assert f"{BRANCH}（当前）" in text and OTHER in text and "共 2 个支部" in text
        assert all(len(line) <= 80 for line in text.splitlines())
        select(screen, OTHER)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        assert app.session.branch.name == OTHER
        await wait_until(pilot, lambda: "党员 2 名" in screen_text(app))
        assert OTHER in screen_text(app)  # the header names the branch
        await pilot.press("m")
        await wait_until(pilot, lambda: isinstance(app.screen, MembersScreen))
        await wait_until(pilot, lambda: "赵敏" in screen_text(app))
        assert "张伟" not in screen_text(app)


@ONLY_EN
async def test_a_branch_is_added_and_renamed(make_app, branch, sqlite_store, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_branches(app, pilot)
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, BranchNameForm))
        await pilot.press(*OTHER)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen)
        await wait_until(pilot, lambda: len(screen.rows) == 2)
        assert [b.name for b in sqlite_store.branches()] == sorted([BRANCH, OTHER])
        assert screen.highlighted().branch.name == OTHER

        await pilot.press("a")  # the same name again: said under the field, nothing added
        await wait_until(pilot, lambda: isinstance(app.screen, BranchNameForm))
        form = app.screen
        await pilot.press(*OTHER)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and "already exists" in screen_text(app)
        await pilot.press("escape")  # typed text: discard it?
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_until(pilot, lambda: app.screen is screen)

        select(screen, BRANCH)
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, BranchNameForm))
        await pilot.press("ctrl+a", "ctrl+k", *"机关党支部", "ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen)
        assert app.session.branch.name == "机关党支部"  # the current branch renamed
        assert app.title == "机关党支部"
        assert len(sqlite_store.branches()) == 2


@ONLY_EN
async def test_the_palette_lists_the_branches(make_app, branch, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await pilot.press("ctrl+p")
        await pilot.press(*"branches")
        await wait_until(pilot, lambda: palette_has_matches(app))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, BranchesScreen))

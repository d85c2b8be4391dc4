"""Each login opens on its own screens (issue 13 §1): a teller on the appraisal sessions and
the kiosk only, with no command palette and no way to the records; a secretary everywhere."""

from __future__ import annotations

from orglife_tui.domain.access import Access, AccountRole, Grant
from orglife_tui.tui.app import OrglifeApp
from tests.tui.conftest import TODAY, screen_text


def _app(store, branch, access: Access | None) -> OrglifeApp:
    return OrglifeApp(store=store, branch=branch, lang="en", today=TODAY, access=access)


async def test_a_teller_opens_on_the_appraisal_and_reaches_nothing_else(sqlite_store, branch):
    teller = Access("li4", grants=(Grant(branch.id, AccountRole.TELLER),))
    app = _app(sqlite_store, branch, teller)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = app.screen
        assert type(home).__name__ == "AppraisalScreen"
        text = screen_text(app)
        assert "the branch secretary creates it" in text and "n New" not in text
        await pilot.press("n")  # a teller never creates a poll
        await pilot.pause()
        assert app.screen is home
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen is home  # no palette
        app.go("members")
        await pilot.pause()
        assert app.screen is home
        assert "Commands" not in screen_text(app)  # nor in the footer
        assert "not open to your role" in [n.message for n in app._notifications][-1]


async def test_a_secretary_opens_on_the_dashboard_and_reaches_every_screen(sqlite_store, branch):
    secretary = Access("wang", grants=(Grant(branch.id, AccountRole.SECRETARY),))
    app = _app(sqlite_store, branch, secretary)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "DashboardScreen"
        app.go("members")
        await pilot.pause()
        assert type(app.screen).__name__ == "MembersScreen"


async def test_an_observer_opens_on_the_committees_overview_read_only(sqlite_store, branch):
    observer = Access("liu", grants=(Grant(branch.id, AccountRole.OBSERVER),))
    app = _app(sqlite_store, branch, observer)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "OverviewScreen"
        assert app.title == "orglife-tui"  # not one branch's name: the observer sees them all
        app.go("talks")
        await pilot.pause()
        assert type(app.screen).__name__ == "OverviewScreen"
        assert "Commands" not in screen_text(app)

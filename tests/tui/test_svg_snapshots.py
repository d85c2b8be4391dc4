"""SVG snapshots at 80×24 of three screens whose layout matters most: the dashboard, a
member's ledger and the kiosk's ballot (pytest-textual-snapshot).

A changed screen fails with a side-by-side report; when the change is meant, review it and
run ``pytest tests/tui/test_svg_snapshots.py --snapshot-update``, then commit the SVGs in
``tests/tui/__snapshots__/``. The data is fixed: the ``branch`` fixture, its clock at
``TODAY``, and nothing that depends on when the test runs."""

from __future__ import annotations

from datetime import date, datetime

from orglife_tui.data.ledger import links as ledger_links
from orglife_tui.tui.kiosk.app import KioskApp
from orglife_tui.tui.kiosk.screens import BallotScreen, NeutralScreen
from tests.tui.appraisal_helpers import activate, press, start, until_screen
from tests.tui.test_points import book, open_ledger

SIZE = (80, 24)


def test_dashboard(snap_compare, make_app, branch):
    assert snap_compare(make_app(branch, "zh"), terminal_size=SIZE)


class _Recorded(datetime):
    """The ledger's clock for when an entry was recorded: the head hash covers it."""

    @classmethod
    def now(cls, tz=None):
        return datetime(2026, 3, 18, 9, 30, tzinfo=tz)


def test_ledger(snap_compare, make_app, branch, sqlite_store, monkeypatch):
    monkeypatch.setattr(ledger_links, "datetime", _Recorded)
    sqlite_store.set_records_start(branch.id, date(2025, 1, 1))
    book(
        sqlite_store,
        branch,
        [
            ("001", "give_party_lecture", "2026-01-10", None),
            ("001", "volunteer_service", "2026-02-05", 4),
            ("001", "late_dues", "2026-03-01", None),
        ],
    )
    app = make_app(branch, "zh")

    async def to_the_ledger(pilot) -> None:
        await open_ledger(app, pilot)  # 张伟's entries, the running total

    assert snap_compare(app, terminal_size=SIZE, run_before=to_the_ledger)


def test_kiosk_ballot(snap_compare, sqlite_store, branch):
    app = KioskApp(sqlite_store, branch, start(sqlite_store, branch), lang="zh")

    async def to_the_ballot(pilot) -> None:
        await until_screen(pilot, NeutralScreen)
        await activate(pilot, "002")
        await press(pilot, "enter")
        await until_screen(pilot, BallotScreen)
        await press(pilot, "space", "3")  # 001 abstains, 002 basically qualified

    assert snap_compare(app, terminal_size=SIZE, run_before=to_the_ballot)

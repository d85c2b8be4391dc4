"""The terminal UI starts with the dashboard's modules only (issue 11 §4).

Every other screen's module is imported when that screen is first shown, so the first
paint does not wait for the ledger, the appraisal, the kiosk or the spreadsheet writers.
Checked in a fresh interpreter, as ``orglife-tui`` starts; the timings are in benchmarks/.
"""

from __future__ import annotations

import json
import subprocess
import sys

from orglife_tui.tui.app import SCREENS, screen_class

START_AND_LIST = """
import asyncio, json, sys
from datetime import date
from orglife_tui.data.store import Store
from orglife_tui.tui.app import OrglifeApp

async def main():
    store = Store.open(sys.argv[1], operator="tester")
    app = OrglifeApp(store, store.resolve_branch(None), "en", today=date(2026, 3, 18))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "DashboardScreen", app.screen
        screens = sorted(m for m in sys.modules if m.startswith("orglife_tui.tui.screens."))
        await app.workers.wait_for_complete()
        heavy = sorted(m for m in sys.modules if m.split(".")[0] in (
            "openpyxl", "alembic", "nacl", "psycopg"))
        kiosk = any(m.startswith("orglife_tui.tui.kiosk.") for m in sys.modules)
    store.close()
    print("LOADED=" + json.dumps({"screens": screens, "heavy": heavy, "kiosk": kiosk}))

asyncio.run(main())
"""


def test_the_app_starts_with_the_dashboard_modules_only(sqlite_url):
    out = subprocess.run(
        [sys.executable, "-c", START_AND_LIST, sqlite_url], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    line = next(x for x in out.stdout.splitlines() if x.startswith("LOADED="))
    loaded = json.loads(line.removeprefix("LOADED="))
    areas = {m.split(".")[3] for m in loaded["screens"]}
    # the dashboard, the shared screen parts and the compliance panel it draws
    assert areas <= {"dashboard", "common", "compliance"}, loaded["screens"]
    assert "orglife_tui.tui.screens.compliance.findings" not in loaded["screens"]
    assert loaded["heavy"] == []
    assert loaded["kiosk"] is False


def test_every_registered_screen_can_be_found():
    for name in SCREENS:
        cls = screen_class(name)
        assert cls.__name__ == SCREENS[name][1]

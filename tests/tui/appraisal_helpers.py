"""What the appraisal, kiosk and paper-entry Pilot tests share: a started session, counts
read straight from the ballot tables, and driving the kiosk key by key."""

from __future__ import annotations

from sqlalchemy import text

from orglife_tui.data import appraisal, schemes
from orglife_tui.scoring.model import Grade
from tests.tally_passwords import PASSWORDS, PIN
from tests.tui.conftest import wait_until

VOTERS = ("001", "002", "003", "004")
"""The full members of the ``branch`` fixture: the voters (005 is probationary)."""
CANDIDATES = ("001", "002", "003", "004", "005")
KEY_OF: dict[Grade | None, str] = {
    Grade.excellent: "1",
    Grade.qualified: "2",
    Grade.basically_qualified: "3",
    Grade.unqualified: "4",
    None: "0",
}


def start(store, branch, year: int = 2026) -> int:
    """A session of ``year`` with the vote open (teller PIN ``PIN``); its id."""
    row = appraisal.new_session(store, branch.id, year)
    scheme = schemes.ensure_active(store, branch.id)[1]
    appraisal.start_session(store, branch.id, row.id, PIN, scheme, **PASSWORDS)
    return row.id


def _count(store, table: str, session_id: int) -> int:
    with store.read_connection() as conn:
        return conn.execute(
            text(f"SELECT count(*) FROM {table} WHERE session_id = :s"), {"s": session_id}
        ).scalar_one()


def stored(store, session_id: int) -> tuple[int, int, int]:
    """(sealed ballots, voted-set rows, receipts) of the session, read from the tables.
    While the poll is open no plaintext rating row may exist: checked on every call."""
    if _count(store, "appraisal_sealed", session_id):
        assert ratings(store, session_id) == 0
    return tuple(  # type: ignore[return-value]
        _count(store, table, session_id)
        for table in ("appraisal_sealed", "appraisal_voted", "appraisal_receipt")
    )


def ratings(store, session_id: int) -> int:
    """The session's plaintext rating rows (written at the close)."""
    return _count(store, "appraisal_rating", session_id)


async def press(pilot, *keys: str) -> None:
    """Keys one at a time, each handled before the next (as a person types them)."""
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


async def until_screen(pilot, cls) -> None:
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, cls))


async def activate(pilot, voter_no: str, pin: str = PIN) -> None:
    """From the neutral screen: the teller picks ``voter_no`` and gives the PIN; the
    hand-over screen follows."""
    from orglife_tui.tui.kiosk.screens import HandoverScreen, PickScreen, PinScreen

    await press(pilot, "enter")
    await until_screen(pilot, PickScreen)
    await press(pilot, *voter_no)
    await press(pilot, "enter")
    await until_screen(pilot, PinScreen)
    await press(pilot, *pin, "enter")
    await until_screen(pilot, HandoverScreen)


async def vote(pilot, voter_no: str, grades: list[Grade | None]) -> None:
    """A whole ballot at the kiosk: activation, the ratings in candidate order, review, cast;
    back on the neutral screen."""
    from orglife_tui.tui.kiosk.screens import (
        BallotScreen,
        NeutralScreen,
        ReceiptScreen,
        ReviewScreen,
    )

    await activate(pilot, voter_no)
    await press(pilot, "enter")
    await until_screen(pilot, BallotScreen)
    await press(pilot, *(KEY_OF[g] for g in grades))
    await press(pilot, "enter")
    await until_screen(pilot, ReviewScreen)
    await press(pilot, "y")
    await until_screen(pilot, ReceiptScreen)
    await press(pilot, "space")
    await until_screen(pilot, NeutralScreen)

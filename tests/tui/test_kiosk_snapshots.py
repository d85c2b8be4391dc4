"""The Done-when of issue 10 §1, at the kiosk: ballots cast key by key at ``KioskApp``
while another process (``cp``) copies the live database, WAL and shared-memory files after
each one. With either tally password alone, no copy ties a rating to a voter; after the
close with both, the count is the voters' choices and nothing sealed is left."""

from __future__ import annotations

from orglife_tui.config import sqlite_path
from orglife_tui.data import appraisal
from orglife_tui.scoring.appraisal import Counts
from orglife_tui.scoring.model import Grade
from orglife_tui.tui.kiosk.app import KioskApp
from orglife_tui.tui.kiosk.screens import NeutralScreen
from tests.ballot_snapshots import assert_copy_reveals_no_rating, copy_live_files, grade_counts
from tests.tally_passwords import PASSWORDS, PIN
from tests.tui.appraisal_helpers import CANDIDATES, VOTERS, start, until_screen, vote

G = Grade
CHOICES = {
    "001": [G.excellent, G.qualified, G.qualified, G.basically_qualified, None],
    "002": [G.qualified, G.qualified, G.unqualified, G.qualified, G.qualified],
    "003": [G.excellent, None, G.qualified, G.qualified, G.excellent],
}


async def test_copies_taken_during_a_kiosk_poll_reveal_no_rating(
    sqlite_store, sqlite_url, branch, tmp_path
):
    session_id = start(sqlite_store, branch)
    db = sqlite_path(sqlite_url)
    base = grade_counts(copy_live_files(db, tmp_path / "start", by_another_process=True))
    app = KioskApp(sqlite_store, branch, session_id, lang="zh")
    copies = []
    async with app.run_test(size=(80, 24)) as pilot:
        await until_screen(pilot, NeutralScreen)
        for n, (voter, grades) in enumerate(CHOICES.items()):
            await vote(pilot, voter, grades)
            copies.append(copy_live_files(db, tmp_path / f"after-{n}", by_another_process=True))
    assert set(CHOICES) <= set(VOTERS)
    for n, copy in enumerate(copies):
        assert_copy_reveals_no_rating(copy, session_id, n + 1, base)

    appraisal.close_session(sqlite_store, branch.id, session_id, PIN, **PASSWORDS)
    result = appraisal.tally(
        sqlite_store, branch.id, session_id, appraisal._scheme_of(sqlite_store, branch.id, None)
    )
    for row in result.rows:
        column = CANDIDATES.index(row.member_no)
        given = [grades[column] for grades in CHOICES.values()]
        assert row.counts == Counts.of(given)
    with sqlite_store.read_connection() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM appraisal_sealed").scalar_one() == 0
        assert (
            conn.exec_driver_sql(
                "SELECT tally_key FROM appraisal_session WHERE id = ?", (session_id,)
            ).scalar_one()
            is None
        )

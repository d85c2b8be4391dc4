"""Paper ballots: typed one by one with the kiosk's keys, checked, stored without a name;
the members who handed one in are marked apart. Only a count of ballots entered shows."""

from __future__ import annotations

from textual.widgets import SelectionList

from orglife_tui.data import appraisal, schemes
from orglife_tui.scoring.appraisal import Counts
from orglife_tui.scoring.model import Grade
from orglife_tui.tui.kiosk.ballot import BallotGrid
from orglife_tui.tui.screens.appraisal.appraisal_detail import AppraisalDetailScreen
from orglife_tui.tui.screens.appraisal.paper_entry import (
    MarkVotersScreen,
    PaperEntryScreen,
    PaperReviewScreen,
)
from orglife_tui.tui.screens.common.confirm import ConfirmScreen
from tests.tally_passwords import PASSWORDS, PIN
from tests.tui.appraisal_helpers import KEY_OF, press, start, stored, until_screen
from tests.tui.conftest import screen_text, wait_until

E, Q, B, U = Grade.excellent, Grade.qualified, Grade.basically_qualified, Grade.unqualified
PAPER = [
    [E, Q, Q, Q, None],
    [Q, Q, U, B, Q],
    [E, E, None, Q, Q],
]


async def open_paper(app, pilot, session_id: int) -> PaperEntryScreen:
    detail = AppraisalDetailScreen(app.session, session_id)
    await app.push_screen(detail)
    await pilot.pause()
    await press(pilot, "p")
    await until_screen(pilot, PaperEntryScreen)
    return app.screen


async def test_paper_ballots_are_typed_checked_and_stored(make_app, branch, sqlite_store):
    session_id = start(sqlite_store, branch)
    app = make_app(branch)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_paper(app, pilot, session_id)
        text = screen_text(app)
        assert "Paper ballots entered here: 0" in text and "0 of 4" in text
        assert "1 excellent  2 qualified" in text
        for number, ballot in enumerate(PAPER, 1):
            await press(pilot, *(KEY_OF[g] for g in ballot))
            assert f"Rated {len(ballot)} of 5" in screen_text(app)
            await press(pilot, "enter")
            await until_screen(pilot, PaperReviewScreen)
            abstain = sum(1 for g in ballot if g is None)
            assert f"abstain {abstain}" in screen_text(app)
            await press(pilot, "y")
            await until_screen(pilot, PaperEntryScreen)
            await wait_until(pilot, lambda n=number: screen.entered == n)
            # A blank ballot follows, the cursor on the first candidate.
            assert screen.grid.rated == 0 and screen.grid.cursor_row == 0
            assert f"Paper ballots entered here: {number}" in screen_text(app)
        text = screen_text(app)
        for word in ("excellent 2", "qualified 3", "unqualified 1"):
            assert word not in text  # no tally, only the count
        assert stored(sqlite_store, session_id) == (3, 0, 3)

        # The members who handed in a paper ballot.
        await press(pilot, "m")
        await until_screen(pilot, MarkVotersScreen)
        voters = app.screen.fields["voters"]
        assert isinstance(voters, SelectionList)
        for no in ("001", "002", "004"):
            voters.select(no)
        await press(pilot, "ctrl+s")
        await until_screen(pilot, PaperEntryScreen)
        await pilot.pause()
        assert "3 of 4" in screen_text(app)
    marked = {v.member_no for v in appraisal.voters(sqlite_store, session_id) if v.voted}
    assert marked == {"001", "002", "004"}
    seal = appraisal.close_session(sqlite_store, branch.id, session_id, PIN, **PASSWORDS)
    assert seal.ballots == 3
    scheme = schemes.ensure_active(sqlite_store, branch.id)[1]
    tally = appraisal.tally(sqlite_store, branch.id, session_id, scheme)
    for i, row in enumerate(tally.rows):
        assert row.counts == Counts.of([ballot[i] for ballot in PAPER])


async def test_n_goes_back_to_change_the_ballot(make_app, branch, sqlite_store):
    session_id = start(sqlite_store, branch)
    app = make_app(branch)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_paper(app, pilot, session_id)
        await press(pilot, "1", "1")
        await press(pilot, "enter")
        await until_screen(pilot, PaperReviewScreen)
        await press(pilot, "n")
        await until_screen(pilot, PaperEntryScreen)
        assert screen.grid.choices() == {"001": Grade.excellent, "002": Grade.excellent}
        await press(pilot, "up", "4")
        assert screen.grid.choices()["002"] is Grade.unqualified
    assert stored(sqlite_store, session_id) == (0, 0, 0)


async def test_leaving_with_a_ballot_half_typed_asks_first(make_app, branch, sqlite_store):
    session_id = start(sqlite_store, branch)
    app = make_app(branch, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_paper(app, pilot, session_id)
        await press(pilot, "2")
        await press(pilot, "escape")
        await until_screen(pilot, ConfirmScreen)
        assert "正在录入的选票将丢弃" in screen_text(app)
        await press(pilot, "n")
        await until_screen(pilot, PaperEntryScreen)
        assert screen.grid.rated == 1
        await press(pilot, "x")
        await until_screen(pilot, ConfirmScreen)
        await press(pilot, "y")
        await until_screen(pilot, PaperEntryScreen)
        assert screen.grid.rated == 0
        await press(pilot, "escape")
        await until_screen(pilot, AppraisalDetailScreen)
    assert stored(sqlite_store, session_id) == (0, 0, 0)


async def test_the_paper_screen_fits_80x24(make_app, branch, sqlite_store):
    session_id = start(sqlite_store, branch)
    app = make_app(branch)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_paper(app, pilot, session_id)
        lines = screen_text(app).splitlines()
        assert len(lines) == 24
        assert "⏎ Check & store" in lines[-1] or "Check & store" in lines[-1]
        assert "^p Commands" in lines[-1]
        assert screen.query_one(BallotGrid).has_focus

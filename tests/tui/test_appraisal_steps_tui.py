"""The appraisal's steps around the ballot on the screens at 80×24: every proposal graded
at once from the tally after a confirm."""

from __future__ import annotations

from orglife_tui.data import appraisal, schemes
from orglife_tui.tui.screens.appraisal.tally import AppraisalTallyScreen
from orglife_tui.tui.screens.common.confirm import ConfirmScreen
from tests.tally_passwords import PASSWORDS
from tests.tui.appraisal_helpers import CANDIDATES, PIN, VOTERS, press, start, until_screen
from tests.tui.conftest import screen_text, wait_until
from tests.tui.test_appraisal_screens import BALLOTS


def closed(store, branch) -> int:
    session_id = start(store, branch)
    for voter, grades in BALLOTS.items():
        appraisal.cast_ballot(store, session_id, voter, dict(zip(CANDIDATES, grades, strict=True)))
    appraisal.close_session(store, branch.id, session_id, PIN, **PASSWORDS)
    return session_id


def rows(store, branch, session_id) -> dict[str, appraisal.TallyRow]:
    scheme = schemes.ensure_active(store, branch.id)[1]
    return {r.member_no: r for r in appraisal.tally(store, branch.id, session_id, scheme).rows}


async def open_tally(app, pilot, session_id: int) -> AppraisalTallyScreen:
    tally = AppraisalTallyScreen(app.session, session_id)
    await app.push_screen(tally)
    await wait_until(pilot, lambda: tally.tally is not None)
    return tally


async def test_all_as_proposed_grades_every_proposal_after_a_confirm(
    make_app, branch, sqlite_store
):
    session_id = closed(sqlite_store, branch)
    app = make_app(branch)
    async with app.run_test(size=(80, 24)) as pilot:
        tally = await open_tally(app, pilot, session_id)
        assert "a All as proposed" in screen_text(app).splitlines()[-1]
        await press(pilot, "a")
        await until_screen(pilot, ConfirmScreen)
        assert "Grade 4 member(s) as proposed? 0 are left" in screen_text(app)
        await press(pilot, "n")
        await until_screen(pilot, AppraisalTallyScreen)
        assert all(r.final is None for r in rows(sqlite_store, branch, session_id).values())
        await press(pilot, "a")
        await until_screen(pilot, ConfirmScreen)
        await press(pilot, "y")
        await until_screen(pilot, AppraisalTallyScreen)
        after = rows(sqlite_store, branch, session_id)
        assert all(after[no].final is after[no].proposed for no in VOTERS)
        assert after["005"].final is None  # probationary: never graded
        await wait_until(pilot, lambda: tally.tally is not None and tally.tally.rows[0].final)
        # nothing is left to grade: the key says so, and asks nothing
        await press(pilot, "a")
        assert app.screen is tally


async def test_all_as_proposed_in_chinese(make_app, branch, sqlite_store):
    session_id = closed(sqlite_store, branch)
    app = make_app(branch, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tally(app, pilot, session_id)
        assert "全按建议" in screen_text(app).splitlines()[-1]
        await press(pilot, "a")
        await until_screen(pilot, ConfirmScreen)
        assert "按建议等次评定 4 名党员？另有 0 名须逐一评定。" in screen_text(app)

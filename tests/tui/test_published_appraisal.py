"""A published session on the screens: the tally and the session show the stored record (its
number, date and ledger head), and points entered afterwards change nothing shown."""

from __future__ import annotations

from datetime import date

import pytest

from orglife_tui.data import appraisal, ledger, publications, schemes
from orglife_tui.scoring.model import Grade
from orglife_tui.tui.screens.appraisal.appraisal_detail import AppraisalDetailScreen
from orglife_tui.tui.screens.appraisal.tally import AppraisalTallyScreen
from tests.tally_passwords import PASSWORDS, PIN
from tests.tui.appraisal_helpers import CANDIDATES, start
from tests.tui.conftest import TODAY, screen_text, wait_until

E, Q = Grade.excellent, Grade.qualified


def _published(store, branch) -> tuple[int, int]:
    """A session of 2026 with four ballots, graded as proposed and published on TODAY, with
    one lecture of 001 in its points; (session id, that entry's id)."""
    store.today = lambda: TODAY
    info, scheme = schemes.ensure_active(store, branch.id)
    lecture = ledger.add_entry(
        store, branch.id, scheme, info.id, "001", "give_party_lecture", entry_date=date(2026, 3, 5)
    )
    session_id = start(store, branch)
    for voter in ("001", "002", "003", "004"):
        appraisal.cast_ballot(store, session_id, voter, {**dict.fromkeys(CANDIDATES, Q), "001": E})
    appraisal.close_session(store, branch.id, session_id, PIN, **PASSWORDS)
    for row in appraisal.tally(store, branch.id, session_id, scheme).rows:
        if row.graded:
            appraisal.set_grade(
                store, branch.id, session_id, row.member_no, row.proposed or Q, "依据测评结果"
            )
    appraisal.publish(store, branch.id, session_id)
    return session_id, lecture.id


def _points_of(tally_screen: AppraisalTallyScreen) -> dict[str, float | None]:
    assert tally_screen.tally is not None
    return {r.member_no: r.points for r in tally_screen.tally.rows}


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_tally_shows_the_published_record_and_stays_put(
    make_app, branch, sqlite_store, lang
):
    session_id, lecture = _published(sqlite_store, branch)
    record = publications.session_publication(sqlite_store, branch.id, session_id)
    assert record is not None
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        tally = AppraisalTallyScreen(app.session, session_id)
        await app.push_screen(tally)
        await wait_until(pilot, lambda: tally.tally is not None)
        text = screen_text(app)
        head = record.ledger_head[:12]
        if lang == "en":
            assert f"Published record no. {record.id} of 2026-03-18 · ledger head {head}" in text
            assert "later entries do not change them" in text
        else:
            assert f"第 {record.id} 号公布记录（2026-03-18）　账本头哈希 {head}" in text
        before = _points_of(tally)
        assert before["001"] == 63
        shown = text.split("\n")[4:-2]

        info, scheme = schemes.ensure_active(sqlite_store, branch.id)
        ledger.reverse_entry(sqlite_store, branch.id, lecture, "录入有误")
        ledger.add_entry(
            sqlite_store, branch.id, scheme, info.id, "002", "give_party_lecture", entry_date=TODAY
        )
        tally.reload()
        await pilot.pause()
        assert _points_of(tally) == before
        assert screen_text(app).split("\n")[4:-2] == shown


async def test_the_session_names_its_published_record(make_app, branch, sqlite_store):
    session_id, _ = _published(sqlite_store, branch)
    record = publications.session_publication(sqlite_store, branch.id, session_id)
    assert record is not None
    app = make_app(branch)
    async with app.run_test(size=(80, 24)) as pilot:
        detail = AppraisalDetailScreen(app.session, session_id)
        await app.push_screen(detail)
        await wait_until(pilot, lambda: detail.row is not None)
        await pilot.pause()
        text = screen_text(app)
        assert f"Published record no. {record.id} of 2026-03-18" in text
        assert record.ledger_head[:12] in text


async def test_a_finished_session_shows_no_record(make_app, branch, sqlite_store):
    session_id = start(sqlite_store, branch)
    appraisal.cast_ballot(sqlite_store, session_id, "001", dict.fromkeys(CANDIDATES, Q))
    appraisal.close_session(sqlite_store, branch.id, session_id, PIN, **PASSWORDS)
    app = make_app(branch)
    async with app.run_test(size=(80, 24)) as pilot:
        tally = AppraisalTallyScreen(app.session, session_id)
        await app.push_screen(tally)
        await wait_until(pilot, lambda: tally.tally is not None)
        assert tally.tally.publication is None
        assert "Published record" not in screen_text(app)

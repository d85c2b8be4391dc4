"""The appraisal's steps around the ballot on the screens at 80×24: self-assessments and
peer comments from the session's screen, why a probationary member has no grade, and every
proposal graded at once from the tally after a confirm."""

from __future__ import annotations

from orglife_tui.data import appraisal, schemes
from orglife_tui.tui.screens.appraisal.appraisal import AppraisalScreen
from orglife_tui.tui.screens.appraisal.appraisal_detail import AppraisalDetailScreen
from orglife_tui.tui.screens.appraisal.dialogs import GradeFormScreen
from orglife_tui.tui.screens.appraisal.shared import AskScreen
from orglife_tui.tui.screens.appraisal.steps import (
    AppraisalStepsScreen,
    PeerCommentFormScreen,
    ReadingScreen,
    SelfAssessmentFormScreen,
)
from orglife_tui.tui.screens.appraisal.tally import AppraisalTallyScreen
from orglife_tui.tui.screens.common.confirm import ConfirmScreen
from tests.tally_passwords import PASSWORDS
from tests.tui.appraisal_helpers import CANDIDATES, PIN, VOTERS, press, start, until_screen
from tests.tui.conftest import TODAY, screen_text, wait_until
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
        await wait_until(pilot, lambda: "a All as proposed" in screen_text(app).splitlines()[-1])
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
        await wait_until(pilot, lambda: "全按建议" in screen_text(app).splitlines()[-1])
        await press(pilot, "a")
        await until_screen(pilot, ConfirmScreen)
        assert "按建议等次评定 4 名党员？另有 0 名须逐一评定。" in screen_text(app)


# ---------------------------------------------------------------------------- 个人自评, 党员互评


async def open_steps(app, pilot) -> AppraisalStepsScreen:
    await press(pilot, "v")
    await until_screen(pilot, AppraisalScreen)
    await press(pilot, "enter")
    await until_screen(pilot, AppraisalDetailScreen)
    await press(pilot, "m")
    await until_screen(pilot, AppraisalStepsScreen)
    steps = app.screen
    await wait_until(pilot, lambda: steps.row is not None)
    return steps


async def test_self_assessments_and_comments_from_the_session_screen(
    make_app, branch, sqlite_store
):
    session_id = appraisal.new_session(sqlite_store, branch.id, 2026).id
    app = make_app(branch)
    async with app.run_test(size=(80, 24)) as pilot:
        steps = await open_steps(app, pilot)
        text = screen_text(app)
        assert "Self-assessments: 0 of 5 · peer comments: 0" in text
        assert "a Self-assessment" in text.splitlines()[-1]
        await press(pilot, "a")
        await until_screen(pilot, SelfAssessmentFormScreen)
        form = app.screen
        assert form.fields["given_on"].value == TODAY.isoformat()
        form.fields["text"].text = "一、学习：认真。\n二、不足：联系群众不够。"
        await press(pilot, "ctrl+s")
        await until_screen(pilot, AppraisalStepsScreen)
        await wait_until(pilot, lambda: steps.rows[0].self_assessed)
        assert "given" in screen_text(app)
        await press(pilot, "o")
        await until_screen(pilot, PeerCommentFormScreen)
        assert "Who said it is not recorded." in screen_text(app)
        await press(pilot, "ctrl+s")  # empty: refused, the form stays
        assert isinstance(app.screen, PeerCommentFormScreen)
        app.screen.fields["comment"].text = "带头作用明显。"
        await press(pilot, "ctrl+s")
        await until_screen(pilot, AppraisalStepsScreen)
        await wait_until(pilot, lambda: steps.rows[0].comments == 1)
        await press(pilot, "enter")
        await until_screen(pilot, ReadingScreen)
        text = screen_text(app)
        assert "一、学习：认真。" in text and "] 带头作用明显。" in text
        await press(pilot, "escape")
        await until_screen(pilot, AppraisalStepsScreen)
    stored = appraisal.self_assessments(sqlite_store, branch.id, session_id)
    assert stored["001"].text == "一、学习：认真。\n二、不足：联系群众不够。"
    assert not stored["001"].late


async def test_the_steps_in_chinese_and_a_day_after_today_refused(make_app, branch, sqlite_store):
    appraisal.new_session(sqlite_store, branch.id, 2026)
    app = make_app(branch, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_steps(app, pilot)
        assert "个人自评：0 / 5 人 · 互评意见：0 条" in screen_text(app)
        await press(pilot, "a")
        await until_screen(pilot, SelfAssessmentFormScreen)
        form = app.screen
        form.fields["text"].text = "自评"
        form.fields["given_on"].value = "2999-01-01"
        await press(pilot, "ctrl+s")
        assert app.screen is form and "晚于今天" in screen_text(app)


async def test_the_tally_says_why_the_probationary_member_has_no_grade(
    make_app, branch, sqlite_store
):
    session_id = closed(sqlite_store, branch)
    appraisal.record_self_assessment(
        sqlite_store, branch.id, session_id, "001", "按时参加组织生活。"
    )
    appraisal.add_peer_comment(sqlite_store, branch.id, session_id, "001", "工作踏实。")
    app = make_app(branch, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        tally = await open_tally(app, pilot, session_id)
        assert "个人自评：逾期提交，互评意见 1 条" in screen_text(app)
        await press(pilot, "end")
        await wait_until(pilot, lambda: "预备党员参加评议，不评定等次" in screen_text(app))
        await press(pilot, "g")
        assert app.screen is tally
        await press(pilot, "home", "enter")
        await until_screen(pilot, GradeFormScreen)
        text = screen_text(app)
        assert "个人自评（" in text and "按时参加组织生活。" in text
        assert "互评意见（1 条）：工作踏实。" in text


async def test_the_detail_footer_fits_80_columns_while_the_vote_is_open(
    make_app, branch, sqlite_store
):
    start(sqlite_store, branch)
    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "v")
        await until_screen(pilot, AppraisalScreen)
        await press(pilot, "enter")
        await until_screen(pilot, AppraisalDetailScreen)
        footer = screen_text(app).splitlines()[-1]
        assert "m Self & peer" in footer and "^p Commands" in footer


async def test_a_comment_typed_by_mistake_is_taken_back_by_its_number(
    make_app, branch, sqlite_store
):
    session_id = appraisal.new_session(sqlite_store, branch.id, 2026).id
    kept = appraisal.add_peer_comment(sqlite_store, branch.id, session_id, "001", "保留")
    wrong = appraisal.add_peer_comment(sqlite_store, branch.id, session_id, "001", "录错了")
    app = make_app(branch)
    async with app.run_test(size=(80, 24)) as pilot:
        steps = await open_steps(app, pilot)
        await press(pilot, "enter")
        await until_screen(pilot, ReadingScreen)
        assert f"[{wrong.id}] 录错了" in screen_text(app)
        await press(pilot, "escape")
        await until_screen(pilot, AppraisalStepsScreen)
        await press(pilot, "x")
        await until_screen(pilot, AskScreen)
        await press(pilot, "9", "9", "enter")  # not one of this member's: asked again
        assert isinstance(app.screen, AskScreen)
        assert "Not a comment on this member." in screen_text(app)
        app.screen.query_one("#answer").value = str(wrong.id)
        await press(pilot, "enter")
        await until_screen(pilot, AppraisalStepsScreen)
        await wait_until(pilot, lambda: steps.rows[0].comments == 1)
    assert [c.id for c in appraisal.peer_comments(sqlite_store, branch.id, session_id)] == [kept.id]

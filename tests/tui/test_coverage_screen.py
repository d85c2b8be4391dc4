"""The coverage matrix: committee members × members, counts, totals, who is short of talks."""

from __future__ import annotations

from datetime import date

import pytest

from orglife_tui.data import talks
from orglife_tui.data.talks import TalkerInput, TalkInput
from orglife_tui.domain import CommitteePost, MemberStatus, TalkType
from orglife_tui.domain.records import MemberInput
from orglife_tui.tui.screens.talks.coverage import CoverageScreen
from orglife_tui.tui.screens.talks.talk_form import TalkFormScreen
from orglife_tui.tui.screens.talks.talks import TalksScreen
from tests.tui.conftest import ONLY_EN, screen_text, wait_until

LANGS = pytest.mark.parametrize("lang", ["en", "zh"])


def talk(member_no: str, *talkers: str, when: date = date(2026, 3, 2)) -> TalkInput:
    return TalkInput(
        date=when,
        member_no=member_no,
        type=TalkType.routine,
        talkers=tuple(
            TalkerInput(member_no=k) if k.isdigit() else TalkerInput(name=k, post="上级党委")
            for k in talkers
        ),
    )


@pytest.fixture
def talked(branch, sqlite_store):
    """A second committee member (006, organization); talks of 2026 and one of 2025."""
    sqlite_store.add_members(
        branch.id,
        [MemberInput("006", "周强", MemberStatus.full, post=CommitteePost.organization)],
    )
    sqlite_store.set_records_start(branch.id, date(2025, 1, 1))  # a talk of 2025 too
    for record in (
        talk("002", "001"),
        talk("002", "001", when=date(2026, 3, 9)),
        talk("003", "001", "006"),  # one talk, two talkers
        talk("004", "李明"),  # a talker from outside the branch
        talk("005", "006", when=date(2025, 11, 1)),
    ):
        talks.add_talk(sqlite_store, branch.id, record)
    return branch


async def open_coverage(app, pilot) -> CoverageScreen:
    await pilot.press("t")
    await wait_until(pilot, lambda: isinstance(app.screen, TalksScreen))
    await pilot.press("c")
    await wait_until(pilot, lambda: isinstance(app.screen, CoverageScreen))
    await pilot.pause()
    return app.screen


@LANGS
async def test_counts_totals_and_members_short_of_talks(make_app, talked, lang):
    app = make_app(talked, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_coverage(app, pilot)
        lines = {line.member_no: line for line in screen.lines}
        # Columns: the secretary 001, then the organization member 006.
        assert [no for no, _, _ in screen.talkers] == ["001", "006"]
        assert lines["002"].counts == (2, 0) and lines["002"].total == 2
        assert lines["003"].counts == (1, 1) and lines["003"].total == 1
        # A talk by someone from outside counts in the total, in no committee column.
        assert lines["004"].counts == (0, 0) and lines["004"].total == 1
        # 2025's talk is not this year's; a talker has no cell for themself.
        assert lines["005"].total == 0
        assert lines["001"].counts == (None, 0)
        assert {no for no, line in lines.items() if line.below} == {"001", "005", "006"}
        text = screen_text(app)
        assert (
            "2026: 6 members, 3 with fewer than 1 talk(s)"
            if lang == "en"
            else "2026年：党员 6 名，其中 3 名谈话少于 1 次"
        ) in text
        for name in ("张伟", "周强", "王芳", "陈静"):
            assert name in text
        # The last row sums each talker's talks and all talks of the year.
        sums = screen.table.items[-1]
        assert sums.member_no is None and sums.counts == (3, 1) and sums.total == 4

        await pilot.press("left_square_bracket")
        await pilot.pause()
        lines = {line.member_no: line for line in screen.lines}
        assert lines["005"].counts == (0, 1) and lines["005"].total == 1


async def test_enter_lists_the_members_talks_and_a_records_one(make_app, talked, sqlite_store):
    app = make_app(talked, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_coverage(app, pilot)
        index = next(i for i, line in enumerate(screen.lines) if line.member_no == "002")
        screen.table.move_cursor(row=index)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, TalksScreen))
        member_talks = app.screen
        await wait_until(pilot, lambda: len(member_talks.rows) == 2)
        assert {k.member_no for k in member_talks.rows} == {"002"}
        assert "member 002" in screen_text(app)
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen)

        index = next(i for i, line in enumerate(screen.lines) if line.member_no == "005")
        screen.table.move_cursor(row=index)
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, TalkFormScreen))
        form = app.screen
        assert form.fields["member_no"].value == "005 陈静"
        form.fields["talkers"].select("006")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen)
        lines = {line.member_no: line for line in screen.lines}
        assert lines["005"].total == 1 and not lines["005"].below


async def test_a_large_committee_scrolls_sideways_and_keeps_the_names(
    make_app, branch, sqlite_store
):
    posts = list(CommitteePost)[1:6] + [CommitteePost.committee_member] * 5
    sqlite_store.add_members(
        branch.id,
        [
            MemberInput(f"1{i:02d}", f"委员{i:02d}", MemberStatus.full, post=post)
            for i, post in enumerate(posts)
        ],
    )
    app = make_app(branch, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_coverage(app, pilot)
        assert len(screen.talkers) == 11
        table = screen.table
        assert table.virtual_size.width > table.size.width  # wider than the terminal

        def heading() -> str:
            lines = screen_text(app).splitlines()
            top = next(i for i, line in enumerate(lines) if "编号" in line)
            return lines[top] + lines[top + 1]

        assert "委员09" not in heading()
        for _ in range(6):
            await pilot.press("right")
        await pilot.pause()
        assert "委员09" in heading()  # the last columns came into view …
        assert "编号" in heading() and "合计" in heading()  # … the fixed ones stayed
        assert "张伟" in screen_text(app)
        for _ in range(6):
            await pilot.press("left")
        await pilot.pause()
        assert "委员09" not in heading() and "书记" in heading()


@ONLY_EN
async def test_without_committee_says_how_to_get_one(make_app, empty_branch, sqlite_store, lang):
    sqlite_store.add_members(empty_branch.id, [MemberInput("001", "张伟", MemberStatus.full)])
    app = make_app(empty_branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_coverage(app, pilot)
        text = screen_text(app)
        assert ("No committee members" if lang == "en" else "没有支委") in text

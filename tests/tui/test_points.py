"""The points screens: a member's ledger, the scoreboard and the scheme, at 80×24.

Data is set up through the real operations (``data.schemes``, ``data.ledger``) on the
small branch of ``conftest`` (five members, two groups, one probationary), under the
bundled default scheme unless a test activates another.
"""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Sparkline

from orglife_tui.data import ledger, schemes
from orglife_tui.data.ledger import NewEntry
from orglife_tui.scoring.scheme import default_scheme_text, parse_scheme
from orglife_tui.tui.screens.dashboard.dashboard import DashboardScreen
from orglife_tui.tui.screens.members.members import MembersScreen
from orglife_tui.tui.screens.points import ledger as ledger_screen
from orglife_tui.tui.screens.points.ledger import PAGE, LedgerScreen
from orglife_tui.tui.screens.points.ledger_entry import EntryFormScreen, ReverseScreen
from orglife_tui.tui.screens.points.scheme import SchemeScreen
from orglife_tui.tui.screens.points.scoreboard import ScoreboardScreen
from tests.tui.conftest import (
    ONLY_EN,
    ONLY_ZH,
    drawn,
    palette_has_matches,
    screen_text,
    wait_until,
)

LANGS = pytest.mark.parametrize("lang", ["en", "zh"])

HEX64 = set("0123456789abcdef")


# The default scheme with ``late_dues`` booked by hand, as a branch that keeps its dues
# elsewhere has it (the default derives it from the dues records, and refuses it by hand).
HAND_DUES = default_scheme_text().replace('derive = { dues = "arrears", grace_months = 2 }\n', "")


def book(store, branch, rows):
    """Book ``(member_no, item_code, date, hours)`` rows as manual entries; their ids."""
    if schemes.active(store, branch.id) is None:
        schemes.activate(store, branch.id, HAND_DUES, parse_scheme(HAND_DUES, "hand_dues.toml"))
    info, scheme = schemes.ensure_active(store, branch.id)
    ids = []
    for member_no, code, day, hours in rows:
        row = ledger.add_entry(
            store,
            branch.id,
            scheme,
            info.id,
            member_no,
            code,
            hours=hours,
            entry_date=date.fromisoformat(day),
        )
        ids.append(row.id)
    return ids


@pytest.fixture
def booked(sqlite_store, branch):
    """张伟 (001): a lecture +3, volunteering 4 h = +2, dues late -1 in 2026; one lecture
    in 2025. 王芳 (002): two lectures. 陈静 (005, probationary): a broken commitment."""
    sqlite_store.set_records_start(branch.id, date(2025, 1, 1))  # the entries go back to 2025
    return book(
        sqlite_store,
        branch,
        [
            ("001", "give_party_lecture", "2026-01-10", None),
            ("001", "volunteer_service", "2026-02-05", 4),
            ("001", "late_dues", "2026-03-01", None),
            ("002", "give_party_lecture", "2026-01-15", None),
            ("002", "give_party_lecture", "2026-02-15", None),
            ("005", "commitment_broken", "2026-02-01", None),
            ("001", "give_party_lecture", "2025-06-01", None),
        ],
    )


async def open_ledger(app, pilot, downs: int = 0) -> LedgerScreen:
    """From the dashboard: the roster, ``downs`` rows down, ``p`` for the points."""
    await pilot.press("m")
    await pilot.pause()
    assert isinstance(app.screen, MembersScreen)
    for _ in range(downs):
        await pilot.press("down")
    await pilot.press("p")
    await pilot.pause()
    assert isinstance(app.screen, LedgerScreen)
    await drawn(app, pilot)
    return app.screen


# ---------------------------------------------------------------------------- ledger


@LANGS
async def test_ledger_lists_entries_with_a_running_total(
    make_app, branch, booked, sqlite_store, lang
):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_ledger(app, pilot)
        assert screen.member.member_no == "001" and screen.year == 2026
        assert [line.entry.id for line in screen.lines] == booked[:3]
        assert [line.running for line in screen.lines] == [3, 5, 4]
        text = screen_text(app)
        assert "张伟" in text and "2026" in text
        assert ("Give a Party" if lang == "en" else "讲授党课") in text
        assert ("Volunteer se" if lang == "en" else "志愿服务") in text
        assert "+3" in text and "-1" in text and "+2" in text
        # the member's sum of the year in the header, the monthly sparkline below it
        assert ("points entered this year: +4" if lang == "en" else "本年记分合计 +4") in text
        assert list(screen.query_one("#spark", Sparkline).data) == [3, 2, -1] + [0] * 9
        # the branch's ledger head, whole, to be copied into the minutes
        head = ledger.head_hash(sqlite_store, branch.id)
        assert set(head) <= HEX64 and head in text
        assert ("Ledger head" if lang == "en" else "账本链头") in text
        # the keys in the Footer
        assert ("n New entry" if lang == "en" else "n 记分") in text
        assert ("r Reverse" if lang == "en" else "r 冲正") in text


@ONLY_EN
async def test_ledger_steps_through_years(make_app, branch, booked, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_ledger(app, pilot)
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert screen.year == 2025
        assert [line.entry.id for line in screen.lines] == [booked[6]]
        assert "2025" in screen_text(app)
        await pilot.press("right_square_bracket", "shift+right")
        await pilot.pause()
        assert screen.year == 2027
        assert screen.lines == []
        text = screen_text(app)
        assert (
            "No entries for 张伟 in 2027" if lang == "en" else "张伟 2027年没有积分记录"
        ) in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MembersScreen)


@ONLY_ZH
async def test_add_an_entry_bad_values_refused_in_place(
    make_app, branch, booked, sqlite_store, lang
):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_ledger(app, pilot)
        before = ledger.count_entries(sqlite_store, branch.id)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EntryFormScreen)
        assert form.fields["entry_date"].value == "2026-03-18"  # today
        # items entered by hand only (attendance items are derived), shown with points/cap
        options = [line for line, _ in form.item_options]
        assert any("volunteer_service" in o and "≤10" in o for o in options)
        assert not any("attend_general_meeting" in o for o in options)

        # nothing picked, a number that is not one, a date that does not exist
        form.fields["hours"].value = "four"
        form.fields["entry_date"].value = "2026-02-30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert form.fields["item"].has_class("-invalid")
        assert form.fields["hours"].has_class("-invalid")
        assert form.fields["entry_date"].has_class("-invalid")
        text = screen_text(app)
        assert ("'four' is not a number" if lang == "en" else "“four”不是数字") in text
        assert ("there is no date" if lang == "en" else "不存在") in text
        assert ledger.count_entries(sqlite_store, branch.id) == before

        # an hour item without hours: the ledger refuses, the form shows why at the hours
        form.fields["item"].value = "volunteer_service"
        form.fields["hours"].value = ""
        form.fields["entry_date"].value = "2026-03-10"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert form.fields["hours"].has_class("-invalid")
        assert ("scored per hour" if lang == "en" else "按小时计分") in screen_text(app)
        assert ledger.count_entries(sqlite_store, branch.id) == before

        # more than two decimals: refused at the hours, not rounded (issue 10 §4)
        form.fields["hours"].value = "1.005"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert form.fields["hours"].has_class("-invalid")
        assert ("at most two decimals" if lang == "en" else "最多保留两位小数") in screen_text(app)
        assert ledger.count_entries(sqlite_store, branch.id) == before

        form.fields["hours"].value = "3"
        form.fields["note"].value = "社区环境整治"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert ledger.count_entries(sqlite_store, branch.id) == before + 1
        new = screen.highlighted().entry  # the cursor is on the new entry
        assert new is not None and new.item_code == "volunteer_service"
        assert new.points == 1.5 and new.hours == 3 and new.entry_date == date(2026, 3, 10)
        assert screen.lines[-1].running == 5.5
        text = screen_text(app)
        assert "社区环境整治" in text
        assert ("points entered this year: +5.5" if lang == "en" else "本年记分合计 +5.5") in text
        assert ledger.head_hash(sqlite_store, branch.id) == new.hash
        assert new.hash in text  # the head line follows the new entry


async def test_entry_form_escape_adds_nothing(make_app, branch, booked, sqlite_store):
    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_ledger(app, pilot)
        before = ledger.count_entries(sqlite_store, branch.id)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert ledger.count_entries(sqlite_store, branch.id) == before


@ONLY_EN
async def test_reverse_with_a_reason_and_refuse_twice(make_app, branch, booked, sqlite_store, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_ledger(app, pilot)
        await pilot.press("down")  # the volunteering entry
        assert screen.highlighted().entry.id == booked[1]
        await pilot.press("r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ReverseScreen)
        await pilot.press("enter")  # no reason: refused in place
        await pilot.pause()
        assert app.screen is dialog
        assert dialog.fields["reason"].has_class("-invalid")
        await pilot.press(*"duplicate")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        reversal = screen.highlighted().entry
        assert reversal.reverses_id == booked[1] and reversal.points == -2
        assert reversal.note == "duplicate"
        assert [line.running for line in screen.lines] == [3, 5, 4, 2]
        text = screen_text(app)
        mark = f"reversed by #{reversal.id}" if lang == "en" else f"已被 #{reversal.id} 冲正"
        assert mark in text
        assert (f"reverses #{booked[1]}" if lang == "en" else f"冲正 #{booked[1]}") in text

        # the reversal itself cannot be reversed: the dialog says so and stays open
        await pilot.press("r")
        await pilot.pause()
        dialog = app.screen
        await pilot.press(*"again", "enter")
        await pilot.pause()
        assert app.screen is dialog
        assert ("itself a reversal" if lang == "en" else "本身是冲正记录") in screen_text(app)
        await pilot.press("escape")  # asks first: the reason was typed
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is screen

        # nor can the entry already reversed
        await pilot.press("up", "up")
        assert screen.highlighted().entry.id == booked[1]
        await pilot.press("r")
        await pilot.pause()
        dialog = app.screen
        await pilot.press(*"twice", "enter")
        await pilot.pause()
        assert app.screen is dialog
        assert ("already reversed" if lang == "en" else "只能冲正一次") in screen_text(app)
        assert ledger.count_entries(sqlite_store, branch.id) == len(booked) + 1


async def test_ledger_opens_with_one_page_and_no_count(make_app, branch, sqlite_store, monkeypatch):
    """Opening costs one page of SQL whatever the size of the ledger: no count, no sum,
    no walk over the whole ledger; further pages follow the cursor."""
    info, scheme = schemes.ensure_active(sqlite_store, branch.id)
    entries = [
        NewEntry("001", "give_party_lecture", date(2026, 1 + i // 30, 1 + i % 28))
        for i in range(2 * PAGE + 50)
    ]
    entries.sort(key=lambda e: e.entry_date)
    ledger.bulk_load(sqlite_store, branch.id, scheme, info.id, entries)

    calls: list[tuple[int, int | None, int]] = []
    real = ledger.list_entries

    def listing(*args, **kwargs):
        rows = real(*args, **kwargs)
        calls.append((kwargs.get("offset", 0), kwargs.get("limit"), len(rows)))
        return rows

    def refused(*args, **kwargs):
        raise AssertionError("the ledger screen must not walk the whole ledger")

    monkeypatch.setattr(ledger_screen.ledger, "list_entries", listing)
    for name in ("count_entries", "iter_entries", "running_total_before"):
        monkeypatch.setattr(ledger_screen.ledger, name, refused)
    monkeypatch.setattr("orglife_tui.data.scores.scoreboard", refused)

    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_ledger(app, pilot)
        assert calls == [(0, PAGE, PAGE)]
        assert len(screen.lines) == PAGE
        # the cursor nearing the end of the page fetches the next one, totals carried on
        # (the table is handed its first rows only, the rest as the cursor goes down)
        screen.table.reveal(PAGE - 5)
        screen.table.move_cursor(row=PAGE - 5)
        await pilot.pause()
        assert calls[1] == (PAGE, PAGE, PAGE)
        assert screen.lines[2 * PAGE - 1].running == 3 * 2 * PAGE
        await pilot.press("end")
        await pilot.pause()
        assert len(screen.lines) == 2 * PAGE + 50
        assert screen.lines[-1].running == 3 * (2 * PAGE + 50)
        assert calls[-1] == (2 * PAGE, PAGE, 50)


# ---------------------------------------------------------------------------- scoreboard


def activate_full_graded_only(store, branch):
    source = default_scheme_text().replace('graded = ["full", "probationary"]', 'graded = ["full"]')
    assert source != default_scheme_text()
    schemes.activate(store, branch.id, source, parse_scheme(source, "test.toml"))


@LANGS
async def test_scoreboard_order_filters_years_and_ledger(
    make_app, branch, booked, sqlite_store, lang
):
    activate_full_graded_only(sqlite_store, branch)
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ScoreboardScreen)
        # base 60: 王芳 +6 = 66, 张伟 +4 = 64, 李娜 and 刘洋 60, 陈静 -3 = 57
        assert [r.member_no for r in screen.rows] == ["002", "001", "003", "004", "005"]
        assert [r.total for r in screen.rows] == [66, 64, 60, 60, 57]
        assert [r.rank for r in screen.rows] == [1, 2, 3, 3, 5]
        text = screen_text(app)
        assert "王芳" in text and "陈静" in text
        # 18 March: the points to date, and no band before the year has closed
        assert ("Scoreboard (to 03-18)" if lang == "en" else "积分排名（截至 03-18）") in text
        assert ("Basic qual." if lang == "en" else "基本合格") not in text
        await pilot.press("p")  # provisional bands, marked as such
        await pilot.pause()
        text = screen_text(app)
        assert ("provisional bands" if lang == "en" else "暂定积分档次") in text
        assert ("Basic qual." if lang == "en" else "基本合格") in text
        probationary = text.splitlines()[
            [i for i, line in enumerate(text.splitlines()) if "陈静" in line][0]
        ]
        assert "—" in probationary  # a probationary member is scored, not banded
        assert ("g Group" if lang == "en" else "g 党小组") in text
        assert ("s Status" if lang == "en" else "s 类别") in text
        assert ("p Prov. bands" if lang == "en" else "p 暂定档次") in text
        await pilot.press("p")  # and back
        await pilot.pause()
        assert ("Basic qual." if lang == "en" else "基本合格") not in screen_text(app)

        await pilot.press("g")  # 第一党小组
        await pilot.pause()
        assert screen.group == "第一党小组"
        assert [r.member_no for r in screen.rows] == ["002", "001"]
        assert [r.rank for r in screen.rows] == [1, 2]
        assert "第一党小组" in screen_text(app)
        await pilot.press("g")  # 第二党小组
        await pilot.pause()
        assert [r.member_no for r in screen.rows] == ["003", "004", "005"]
        await pilot.press("s", "s")  # probationary only
        await pilot.pause()
        assert [r.member_no for r in screen.rows] == ["005"]
        assert screen.rows[0].rank == 5  # the rank stays the branch's
        await pilot.press("g")  # all groups again
        await pilot.press("s")  # all statuses again
        await pilot.pause()
        assert len(screen.rows) == 5

        await pilot.press("left_square_bracket")  # 2025: only 张伟's lecture
        await pilot.pause()
        assert screen.year == 2025
        assert screen.rows[0].member_no == "001" and screen.rows[0].total == 63
        text = screen_text(app)
        assert "2025" in text
        # a closed year: its bands are final, and the title is the screen's name alone
        assert ("Basic qual." if lang == "en" else "基本合格") in text
        assert ("Scoreboard (to" if lang == "en" else "积分排名（截至") not in text

        assert screen.highlighted().member_no == "005"  # the cursor stayed with 陈静
        await pilot.press("home", "enter")  # 张伟's ledger of 2025
        await pilot.pause()
        assert isinstance(app.screen, LedgerScreen)
        assert app.screen.member.member_no == "001" and app.screen.year == 2025
        assert [line.entry.id for line in app.screen.lines] == [booked[6]]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


@ONLY_ZH
async def test_scoreboard_without_entries_and_without_members(make_app, branch, sqlite_store, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        text = screen_text(app)
        assert ("No points recorded in 2026 yet" if lang == "en" else "2026年尚无积分记录") in text
        assert len(app.screen.rows) == 5

    other = sqlite_store.create_branch("第二党支部")
    app = make_app(other, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert app.screen.rows == []
        assert ("No members yet" if lang == "en" else "还没有党员") in screen_text(app)
        await pilot.press("enter")  # nothing to open
        await pilot.pause()
        assert isinstance(app.screen, ScoreboardScreen)


# ---------------------------------------------------------------------------- scheme


@LANGS
async def test_scheme_screen_shows_the_items_and_caps(make_app, branch, sqlite_store, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, SchemeScreen)
        info, scheme = schemes.ensure_active(sqlite_store, branch.id)
        text = screen_text(app)
        assert info.name in text and info.version in text
        assert info.sha256 in text
        assert ("Base points 60" if lang == "en" else "基础分 60") in text
        assert ("excellent ≥90" if lang == "en" else "优秀 ≥90") in text
        assert ("excellent ≥92" if lang == "en" else "优秀 ≥92") in text
        assert "attend_general_meeting" in text and "volunteer_service" in text
        assert ("+0.5/h" if lang == "en" else "+0.5/小时") in text
        assert "≤10" in text
        assert "docs/scheme.md" in text and "orglife-tui" not in text  # no command line
        # the highlighted item in full, and how it is earned
        assert ("Attend the branch general meeting" if lang == "en" else "参加支部党员大会") in text
        assert ("from attendance" if lang == "en" else "由出勤自动计分") in text
        table = app.screen.query_one("#items")
        assert table.row_count == len(scheme.items)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


@ONLY_EN
async def test_palette_goes_to_the_scoreboard_and_the_scheme(make_app, branch, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        for words, screen_type in (
            ("scoreboard" if lang == "en" else "积分排名", ScoreboardScreen),
            ("scoring scheme" if lang == "en" else "积分方案", SchemeScreen),
        ):
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*words)
            await wait_until(pilot, lambda: palette_has_matches(app))
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, screen_type)


async def test_f1_on_the_ledger_lists_its_keys(make_app, branch, booked):
    from orglife_tui.tui.screens.common.help import HelpScreen

    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_ledger(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = app.screen.key_rows()
        assert ("n", "New entry") in rows and ("r", "Reverse") in rows
        assert "ledger head" in screen_text(app)


async def test_scoreboard_computes_once_per_change(
    make_app, branch, booked, sqlite_store, monkeypatch
):
    """Filters and F1 reuse the computed board; a change in the ledger recomputes it."""
    from orglife_tui.data import scores

    calls = []
    real = scores.scoreboard

    def counting(*args, **kwargs):
        calls.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(scores, "scoreboard", counting)
    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        await pilot.press("g", "s", "f1")
        await pilot.pause()
        await pilot.press("escape", "g", "g", "s", "s")
        await pilot.pause()
        assert len(calls) == 1 and len(screen.rows) == 5
        await pilot.press("enter")  # 王芳's ledger: a commitment kept, +2
        await pilot.pause()
        assert isinstance(app.screen, LedgerScreen)
        book(sqlite_store, branch, [("002", "commitment_kept", "2026-03-01", None)])
        await pilot.press("escape")
        await pilot.pause()
        assert len(calls) == 2
        assert screen.rows[0].member_no == "002" and screen.rows[0].total == 68
        assert "68" in screen_text(app)


@ONLY_EN
async def test_ledger_running_total_leaves_textual_running_state_alone(
    make_app, branch, booked, lang
):
    """The running total once lived in ``_running``, Textual's own "this screen runs" flag:
    a year summing to 0 made the screen look stopped, and subscribing to a signal on it
    (as widgets do when mounted) raised ``SignalError``."""
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_ledger(app, pilot)
        await pilot.press("right_square_bracket")  # 2027: no entries, a total of 0
        await pilot.pause()
        assert screen.year == 2027 and screen.lines == []
        assert screen.is_running
        heard: list[object] = []
        app.theme_changed_signal.subscribe(screen, heard.append)
        app.theme = "textual-light"
        await pilot.pause()
        assert heard

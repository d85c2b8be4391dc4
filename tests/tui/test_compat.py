"""The Textual internals the app still relies on (tui/compat.py): each still does its job.

When a Textual release moves one of them, the test of that function fails here, by name,
rather than somewhere in a screen.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from orglife_tui.tui.compat import (
    LeanTable,
    bindings_of,
    driver_of,
    mark_forwarded,
    replace_bindings,
    running_app,
    screen_lines,
    set_row_cells,
    write_now,
)


class Tiny(App[None]):
    BINDINGS: ClassVar = [Binding("x", "noop", "original words", id="tiny.x")]

    def __init__(self) -> None:
        super().__init__()
        self.seen_running: App | None = None

    def compose(self) -> ComposeResult:
        yield Static("hello from the screen", id="hello")
        table: DataTable = DataTable(id="table")
        yield table

    def on_mount(self) -> None:
        self.seen_running = running_app()
        table = self.query_one(DataTable)
        table.add_column("a", width=6, key="a")
        table.add_column("b", width=6, key="b")
        table.add_rows([(Text("one"), Text("1")), (Text("two"), Text("2"))])

    def action_noop(self) -> None:
        pass


def test_running_app_is_none_outside_an_app():
    assert running_app() is None


async def test_running_app_is_the_app_whose_loop_runs_the_code():
    app = Tiny()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        assert app.seen_running is app


async def test_the_driver_is_there_while_running_and_write_now_skips_a_headless_app():
    app = Tiny()
    assert driver_of(app) is None
    async with app.run_test(size=(40, 10)):
        driver = driver_of(app)
        assert driver is not None and callable(driver.write)
        assert write_now(app, "\x1b7text\x1b8") is False  # no terminal to draw on


def test_mark_forwarded_marks_an_event_as_forwarded():
    key = events.Key("a", "a")
    assert not key.is_forwarded
    mark_forwarded(key)
    assert key.is_forwarded


async def test_replace_bindings_changes_what_the_app_binds():
    app = Tiny()
    assert [b.description for b in bindings_of(app)["x"]] == ["original words"]
    replace_bindings(app, lambda b: Binding(b.key, b.action, b.description.upper(), id=b.id))
    assert [b.description for b in bindings_of(app)["x"]] == ["ORIGINAL WORDS"]
    async with app.run_test(size=(40, 10)) as pilot:
        shown = [b.binding.description for b in app.screen.active_bindings.values()]
        assert "ORIGINAL WORDS" in shown
        await pilot.press("x")  # still bound to its action


async def test_set_row_cells_changes_one_row_and_shows_it():
    app = Tiny()
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one(DataTable)
        await pilot.pause()
        assert set_row_cells(table, 1, [Text("TWO"), Text("22")]) is True
        await pilot.pause()
        assert [str(c) for c in table.get_row_at(1)] == ["TWO", "22"]
        assert [str(c) for c in table.get_row_at(0)] == ["one", "1"]
        text = "\n".join(screen_lines(app.screen))
        assert "TWO" in text and "22" in text and "two" not in text


async def test_screen_lines_are_what_the_terminal_shows():
    app = Tiny()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        lines = screen_lines(app.screen)
        assert len(lines) == 10
        assert lines[0].startswith("hello from the screen")


class Steady(App[None]):
    def compose(self) -> ComposeResult:
        yield LeanTable(cursor_type="row")

    def on_mount(self) -> None:
        table = self.query_one(LeanTable)
        table.add_columns("a", "b")
        table.add_rows([(str(i), "x") for i in range(10)])
        table.focus()


async def test_a_cursor_key_repaints_no_hover_row_while_the_hover_cursor_is_hidden():
    app = Steady()
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(LeanTable)
        await pilot.press("down")
        await pilot.pause()
        assert table._show_hover_cursor is False  # the internal the override reads
        repainted: list[int] = []
        original = table.refresh_row

        def spy(row_index: int):
            repainted.append(row_index)
            return original(row_index)

        table.refresh_row = spy  # type: ignore[method-assign]
        await pilot.press("down")
        await pilot.pause()
        assert sorted(repainted) == [1, 2]  # the rows the cursor left and reached; not row 0
        repainted.clear()
        table._set_hover_cursor(True)  # shown (the mouse): its row is repainted
        assert repainted == [table.hover_row]


def _row_update():
    """A repainted row (columns 0–2) with a one-cell scrollbar chop right after it."""
    from rich.segment import Segment
    from textual._compositor import ChopsUpdate
    from textual.strip import Strip

    chops = [{0: Strip([Segment("abc")]), 3: Strip([Segment("|")])}]
    return ChopsUpdate(chops, spans=[(0, 0, 3)], chop_ends=[[3, 4]])


def test_a_partial_update_sends_no_move_to_the_chop_after_its_span():
    from rich.console import Console

    from orglife_tui.tui.compat import TEXTUAL_CHOPS_RENDER, send_no_empty_moves

    console = Console(force_terminal=True, color_system=None)
    update = _row_update()
    assert TEXTUAL_CHOPS_RENDER(update, console) == "\x1b[1;1Habc\x1b[1;4H"  # Textual 8's
    assert send_no_empty_moves()
    assert update.render_segments(console) == "\x1b[1;1Habc"


def test_a_span_over_part_of_a_chop_still_sends_that_part():
    from rich.console import Console
    from rich.segment import Segment
    from textual._compositor import ChopsUpdate
    from textual.strip import Strip

    from orglife_tui.tui.compat import TEXTUAL_CHOPS_RENDER, send_no_empty_moves

    console = Console(force_terminal=True, color_system=None)
    chops = [{0: Strip([Segment("abc")]), 3: Strip([Segment("defg")])}]
    update = ChopsUpdate(chops, spans=[(0, 1, 5)], chop_ends=[[3, 7]])
    send_no_empty_moves()
    assert update.render_segments(console) == TEXTUAL_CHOPS_RENDER(update, console)
    assert update.render_segments(console) == "\x1b[1;1Habc\x1b[1;4Hde"

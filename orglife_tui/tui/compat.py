"""Every use of a Textual internal, in one place (tests: tests/tui/test_compat.py).

The rest of ``tui/`` uses Textual's public API only. What follows has no public
equivalent in Textual 8; each function says why it is needed, and each has a test that
fails the day a Textual release moves the internal, so a bump is seen in one file.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rich.console import Console
from rich.control import Control
from textual._compositor import ChopsUpdate
from textual.app import App
from textual.binding import Binding, BindingsMap
from textual.coordinate import Coordinate
from textual.dom import DOMNode
from textual.driver import Driver
from textual.geometry import Region
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable

if TYPE_CHECKING:
    from typing_extensions import Self


def running_app() -> App | None:
    """The app whose event loop runs this code, if any.

    A database write that waits for another writer is told about from deep inside the
    store, which knows nothing of the UI; Textual keeps the running app in a context
    variable it does not export (``App.app`` needs a node to start from).
    """
    from textual._context import active_app

    try:
        return active_app.get()
    except LookupError:  # not from inside an app (a worker thread of none)
        return None


def driver_of(app: App) -> Driver | None:
    """The app's driver (the writer to the terminal), None before it runs. Textual keeps it
    private; the kiosk's tests watch what it writes while a voter is idle."""
    return app._driver


def write_now(app: App, text: str) -> bool:
    """Write ``text`` to the terminal at once, even while the event loop is blocked.

    A write waiting for a lock blocks the loop, so nothing Textual draws would show until
    it is over; the driver's writer thread keeps running. False when there is no terminal
    (headless, or not started).
    """
    driver = driver_of(app)
    if driver is None or app.is_headless:
        return False
    driver.write(text)
    driver.flush()
    return True


def mark_forwarded(event: Message) -> None:
    """Mark an event as already forwarded by the app to a screen.

    A key re-posted to a dialog (typing ahead) would otherwise be taken by the app for a
    new key from the terminal when it bubbles back up, and be handled twice. Textual sets
    this flag only in ``Screen._forward_event``; there is no public setter.
    """
    event._set_forwarded()


def bindings_of(node: DOMNode) -> dict[str, list[Binding]]:
    """The key bindings ``node`` has now (its own and inherited), key by key."""
    return {key: list(b) for key, b in node._bindings.key_to_bindings.items()}


def replace_bindings(node: DOMNode, translate: Callable[[Binding], Binding]) -> None:
    """Give ``node`` its bindings passed through ``translate``.

    Binding descriptions are catalog keys translated when a screen is built (the language
    is chosen at run time, after the classes are made); the Footer, the help and the
    palette read them from the node's ``BindingsMap``, which has no public setter.
    """
    keys = {key: [translate(b) for b in bindings] for key, bindings in bindings_of(node).items()}
    node._bindings = BindingsMap.from_keys(keys)


def set_row_cells(table: DataTable, index: int, cells: Sequence[object]) -> bool:
    """Put new cells into row ``index`` of ``table`` and repaint that row only.

    ``DataTable.update_cell`` repaints the whole table (2.6 KB over SSH for one
    attendance mark) and measures the cell again; with fixed column widths only the row
    needs drawing. Returns False, having changed nothing, if Textual's internals moved:
    the caller then takes the public (slower) way.
    """
    try:
        row_key, _ = table.coordinate_to_cell_key(Coordinate(index, 0))
        data = table._data[row_key]
        _ = table._update_count
    except (AttributeError, KeyError):
        return False
    for column, value in zip(table.ordered_columns, cells):
        data[column.key] = value
    table._update_count += 1  # the row's cached rendering is stale
    table.refresh_row(index)
    return True


def screen_lines(screen: Screen) -> list[str]:
    """The characters of ``screen`` as composited for the terminal, line by line (tests
    read what the user sees; Textual's public snapshot is an SVG)."""
    return [strip.text for strip in screen._compositor.render_strips()]


class LeanTable(DataTable):
    """A ``DataTable`` that repaints what changed and no more: fewer bytes to the terminal
    on every cursor key over SSH (issue 11 §4). Two private methods are overridden:

    - ``_set_hover_cursor``: every cursor key calls it to hide the mouse's hover cursor,
      and it repaints the row under the hover coordinate (the first row when no mouse was
      ever used) even when that cursor is already hidden. Nothing changes then, so nothing
      is repainted (the hover coordinate's own moves are repainted by
      ``watch_hover_coordinate``).
    - ``_refresh_region``: a row's region is at least as wide as the widget, scrollbar
      included, so each row repainted also repainted the scrollbar's cell beside it. The
      region is clipped to the rows' part of the widget; a scroll repaints the scrollbar
      anyway.
    """

    def _set_hover_cursor(self, active: bool) -> None:
        if active == self._show_hover_cursor:
            return
        super()._set_hover_cursor(active)

    def _refresh_region(self, region: Region) -> Self:
        if self.window_region.overlaps(region):
            visible = self.scrollable_content_region.size.region
            self.refresh(region.translate(-self.scroll_offset).intersection(visible))
        return self


TEXTUAL_CHOPS_RENDER = ChopsUpdate.render_segments  # Textual's own, for the tests


def _chops_without_empty_moves(update: ChopsUpdate, console: Console) -> str:
    """``ChopsUpdate.render_segments`` with its span end taken as exclusive, as it is made.

    Textual 8 compares a chop's start with a span's end by ``x > x2`` where ``x2`` is one
    past the span: the chop that starts right after a repainted span (a table's scrollbar
    beside a row) is cropped to nothing and sent anyway, as a cursor move. Over SSH that
    is nine bytes per repainted row, on every cursor key.
    """
    sequences: list[str] = []
    append = sequences.append
    move_to = Control.move_to
    chops = update.chops
    last_y = update.spans[-1][0]
    for y, x1, x2 in update.spans:
        for end, (x, strip) in zip(update.chop_ends[y], chops[y].items()):
            if strip is None or x >= x2 or end <= x1:
                continue
            if not (x2 > x >= x1 and end <= x2):
                strip = strip.crop(0, min(end, x2) - x)
            append(move_to(x, y).segment.text)
            append(strip.render(console))
        if y != last_y:
            append("\n")
    return "".join(sequences)


def send_no_empty_moves() -> bool:
    """Use :func:`_chops_without_empty_moves` for every partial screen update; False (and
    Textual's own rendering kept) when a Textual release no longer has what it reads."""
    if ChopsUpdate.render_segments is _chops_without_empty_moves:  # patched by an earlier app
        return True
    try:
        parameters = list(inspect.signature(ChopsUpdate.__init__).parameters)
    except (TypeError, ValueError):
        return False
    if parameters[1:] != ["chops", "spans", "chop_ends"]:
        return False
    ChopsUpdate.render_segments = _chops_without_empty_moves  # type: ignore[method-assign, assignment]  # the fix above
    return True

"""A row-cursor table for lists of records, filled a page at a time, and its columns.

``DataTable`` measures every cell it is given, so a list of 10,000 members would cost
seconds to open. ``ListTable.show`` keeps the records and hands the table only the rows
near the cursor, a page at a time: opening a list costs the same for 50 or 50,000 rows.

Columns are declared one way everywhere (:class:`Column`: a key, the catalog key of the
heading, a width in cells per language, at most one ``flex`` column taking the rest of
the terminal) and set up by ``ListTable.set_columns``; the list screens, the dashboard's
table and the kiosk's tables all build theirs so.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar, Generic, NamedTuple, TypeVar

from rich.segment import Segment
from rich.text import Text
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.strip import Strip
from textual.widgets import DataTable

from orglife_tui.locale import t, visible
from orglife_tui.tui.compat import LeanTable, set_row_cells

T = TypeVar("T")

PAGE = 200
"""Rows handed to the table at a time, after the first ones."""

FIRST_PAGE = 50
"""Rows handed over first (twice the terminal's height, when that is more): the table
measures every row it is given, and a list or the dashboard draws sooner without
measuring a page of rows far below what the screen shows."""

MARGIN = 20
"""When the cursor comes this close to the last row handed over, the next page follows."""

PADDING = 2
"""Cells a DataTable adds to each column (one either side)."""


class Column(NamedTuple):
    """A column of a table: its key, its heading, its width in cells in Chinese and in
    English; a ``flex`` column takes what the others leave of the terminal's width, and at
    least its own width.

    The heading is a catalog key, or (a heading made of data, such as a talker's name
    over their post) the ``Text`` to show as it is.
    """

    key: str
    heading: str | Text
    zh: int
    en: int
    flex: bool = False

    def width(self, lang: str) -> int:
        return self.zh if lang == "zh" else self.en


def column_widths(
    columns: Sequence[Column], lang: str, terminal_width: int | None = None, chrome: int = 1
) -> dict[str, int]:
    """Cells of each column by key; the flex column (at most one) gets what the others leave
    of ``terminal_width`` (``chrome``: cells the screen keeps for itself, the scrollbar).
    Without a terminal width every column has its own width."""
    if terminal_width is None:
        return {c.key: c.width(lang) for c in columns}
    fixed = sum(c.width(lang) + PADDING for c in columns if not c.flex)
    left = terminal_width - fixed - PADDING - chrome
    return {c.key: max(c.width(lang), left) if c.flex else c.width(lang) for c in columns}


class ListTable(LeanTable, Generic[T]):
    """A ``DataTable`` with a row cursor, Home/End to the first/last row, paged rows."""

    BINDINGS: ClassVar = [
        Binding("home", "scroll_top", show=False),
        Binding("end", "last_row", show=False),
    ]

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("cursor_type", "row")
        super().__init__(**kwargs)
        self.items: list[T] = []
        self._cells: Callable[[T], Sequence[Text]] | None = None
        self._shown = 0
        self.more: Callable[[], Sequence[T]] | None = None
        """Where further records come from once ``items`` are all shown (paging from SQL)."""

    def set_columns(self, columns: Sequence[Column], widths: Mapping[str, int]) -> None:
        """Set the columns up (again), ``widths`` in cells by key (``column_widths``); the
        rows go with the old columns."""
        self.clear(columns=True)
        for c in columns:
            heading = c.heading if isinstance(c.heading, Text) else t(c.heading)
            self.add_column(heading, width=widths[c.key], key=c.key)

    def show(
        self,
        items: Sequence[T],
        cells: Callable[[T], Sequence[Text]],
        more: Callable[[], Sequence[T]] | None = None,
        cursor: int = 0,
    ) -> None:
        """Show ``items`` (the first pages of them), with the cursor on row ``cursor``."""
        self.clear()
        self.items = list(items)
        self._cells = cells
        self._shown = 0
        self.more = more
        self._show_page()
        if self.items:
            row = min(max(cursor, 0), len(self.items) - 1)
            self.reveal(row)
            self.move_cursor(row=row, animate=False)

    def _show_page(self) -> bool:
        """Hand the table the next page of rows; False when there is nothing more."""
        if self._shown >= len(self.items) and self.more is not None:
            extra = self.more()
            if extra:
                self.items = [*self.items, *extra]
        size = PAGE if self._shown else self._first_page()
        chunk = self.items[self._shown : self._shown + size]
        if not chunk or self._cells is None:
            return False
        self.add_rows(_plain(self._cells(item)) for item in chunk)
        self._shown += len(chunk)
        return True

    def _first_page(self) -> int:
        try:
            height = self.app.size.height
        except RuntimeError:  # no app runs it (Textual's NoActiveAppError): no screen to fill
            height = 0
        return max(FIRST_PAGE, 2 * height)

    def reveal(self, index: int) -> bool:
        """Make sure row ``index`` is in the table (fetching pages up to it)."""
        while self._shown <= index:
            if not self._show_page():
                return False
        return True

    def find(self, match: Callable[[T], bool], limit: int | None = None) -> int | None:
        """Index of the first record that matches, fetching further pages to find it
        (but no further than ``limit`` records)."""
        index = 0
        while True:
            for i in range(index, len(self.items)):
                if match(self.items[i]):
                    self.reveal(i)
                    return i
            index = len(self.items)
            if self.more is None or (limit is not None and index >= limit):
                return None
            extra = self.more()
            if not extra:
                return None
            self.items = [*self.items, *extra]

    @property
    def current(self) -> T | None:
        """The record under the cursor."""
        i = self.cursor_row
        if not self.items or not 0 <= i < min(self._shown, len(self.items)):
            return None
        return self.items[i]

    def replace_item(self, index: int, item: T) -> None:
        """Show a changed record in place."""
        self.items[index] = item
        if index < self._shown and self._cells is not None:
            self._update_row(index, _plain(self._cells(item)))

    def _update_row(self, index: int, cells: Sequence[object]) -> None:
        """New cells for one row, repainting that row only.

        ``update_cell`` repaints the whole table (2.6 KB over SSH for one attendance
        mark); the column widths are fixed here, so only the row needs drawing again.
        """
        if set_row_cells(self, index, cells):
            return
        for column, value in enumerate(cells):  # Textual's internals moved: the public way
            self.update_cell_at(Coordinate(index, column), value)

    def render_line(self, y: int) -> Strip:
        """A line with its cells' runs of one style joined: fewer bytes to the terminal.

        ``DataTable`` styles each cell separately (they differ only in the mouse metadata
        naming the column), which costs a reset and a colour code per cell over SSH.
        """
        return _joined(super().render_line(y))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= self._shown - MARGIN:
            self._show_page()

    def action_last_row(self) -> None:
        """End: the last row (every record is fetched first; this is the one slow key)."""
        while self._show_page():
            pass
        self.action_scroll_bottom()


def _joined(strip: Strip) -> Strip:
    segments: list[Segment] = []
    last_key = None
    for segment in strip:
        text, style, control = segment
        key = None if control or style is None else style.clear_meta_and_links()
        if segments and key is not None and key == last_key:
            previous = segments[-1]
            segments[-1] = Segment(previous.text + text, previous.style)
        else:
            segments.append(segment)
        last_key = key
    return Strip(segments, strip.cell_length)


def _plain(cells: Sequence[object]) -> list[object]:
    """Cells as typed: DataTable reads a ``str`` cell as markup (``[/]`` in a name would
    crash the screen), so text is handed over as ``Text``, its control characters shown."""
    return [Text(visible(c), no_wrap=True, end="") if isinstance(c, str) else c for c in cells]

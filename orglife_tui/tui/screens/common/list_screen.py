"""The list screen: a table of records filling a screen, and the steps every list repeats.

Columns have headings from the catalog and widths in cells per language; one column may
take what the others leave of the terminal's width (``flex``), and follows when the
terminal is resized. Rows come from the store all at once (``fetch``) or a page at a time
(``PAGED``: ``fetch`` gives the first page, ``next_page`` the following ones); each record
becomes cells clipped to their column (``cells``). Whenever the screen comes back or a
change was saved, ``reload`` reads the rows again with the cursor on the record it was on,
or on the one just saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Generic, NamedTuple, TypeVar

from rich.text import Text
from textual.css.query import NoMatches
from textual.widgets import Static

from orglife_tui.locale import t
from orglife_tui.tui.cells import cell
from orglife_tui.tui.screens.common.base import BaseScreen
from orglife_tui.tui.widgets.table import ListTable

T = TypeVar("T")

PADDING = 2
"""Cells a DataTable adds to each column (one either side)."""


class Column(NamedTuple):
    """A column of a list: its key, the catalog key of its heading, its width in cells in
    Chinese and in English; a ``flex`` column takes what the others leave of the
    terminal's width, and at least its own width."""

    key: str
    heading: str
    zh: int
    en: int
    flex: bool = False

    def width(self, lang: str) -> int:
        return self.zh if lang == "zh" else self.en


def column_widths(
    columns: Sequence[Column], terminal_width: int, lang: str, chrome: int = 1
) -> dict[str, int]:
    """Cells of each column; the flex column (at most one) gets what the others leave of
    ``terminal_width`` (``chrome``: cells the screen keeps for itself, the scrollbar)."""
    fixed = sum(c.width(lang) + PADDING for c in columns if not c.flex)
    left = terminal_width - fixed - PADDING - chrome
    return {c.key: max(c.width(lang), left) if c.flex else c.width(lang) for c in columns}


class ListScreen(BaseScreen, Generic[T]):
    """A full screen around one :class:`ListTable` (``#TABLE_ID``) and an ``#empty`` note.

    A subclass composes the table and the note, names its ``COLUMNS`` and says how records
    are fetched (``fetch``), shown (``cells``) and known again after a reload (``key_of``).
    """

    TABLE_ID: ClassVar[str] = "list"
    TITLE_KEY: ClassVar[str] = ""
    """Catalog key of the screen's name in the Header."""
    COLUMNS: ClassVar[Sequence[Column]] = ()
    CHROME: ClassVar[int] = 1
    PAGED: ClassVar[bool] = False
    """Rows fetched a page at a time: ``fetch`` gives the first, ``next_page`` the rest."""
    KEEP_ROW: ClassVar[bool] = False
    """The cursor stays on its row rather than its record (a list a record leaves once it
    is dealt with: the cursor goes on to the next one)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.widths: dict[str, int] = {}
        """The cells of each column shown now."""

    # ------------------------------------------------------------------ the table

    @property
    def table(self) -> ListTable[T]:
        return self.query_one(f"#{self.TABLE_ID}", ListTable)

    @property
    def rows(self) -> list[T]:
        """The records on the list (those fetched so far, on a paged list)."""
        try:
            return list(self.table.items)
        except NoMatches:  # not composed yet
            return []

    def highlighted(self) -> T | None:
        """The record under the cursor."""
        return self.table.current

    def columns(self) -> Sequence[Column]:
        """The columns shown now (a screen may show others on a wide terminal, or in
        another view)."""
        return self.COLUMNS

    def column_widths(self) -> dict[str, int]:
        return column_widths(self.columns(), self.app.size.width, self.session.lang, self.CHROME)

    def add_columns(self) -> None:
        """Set the table's columns up again (rows are shown again by ``reload``)."""
        table = self.table
        table.clear(columns=True)
        self.widths = self.column_widths()
        for column in self.columns():
            table.add_column(t(column.heading), width=self.widths[column.key], key=column.key)

    def cell(self, key: str, text: str | None, style: str = "") -> Text:
        """``text`` as a cell of column ``key``, clipped to its width."""
        return cell(text, self.widths[key], style)

    # ------------------------------------------------------------------ lifecycle

    def on_mount(self) -> None:
        if self.TITLE_KEY:
            self.sub_title = t(self.TITLE_KEY)
        self.add_columns()
        self.table.focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def on_resize(self) -> None:
        table = self.table
        if table.columns and self.column_widths() != self.widths:
            self.add_columns()
            table.show(table.items, self.cells, more=table.more, cursor=table.cursor_row)

    # ------------------------------------------------------------------ rows

    def fetch(self) -> Sequence[T]:
        """The records to list (the first page of them, on a paged list)."""
        raise NotImplementedError

    def next_page(self) -> Sequence[T]:
        """On a paged list, the records after those fetched; empty at the end."""
        return []

    def cells(self, item: T) -> Sequence[Text]:
        """The cells of ``item``'s row, in the order of ``columns()``."""
        raise NotImplementedError

    def key_of(self, item: T) -> object:
        """What names ``item`` across reloads (its id by default)."""
        return item.id  # type: ignore[attr-defined]  # a record without one overrides this

    def reload(self, wanted: object = None, keep: bool = True) -> None:
        """Read the rows again; the cursor goes to the record named ``wanted`` or, with
        ``keep``, stays on the record it was on (on a paged list: if that is among as many
        rows as were fetched before; pages are fetched until ``wanted`` is found)."""
        table = self.table
        current = table.current if keep else None
        kept = None if current is None else self.key_of(current)
        if self.PAGED:
            fetched = len(table.items)
            table.show(self.fetch(), self.cells, more=self.next_page)
            index = None
            if wanted is not None:
                index = table.find(lambda item: self.key_of(item) == wanted)
            elif kept is not None:
                index = table.find(lambda item: self.key_of(item) == kept, limit=fetched)
            if index is not None:
                table.move_cursor(row=index, animate=False)
        else:
            rows = self.fetch()
            target = wanted if wanted is not None else kept
            index = next((i for i, r in enumerate(rows) if self.key_of(r) == target), 0)
            if self.KEEP_ROW and wanted is None and keep:
                index = table.cursor_row
            table.show(rows, self.cells, cursor=index)
        self.show_state()

    def show_state(self) -> None:
        """What the screen shows around the rows once they are read (counts, a summary);
        by default the ``#empty`` note in place of an empty table."""
        self.show_empty(self.empty_text())

    def empty_text(self) -> str:
        """The note shown in place of an empty table."""
        return ""

    def show_empty(self, text: str | None) -> None:
        """The table, or ``text`` in its place when it has no rows (None: the note as it
        was)."""
        table = self.table
        empty = self.query_one("#empty", Static)
        if text is not None:
            empty.update(text)
        table.display = bool(table.items)
        empty.display = not table.items

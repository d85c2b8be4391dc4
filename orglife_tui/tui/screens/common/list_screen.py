"""The list screen: a table of records filling a screen, and the steps every list repeats.

Layout: the Header, what the screen shows above the table (``compose_above``), the table
(``#TABLE_ID``), the ``#empty`` note shown in its place when there are no rows, what goes
below it (``compose_below``) and the Footer.

Columns (:class:`Column`) have headings from the catalog and widths in cells per language;
one column may take what the others leave of the terminal's width (``flex``), and follows
when the terminal is resized. ``columns()`` is asked again at every reload and the table
set up again when they changed: a screen may show other columns in another view, on a
wide terminal, or after each fetch (a matrix with a column per committee member).

Rows come from the store all at once (``fetch``) or, on a ``PAGED`` list, ``PAGE_SIZE``
at a time (``page``), the next page as the cursor nears the end of those read; each record
becomes cells clipped to their column (``cells``). Whenever the screen comes back or a
change was saved, ``reload`` reads the rows again with the cursor on the record it was
on, or on the one just saved; a read the store refuses is said in a notification and the
rows stay as they were. Then ``show_state`` shows what goes around the rows (counts, a
summary, the empty note) and ``show_detail`` what is said under the list of the
highlighted record, shown again as the cursor moves. Enter on a row runs
``SELECT_ACTION``.

Lists of one year (or month) at a time step with ``[``/``]`` (``step_bindings``); lists
with a search bar (``search_bar``) search as the user types.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from rich.text import Text
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.widgets import DataTable, Footer, Input, Label, Static

from orglife_tui.data.errors import StoreError
from orglife_tui.locale import t
from orglife_tui.tui.cells import cell
from orglife_tui.tui.screens.common.base import BaseScreen, app_header
from orglife_tui.tui.widgets.table import PADDING, Column, ListTable, column_widths

__all__ = [
    "PADDING",
    "SEARCH_DONE",
    "Column",
    "ListScreen",
    "notes",
    "search_bar",
    "step_bindings",
]

T = TypeVar("T")

_NOTHING = object()
"""The key of no record (a record's key may be None: the sum line of a matrix)."""

SEARCH_DONE = Binding("enter", "search_done", show=False, priority=True)
"""Enter in the search returns to the list at once (keys typed ahead go to the list);
Enter on the list does what it does there."""


STEPS = {
    "year": ("tui.key.year", "tui.key.prev_year", "tui.key.next_year"),
    "month": ("tui.key.month", "tui.key.prev_month", "tui.key.next_month"),
}
"""Catalog keys of the ``[``/``]`` keys by what they step: the group, back, on."""


def step_bindings(prefix: str, unit: str = "year") -> list[Binding]:
    """``[``/``]`` (or Shift+←/→): the previous or next year (``unit`` "month": month) on
    view, through ``action_step``."""
    group_key, back, on = STEPS[unit]
    group = Binding.Group(group_key)
    return [
        Binding(
            f"{key},shift+{arrow}",
            f"step({step})",
            description,
            id=f"{prefix}.{which}",
            key_display=key_display,
            group=group,
        )
        for key, arrow, step, description, which, key_display in (
            ("left_square_bracket", "left", -1, back, "prev", "["),
            ("right_square_bracket", "right", 1, on, "next", "]"),
        )
    ]


def notes(*ids: str) -> ComposeResult:
    """Lines of text around a list (a heading, counts, a detail), shown as typed."""
    return [Static(id=note_id, markup=False) for note_id in ids]


def search_bar(label_key: str, hint_key: str) -> Horizontal:
    """The ``#search`` field with its label, above a list that searches as one types."""
    search = Input(placeholder=t(hint_key), id="search", compact=True)
    search.cursor_blink = False
    label = Label(t(label_key), id="search-label", markup=False)
    return Horizontal(label, search, id="search-bar")


class ListScreen(BaseScreen, Generic[T]):
    """A full screen around one :class:`ListTable` (``#TABLE_ID``) and an ``#empty`` note.

    A subclass names its ``COLUMNS`` (or ``columns()``) and says how records are fetched
    (``fetch``), shown (``cells``) and known again after a reload (``key_of``).
    """

    TABLE_ID: ClassVar[str] = "list"
    TABLE_OPTIONS: ClassVar[Mapping[str, Any]] = {}
    """Options of the table (columns that stay in place, a taller header …)."""
    TITLE_KEY: ClassVar[str] = ""
    """Catalog key of the screen's name in the Header."""
    COLUMNS: ClassVar[Sequence[Column]] = ()
    CHROME: ClassVar[int] = 1
    PAGED: ClassVar[bool] = False
    """Rows read a page at a time (``page``); the first by ``fetch``, the others by
    ``next_page`` until one comes back short."""
    PAGE_SIZE: ClassVar[int] = 200
    KEEP_ROW: ClassVar[bool] = False
    """The cursor stays on its row rather than its record (a list a record leaves once it
    is dealt with: the cursor goes on to the next one)."""
    RELOAD_ON_RESUME: ClassVar[bool] = True
    """The rows are read again whenever the screen comes back (from a form, a dialog, a
    screen opened over it). False: read once when the screen opens, then kept up to date
    row by row (the attendance sheet: a dialog closed over it repaints no row)."""
    SELECT_ACTION: ClassVar[str] = ""
    """The action Enter (or a click) on a row runs, if the screen allows it now."""
    NOTHING_SELECTED: ClassVar[str] = ""
    """Catalog key of the warning when a key needs a record and none is highlighted."""
    EMPTY_NOTE: ClassVar[bool] = True
    """An ``#empty`` note takes the table's place when there are no rows (False: the
    table stays, its headings over no rows)."""

    year: int
    """The year on view, on a list of one year at a time (``step_bindings``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.widths: dict[str, int] = {}
        """The cells of each column shown now."""
        self._columns: tuple[Column, ...] = ()
        self._read = 0
        """On a paged list, the records read so far (and ``_done``: all of them)."""
        self._done = False

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield app_header()
        yield from self.compose_above()
        yield ListTable(id=self.TABLE_ID, **self.TABLE_OPTIONS)
        if self.EMPTY_NOTE:
            yield Static(id="empty", markup=False)
        yield from self.compose_below()
        yield Footer(show_command_palette=False, compact=True)

    def compose_above(self) -> ComposeResult:
        """What stands between the Header and the table (a heading, a search bar)."""
        return ()

    def compose_below(self) -> ComposeResult:
        """What stands between the table and the Footer (counts, the highlighted record)."""
        return ()

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

    def selected(self) -> T | None:
        """The record under the cursor, for a key that needs one; None (after a warning
        that there is none) on an empty list."""
        item = self.highlighted()
        if item is None:
            self.notify(t(self.NOTHING_SELECTED), severity="warning")
        return item

    def columns(self) -> Sequence[Column]:
        """The columns shown now (a screen may show others on a wide terminal, in another
        view, or as the rows fetched ask)."""
        return self.COLUMNS

    def column_widths(self) -> dict[str, int]:
        return column_widths(self.columns(), self.session.lang, self.app.size.width, self.CHROME)

    def add_columns(self) -> None:
        """Set the table's columns up again (rows are shown again by ``reload``)."""
        self._columns = tuple(self.columns())
        self.widths = self.column_widths()
        self.table.set_columns(self._columns, self.widths)

    def _columns_changed(self) -> bool:
        return tuple(self.columns()) != self._columns or self.column_widths() != self.widths

    def cell(self, key: str, text: str | None, style: str = "") -> Text:
        """``text`` as a cell of column ``key``, clipped to its width."""
        return cell(text, self.widths[key], style)

    # ------------------------------------------------------------------ lifecycle

    def on_mount(self) -> None:
        if self.TITLE_KEY:
            self.sub_title = t(self.TITLE_KEY)
        self.add_columns()
        if not self.RELOAD_ON_RESUME:
            self.reload()
        self.table.focus()

    def on_screen_resume(self) -> None:
        if self.RELOAD_ON_RESUME:
            self.reload()

    def on_resize(self) -> None:
        table = self.table
        if table.columns and self._columns_changed():
            row = table.cursor_row  # setting the columns up again empties the table
            self.add_columns()
            table.show(table.items, self.cells, more=table.more, cursor=row)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table is self.table:
            self.show_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        action = self.SELECT_ACTION
        if action and event.data_table is self.table:
            event.stop()
            if self.check_action(action, ()):
                getattr(self, f"action_{action}")()

    # ------------------------------------------------------------------ rows

    def fetch(self) -> Sequence[T]:
        """The records to list (the first page of them, on a paged list)."""
        if not self.PAGED:
            raise NotImplementedError
        self._read, self._done = 0, False
        return self.next_page()

    def page(self, offset: int, limit: int) -> Sequence[T]:
        """On a paged list: at most ``limit`` records, from the ``offset``-th on."""
        raise NotImplementedError

    def next_page(self) -> Sequence[T]:
        """On a paged list, the records after those read; empty at the end."""
        if self._done:
            return []
        rows = self.page(self._read, self.PAGE_SIZE)
        self._read += len(rows)
        self._done = len(rows) < self.PAGE_SIZE
        return rows

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
        kept = _NOTHING if current is None else self.key_of(current)
        fetched, row = len(table.items), table.cursor_row
        try:
            rows = self.fetch()
        except StoreError as error:
            self.notify(str(error), severity="error")
            return
        if self._columns_changed():
            self.add_columns()
        if self.PAGED:
            table.show(rows, self.cells, more=self.next_page)
            index = None
            if wanted is not None:
                index = table.find(lambda item: self.key_of(item) == wanted)
            elif kept is not _NOTHING:
                index = table.find(lambda item: self.key_of(item) == kept, limit=fetched)
            if index is not None:
                table.move_cursor(row=index, animate=False)
        else:
            target = wanted if wanted is not None else kept
            index = next((i for i, r in enumerate(rows) if self.key_of(r) == target), 0)
            if self.KEEP_ROW and wanted is None and keep:
                index = row
            table.show(rows, self.cells, cursor=index)
        self.show_state()
        self.show_detail()

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
        if not self.EMPTY_NOTE:
            return
        table = self.table
        empty = self.query_one("#empty", Static)
        if text is not None:
            empty.update(text)
        table.display = bool(table.items)
        empty.display = not table.items

    def show_detail(self) -> None:
        """What the screen says under the list of the highlighted record (nothing by
        default); shown again as the cursor moves."""

    # ------------------------------------------------------------------ keys

    def action_step(self, step: int) -> None:
        """``[``/``]`` (``step_bindings``): the year before or after; the cursor does not
        carry over to another year."""
        self.year += step
        self.reload(keep=False)

    @property
    def search_text(self) -> str:
        """What is typed in the search bar (``search_bar``)."""
        return self.query_one("#search", Input).value.strip()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            self.reload(keep=False)

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_search_done(self) -> None:
        if not self.query_one("#search", Input).has_focus:
            raise SkipAction()  # Enter on the list: the row's own action
        self.table.focus()

    async def action_escape(self) -> None:
        """Escape empties the search (and leaves it), or goes back when it is empty."""
        search = self.query_one("#search", Input)
        if search.has_focus:
            search.value = ""
            self.table.focus()
        elif search.value:
            search.value = ""
        else:
            await self.app.action_back()

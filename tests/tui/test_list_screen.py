"""The list screen every list of the TUI is built on: its columns, how it reads its rows
again, where the cursor goes, Enter on a row, and the table's columns declared one way."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import App

from orglife_tui.data.errors import StoreError
from orglife_tui.locale import set_language
from orglife_tui.tui.screens.common.base import BaseModal, Session
from orglife_tui.tui.screens.common.list_screen import Column, ListScreen
from orglife_tui.tui.widgets.table import column_widths
from tests.tui.conftest import TODAY, wait_until

COLUMNS = (
    Column("no", "col.member_no", 4, 6),
    Column("name", "col.name", 8, 8, flex=True),
)


def test_a_flex_column_takes_what_the_others_leave():
    # 80 cells: the number's 6 and the padding of two columns (2 each) and the scrollbar.
    assert column_widths(COLUMNS, "en", 80) == {"no": 6, "name": 80 - 6 - 2 - 2 - 1}
    assert column_widths(COLUMNS, "zh", 80)["no"] == 4


def test_a_flex_column_keeps_its_own_width_on_a_narrow_terminal():
    assert column_widths(COLUMNS, "en", 12)["name"] == 8


def test_without_a_terminal_width_every_column_has_its_own():
    assert column_widths(COLUMNS, "zh") == {"no": 4, "name": 8}


@dataclass(frozen=True)
class Record:
    id: int | None
    name: str


class Records(ListScreen[Record]):
    """A list over records held in memory; what the store would give is ``source``."""

    COLUMNS = COLUMNS
    SELECT_ACTION = "pick"

    def __init__(self, session: Session, source: list[Record]) -> None:
        super().__init__(session)
        self.source = source
        self.fetched = 0
        self.refuse = False
        self.allowed = True
        self.picked: list[Record | None] = []
        self.extra: tuple[Column, ...] = ()

    def fetch(self) -> list[Record]:
        if self.refuse:
            raise StoreError("member_not_found", member_no="009")
        self.fetched += 1
        return list(self.source)

    def columns(self) -> tuple[Column, ...]:
        return (*COLUMNS, *self.extra)

    def cells(self, r: Record) -> tuple[Text, ...]:
        extra = tuple(self.cell(c.key, "") for c in self.extra)
        return (self.cell("no", str(r.id)), self.cell("name", r.name), *extra)

    def empty_text(self) -> str:
        return "nobody"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.allowed if action == "pick" else True

    def action_pick(self) -> None:
        self.picked.append(self.highlighted())


class Sheet(Records):
    """Read once; kept up to date row by row; the cursor stays on its row."""

    RELOAD_ON_RESUME = False
    KEEP_ROW = True
    EMPTY_NOTE = False


class Dialog(BaseModal[None]):
    BINDINGS: ClassVar = [("escape", "close")]

    def action_close(self) -> None:
        self.finish(None)


class Host(App[None]):
    def __init__(self, screen: Records) -> None:
        set_language("en")
        super().__init__()
        self.list_screen = screen
        self.notes: list[str] = []

    def on_mount(self) -> None:
        self.push_screen(self.list_screen)

    def notify(self, message: str, **kwargs) -> None:  # type: ignore[override]
        self.notes.append(message)


def records(*names: str, start: int = 1) -> list[Record]:
    return [Record(start + i, name) for i, name in enumerate(names)]


def session(store, branch) -> Session:
    return Session(store, branch, "en", TODAY)


async def test_the_cursor_stays_on_its_record_when_rows_come_before_it(sqlite_store, empty_branch):
    screen = Records(session(sqlite_store, empty_branch), records("a", "b", "c"))
    async with Host(screen).run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down")
        assert screen.highlighted() == Record(3, "c")
        screen.source[:0] = [Record(9, "new")]
        screen.reload()
        assert screen.highlighted() == Record(3, "c")
        screen.reload(9)  # the record just saved
        assert screen.highlighted() == Record(9, "new")
        screen.reload(keep=False)
        assert screen.table.cursor_row == 0


async def test_a_record_whose_key_is_none_does_not_take_the_cursor_of_a_new_list(
    sqlite_store, empty_branch
):
    # The sum line of a matrix has no member: the first read starts on the first row.
    screen = Records(session(sqlite_store, empty_branch), [*records("a", "b"), Record(None, "Σ")])
    async with Host(screen).run_test(size=(80, 24)):
        assert screen.table.cursor_row == 0


async def test_an_empty_list_shows_its_note_in_place_of_the_table(sqlite_store, empty_branch):
    screen = Records(session(sqlite_store, empty_branch), [])
    async with Host(screen).run_test(size=(80, 24)) as pilot:
        empty = screen.query_one("#empty")
        assert empty.display and not screen.table.display
        assert "nobody" in str(empty.render())
        screen.source.append(Record(1, "a"))
        screen.reload()
        await pilot.pause()
        assert screen.table.display and not empty.display


async def test_columns_that_change_with_the_rows_are_set_up_again(sqlite_store, empty_branch):
    screen = Records(session(sqlite_store, empty_branch), records("a"))
    async with Host(screen).run_test(size=(80, 24)):
        assert [str(c.label) for c in screen.table.columns.values()] == ["No.", "Name"]
        screen.extra = (Column("talker.001", Text("张伟\n书记"), 6, 6),)
        screen.reload()
        assert [c.key.value for c in screen.table.columns.values()] == [
            "no",
            "name",
            "talker.001",
        ]
        assert screen.table.columns["talker.001"].label.plain == "张伟\n书记"
        assert screen.widths["talker.001"] == 6


async def test_a_flex_column_follows_the_terminal(sqlite_store, empty_branch):
    screen = Records(session(sqlite_store, empty_branch), records("a", "b"))
    app = Host(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        assert screen.widths["name"] == 80 - 6 - 2 - 2 - 1
        await pilot.press("down")
        await pilot.resize_terminal(100, 24)
        await wait_until(pilot, lambda: screen.widths["name"] == 100 - 6 - 2 - 2 - 1)
        assert len(screen.rows) == 2
        assert screen.highlighted() == Record(2, "b")  # the cursor where it was


async def test_a_read_the_store_refuses_is_said_and_the_rows_stay(sqlite_store, empty_branch):
    screen = Records(session(sqlite_store, empty_branch), records("a", "b"))
    app = Host(screen)
    async with app.run_test(size=(80, 24)):
        screen.refuse = True
        screen.reload()
        assert app.notes == ["No member with number 009."]
        assert [r.name for r in screen.rows] == ["a", "b"]


async def test_enter_on_a_row_runs_the_select_action_when_the_screen_allows_it(
    sqlite_store, empty_branch
):
    screen = Records(session(sqlite_store, empty_branch), records("a", "b"))
    async with Host(screen).run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")
        assert screen.picked == [Record(2, "b")]
        screen.allowed = False
        await pilot.press("enter")
        assert screen.picked == [Record(2, "b")]


async def test_a_list_reads_its_rows_again_when_it_comes_back(sqlite_store, empty_branch):
    screen = Records(session(sqlite_store, empty_branch), records("a"))
    app = Host(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        assert screen.fetched == 1
        app.push_screen(Dialog())
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert screen.fetched == 2


async def test_a_sheet_kept_row_by_row_is_read_once(sqlite_store, empty_branch):
    screen = Sheet(session(sqlite_store, empty_branch), records("a", "b", "c"))
    app = Host(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        assert screen.fetched == 1
        assert not screen.query("#empty")  # no note: the table stays
        await pilot.press("down")
        app.push_screen(Dialog())
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert screen.fetched == 1
        screen.source.insert(0, Record(9, "new"))
        screen.extra = (Column("more", "col.name", 4, 4),)  # and other columns
        screen.reload()
        assert screen.table.cursor_row == 1  # the row, not the record


class Paged(Records):
    """Three records a page; every read of a page is noted."""

    PAGED = True
    PAGE_SIZE = 3

    def __init__(self, session: Session, source: list[Record]) -> None:
        super().__init__(session, source)
        self.reads: list[tuple[int, int]] = []

    def fetch(self) -> list[Record]:
        self.fetched += 1
        return list(ListScreen.fetch(self))

    def page(self, offset: int, limit: int) -> list[Record]:
        self.reads.append((offset, limit))
        return self.source[offset : offset + limit]


async def test_a_paged_list_reads_a_page_at_a_time_until_one_comes_back_short(
    sqlite_store, empty_branch
):
    names = [f"m{i}" for i in range(7)]
    screen = Paged(session(sqlite_store, empty_branch), records(*names))
    async with Host(screen).run_test(size=(80, 24)) as pilot:
        assert screen.reads[0] == (0, 3)  # (the cursor near the end reads the next)
        await pilot.press("end")  # every record: the pages follow
        await pilot.pause()
        assert screen.reads == [(0, 3), (3, 3), (6, 3)]
        assert [r.name for r in screen.rows] == names
        assert screen.next_page() == []  # the short page was the last
        screen.reload(7)  # a record on the third page: the pages up to it are read again
        assert screen.highlighted() == Record(7, "m6")
        assert screen.reads[3:] == [(0, 3), (3, 3), (6, 3)]

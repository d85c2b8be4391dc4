"""The branch roster: a searchable list of members, paged from SQL, with add and edit."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Input, Label, Static

from orglife_tui.data.store import MemberRow
from orglife_tui.locale import t
from orglife_tui.screens.base import BaseScreen, app_header, cell
from orglife_tui.screens.member_form import MemberFormScreen
from orglife_tui.widgets.table import ListTable

PAGE = 200
"""Rows fetched per query; more are fetched as the cursor nears the end of what is loaded."""

# (column key, catalog key of the heading, width in cells for zh, for en)
COLUMNS = (
    ("member_no", "col.member_no", 8, 7),
    ("name", "col.name", 8, 8),
    ("gender", "col.gender", 4, 6),
    ("status", "col.status", 8, 12),
    ("group", "col.group", 12, 10),
    ("post", "col.post", 8, 9),
    ("phone", "col.phone", 13, 13),
)


class MembersScreen(BaseScreen):
    CSS_PATH = "members.tcss"
    HELP_KEY = "tui.help.members"

    BINDINGS: ClassVar = [
        Binding("slash", "search", "tui.key.search", id="members.search", key_display="/"),
        Binding("n", "new", "tui.key.new", id="members.new"),
        Binding("e,enter", "edit", "tui.key.edit", id="members.edit", key_display="e"),
        Binding("escape", "escape", "tui.key.back", id="members.back"),
        # Enter in the search returns to the list at once (keys typed ahead go to the list).
        Binding("enter", "search_done", show=False, priority=True),
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.rows: list[MemberRow] = []
        self.total = 0
        self.matching = 0

    def compose(self) -> ComposeResult:
        yield app_header()
        with Horizontal(id="search-bar"):
            yield Label(t("tui.members.search_label"), id="search-label", markup=False)
            search = Input(placeholder=t("tui.members.search_hint"), id="search", compact=True)
            search.cursor_blink = False
            yield search
        yield ListTable(id="members")
        yield Static(id="empty", markup=False)
        yield Static(id="count", markup=False)
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = t("tui.members.title")
        table = self.query_one("#members", DataTable)
        zh = self.session.lang == "zh"
        for key, heading, width_zh, width_en in COLUMNS:
            table.add_column(t(heading), width=width_zh if zh else width_en, key=key)
        table.focus()

    def on_screen_resume(self) -> None:
        self.reload()

    # ------------------------------------------------------------------ data

    @property
    def search_text(self) -> str:
        return self.query_one("#search", Input).value.strip()

    def _cells(self, m: MemberRow) -> tuple[Text, ...]:
        s = self.session
        zh = s.lang == "zh"
        widths = {key: (wz if zh else we) for key, _, wz, we in COLUMNS}
        values = {
            "member_no": m.member_no,
            "name": m.name,
            "gender": s.label(m.gender),
            "status": s.label(m.status),
            "group": m.group or "",
            "post": s.label(m.post),
            "phone": m.phone or "",
        }
        return tuple(cell(values[key], widths[key]) for key, *_ in COLUMNS)

    def highlighted(self) -> MemberRow | None:
        table = self.query_one("#members", DataTable)
        if not self.rows or table.cursor_row < 0 or table.cursor_row >= len(self.rows):
            return None
        return self.rows[table.cursor_row]

    def reload(self, member_no: str | None = None) -> None:
        """Query the first page again (after a search, a save, or coming back)."""
        current = self.highlighted()
        wanted = member_no or (current.member_no if current else None)
        store, branch_id, search = self.store, self.branch_id, self.search_text or None
        self.total = store.count_members(branch_id)
        self.matching = store.count_members(branch_id, search=search) if search else self.total
        self.rows = store.list_members(branch_id, search=search, limit=PAGE)
        table = self.query_one("#members", DataTable)
        table.clear()
        table.add_rows(self._cells(m) for m in self.rows)
        if wanted:
            index = self._find(wanted)
            if index is not None:
                table.move_cursor(row=index, animate=False)
        self._show_state()

    def _find(self, member_no: str) -> int | None:
        """Index of the member in the list, fetching further pages until it is loaded."""
        while True:
            for i, m in enumerate(self.rows):
                if m.member_no == member_no:
                    return i
            if not self._load_more():
                return None

    def _load_more(self) -> bool:
        if len(self.rows) >= self.matching:
            return False
        more = self.store.list_members(
            self.branch_id, search=self.search_text or None, offset=len(self.rows), limit=PAGE
        )
        if not more:
            return False
        self.rows.extend(more)
        self.query_one("#members", DataTable).add_rows(self._cells(m) for m in more)
        return True

    def _show_state(self) -> None:
        table = self.query_one("#members", DataTable)
        empty = self.query_one("#empty", Static)
        count = self.query_one("#count", Static)
        search = self.search_text
        if self.total == 0:
            empty.update(t("tui.members.empty"))
        elif not self.rows:
            empty.update(t("tui.members.no_match", search=search))
        table.display = bool(self.rows)
        empty.display = not self.rows
        if search:
            count.update(t("tui.members.count_search", found=self.matching, total=self.total))
        else:
            count.update(t("tui.members.count", total=self.total))

    @on(DataTable.RowHighlighted, "#members")
    def _maybe_load_more(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= len(self.rows) - 20:
            self._load_more()

    # ------------------------------------------------------------------ search

    @on(Input.Changed, "#search")
    def _search_changed(self) -> None:
        self.reload()

    def action_search_done(self) -> None:
        if not self.query_one("#search", Input).has_focus:
            raise SkipAction()  # Enter on the list edits the member
        self.query_one("#members", DataTable).focus()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_escape(self) -> None:
        search = self.query_one("#search", Input)
        table = self.query_one("#members", DataTable)
        if search.has_focus:
            search.value = ""
            table.focus()
        elif search.value:
            search.value = ""
        else:
            self.app.action_back()  # type: ignore[attr-defined]

    # ------------------------------------------------------------------ add / edit

    def action_new(self) -> None:
        self.app.push_screen(MemberFormScreen(self.session, None, on_result=self._saved))

    def action_edit(self) -> None:
        member = self.highlighted()
        if member is None:
            self.notify(t("tui.members.nothing_to_edit"), severity="warning")
            return
        self.app.push_screen(MemberFormScreen(self.session, member, on_result=self._saved))

    @on(DataTable.RowSelected, "#members")
    def _row_selected(self) -> None:
        self.action_edit()

    def _saved(self, member: MemberRow | None) -> None:
        if member is None:
            return
        self.notify(t("tui.member.saved", name=member.name, member_no=member.member_no))
        self.reload(member.member_no)

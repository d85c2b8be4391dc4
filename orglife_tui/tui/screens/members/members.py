"""The branch roster: a searchable list of members, paged from SQL, with add and edit.

It lists the members in the branch today; ``v`` switches to those who have left (历史党员,
with the day and the way they left) and back. ``r`` opens the menu of a member's events
(transfer out, conversion, extended probation, away, back, death, removal, history,
transfer in, the conversion watch); each also has its own key (F1 lists them).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Input, Label, Static

from orglife_tui.data.store import STANDING_ARCHIVED, STANDING_CURRENT, MemberRow
from orglife_tui.domain import MemberEventKind
from orglife_tui.locale import t
from orglife_tui.tui.screens.common.base import BaseScreen, app_header, cell
from orglife_tui.tui.screens.members.member_events import open_event
from orglife_tui.tui.screens.members.member_form import MemberFormScreen
from orglife_tui.tui.screens.points.ledger import LedgerScreen
from orglife_tui.tui.widgets.table import ListTable

PAGE = 200
"""Members fetched per query; more follow as the cursor nears the end of those fetched."""

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
# The archived view (历史党员): when and how each member left instead of post and phone.
ARCHIVED_COLUMNS = (
    ("member_no", "col.member_no", 8, 7),
    ("name", "col.name", 8, 8),
    ("status", "col.status", 8, 12),
    ("group", "col.group", 12, 10),
    ("left_on", "membership.col.left_on", 10, 10),
    ("left_kind", "membership.col.left_kind", 12, 13),
)
# The keys of single events (shown by F1 and in the ``r`` menu, not in the Footer).
EVENT_KEYS = (
    ("o", "transfer_out", "membership.tui.do.transfer_out"),
    ("c", "conversion", "membership.tui.do.conversion"),
    ("t", "probation_extended", "membership.tui.do.probation_extended"),
    ("a", "away", "membership.tui.do.away"),
    ("b", "back", "membership.tui.do.back"),
    ("d", "deceased", "membership.tui.do.deceased"),
    ("x", "removed", "membership.tui.do.removed"),
    ("h", "history", "membership.tui.do.history"),
    ("i", "transfer_in", "membership.tui.do.transfer_in"),
    ("w", "watch", "membership.tui.do.watch"),
)


class MembersScreen(BaseScreen):
    CSS_PATH = "members.tcss"
    HELP_KEY = "membership.tui.help.members"

    BINDINGS: ClassVar = [
        Binding("slash", "search", "tui.key.search", id="members.search", key_display="/"),
        Binding("n", "new", "tui.key.new", id="members.new"),
        Binding("e,enter", "edit", "tui.key.edit", id="members.edit", key_display="e"),
        Binding("p,L", "ledger", "tui.key.points", id="members.ledger", key_display="p"),
        Binding("r", "event", "membership.tui.key.event", id="members.event"),
        Binding("v", "archive", "membership.tui.key.archive", id="members.archive"),
        *(
            Binding(key, f"event('{action}')", label, id=f"members.{action}", show=False)
            for key, action, label in EVENT_KEYS
        ),
        Binding("escape", "escape", "tui.key.back", id="members.back"),
        # Enter in the search returns to the list at once (keys typed ahead go to the list).
        Binding("enter", "search_done", show=False, priority=True),
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.total = 0
        self.matching = 0
        self.standing = STANDING_CURRENT
        """Who is listed: the members in the branch today, or (``v``) those who have left."""

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
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.sub_title = t("membership.tui.archive_title" if self.archived else "tui.members.title")
        table = self.query_one("#members", ListTable)
        table.add_localized_columns(
            ARCHIVED_COLUMNS if self.archived else COLUMNS, self.session.lang
        )
        table.focus()

    @property
    def archived(self) -> bool:
        return self.standing == STANDING_ARCHIVED

    def on_screen_resume(self) -> None:
        self.reload()

    # ------------------------------------------------------------------ data

    @property
    def search_text(self) -> str:
        return self.query_one("#search", Input).value.strip()

    def _cells(self, m: MemberRow) -> tuple[Text, ...]:
        s = self.session
        zh = s.lang == "zh"
        columns = ARCHIVED_COLUMNS if self.archived else COLUMNS
        widths = {key: (wz if zh else we) for key, _, wz, we in columns}
        values = {
            "member_no": m.member_no,
            "name": m.name,
            "gender": s.label(m.gender),
            "status": s.label(m.status),
            "group": m.group or "",
            "post": s.label(m.post),
            "phone": m.phone or "",
            "left_on": m.left_on.isoformat() if m.left_on else "",
            "left_kind": s.label(MemberEventKind(m.left_kind)) if m.left_kind else "",
        }
        return tuple(cell(values[key], widths[key]) for key, *_ in columns)

    @property
    def table(self) -> ListTable[MemberRow]:
        return self.query_one("#members", ListTable)

    @property
    def rows(self) -> list[MemberRow]:
        """The members fetched so far (the first pages of those matching the search)."""
        return list(self.table.items)

    def highlighted(self) -> MemberRow | None:
        return self.table.current

    def reload(self, member_no: str | None = None, keep: bool = True) -> None:
        """Query the first page again (after a search, a save, or coming back).

        The cursor stays on ``member_no`` (a member just saved: pages are fetched until
        it is found) or, with ``keep``, on the member it was on if that is within as many
        rows as were fetched before.
        """
        table = self.table
        current = table.current if keep else None
        fetched = len(table.items)
        store, branch_id, search = self.store, self.branch_id, self.search_text or None
        standing = self.standing
        self.total = store.count_members(branch_id, standing=standing)
        self.matching = (
            store.count_members(branch_id, search=search, standing=standing)
            if search
            else self.total
        )
        first = store.list_members(branch_id, search=search, limit=PAGE, standing=standing)
        table.show(first, self._cells, more=self._next_page)
        if member_no is not None:
            index = table.find(lambda m: m.member_no == member_no)
        elif current is not None:
            index = table.find(lambda m: m.member_no == current.member_no, limit=fetched)
        else:
            index = None
        if index is not None:
            table.move_cursor(row=index, animate=False)
        self._show_state()

    def _next_page(self) -> list[MemberRow]:
        fetched = len(self.table.items)
        if fetched >= self.matching:
            return []
        return self.store.list_members(
            self.branch_id,
            search=self.search_text or None,
            offset=fetched,
            limit=PAGE,
            standing=self.standing,
        )

    def _show_state(self) -> None:
        table = self.table
        empty = self.query_one("#empty", Static)
        count = self.query_one("#count", Static)
        search = self.search_text
        if self.total == 0:
            empty.update(
                t("membership.tui.archive_empty" if self.archived else "tui.members.empty")
            )
        elif not table.items:
            empty.update(t("tui.members.no_match", search=search))
        table.display = bool(table.items)
        empty.display = not table.items
        if self.archived:
            key = (
                "membership.tui.archive_count_search" if search else "membership.tui.archive_count"
            )
            count.update(t(key, found=self.matching, total=self.total))
        elif search:
            count.update(t("tui.members.count_search", found=self.matching, total=self.total))
        else:
            count.update(t("tui.members.count", total=self.total))

    # ------------------------------------------------------------------ search

    @on(Input.Changed, "#search")
    def _search_changed(self) -> None:
        self.reload(keep=False)

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

    def action_ledger(self) -> None:
        member = self.highlighted()
        if member is None:
            self.notify(t("tui.members.nothing_to_edit"), severity="warning")
            return
        self.app.push_screen(LedgerScreen(self.session, member))

    # ------------------------------------------------------------------ history

    def action_archive(self) -> None:
        """Switch between the members in the branch today and those who have left."""
        self.show_standing(STANDING_CURRENT if self.archived else STANDING_ARCHIVED)

    def show_standing(self, standing: str) -> None:
        if standing == self.standing:
            return
        self.standing = standing
        if not self.is_mounted:
            return  # opened this way from the palette: on_mount sets the view up
        self.sub_title = t("membership.tui.archive_title" if self.archived else "tui.members.title")
        table = self.table
        table.clear(columns=True)
        columns = ARCHIVED_COLUMNS if self.archived else COLUMNS
        table.add_localized_columns(columns, self.session.lang)
        self.reload(keep=False)

    def action_event(self, action: str | None = None) -> None:
        """The menu of events (``r``), or one event's form (its own key)."""
        member = self.highlighted()
        if member is None and action not in (None, "transfer_in", "watch"):
            self.notify(t("tui.members.nothing_to_edit"), severity="warning")
            return
        open_event(self, member, on_done=self._event_done, action=action)

    def _event_done(self) -> None:
        self.reload()

    @on(DataTable.RowSelected, "#members")
    def _row_selected(self) -> None:
        self.action_edit()

    def _saved(self, member: MemberRow | None) -> None:
        if member is None:
            return
        self.notify(t("tui.member.saved", name=member.name, member_no=member.member_no))
        self.reload(member.member_no)

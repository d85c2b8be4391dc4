"""The branch roster: a searchable list of members, paged from SQL, with add and edit.

It lists the members in the branch today; ``v`` switches to those who have left (历史党员,
with the day and the way they left) and back. ``r`` opens the menu of a member's events
(transfer out, conversion, extended probation, away, back, death, removal, history,
transfer in, the conversion watch); each also has its own key (F1 lists them).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from orglife_tui.data.store import STANDING_ARCHIVED, STANDING_CURRENT, MemberRow
from orglife_tui.domain import MemberEventKind
from orglife_tui.locale import t
from orglife_tui.tui.screens.common.list_screen import (
    SEARCH_DONE,
    Column,
    ListScreen,
    notes,
    search_bar,
)
from orglife_tui.tui.screens.members.member_events import open_event
from orglife_tui.tui.screens.members.member_form import MemberFormScreen
from orglife_tui.tui.screens.points.ledger import LedgerScreen

PAGE = 200
"""Members fetched per query; more follow as the cursor nears the end of those fetched."""

COLUMNS = (
    Column("member_no", "col.member_no", 8, 7),
    Column("name", "col.name", 8, 8),
    Column("gender", "col.gender", 4, 6),
    Column("status", "col.status", 8, 12),
    Column("group", "col.group", 12, 10),
    Column("post", "col.post", 8, 9),
    Column("phone", "col.phone", 13, 13),
)
# The archived view (历史党员): when and how each member left instead of post and phone.
ARCHIVED_COLUMNS = (
    Column("member_no", "col.member_no", 8, 7),
    Column("name", "col.name", 8, 8),
    Column("status", "col.status", 8, 12),
    Column("group", "col.group", 12, 10),
    Column("left_on", "membership.col.left_on", 10, 10),
    Column("left_kind", "membership.col.left_kind", 12, 13),
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


class MembersScreen(ListScreen[MemberRow]):
    CSS_PATH = "members.tcss"
    HELP_KEY = "membership.tui.help.members"
    TABLE_ID = "members"
    NOTHING_SELECTED = "tui.members.nothing_to_edit"
    PAGED = True
    PAGE_SIZE = PAGE
    SELECT_ACTION = "edit"

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
        SEARCH_DONE,
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.total = 0
        self.matching = 0
        self.standing = STANDING_CURRENT
        """Who is listed: the members in the branch today, or (``v``) those who have left."""

    def compose_above(self) -> ComposeResult:
        yield search_bar("tui.members.search_label", "tui.members.search_hint")

    def compose_below(self) -> ComposeResult:
        return notes("count")

    def on_mount(self) -> None:
        self.sub_title = t("membership.tui.archive_title" if self.archived else "tui.members.title")

    @property
    def archived(self) -> bool:
        return self.standing == STANDING_ARCHIVED

    def columns(self) -> tuple[Column, ...]:
        return ARCHIVED_COLUMNS if self.archived else COLUMNS

    # ------------------------------------------------------------------ data

    def cells(self, m: MemberRow) -> tuple[Text, ...]:
        s = self.session
        values = {
            "member_no": m.member_no,
            "name": m.name,
            "gender": s.label(m.gender),
            "status": s.label(m.status),
            "group": m.group or "",
            # a leading cadre (领导干部) is marked beside the post
            "post": " ".join(
                x for x in (s.label(m.post), t("life.tui.leader_short") if m.leader else "") if x
            ),
            "phone": m.phone or "",
            "left_on": m.left_on.isoformat() if m.left_on else "",
            "left_kind": s.label(MemberEventKind(m.left_kind)) if m.left_kind else "",
        }
        return tuple(self.cell(c.key, values[c.key]) for c in self.columns())

    def key_of(self, m: MemberRow) -> str:
        return m.member_no

    def fetch(self) -> Sequence[MemberRow]:
        store, branch_id, search = self.store, self.branch_id, self.search_text or None
        standing = self.standing
        self.total = store.count_members(branch_id, standing=standing)
        self.matching = (
            store.count_members(branch_id, search=search, standing=standing)
            if search
            else self.total
        )
        return super().fetch()

    def page(self, offset: int, limit: int) -> list[MemberRow]:
        search = self.search_text or None
        return self.store.list_members(
            self.branch_id, search=search, offset=offset, limit=limit, standing=self.standing
        )

    def show_state(self) -> None:
        count = self.query_one("#count", Static)
        search = self.search_text
        if self.total == 0:
            self.show_empty(
                t("membership.tui.archive_empty" if self.archived else "tui.members.empty")
            )
        else:
            table_empty = not self.table.items
            self.show_empty(t("tui.members.no_match", search=search) if table_empty else None)
        if self.archived:
            key = (
                "membership.tui.archive_count_search" if search else "membership.tui.archive_count"
            )
            count.update(t(key, found=self.matching, total=self.total))
        elif search:
            count.update(t("tui.members.count_search", found=self.matching, total=self.total))
        else:
            count.update(t("tui.members.count", total=self.total))

    # ------------------------------------------------------------------ add / edit

    def action_new(self) -> None:
        self.app.push_screen(MemberFormScreen(self.session, None, on_result=self._saved))

    def action_edit(self) -> None:
        member = self.selected()
        if member is None:
            return
        self.app.push_screen(MemberFormScreen(self.session, member, on_result=self._saved))

    def action_ledger(self) -> None:
        member = self.selected()
        if member is None:
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
        self.reload(keep=False)  # in the other columns

    def action_event(self, action: str | None = None) -> None:
        """The menu of events (``r``), or one event's form (its own key)."""
        member = self.highlighted()
        if member is None and action not in (None, "transfer_in", "watch"):
            self.notify(t("tui.members.nothing_to_edit"), severity="warning")
            return
        open_event(self, member, on_done=self._event_done, action=action)

    def _event_done(self) -> None:
        self.reload()

    def _saved(self, member: MemberRow | None) -> None:
        if member is None:
            return
        self.notify(t("tui.member.saved", name=member.name, member_no=member.member_no))
        self.reload(member.member_no)

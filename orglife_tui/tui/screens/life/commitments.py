"""设岗定责 and 承诺践诺: the year's posts and commitments, member by member.

``[``/``]`` step through the years; ``o`` switches between the commitments and the posts;
``a`` adds, ``e`` or Enter edits, ``s`` sets a commitment's status (fulfilled and not
fulfilled are evaluated on a day, and the commitment points follow at once). The lists
are short (a few lines a member a year), so they are read whole.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from orglife_tui.data import commitments
from orglife_tui.data.commitments import CommitmentRow, PostRow
from orglife_tui.domain import CommitmentStatus
from orglife_tui.locale import t
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.list_screen import Column, ListScreen, notes, step_bindings
from orglife_tui.tui.screens.life.commitments_forms import (
    CommitmentFormScreen,
    CommitmentStatusScreen,
    PostFormScreen,
)

COMMITMENT_COLUMNS = (
    Column("member_no", "life.col.member_no", 7, 7),
    Column("name", "life.col.name", 8, 8),
    Column("status", "life.col.status", 13, 6),
    Column("evaluated_on", "life.col.evaluated_on", 10, 10),
    Column("text", "life.col.text", 16, 16, flex=True),
)
POST_COLUMNS = (
    Column("member_no", "life.col.member_no", 7, 7),
    Column("name", "life.col.name", 8, 8),
    Column("post", "life.col.post", 16, 14),
    Column("duty", "life.col.duty", 16, 16, flex=True),
)

STATUS_STYLE = {
    CommitmentStatus.planned: "",
    CommitmentStatus.in_progress: "yellow",
    CommitmentStatus.fulfilled: "green",
    CommitmentStatus.not_fulfilled: "red",
}

Row = CommitmentRow | PostRow


class CommitmentsScreen(ListScreen[Row]):
    CSS_PATH = "commitments.tcss"
    HELP_KEY = "life.tui.help_commitments"
    TITLE_KEY = "life.tui.commitments_title"
    TABLE_ID = "commitments"
    NOTHING_SELECTED = "life.tui.nothing_selected"
    SELECT_ACTION = "edit"

    BINDINGS: ClassVar = [
        *step_bindings("commitments"),
        Binding("o", "toggle_view", "life.tui.key.view", id="commitments.view"),
        Binding("a,n", "new", "life.tui.key.add", id="commitments.add", key_display="a"),
        Binding("e", "edit", "tui.key.edit", id="commitments.edit"),
        Binding("s", "status", "life.tui.key.status", id="commitments.status"),
    ]

    def __init__(self, session: Session, **kwargs) -> None:
        super().__init__(session, **kwargs)
        self.year = session.today().year
        self.posts = False  # the view: commitments, or posts

    def columns(self) -> tuple[Column, ...]:
        return POST_COLUMNS if self.posts else COMMITMENT_COLUMNS

    def compose_above(self) -> ComposeResult:
        return notes("heading")

    # ------------------------------------------------------------------ data

    def fetch(self) -> list[Row]:
        if self.posts:
            return list(commitments.list_posts(self.store, self.branch_id, self.year))
        return list(commitments.list_commitments(self.store, self.branch_id, self.year))

    def key_of(self, row: Row) -> object:
        return (type(row).__name__, row.id)

    def cells(self, row: Row) -> tuple[Text, ...]:
        c = self.cell
        if isinstance(row, PostRow):
            return (
                c("member_no", row.member_no),
                c("name", row.name),
                c("post", row.post),
                c("duty", " ".join((row.duty or "").split())),
            )
        return (
            c("member_no", row.member_no),
            c("name", row.name),
            c("status", self.session.label(row.status), STATUS_STYLE[row.status]),
            c("evaluated_on", row.evaluated_on.isoformat() if row.evaluated_on else ""),
            c("text", " ".join(row.text.split())),
        )

    def show_state(self) -> None:
        counts = commitments.year_counts(self.store, self.branch_id, self.year)
        self.query_one("#heading", Static).update(
            t(
                "life.tui.commitments_heading",
                year=self.year,
                view=t("life.tui.view_posts" if self.posts else "life.tui.view_commitments"),
                posts=counts["posts"],
                commitments=sum(counts[s.value] for s in CommitmentStatus),
                fulfilled=counts[CommitmentStatus.fulfilled.value],
            )
        )
        self.show_empty(
            t("life.tui.no_posts" if self.posts else "life.tui.no_commitments", year=self.year)
        )

    # ------------------------------------------------------------------ actions

    def action_step(self, step: int) -> None:
        self.year += step
        self.reload()

    def action_toggle_view(self) -> None:
        self.posts = not self.posts
        self.reload()

    def action_new(self) -> None:
        form: PostFormScreen | CommitmentFormScreen
        if self.posts:
            form = PostFormScreen(self.session, self.year, None, on_result=self._saved)
        else:
            form = CommitmentFormScreen(self.session, self.year, None, on_result=self._saved)
        self.app.push_screen(form)

    def action_edit(self) -> None:
        row = self.selected()
        if row is None:
            return
        form: PostFormScreen | CommitmentFormScreen
        if isinstance(row, PostRow):
            form = PostFormScreen(self.session, self.year, row, on_result=self._saved)
        else:
            form = CommitmentFormScreen(self.session, self.year, row, on_result=self._saved)
        self.app.push_screen(form)

    def action_status(self) -> None:
        row = self.selected()
        if row is None:
            return
        if isinstance(row, PostRow):
            self.notify(t("life.tui.status_of_commitments"), severity="warning")
            return
        self.app.push_screen(CommitmentStatusScreen(self.session, row, on_result=self._saved))

    def _saved(self, row: Row | None) -> None:
        if row is None:
            return
        self.notify(t("life.tui.saved", member_no=row.member_no, name=row.name))
        self.reload(self.key_of(row))

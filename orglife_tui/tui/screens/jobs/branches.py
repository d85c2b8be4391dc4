"""The branches of the database: switch the session to another, add one, rename one.

Enter on a branch makes it the session's branch (``OrglifeApp.switch_branch``: every
screen is built again for it); ``a`` adds a branch and ``r`` renames the highlighted one
through the same store operations as the CLI's ``branch add|rename``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static

from orglife_tui.data.errors import StoreError
from orglife_tui.data.rows import STANDING_CURRENT, BranchInfo
from orglife_tui.domain.records import FieldErrors
from orglife_tui.locale import t
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.form import text_input
from orglife_tui.tui.screens.common.list_screen import Column, ListScreen
from orglife_tui.tui.screens.common.record_form import RecordFormScreen, required_text


@dataclass(frozen=True)
class BranchLine:
    branch: BranchInfo
    members: int  # in the branch today

    @property
    def id(self) -> int:
        return self.branch.id


class SwitchBranch(Message):
    """Ask the app to work on ``branch`` from now on (``stay``: its name changed only)."""

    def __init__(self, branch: BranchInfo, stay: bool = False) -> None:
        super().__init__()
        self.branch = branch
        self.stay = stay


class BranchNameForm(RecordFormScreen):
    """The name of a new branch, or the new name of one."""

    CSS_PATH: ClassVar = ["../common/form.tcss", "../common/record_form.tcss"]
    HELP_KEY = "jobs.branch.help"
    FIELD_PREFIX = "jobs.branch.field."

    def __init__(
        self,
        session: Session,
        title: str,
        save: Callable[[str], BranchInfo],
        name: str = "",
        on_result: Callable[[Any], object] | None = None,
    ) -> None:
        super().__init__(session, title, on_result)
        self._save = save
        self._name = name

    def compose_fields(self) -> ComposeResult:
        yield from self.field("name", text_input(self._name), required=True)

    def on_mount(self) -> None:
        self.add_class("-small")
        super().on_mount()

    def save(self, values: dict[str, str]) -> BranchInfo:
        errors = FieldErrors()
        name = required_text(values, "name", errors)
        if errors:
            raise errors
        return self._save(name)

    def store_error_field(self, error: StoreError) -> str | None:
        return "name"


class BranchesScreen(ListScreen[BranchLine]):
    CSS_PATH = "branches.tcss"
    HELP_KEY = "jobs.branch.help"
    TITLE_KEY = "jobs.branch.title"
    TABLE_ID = "branches"
    SELECT_ACTION = "switch"
    EMPTY_NOTE = False  # the session's branch is always there
    COLUMNS: ClassVar = (
        Column("name", "jobs.branch.col.name", 30, 30, flex=True),
        Column("members", "jobs.branch.col.members", 8, 8),
    )

    BINDINGS: ClassVar = [
        Binding("enter", "switch", "jobs.key.switch", id="branches.switch", show=False),
        Binding("a", "add", "jobs.key.add", id="branches.add"),
        Binding("r", "rename", "jobs.key.rename", id="branches.rename"),
    ]

    def compose_below(self) -> ComposeResult:
        yield Static(id="count", markup=False)

    def fetch(self) -> Sequence[BranchLine]:
        store = self.session.store
        return [
            BranchLine(b, store.count_members(b.id, standing=STANDING_CURRENT))
            for b in store.branches()
        ]

    def cells(self, item: BranchLine) -> Sequence[Text]:
        current = item.id == self.session.branch.id
        name = item.branch.name + (t("jobs.branch.current") if current else "")
        return (
            self.cell("name", name, "bold" if current else ""),
            self.cell("members", str(item.members)),
        )

    def show_state(self) -> None:
        self.query_one("#count", Static).update(t("jobs.branch.count", count=len(self.rows)))

    def action_switch(self) -> None:
        line = self.highlighted()
        if line is None:
            return
        if line.id != self.session.branch.id:
            self.app.post_message(SwitchBranch(line.branch))
        else:
            self.app.pop_screen()

    def action_add(self) -> None:
        def added(branch: object) -> None:
            if isinstance(branch, BranchInfo):
                self.notify(t("jobs.branch.added", name=branch.name))
                self.reload(wanted=branch.id)

        store = self.session.store
        title = t("jobs.branch.add_title")
        self.app.push_screen(BranchNameForm(self.session, title, store.create_branch, "", added))

    def action_rename(self) -> None:
        line = self.highlighted()
        if line is None:
            return

        def renamed(branch: object) -> None:
            if isinstance(branch, BranchInfo):
                if branch.id == self.session.branch.id:
                    self.app.post_message(SwitchBranch(branch, stay=True))
                self.notify(t("jobs.branch.renamed", name=branch.name))
                self.reload(wanted=branch.id)

        store = self.session.store
        title = t("jobs.branch.rename_title", name=line.branch.name)
        form = BranchNameForm(
            self.session,
            title,
            lambda name: store.rename_branch(line.id, name),
            line.branch.name,
            renamed,
        )
        self.app.push_screen(form)

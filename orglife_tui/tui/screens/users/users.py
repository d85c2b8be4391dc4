"""The branch's accounts and their roles (issue 13 §1): who may use it, in which role.

One row per role held (an account with two roles in the branch has two rows). ``a``
grants a role (``GrantFormScreen``), ``x`` takes the highlighted one away after a
question, and an administrator switches with ``o`` to every branch's accounts. The line
under the Header says who the login is. Every operation is the command line's
(``data.accounts``: ``list_accounts``, ``grant``, ``revoke``); what the login may not do
is refused with the same message, nothing written. On PostgreSQL the database's
row-level security decides what the list holds, whatever the screen asks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from orglife_tui.data.accounts import GrantRow, access_of, list_accounts, revoke
from orglife_tui.data.errors import StoreError
from orglife_tui.domain.access import Access, AccountRole, roles_text
from orglife_tui.locale import t
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.confirm import ConfirmScreen
from orglife_tui.tui.screens.common.list_screen import Column, ListScreen, notes
from orglife_tui.tui.screens.users.grant_form import Granted, GrantFormScreen

BRANCH_COLUMNS = (
    Column("account", "users.col.account", 16, 16, flex=True),
    Column("role", "users.col.role", 10, 10),
    Column("member", "users.col.member_name", 16, 16),
    Column("granted_by", "users.col.granted_by", 12, 12),
)
ALL_COLUMNS = (
    Column("account", "users.col.account", 16, 16, flex=True),
    Column("branch", "users.col.branch", 14, 14),
    Column("role", "users.col.role", 10, 10),
    Column("member", "users.col.member_name", 12, 12),
    Column("granted_by", "users.col.granted_by", 10, 10),
)


@dataclass(frozen=True)
class UserLine:
    """One row: an account and one role it holds (none: an account without a role, in the
    every-branch view)."""

    account: str
    is_admin: bool
    grant: GrantRow | None

    @property
    def key(self) -> tuple[str, int | None, str | None]:
        g = self.grant
        return (self.account, g.branch_id if g else None, g.role.value if g else None)


class UsersScreen(ListScreen[UserLine]):
    CSS_PATH = "users.tcss"
    HELP_KEY = "users.tui.help"
    TITLE_KEY = "users.tui.title"
    TABLE_ID = "users"
    NOTHING_SELECTED = "users.tui.nothing_selected"

    BINDINGS: ClassVar = [
        Binding("a,n", "grant", "users.tui.key.grant", id="users.grant", key_display="a"),
        Binding("x,delete", "revoke", "users.tui.key.revoke", id="users.revoke", key_display="x"),
        Binding("o", "toggle_all", "users.tui.key.all", id="users.all"),
    ]

    def __init__(self, session: Session, **kwargs) -> None:
        super().__init__(session, **kwargs)
        self.every_branch = False
        """The every-branch view (an administrator's), or the session's branch."""
        self.access = Access(session.store.operator)
        """What the login may do, read again at every reload (a grant may change it)."""

    def columns(self) -> Sequence[Column]:
        return ALL_COLUMNS if self.every_branch else BRANCH_COLUMNS

    def compose_above(self) -> ComposeResult:
        return notes("whoami")

    def compose_below(self) -> ComposeResult:
        return notes("scope")

    # ------------------------------------------------------------------ data

    def fetch(self) -> list[UserLine]:
        store = self.store
        self.access = access_of(store)
        if self.every_branch and not self.access.unrestricted:
            self.every_branch = False  # no longer an administrator
        accounts = list_accounts(store, None if self.every_branch else self.branch_id)
        return [UserLine(a.name, a.is_admin, g) for a in accounts for g in (a.grants or (None,))]

    def key_of(self, item: UserLine) -> object:
        return item.key

    def cells(self, item: UserLine) -> tuple[Text, ...]:
        g = item.grant
        account = item.account + (t("users.tui.admin_mark") if item.is_admin else "")
        texts = {
            "account": account,
            "branch": g.branch_name if g else "",
            "role": self.session.label(g.role) if g else "",
            "member": " ".join(p for p in (g.member_no, g.member_name) if p) if g else "",
            "granted_by": g.granted_by if g else "",
        }
        bold = {"account": "bold" if item.is_admin else ""}
        return tuple(self.cell(c.key, texts[c.key], bold.get(c.key, "")) for c in self.columns())

    def show_state(self) -> None:
        access = self.access
        self.query_one("#whoami", Static).update(self.whoami(access))
        self.refresh_bindings()  # the every-branch key follows the access (a first grant)
        rows = self.rows
        counts = {
            "accounts": len({r.account for r in rows}),
            "grants": sum(1 for r in rows if r.grant),
        }
        scope = (
            t("users.tui.scope_all", **counts)
            if self.every_branch
            else t("users.tui.scope_branch", branch=self.session.branch.name, **counts)
        )
        self.query_one("#scope", Static).update(scope)
        if self.every_branch:
            empty = t("users.none")
        elif access.can_manage_users(self.branch_id):
            empty = t("users.tui.empty")
        else:
            empty = t("users.tui.empty_reader")
        self.show_empty(empty)

    def whoami(self, access: Access) -> str:
        """Who the login is: the administrator, or its roles branch by branch."""
        if access.bootstrap:
            return t("users.tui.bootstrap", name=access.account)
        names = {b.id: b.name for b in self.store.branches()}
        roles = roles_text(access.grants, names, self.session.lang) or t("users.no_roles")
        key = "users.whoami.admin" if access.unrestricted else "users.whoami"
        return t(key, name=access.account, roles=roles)

    # ------------------------------------------------------------------ keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_all":
            return self.access.unrestricted  # an administrator's view only
        return True

    def action_toggle_all(self) -> None:
        self.every_branch = not self.every_branch
        self.reload(keep=False)

    def current_access(self) -> Access | None:
        """What the login may do now (None, said, when the database cannot tell)."""
        try:
            return access_of(self.store)
        except StoreError as error:
            self.notify(str(error), severity="error")
            return None

    def action_grant(self) -> None:
        access = self.current_access()
        if access is None:
            return
        if not access.can_manage_users(self.branch_id):
            self.notify(t("users.not_secretary"), severity="warning")
            return

        def granted(done: Granted | None) -> None:
            if done is None:
                return
            role = self.session.label(done.role)
            self.notify(t("users.granted", name=done.account, role=role))
            self.reload(wanted=(done.account, done.branch_id, done.role.value))

        self.app.push_screen(GrantFormScreen(self.session, access, on_result=granted))

    def action_revoke(self) -> None:
        line = self.selected()
        if line is None:
            return
        g = line.grant
        if g is None:
            self.notify(t("users.tui.no_role", name=line.account), severity="warning")
            return
        access = self.current_access()
        if access is None:
            return
        if not access.may_grant(g.branch_id, g.role):
            self.notify(t("users.not_secretary"), severity="warning")
            return
        role = self.session.label(g.role)

        def answered(yes: bool | None) -> None:
            if yes:
                self._revoke(line.account, g.branch_id, g.role, role)

        question = t(
            "users.tui.revoke_question", name=line.account, role=role, branch=g.branch_name
        )
        self.app.push_screen(ConfirmScreen(question, answered))

    def _revoke(self, account: str, branch_id: int, role: AccountRole, shown: str) -> None:
        try:
            revoke(self.store, account, branch_id, role)
        except StoreError as error:  # the database or the rules refused: nothing changed
            self.notify(str(error), severity="error")
        else:
            self.notify(t("users.revoked", name=account, role=shown))
        self.reload(keep=False)

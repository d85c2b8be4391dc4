"""The grant dialog: a login name, a role in the branch and, for the member role, the
roster member the login is.

The roles offered are those the current login may give here (``Access.may_grant``); the
form checks nothing else itself: ``data.accounts.grant`` (the same call as the command
line's ``users grant``) refuses a bad name, a missing or unknown member, a role held
already, and each refusal is shown under its field with nothing written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Static

from orglife_tui.data.accounts import grant
from orglife_tui.data.errors import StoreError
from orglife_tui.domain.access import Access, AccountRole
from orglife_tui.locale import t
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.form import text_input
from orglife_tui.tui.screens.common.record_form import RecordFormScreen, choice
from orglife_tui.tui.screens.talks.talk_form import MemberSuggester, find_member

# Where a refusal of ``grant`` is shown: its key -> the field at fault.
STORE_ERROR_FIELDS = {
    "users.name_empty": "account",
    "users.name_bad": "account",
    "users.cannot_create_role": "account",
    "users.already_granted": "account",
    "users.member_needed": "member_no",
    "member_not_found": "member_no",
}


@dataclass(frozen=True)
class Granted:
    """What the dialog granted (its answer)."""

    account: str
    branch_id: int
    role: AccountRole


def grantable(access: Access, branch_id: int) -> list[AccountRole]:
    """The roles ``access`` may give in the branch, in the order of the enum."""
    return [r for r in AccountRole if access.may_grant(branch_id, r)]


class GrantFormScreen(RecordFormScreen):
    CSS_PATH: ClassVar = ["../common/form.tcss", "../common/record_form.tcss"]
    HELP_KEY = "users.tui.help"
    FIELD_PREFIX = "users.tui.field."

    def __init__(
        self,
        session: Session,
        access: Access,
        on_result: Callable[[Granted | None], object] | None = None,
    ) -> None:
        super().__init__(session, t("users.tui.grant_title", branch=session.branch.name), on_result)
        self.roles = grantable(access, session.branch.id)

    def compose_fields(self) -> ComposeResult:
        s = self.session
        yield from self.field("account", text_input("", t("users.tui.account_hint")), required=True)
        # The committee member is the role most often given; else the first one allowed.
        first = AccountRole.COMMITTEE if AccountRole.COMMITTEE in self.roles else self.roles[0]
        options = [(s.label(r), r.value) for r in self.roles]
        yield from self.field("role", choice(options, first.value), required=True)
        member = text_input(
            "", t("users.tui.member_hint"), suggester=MemberSuggester(s.store, s.branch.id)
        )
        member.id = "member-input"
        yield from self.field("member_no", member)
        yield Static("", id="member-found", classes="field-hint", markup=False)

    def on_mount(self) -> None:
        self.add_class("-small")
        super().on_mount()

    @on(Input.Changed, "#member-input")
    def _member_changed(self, event: Input.Changed) -> None:
        """The member the typed number or name finds, under the field."""
        s = self.session
        text = event.value.strip()
        hint = self.query_one("#member-found", Static)
        found = find_member(s.store, s.branch.id, text) if text else None
        if found is not None:
            hint.update(t("tui.talks.member_found", name=found.name, member_no=found.member_no))
        elif text:
            hint.update(t("tui.talks.member_unknown", value=text))
        hint.set_class(bool(text), "-shown")

    def save(self, values: dict[str, str]) -> Granted:
        s = self.session
        role = AccountRole(values["role"])
        typed = values.get("member_no", "").strip()
        member_no: str | None = None
        if typed:
            found = find_member(s.store, s.branch.id, typed)
            member_no = found.member_no if found is not None else typed
        name = values.get("account", "").strip()
        grant(s.store, name, s.branch.id, role, member_no)
        return Granted(name, s.branch.id, role)

    def store_error_field(self, error: StoreError) -> str | None:
        return STORE_ERROR_FIELDS.get(error.key)

"""Who is acting and what they may do: accounts, roles per branch (issue 13 §1).

Plain values. On PostgreSQL the database enforces the same rules with row-level security
(``data/security.py``); the app asks :class:`Access` only to open the right screens and to
refuse early with a clear message, never as the only guard.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum

from orglife_tui.domain.enums import AccountRole

__all__ = ["AccountRole", "Access", "Grant", "Home", "account_name_problem", "roles_text"]


# Roles that read a branch's records (confidential talk texts aside).
READER_ROLES = frozenset({AccountRole.SECRETARY, AccountRole.COMMITTEE, AccountRole.OBSERVER})
# Roles that write a branch's records.
WRITER_ROLES = frozenset({AccountRole.SECRETARY, AccountRole.COMMITTEE})
# Roles a branch secretary may grant in their own branch (an observer is the committee's).
SECRETARY_GRANTS = frozenset(
    {AccountRole.SECRETARY, AccountRole.COMMITTEE, AccountRole.TELLER, AccountRole.MEMBER}
)
# Roles whose grant names the roster member the account is (member: required).
MEMBER_LINKED = frozenset({AccountRole.MEMBER})

# A login name as PostgreSQL and the OS both accept it unquoted in practice: no spaces,
# no quotes, nothing a terminal or a SQL identifier could be surprised by.
_ACCOUNT_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]{0,62}")


def account_name_problem(name: str) -> str | None:
    """The catalog key of what is wrong with a login name, None when it is good."""
    if not name:
        return "users.name_empty"
    if not _ACCOUNT_NAME.fullmatch(name):
        return "users.name_bad"
    return None


class Home(str, Enum):
    """The screen a login opens on in a branch."""

    FULL = "full"  # the dashboard: secretary, committee member, administrator
    OBSERVER = "observer"  # the committee's overview, read-only
    KIOSK = "kiosk"  # the appraisal sessions and the kiosk only
    SELF = "self"  # the member's own records
    NONE = "none"  # no role here


@dataclass(frozen=True)
class Grant:
    branch_id: int
    role: AccountRole
    member_id: int | None = None


@dataclass(frozen=True)
class Access:
    """What one login may do. ``bootstrap``: the database has no account yet, so whoever
    can open it (the file's owner, the database's owner) acts as its administrator."""

    account: str
    is_admin: bool = False
    grants: tuple[Grant, ...] = field(default=())
    bootstrap: bool = False

    @property
    def unrestricted(self) -> bool:
        return self.is_admin or self.bootstrap

    def roles_in(self, branch_id: int) -> frozenset[AccountRole]:
        return frozenset(g.role for g in self.grants if g.branch_id == branch_id)

    def branch_ids(self) -> frozenset[int] | None:
        """The branches this login has any role in; None means every branch."""
        if self.unrestricted:
            return None
        return frozenset(g.branch_id for g in self.grants)

    def can_read(self, branch_id: int) -> bool:
        return self.unrestricted or bool(self.roles_in(branch_id) & READER_ROLES)

    def can_write(self, branch_id: int) -> bool:
        return self.unrestricted or bool(self.roles_in(branch_id) & WRITER_ROLES)

    def can_manage_users(self, branch_id: int) -> bool:
        return self.unrestricted or AccountRole.SECRETARY in self.roles_in(branch_id)

    def may_grant(self, branch_id: int, role: AccountRole) -> bool:
        if self.unrestricted:
            return True
        return self.can_manage_users(branch_id) and role in SECRETARY_GRANTS

    def member_id_in(self, branch_id: int) -> int | None:
        """The roster member this login is in the branch (from a member grant)."""
        for g in self.grants:
            if g.branch_id == branch_id and g.role is AccountRole.MEMBER:
                return g.member_id
        return None

    def home(self, branch_id: int) -> Home:
        roles = self.roles_in(branch_id)
        if self.unrestricted or roles & WRITER_ROLES:
            return Home.FULL
        if AccountRole.OBSERVER in roles:
            return Home.OBSERVER
        if AccountRole.TELLER in roles:
            return Home.KIOSK
        if AccountRole.MEMBER in roles and self.member_id_in(branch_id) is not None:
            return Home.SELF
        return Home.NONE


def roles_text(grants: Iterable[Grant], branch_names: Mapping[int, str], lang: str) -> str:
    """A login's roles on one line, branch by branch (``第一支部：支部书记、…``); empty
    when it has none. The CLI's ``users whoami`` and the TUI's users screen say it so."""
    from orglife_tui.domain import label

    sep = "、" if lang == "zh" else ", "
    colon = "：" if lang == "zh" else ": "
    return sep.join(
        f"{branch_names.get(g.branch_id, g.branch_id)}{colon}{label(g.role, lang)}" for g in grants
    )

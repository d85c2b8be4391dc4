"""Accounts and grants: who may use the database and in which role per branch (issue 13).

The login (``store.operator``) is mapped to an account; the first account written to a
database makes the login that writes it the administrator. On PostgreSQL an account is
also a database role (created here when the operator may create roles) and row-level
security (``data/security.py``) enforces the grants; on SQLite the app does.

Every write runs in one transaction with its audit-log row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, delete, func, insert, select, text
from sqlalchemy.exc import DBAPIError

from orglife_tui.data.errors import Conflict, NotFound, NotPermitted, StoreError
from orglife_tui.data.models import account_t, branch_t, grant_t, member_t
from orglife_tui.data.rows import _now
from orglife_tui.data.store import Store
from orglife_tui.data.store import privileged as store_privileged
from orglife_tui.domain.access import (
    MEMBER_LINKED,
    Access,
    AccountRole,
    Grant,
    account_name_problem,
)


@dataclass(frozen=True)
class GrantRow:
    account: str
    branch_id: int
    branch_name: str
    role: AccountRole
    member_no: str | None
    member_name: str | None
    granted_at: datetime
    granted_by: str


@dataclass(frozen=True)
class AccountRow:
    name: str
    is_admin: bool
    grants: tuple[GrantRow, ...]


# ------------------------------------------------------------------------------ reading


def access_of(store: Store, name: str | None = None) -> Access:
    """What the login ``name`` (the store's operator by default) may do."""
    name = name or store.operator
    with store.read_connection() as conn:
        return _access(conn, name, itself=name == store.operator)


def _access(conn: Connection, name: str, itself: bool = True) -> Access:
    # The owner of a PostgreSQL database, or a superuser, is not restricted: its
    # administrator. That is the connection's own right, not another login's (``itself``).
    privileged = itself and conn.dialect.name == "postgresql" and store_privileged(conn)
    row = conn.execute(select(account_t.c.is_admin).where(account_t.c.name == name)).first()
    grants = tuple(
        Grant(r.branch_id, AccountRole(r.role), r.member_id)
        for r in conn.execute(
            select(grant_t.c.branch_id, grant_t.c.role, grant_t.c.member_id)
            .where(grant_t.c.account == name)
            .order_by(grant_t.c.branch_id, grant_t.c.role)
        )
    )
    if row is None:
        # A restricted PostgreSQL role sees no account rows but its own; only the file's
        # owner (SQLite) or the database's owner can tell that there are none at all.
        none_yet = (privileged or conn.dialect.name != "postgresql") and not conn.scalar(
            select(func.count()).select_from(account_t)
        )
        return Access(name, is_admin=privileged, grants=grants, bootstrap=none_yet)
    return Access(name, is_admin=bool(row.is_admin) or privileged, grants=grants)


def list_accounts(store: Store, branch_id: int | None = None) -> list[AccountRow]:
    """Every account the login may see, with its grants (only those in ``branch_id``, and
    only accounts holding one there, when it is given)."""
    stmt = (
        select(
            grant_t.c.account,
            grant_t.c.branch_id,
            branch_t.c.name.label("branch_name"),
            grant_t.c.role,
            member_t.c.member_no,
            member_t.c.name.label("member_name"),
            grant_t.c.granted_at,
            grant_t.c.granted_by,
        )
        .join(branch_t, branch_t.c.id == grant_t.c.branch_id)
        .outerjoin(member_t, member_t.c.id == grant_t.c.member_id)
        .order_by(grant_t.c.account, branch_t.c.name, grant_t.c.role)
    )
    if branch_id is not None:
        stmt = stmt.where(grant_t.c.branch_id == branch_id)
    with store.read_connection() as conn:
        grants: dict[str, list[GrantRow]] = {}
        for r in conn.execute(stmt):
            grants.setdefault(r.account, []).append(
                GrantRow(
                    r.account,
                    r.branch_id,
                    r.branch_name,
                    AccountRole(r.role),
                    r.member_no,
                    r.member_name,
                    r.granted_at,
                    r.granted_by,
                )
            )
        accounts = conn.execute(
            select(account_t.c.name, account_t.c.is_admin).order_by(account_t.c.name)
        ).all()
    return [
        AccountRow(a.name, bool(a.is_admin), tuple(grants.get(a.name, ())))
        for a in accounts
        if branch_id is None or a.name in grants
    ]


# ------------------------------------------------------------------------------ writing


def _check_name(name: str) -> str:
    name = name.strip()
    problem = account_name_problem(name)
    if problem:
        raise StoreError(problem, name=name)
    return name


def _bootstrap(store: Store, conn: Connection) -> Access:
    """The acting login's access; the first account of a database is its writer, as
    administrator."""
    access = _access(conn, store.operator)
    if access.bootstrap:
        _write_account(store, conn, store.operator, admin=True)
        access = Access(store.operator, is_admin=True)
    return access


def _write_account(store: Store, conn: Connection, name: str, *, admin: bool) -> None:
    """The account's row and its audit trace, in the caller's transaction."""
    conn.execute(
        insert(account_t).values(
            name=name, is_admin=admin, created_at=_now(), created_by=store.operator
        )
    )
    store.audit(conn, None, "account.add", account=name, admin=admin)


def _ensure_role(conn: Connection, name: str) -> None:
    """On PostgreSQL, the database role the account logs in as: created when missing (the
    administrator needs CREATEROLE), else the refusal says who can create it; and allowed
    to connect to this database (which a committee may close to everyone else)."""
    if conn.dialect.name != "postgresql":
        return
    quote = conn.dialect.identifier_preparer.quote_identifier
    try:
        with conn.begin_nested():
            if store_privileged(conn):
                if not conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}):
                    conn.exec_driver_sql(f"CREATE ROLE {quote(name)} LOGIN")
                database = conn.scalar(text("SELECT current_database()"))
                conn.exec_driver_sql(
                    f"GRANT CONNECT ON DATABASE {quote(database)} TO {quote(name)}"
                )
            else:  # a secretary: the database's own function, with the owner's right
                conn.execute(text("SELECT orglife_create_login(:n)"), {"n": name})
    except DBAPIError:
        raise NotPermitted("users.cannot_create_role", name=name) from None


def add_account(store: Store, name: str, *, admin: bool = False) -> None:
    """Record a login as an account (and its database role on PostgreSQL)."""
    name = _check_name(name)
    with store.write_transaction() as conn:
        access = _bootstrap(store, conn)
        if admin and not access.is_admin:
            raise NotPermitted("users.admin_only")
        if not access.is_admin and not any(
            access.can_manage_users(g.branch_id) for g in access.grants
        ):
            raise NotPermitted("users.not_secretary")
        if conn.scalar(select(account_t.c.name).where(account_t.c.name == name)):
            if name == store.operator and access.is_admin and not admin:
                return  # the bootstrap just wrote it
            raise Conflict("users.exists", name=name)
        _ensure_role(conn, name)
        _write_account(store, conn, name, admin=admin)


def _member_id(conn: Connection, branch_id: int, member_no: str | None) -> int | None:
    if member_no is None:
        return None
    found = conn.scalar(
        select(member_t.c.id).where(
            member_t.c.branch_id == branch_id, member_t.c.member_no == member_no.strip()
        )
    )
    if found is None:
        raise NotFound("member_not_found", member_no=member_no)
    return int(found)


def grant(
    store: Store,
    name: str,
    branch_id: int,
    role: AccountRole,
    member_no: str | None = None,
) -> None:
    """Give ``name`` a role in a branch; the account is created first when it is new. The
    member role names the roster member (``member_no``) the account is."""
    name = _check_name(name)
    if role in MEMBER_LINKED and not member_no:
        raise StoreError("users.member_needed")
    with store.write_transaction() as conn:
        access = _bootstrap(store, conn)
        if not access.may_grant(branch_id, role):
            raise NotPermitted(
                "users.observer_admin_only"
                if access.can_manage_users(branch_id)
                else "users.not_secretary"
            )
        member_id = _member_id(conn, branch_id, member_no)
        if not conn.scalar(select(account_t.c.name).where(account_t.c.name == name)):
            _ensure_role(conn, name)
            _write_account(store, conn, name, admin=False)
        held = conn.scalar(
            select(func.count())
            .select_from(grant_t)
            .where(
                grant_t.c.account == name,
                grant_t.c.branch_id == branch_id,
                grant_t.c.role == role.value,
            )
        )
        if held:
            raise Conflict("users.already_granted", name=name, role=role.value)
        conn.execute(
            insert(grant_t).values(
                account=name,
                branch_id=branch_id,
                role=role.value,
                member_id=member_id,
                granted_at=_now(),
                granted_by=store.operator,
            )
        )
        store.audit(
            conn, branch_id, "account.grant", account=name, role=role.value, member_no=member_no
        )


def revoke(store: Store, name: str, branch_id: int, role: AccountRole) -> None:
    """Take a role in a branch away from ``name``."""
    name = name.strip()
    with store.write_transaction() as conn:
        access = _access(conn, store.operator)
        if not access.may_grant(branch_id, role):
            raise NotPermitted("users.not_secretary")
        if name == store.operator and role is AccountRole.SECRETARY and not access.is_admin:
            raise NotPermitted("users.not_yourself")
        gone = conn.execute(
            delete(grant_t).where(
                grant_t.c.account == name,
                grant_t.c.branch_id == branch_id,
                grant_t.c.role == role.value,
            )
        ).rowcount
        if not gone:
            raise NotFound("users.no_such_grant", name=name, role=role.value)
        store.audit(conn, branch_id, "account.revoke", account=name, role=role.value)

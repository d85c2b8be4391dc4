"""`orglife-tui users list|add|grant|revoke|whoami`: accounts and their roles per branch.

Thin: parse, call ``orglife_tui.data.accounts``, print. Run by a branch secretary for
their branch, by an administrator for every branch (issue 13 §1).
"""

from __future__ import annotations

from typing import Annotated

import typer

from orglife_tui.cli.commands.common import (
    check_format,
    emit,
    enum_option,
    handles_errors,
    on_branch,
    open_store,
)
from orglife_tui.locale import get_language, t

LIST_KEYS = ("account", "admin", "branch", "role", "member_no", "member_name", "granted_by")


def _role(text: str):
    from orglife_tui.domain.access import AccountRole

    return enum_option(AccountRole, text, "users.bad_role")


def role_label(role: str) -> str:
    from orglife_tui.domain import label
    from orglife_tui.domain.access import AccountRole

    return label(AccountRole(role), get_language())


def register(app: typer.Typer) -> None:
    users_app = typer.Typer(help=t("users.cli.help"), no_args_is_help=True)
    app.add_typer(users_app, name="users")

    @users_app.command("list", help=t("users.cli.list.help"))
    @handles_errors
    def users_list(
        ctx: typer.Context,
        every: Annotated[bool, typer.Option("--all", help=t("users.cli.opt.all"))] = False,
        fmt: Annotated[str, typer.Option("--format", help=t("cli.opt.format"))] = "table",
    ) -> None:
        from orglife_tui.data.accounts import list_accounts

        check_format(fmt)
        if every:
            with open_store(ctx) as store:
                accounts = list_accounts(store)
        else:
            accounts = on_branch(ctx, list_accounts)
        rows = []
        for a in accounts:
            for g in a.grants or (None,):
                rows.append(
                    {
                        "account": a.name,
                        "admin": a.is_admin,
                        "branch": g.branch_name if g else None,
                        "role": g.role.value if g else None,
                        "member_no": g.member_no if g else None,
                        "member_name": g.member_name if g else None,
                        "granted_by": g.granted_by if g else None,
                    }
                )
        yes = t("users.yes")
        emit(
            fmt,
            LIST_KEYS,
            rows,
            table_row=lambda r: [
                r["account"],
                yes if r["admin"] else "",
                r["branch"] or "",
                role_label(r["role"]) if r["role"] else "",
                r["member_no"] or "",
                r["member_name"] or "",
                r["granted_by"] or "",
            ],
            empty_message=t("users.none"),
            col_prefix="users.col.",
        )

    @users_app.command("add", help=t("users.cli.add.help"))
    @handles_errors
    def users_add(
        ctx: typer.Context,
        name: Annotated[str, typer.Argument(help=t("users.cli.arg.name"))],
        admin: Annotated[bool, typer.Option("--admin", help=t("users.cli.opt.admin"))] = False,
    ) -> None:
        from orglife_tui.data.accounts import add_account

        with open_store(ctx) as store:
            add_account(store, name, admin=admin)
        typer.echo(t("users.added", name=name))

    @users_app.command("grant", help=t("users.cli.grant.help"))
    @handles_errors
    def users_grant(
        ctx: typer.Context,
        name: Annotated[str, typer.Argument(help=t("users.cli.arg.name"))],
        role: Annotated[str, typer.Option("--role", help=t("users.cli.opt.role"))],
        member: Annotated[
            str | None, typer.Option("--member", help=t("users.cli.opt.member"))
        ] = None,
    ) -> None:
        from orglife_tui.data.accounts import grant

        chosen = _role(role)
        on_branch(ctx, lambda store, branch_id: grant(store, name, branch_id, chosen, member))
        typer.echo(t("users.granted", name=name, role=role_label(chosen.value)))

    @users_app.command("revoke", help=t("users.cli.revoke.help"))
    @handles_errors
    def users_revoke(
        ctx: typer.Context,
        name: Annotated[str, typer.Argument(help=t("users.cli.arg.name"))],
        role: Annotated[str, typer.Option("--role", help=t("users.cli.opt.role"))],
    ) -> None:
        from orglife_tui.data.accounts import revoke

        chosen = _role(role)
        on_branch(ctx, lambda store, branch_id: revoke(store, name, branch_id, chosen))
        typer.echo(t("users.revoked", name=name, role=role_label(chosen.value)))

    @users_app.command("whoami", help=t("users.cli.whoami.help"))
    @handles_errors
    def users_whoami(ctx: typer.Context) -> None:
        from orglife_tui.data.accounts import access_of
        from orglife_tui.domain.access import roles_text

        with open_store(ctx) as store:
            access = access_of(store)
            names = {b.id: b.name for b in store.branches()}
        roles = roles_text(access.grants, names, get_language())
        key = "users.whoami.admin" if access.unrestricted else "users.whoami"
        typer.echo(t(key, name=access.account, roles=roles or t("users.no_roles")))

"""`orglife-tui orders list|add|take|decline|done`: members' orders for the branch (点单/接单).

Thin: parse, call ``orglife_tui.data.orders``, print.
"""

from __future__ import annotations

from typing import Annotated

import typer

from orglife_tui.cli.commands.common import (
    check_format,
    emit,
    enum_option,
    fail,
    handles_errors,
    on_branch,
    open_existing_branch,
    today,
)
from orglife_tui.locale import get_language, t

LIST_KEYS = (
    "id",
    "member_no",
    "name",
    "kind",
    "title",
    "detail",
    "wanted_month",
    "status",
    "plan_item_id",
    "held_meeting_no",
    "answer",
    "created_at",
    "answered_by",
)
TABLE_KEYS = ("id", "member_no", "name", "kind", "title", "wanted_month", "status", "answer")


def register(app: typer.Typer) -> None:
    orders_app = typer.Typer(help=t("orders.cli.help"), no_args_is_help=True)
    app.add_typer(orders_app, name="orders")

    @orders_app.command("list", help=t("orders.cli.list.help"))
    @handles_errors
    def orders_list(
        ctx: typer.Context,
        status: Annotated[
            str | None, typer.Option("--status", help=t("orders.cli.opt.status"))
        ] = None,
        member: Annotated[
            str | None, typer.Option("--member", help=t("orders.cli.opt.member_filter"))
        ] = None,
        fmt: Annotated[str, typer.Option("--format", "-f", help=t("cli.opt.format"))] = "table",
    ) -> None:
        from orglife_tui.data.orders import list_orders
        from orglife_tui.domain import OrderStatus, label

        check_format(fmt)
        wanted = enum_option(OrderStatus, status, "orders.cli.bad_status") if status else None
        store, branch = open_existing_branch(ctx)
        with store:
            member_id = store.get_member(branch.id, member.strip()).id if member else None
            rows = list_orders(store, branch.id, wanted, member_id)
        lang = get_language()
        emit(
            fmt,
            LIST_KEYS if fmt != "table" else TABLE_KEYS,
            [_record(r) for r in rows],
            table_row=lambda r: [
                str(r["id"]),
                r["member_no"],
                r["name"],
                label(r["kind"], lang),
                r["title"],
                r["wanted_month"] or "",
                label(r["status"], lang),
                r["answer"] or "",
            ],
            empty_message=t("orders.cli.none"),
            col_prefix="orders.col.",
        )

    @orders_app.command("add", help=t("orders.cli.add.help"))
    @handles_errors
    def orders_add(
        ctx: typer.Context,
        member: Annotated[str, typer.Option("--member", help=t("orders.cli.opt.member"))],
        title: Annotated[str, typer.Option("--title", help=t("orders.cli.opt.title"))],
        kind: Annotated[str, typer.Option("--kind", help=t("orders.cli.opt.kind"))] = "activity",
        detail: Annotated[
            str | None, typer.Option("--detail", help=t("orders.cli.opt.detail"))
        ] = None,
        month: Annotated[
            str | None, typer.Option("--month", help=t("orders.cli.opt.month"))
        ] = None,
    ) -> None:
        from orglife_tui.data.orders import OrderInput, place_order
        from orglife_tui.domain import OrderKind

        item = OrderInput(enum_option(OrderKind, kind, "orders.cli.bad_kind"), title, detail, month)
        store, branch = open_existing_branch(ctx)
        with store:
            member_id = store.get_member(branch.id, member.strip()).id
            row = place_order(store, branch.id, member_id, item)
        typer.echo(t("orders.cli.added", id=row.id, member_no=row.member_no, title=row.title))

    @orders_app.command("take", help=t("orders.cli.take.help"))
    @handles_errors
    def orders_take(
        ctx: typer.Context,
        order_id: Annotated[int, typer.Argument(metavar="ID", help=t("orders.cli.arg.id"))],
        mtype: Annotated[str | None, typer.Option("--type", help=t("orders.cli.opt.type"))] = None,
        year: Annotated[int | None, typer.Option("--year", help=t("plan.cli.opt.year"))] = None,
        month: Annotated[int | None, typer.Option("--month", help=t("plan.cli.opt.month"))] = None,
        whole_year: Annotated[
            bool, typer.Option("--whole-year", help=t("plan.cli.opt.whole_year"))
        ] = False,
        topic: Annotated[
            str | None, typer.Option("--topic", help=t("orders.cli.opt.topic"))
        ] = None,
        note: Annotated[str | None, typer.Option("--note", help=t("orders.cli.opt.note"))] = None,
    ) -> None:
        from dataclasses import replace

        from orglife_tui.data.orders import get_order, plan_prefill, take_order
        from orglife_tui.domain import MeetingType, label

        if whole_year and month is not None:
            raise fail(t("plan.cli.month_and_whole_year"), code=2)
        store, branch = open_existing_branch(ctx)
        with store:
            plan = plan_prefill(get_order(store, branch.id, order_id), today())
            if mtype is not None:
                plan = replace(
                    plan, meeting_type=enum_option(MeetingType, mtype, "plan.cli.bad_type")
                )
            if year is not None:
                plan = replace(plan, year=year)
            if month is not None or whole_year:
                plan = replace(plan, month=month)
            if topic is not None:
                plan = replace(plan, topic=topic)
            row = take_order(store, branch.id, order_id, plan, note)
        when = (
            t("plan.when_year", year=plan.year)
            if plan.month is None
            else t("plan.when_month", year=plan.year, month=plan.month)
        )
        typer.echo(
            t(
                "orders.cli.taken",
                id=row.id,
                plan_id=row.plan_item_id,
                when=when,
                type=label(plan.meeting_type, get_language()),
            )
        )

    @orders_app.command("decline", help=t("orders.cli.decline.help"))
    @handles_errors
    def orders_decline(
        ctx: typer.Context,
        order_id: Annotated[int, typer.Argument(metavar="ID", help=t("orders.cli.arg.id"))],
        reason: Annotated[str, typer.Option("--reason", help=t("orders.cli.opt.reason"))],
    ) -> None:
        from orglife_tui.data.orders import decline_order

        row = on_branch(ctx, decline_order, order_id, reason)
        typer.echo(t("orders.cli.declined", id=row.id, title=row.title))

    @orders_app.command("done", help=t("orders.cli.done.help"))
    @handles_errors
    def orders_done(
        ctx: typer.Context,
        order_id: Annotated[int, typer.Argument(metavar="ID", help=t("orders.cli.arg.id"))],
        note: Annotated[str | None, typer.Option("--note", help=t("orders.cli.opt.note"))] = None,
    ) -> None:
        from orglife_tui.data.orders import mark_done

        row = on_branch(ctx, mark_done, order_id, note)
        typer.echo(t("orders.cli.done", id=row.id, title=row.title))


def _record(row) -> dict[str, object]:
    return {
        "id": row.id,
        "member_no": row.member_no,
        "name": row.name,
        "kind": row.kind,
        "title": row.title,
        "detail": row.detail,
        "wanted_month": row.wanted_month,
        "status": row.status,
        "plan_item_id": row.plan_item_id,
        "held_meeting_no": row.held_meeting_no,
        "answer": row.answer,
        "created_at": row.created_at.isoformat(timespec="seconds"),
        "answered_by": row.answered_by,
    }

"""`dues …`: monthly party dues standards, payments and the register (issue 9 §6).

Thin: parse, call ``orglife_tui.data.dues``, print. Every command that writes refuses a
database without a branch (it never creates one), writes nothing when refused, and then
lets the ``late_dues`` points follow the dues (``points.after_dues_change``).
"""

from __future__ import annotations

from typing import Annotated

import typer

from orglife_tui.cli.commands.common import (
    check_format,
    date_option,
    emit,
    fail,
    handles_errors,
    import_refused,
    on_branch,
    open_existing_branch,
    points_follow,
)
from orglife_tui.cli.commands.importing import DryRun, say_dry_run
from orglife_tui.locale import t

LIST_KEYS = (
    "id",
    "member_no",
    "name",
    "paid_on",
    "from_month",
    "to_month",
    "amount",
    "note",
    "voided",
    "void_reason",
    "operator",
)
LIST_TABLE_KEYS = ("id", "member_no", "name", "paid_on", "months", "amount", "note")
STATUS_KEYS = (
    "member_no",
    "name",
    "standard",
    "paid_until",
    "arrears_months",
    "owed",
    "arrears",
    "note",
)
STATUS_TABLE_KEYS = tuple(k for k in STATUS_KEYS if k != "arrears")
STANDARD_KEYS = ("member_no", "name", "from_month", "amount", "operator")


def register(app: typer.Typer) -> None:
    """Add the ``dues`` group."""
    dues_app = typer.Typer(help=t("dues.cli.help"), no_args_is_help=True)
    app.add_typer(dues_app, name="dues")

    @dues_app.command("standard", help=t("dues.cli.standard.help"))
    @handles_errors
    def dues_standard(
        ctx: typer.Context,
        member_no: Annotated[str, typer.Argument(metavar="NO", help=t("dues.cli.arg.member"))],
        amount: Annotated[str, typer.Argument(metavar="AMOUNT", help=t("dues.cli.arg.amount"))],
        from_month: Annotated[str, typer.Option("--from", help=t("dues.cli.opt.from"))],
    ) -> None:
        from orglife_tui.data.dues import set_standard, yuan

        fen = _amount(amount, "AMOUNT")
        month = _month(from_month, "--from")
        store, branch = open_existing_branch(ctx)
        with store:
            row = set_standard(store, branch.id, member_no, month, fen)
            typer.echo(
                t(
                    "dues.standard_set",
                    member_no=row.member_no,
                    name=row.name,
                    month=row.from_month,
                    amount=yuan(row.amount_fen),
                )
            )
            _points_follow(store, branch.id)

    @dues_app.command("standards", help=t("dues.cli.standards.help"))
    @handles_errors
    def dues_standards(
        ctx: typer.Context,
        member: Annotated[
            str | None, typer.Option("--member", help=t("dues.cli.opt.member"))
        ] = None,
        fmt: Annotated[str, typer.Option("--format", "-f", help=t("cli.opt.format"))] = "table",
    ) -> None:
        from orglife_tui.data.dues import list_standards, yuan

        check_format(fmt)
        store, branch = open_existing_branch(ctx)
        with store:
            if member:
                store.get_member(branch.id, member)  # an unknown number is refused
            rows = list_standards(store, branch.id, member)
        emit(
            fmt,
            STANDARD_KEYS,
            [
                {
                    "member_no": r.member_no,
                    "name": r.name,
                    "from_month": r.from_month,
                    "amount": yuan(r.amount_fen),
                    "operator": r.operator,
                }
                for r in rows
            ],
            empty_message=t("dues.no_standards"),
            col_prefix="dues.col.",
        )

    @dues_app.command("pay", help=t("dues.cli.pay.help"))
    @handles_errors
    def dues_pay(
        ctx: typer.Context,
        member_no: Annotated[str, typer.Argument(metavar="NO", help=t("dues.cli.arg.member"))],
        months: Annotated[str, typer.Option("--months", help=t("dues.cli.opt.months"))],
        amount: Annotated[str, typer.Option("--amount", help=t("dues.cli.opt.amount"))],
        on: Annotated[str | None, typer.Option("--on", help=t("dues.cli.opt.on"))] = None,
        note: Annotated[str | None, typer.Option("--note", help=t("dues.cli.opt.note"))] = None,
    ) -> None:
        from orglife_tui.data.dues import (
            PaymentInput,
            expected_amount,
            parse_months,
            record_payment,
            yuan,
        )
        from orglife_tui.domain import InputError

        fen = _amount(amount, "--amount")
        try:
            first, last = parse_months(months)
        except InputError:
            raise fail(f"--months: {t('dues.problem.bad_months', value=months)}", code=2) from None
        paid_on = date_option(on, "--on") if on else None
        store, branch = open_existing_branch(ctx)
        with store:
            payment = PaymentInput(
                member_no=member_no,
                paid_on=paid_on or store.today(),
                from_month=first,
                to_month=last,
                amount_fen=fen,
                note=note,
            )
            row = record_payment(store, branch.id, payment)
            typer.echo(
                t(
                    "dues.paid",
                    id=row.id,
                    member_no=row.member_no,
                    name=row.name,
                    amount=yuan(row.amount_fen),
                    months=_months_text(row.from_month, row.to_month),
                    date=row.paid_on.isoformat(),
                )
            )
            expected = expected_amount(store, branch.id, row.member_no, first, last)
            if expected is not None and expected != row.amount_fen:
                typer.echo(
                    t("dues.amount_differs", expected=yuan(expected), amount=yuan(fen)), err=True
                )
            _points_follow(store, branch.id)

    @dues_app.command("void", help=t("dues.cli.void.help"))
    @handles_errors
    def dues_void(
        ctx: typer.Context,
        payment_id: Annotated[int, typer.Argument(metavar="PAYMENT_ID", help=t("dues.cli.arg.id"))],
        reason: Annotated[str, typer.Option("--reason", help=t("dues.cli.opt.reason"))],
    ) -> None:
        from orglife_tui.data.dues import void_payment, yuan

        store, branch = open_existing_branch(ctx)
        with store:
            row = void_payment(store, branch.id, payment_id, reason)
            typer.echo(
                t(
                    "dues.voided",
                    id=row.id,
                    member_no=row.member_no,
                    name=row.name,
                    amount=yuan(row.amount_fen),
                    months=_months_text(row.from_month, row.to_month),
                )
            )
            _points_follow(store, branch.id)

    @dues_app.command("list", help=t("dues.cli.list.help"))
    @handles_errors
    def dues_list(
        ctx: typer.Context,
        member: Annotated[
            str | None, typer.Option("--member", help=t("dues.cli.opt.member"))
        ] = None,
        year: Annotated[
            int | None, typer.Option("--year", min=1900, max=2999, help=t("dues.cli.opt.year"))
        ] = None,
        fmt: Annotated[str, typer.Option("--format", "-f", help=t("cli.opt.format"))] = "table",
    ) -> None:
        from orglife_tui.data.dues import list_payments, yuan

        check_format(fmt)
        rows = on_branch(ctx, list_payments, member_no=member, year=year)
        records = [
            {
                "id": r.id,
                "member_no": r.member_no,
                "name": r.name,
                "paid_on": r.paid_on,
                "from_month": r.from_month,
                "to_month": r.to_month,
                "months": _months_text(r.from_month, r.to_month),
                "amount": yuan(r.amount_fen),
                "note": (
                    t("dues.voided_note", reason=r.void_reason or "") if r.voided else r.note or ""
                ),
                "voided": r.voided,
                "void_reason": r.void_reason,
                "operator": r.operator,
            }
            for r in rows
        ]
        if fmt != "table":
            for rec, r in zip(records, rows, strict=True):
                rec["note"] = r.note
        emit(
            fmt,
            LIST_KEYS if fmt != "table" else LIST_TABLE_KEYS,
            records,
            empty_message=t("dues.no_payments"),
            col_prefix="dues.col.",
        )
        if fmt == "table" and rows:
            live = [r for r in rows if not r.voided]
            typer.echo(
                t(
                    "dues.list_total",
                    count=len(live),
                    amount=yuan(sum(r.amount_fen for r in live)),
                    voided=len(rows) - len(live),
                )
            )

    @dues_app.command("status", help=t("dues.cli.status.help"))
    @handles_errors
    def dues_status(
        ctx: typer.Context,
        as_of: Annotated[str | None, typer.Option("--as-of", help=t("dues.cli.opt.as_of"))] = None,
        fmt: Annotated[str, typer.Option("--format", "-f", help=t("cli.opt.format"))] = "table",
    ) -> None:
        from orglife_tui.data.dues import status, yuan

        check_format(fmt)
        day = date_option(as_of, "--as-of") if as_of else None
        store, branch = open_existing_branch(ctx)
        with store:
            today = store.today()
            if day is not None and day > today:
                raise fail(t("dues.as_of_future", date=day.isoformat()), code=2)
            day = day or today
            rows = status(store, branch.id, day)
        records = [
            {
                "member_no": r.member_no,
                "name": r.name,
                "standard": yuan(r.state.standard),
                "paid_until": r.state.paid_until or "",
                "arrears_months": len(r.state.arrears) if r.state.has_record else "",
                "owed": yuan(r.state.owed) if r.state.has_record else "",
                "arrears": ";".join(r.state.arrears),
                "note": _status_note(r),
            }
            for r in rows
        ]
        if fmt == "table":
            typer.echo(t("dues.status_header", branch=branch.name, date=day.isoformat()))
        emit(
            fmt,
            STATUS_KEYS if fmt != "table" else STATUS_TABLE_KEYS,
            records,
            empty_message=t("cli.no_members"),
            col_prefix="dues.col.",
        )
        if fmt == "table" and rows:
            behind = [r for r in rows if r.state.arrears]
            typer.echo(
                t(
                    "dues.status_total",
                    behind=len(behind),
                    owed=yuan(sum(r.state.owed for r in behind)),
                )
            )

    @dues_app.command("import", help=t("dues.cli.import.help"))
    @handles_errors
    def dues_import(
        ctx: typer.Context,
        file: Annotated[str, typer.Argument(metavar="FILE", help=t("import.cli.arg.file"))],
        dry_run: DryRun = False,
    ) -> None:
        from orglife_tui.importing import ImportFailed, read_table
        from orglife_tui.importing.dues import import_dues

        if dry_run:
            say_dry_run(ctx, "dues", file)
            return

        try:
            table = read_table(file, "dues")  # a bad file is refused before the database
            store, branch = open_existing_branch(ctx)
            with store:
                summary = import_dues(store, branch.id, table)
                typer.echo(summary.message())
                _points_follow(store, branch.id)
        except ImportFailed as exc:
            raise import_refused(exc, file) from None


# ---------------------------------------------------------------------------- helpers


def _amount(text: str, option: str) -> int:
    from orglife_tui.data.dues import parse_amount
    from orglife_tui.domain import InputError

    try:
        return parse_amount(text)
    except InputError as exc:
        raise fail(f"{option}: {t(exc.key, value=text)}", code=2) from None


def _month(text: str, option: str) -> str:
    from orglife_tui.domain import InputError, parse_month

    try:
        return parse_month(text)
    except InputError:
        raise fail(f"{option}: {t('problem.bad_month', value=text)}", code=2) from None


def _months_text(first: str, last: str) -> str:
    return first if first == last else f"{first}..{last}"


def _status_note(row) -> str:
    parts = []
    if not row.state.has_record:
        parts.append(t("dues.note.no_standard"))
    if row.away:
        parts.append(t("dues.note.away"))
    return t("dues.list_sep").join(parts)


def _points_follow(store, branch_id: int) -> None:
    """The ``late_dues`` points follow the dues; the dues are saved whatever happens here
    (``ledger sync`` catches up later)."""
    from orglife_tui.services.points import after_dues_change

    points_follow(lambda: after_dues_change(store, branch_id), "dues.points_not_updated")

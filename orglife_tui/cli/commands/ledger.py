"""`orglife-tui ledger add|reverse|list|sync` and `orglife-tui verify`.

Thin: parse, call ``orglife_tui.data.ledger`` (through ``orglife_tui.services.points`` for the
scheme), print. ``ledger list`` streams the entries page by page, so listing or exporting a
ledger of a million entries keeps memory flat. ``verify`` exits 1 naming the first broken
entry; on success it prints each branch's ledger head hash for the minutes.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from typing import Annotated

import typer

from orglife_tui.cli.commands.common import (
    check_format,
    fail,
    handles_errors,
    open_branch,
    open_store,
)
from orglife_tui.export.cells import csv_writer
from orglife_tui.locale import get_language, t, visible

LIST_KEYS = (
    "id",
    "entry_date",
    "member_no",
    "name",
    "item_code",
    "points",
    "hours",
    "source",
    "meeting_no",
    "note",
    "reverses_id",
    "reversed_by",
    "operator",
    "hash",
)


def register(app: typer.Typer) -> None:
    ledger_app = typer.Typer(help=t("ledger.cli.help"), no_args_is_help=True)
    app.add_typer(ledger_app, name="ledger")

    @ledger_app.command("add", help=t("ledger.cli.add.help"))
    @handles_errors
    def ledger_add(
        ctx: typer.Context,
        member_no: Annotated[
            str, typer.Argument(metavar="MEMBER_NO", help=t("ledger.cli.arg.member"))
        ],
        item: Annotated[str, typer.Argument(metavar="ITEM", help=t("ledger.cli.arg.item"))],
        points: Annotated[
            float | None, typer.Option("--points", help=t("ledger.cli.opt.points"))
        ] = None,
        hours: Annotated[
            float | None, typer.Option("--hours", help=t("ledger.cli.opt.hours"))
        ] = None,
        when: Annotated[str | None, typer.Option("--date", help=t("ledger.cli.opt.date"))] = None,
        note: Annotated[str | None, typer.Option("--note", help=t("ledger.cli.opt.note"))] = None,
    ) -> None:
        from orglife_tui.domain import InputError, parse_date
        from orglife_tui.services.points import active_scheme, add_manual_entry

        if points is not None and hours is not None:
            raise fail(t("ledger.points_and_hours"), code=2)
        try:
            entry_date = parse_date(when) if when else None
        except InputError as exc:
            raise fail(t(exc.key, value=when), code=2) from None
        store, branch = open_branch(ctx)
        with store:
            info, scheme = active_scheme(store, branch.id)
            row = add_manual_entry(
                store,
                branch.id,
                scheme,
                info.id,
                member_no,
                item,
                points=points,
                hours=hours,
                entry_date=entry_date,
                note=note,
            )
            typer.echo(
                t(
                    "ledger.added",
                    id=row.id,
                    member_no=row.member_no,
                    name=row.member_name,
                    item=_item_name(scheme, row.item_code),
                    points=_signed(row.points),
                    date=row.entry_date.isoformat(),
                )
            )
            typer.echo(t("ledger.head", hash=row.hash))

    @ledger_app.command("reverse", help=t("ledger.cli.reverse.help"))
    @handles_errors
    def ledger_reverse(
        ctx: typer.Context,
        entry: Annotated[int, typer.Argument(metavar="ENTRY", help=t("ledger.cli.arg.entry"))],
        reason: Annotated[str, typer.Option("--reason", help=t("ledger.cli.opt.reason"))],
    ) -> None:
        from orglife_tui.data import ledger

        store, branch = open_branch(ctx)
        with store:
            row = ledger.reverse_entry(store, branch.id, entry, reason)
        typer.echo(
            t(
                "ledger.reversed",
                id=row.id,
                original=row.reverses_id,
                points=_signed(row.points),
                reason=row.note,
            )
        )
        typer.echo(t("ledger.head", hash=row.hash))

    @ledger_app.command("list", help=t("ledger.cli.list.help"))
    @handles_errors
    def ledger_list(
        ctx: typer.Context,
        member: Annotated[
            str | None, typer.Option("--member", help=t("ledger.cli.opt.member"))
        ] = None,
        year: Annotated[int | None, typer.Option("--year", help=t("ledger.cli.opt.year"))] = None,
        fmt: Annotated[str, typer.Option("--format", "-f", help=t("cli.opt.format"))] = "table",
        limit: Annotated[
            int | None, typer.Option("--limit", min=1, help=t("ledger.cli.opt.limit"))
        ] = None,
    ) -> None:
        from itertools import islice

        from orglife_tui.data import ledger
        from orglife_tui.services.points import active_scheme

        check_format(fmt)
        store, branch = open_branch(ctx)
        with store:
            rows: Iterable = ledger.iter_entries(store, branch.id, member_no=member, year=year)
            if limit is not None:
                rows = islice(rows, limit)
            if fmt == "json":
                _write_json(rows)
            elif fmt == "csv":
                _write_csv(rows)
            else:
                _, scheme = active_scheme(store, branch.id)
                _write_table(rows, lambda code: _item_name(scheme, code), running=bool(member))

    @ledger_app.command("sync", help=t("ledger.cli.sync.help"))
    @handles_errors
    def ledger_sync(ctx: typer.Context) -> None:
        from orglife_tui.services.points import sync_branch

        store, branch = open_branch(ctx)
        with store:
            info, scheme, result = sync_branch(store, branch.id)
        typer.echo(
            t(
                "ledger.synced",
                scheme=info.name,
                version=info.version,
                added=result.added,
                reversed=result.reversed,
            )
        )

    @app.command("verify", help=t("verify.cli.help"))
    @handles_errors
    def verify_cmd(
        ctx: typer.Context,
        expect: Annotated[
            list[str] | None,
            typer.Option("--expect", metavar="LEDGER,AUDIT", help=t("verify.cli.opt.expect")),
        ] = None,
    ) -> None:
        from orglife_tui.data.anchors import parse_anchor
        from orglife_tui.data.errors import StoreError

        try:
            anchors = [parse_anchor(text) for text in expect or ()]
        except StoreError as exc:  # refused before the database is opened
            raise fail(t(exc.key, **exc.params), code=2) from None
        from orglife_tui.services.verify import outcome_lines, summary_lines, verify

        store = open_store(ctx)
        with store:
            outcome = verify(store, expect=anchors)
        for line in summary_lines(outcome):
            typer.echo(line.text)
        _echo_anchors(outcome.report, outcome.names)
        for line in outcome_lines(outcome):
            typer.echo(line.text, err=line.problem)
        if not outcome.ok:
            raise typer.Exit(1)


def _echo_anchors(report, names: dict[int, str]) -> None:
    """What each ``--expect`` head was found to be: present (and how much came after),
    or missing — then on standard error, with the heads there are now."""
    from orglife_tui.data.chain import GENESIS

    for check in report.anchors:
        params: dict[str, object] = {"expected": check.expected}
        if check.empty:
            typer.echo(t(f"verify.expect.empty_chain.{check.chain}", **params))
        elif check.ambiguous:
            typer.echo(t(f"verify.expect.ambiguous.{check.chain}", **params), err=True)
        elif check.found:
            branch = names.get(check.branch_id, str(check.branch_id)) if check.branch_id else ""
            typer.echo(
                t(f"verify.expect.found.{check.chain}", after=check.after, branch=branch, **params)
            )
        elif check.chain == "ledger":
            heads = [
                f"{names.get(b, str(b))} {h}"
                for b, h in report.ledger_heads.items()
                if h != GENESIS
            ]
            found = "; ".join(heads) or t("verify.expect.none")
            typer.echo(t("verify.expect.missing.ledger", found=found, **params), err=True)
        else:
            head = report.audit_head if report.audit_head != GENESIS else t("verify.expect.none")
            typer.echo(
                t(
                    "verify.expect.missing.audit",
                    found=head,
                    count=f"{report.audit_entries:,}",
                    **params,
                ),
                err=True,
            )


# ---------------------------------------------------------------------------- output


def _signed(value: float) -> str:
    return f"{value:+.2f}".rstrip("0").rstrip(".") if value % 1 else f"{value:+.0f}"


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _item_name(scheme, code: str) -> str:
    item = scheme.item(code)
    return item.name(get_language()) if item else code


def _record(row) -> dict[str, object]:
    return {
        "id": row.id,
        "entry_date": row.entry_date.isoformat(),
        "member_no": row.member_no,
        "name": row.member_name,
        "item_code": row.item_code,
        "points": row.points,
        "hours": row.hours,
        "source": row.source,
        "meeting_no": row.meeting_no,
        "note": row.note,
        "reverses_id": row.reverses_id,
        "reversed_by": row.reversed_by,
        "operator": row.operator,
        "hash": row.hash,
    }


def _write_json(rows: Iterable) -> None:
    """A JSON array written entry by entry (never the whole ledger in memory)."""
    out = sys.stdout
    first = True
    out.write("[")
    for row in rows:
        out.write("\n  " if first else ",\n  ")
        out.write(json.dumps(_record(row), ensure_ascii=False))
        first = False
    out.write("\n]\n" if not first else "]\n")


def _write_csv(rows: Iterable) -> None:
    writer = csv_writer(sys.stdout, lineterminator="\n")
    writer.writerow(LIST_KEYS)
    for row in rows:
        rec = _record(row)
        writer.writerow(["" if rec[k] is None else rec[k] for k in LIST_KEYS])


def _write_table(rows: Iterable, item_name: Callable[[str], str], running: bool) -> None:
    """Aligned columns, printed as the entries come (CJK-aware widths)."""
    from rich.cells import cell_len

    heads = ["id", "date", "member_no", "name", "item", "points", "hours"]
    if running:
        heads.append("running")
    heads += ["source", "note"]
    widths = {
        "id": 7,
        "date": 10,
        "member_no": 8,
        "name": 8,
        "item": 22,
        "points": 7,
        "hours": 5,
        "running": 8,
        "source": 10,
    }
    right = {"id", "points", "hours", "running"}

    def fit(text: str, width: int | None, align_right: bool) -> str:
        text = visible(text)  # names and notes as typed, never acted on by the terminal
        if width is None:
            return text
        while cell_len(text) > width:
            text = text[:-1]
        pad = " " * (width - cell_len(text))
        return pad + text if align_right else text + pad

    def line(values: dict[str, str]) -> str:
        return " ".join(fit(values[h], widths.get(h), h in right) for h in heads).rstrip()

    total = 0.0
    count = 0
    for row in rows:
        if count == 0:
            typer.echo(line({h: t(f"ledger.col.{h}") for h in heads}))
        count += 1
        total += row.points
        marks = []
        if row.meeting_no:
            marks.append(t("ledger.meeting", meeting_no=row.meeting_no))
        if row.reverses_id:
            marks.append(t("ledger.marks.reverses", id=row.reverses_id))
        if row.reversed_by:
            marks.append(t("ledger.marks.reversed_by", id=row.reversed_by))
        if row.note:
            marks.append(row.note)
        typer.echo(
            line(
                {
                    "id": str(row.id),
                    "date": row.entry_date.isoformat(),
                    "member_no": row.member_no,
                    "name": row.member_name,
                    "item": item_name(row.item_code),
                    "points": _signed(row.points),
                    "hours": _number(row.hours),
                    "running": _number(round(total, 2)) or "0",
                    "source": t(f"ledger.source.{row.source}"),
                    "note": "；".join(marks) if get_language() == "zh" else "; ".join(marks),
                }
            )
        )
    if count == 0:
        typer.echo(t("ledger.none"))

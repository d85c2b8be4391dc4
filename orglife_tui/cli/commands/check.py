"""`orglife-tui check`: the compliance watch's findings for a year, as a table or JSON.

Exit status 0 whether or not there are findings (they are the report, not an error); 1 or
2 with a message when the request itself cannot be answered.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated

import typer

from orglife_tui.cli.commands.common import (
    check_format,
    fail,
    handles_errors,
    open_existing_branch,
    print_table,
    today,
)
from orglife_tui.locale import t, visible

CHECK_FORMATS = ("table", "json")


def register(app: typer.Typer) -> None:
    @app.command("check", help=t("compliance.cli.help"))
    @handles_errors
    def check_cmd(
        ctx: typer.Context,
        year: Annotated[
            int | None, typer.Option("--year", help=t("compliance.cli.opt.year"))
        ] = None,
        as_of: Annotated[
            str | None, typer.Option("--as-of", help=t("compliance.cli.opt.as_of"))
        ] = None,
        fmt: Annotated[
            str, typer.Option("--format", "-f", help=t("compliance.cli.opt.format"))
        ] = "table",
    ) -> None:
        run_check(ctx, year, as_of, fmt)


def _parse_as_of(text: str | None) -> date | None:
    from orglife_tui.domain import InputError, parse_date

    if not text:
        return None
    try:
        return parse_date(text)
    except InputError as exc:
        raise fail(f"--as-of: {exc}", code=2) from None


def run_check(ctx: typer.Context, year: int | None, as_of_text: str | None, fmt: str) -> None:
    from orglife_tui.services import watch

    check_format(fmt, CHECK_FORMATS)
    as_of = _parse_as_of(as_of_text)
    year, as_of = watch.check_window(year, as_of, today())
    store, branch = open_existing_branch(ctx)
    with store:
        findings = watch.check(store, branch.id, year, as_of)
    if fmt == "json":
        typer.echo(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2))
        return
    params = {"branch": branch.name, "year": year, "as_of": as_of.isoformat()}
    if not findings:
        typer.echo(t("compliance.cli.none", **params))
        return
    typer.echo(t("compliance.cli.header", count=len(findings), **params))
    from rich.table import Table

    table = Table(box=None, pad_edge=False, show_edge=False)
    for key in ("period", "subject", "severity", "message"):
        table.add_column(t(f"col.{key}"), overflow="fold")
    for f in findings:
        table.add_row(
            visible(f.period),
            visible(f.subject),
            t(f"compliance.severity.{f.severity.value}"),
            visible(f.message),
        )
    print_table(table)


def _width() -> int:
    import shutil

    return shutil.get_terminal_size((120, 24)).columns

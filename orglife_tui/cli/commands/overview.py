"""`orglife-tui overview`: the party committee's view of every branch it can see.

Read-only. ``--format table`` (the default) prints one line per branch; ``md``, ``xlsx``
and ``json`` write the export of ``services.exports.export_overview`` (the TUI export
screen's too). Which branches are seen is the database's business: on PostgreSQL a login
sees only the branches its role is granted, so nothing here chooses a branch.
"""

from __future__ import annotations

from typing import Annotated

import typer

from orglife_tui.cli.commands.common import (
    check_format,
    date_option,
    fail,
    handles_errors,
    open_store,
    print_table,
    today,
)
from orglife_tui.config import sqlite_path
from orglife_tui.locale import t, visible


def register(app: typer.Typer) -> None:
    @app.command("overview", help=t("overview.cli.help"))
    @handles_errors
    def overview_cmd(
        ctx: typer.Context,
        year: Annotated[
            int | None, typer.Option("--year", help=t("compliance.cli.opt.year"))
        ] = None,
        as_of: Annotated[
            str | None, typer.Option("--as-of", help=t("compliance.cli.opt.as_of"))
        ] = None,
        fmt: Annotated[
            str, typer.Option("--format", "-f", help=t("overview.cli.opt.format"))
        ] = "table",
        output: Annotated[
            str | None, typer.Option("--output", "-o", help=t("overview.cli.opt.output"))
        ] = None,
    ) -> None:
        run_overview(ctx, year, as_of, fmt, output)


def run_overview(
    ctx: typer.Context, year: int | None, as_of_text: str | None, fmt: str, output: str | None
) -> None:
    from orglife_tui.cli.commands.common import globals_of
    from orglife_tui.export.dispatch import FILE_ONLY
    from orglife_tui.export.files import is_stdout
    from orglife_tui.services import exports, watch

    check_format(fmt, ("table", *exports.OVERVIEW.formats))
    if fmt in FILE_ONLY and is_stdout(output):
        raise fail(t("export.needs_output", fmt=fmt.upper()), code=2)
    as_of = date_option(as_of_text, "--as-of") if as_of_text else None
    year, as_of = watch.check_window(year, as_of, today())
    path = sqlite_path(globals_of(ctx).db_url)
    if path is not None and not path.exists():
        raise fail(t("cli.no_branch"))  # nothing to see, and no file to create for it
    store = open_store(ctx)
    with store:
        if fmt != "table":
            result = exports.export_overview(store, None, year, as_of, fmt, output)
            if not is_stdout(output):
                typer.echo(result.written(str(output)), err=True)
            return
        from orglife_tui.services.overview import overview

        seen = overview(store, year, as_of)
    _print(seen)


def _print(seen) -> None:
    from rich.table import Table

    from orglife_tui.domain import label
    from orglife_tui.locale import get_language

    lang = get_language()
    params = {"year": seen.year, "as_of": seen.as_of.isoformat(), "count": len(seen.branches)}
    if not seen.branches:
        typer.echo(t("overview.empty"))
        return
    typer.echo(t("overview.cli.header", **params))
    table = Table(box=None, pad_edge=False, show_edge=False)
    for key in ("branch", "members", "talked", "missing", "appraisal", "grades", "arrears"):
        table.add_column(t(f"overview.short.{key}"), overflow="fold")
    for key in ("overdue_rectifications", "overdue_follow_ups"):
        table.add_column(t(f"overview.short.{key}"), justify="right")
    for b in seen.branches:
        table.add_row(
            visible(b.name),
            str(b.members),
            coverage_text(b.talked, b.members),
            str(b.missing),
            label(b.appraisal, lang) or "—",
            grades_text(b.grades) if b.published else "—",
            t("overview.arrears", members=b.arrears_members, months=b.arrears_months)
            if b.arrears_members
            else "0",
            str(b.overdue_rectifications),
            str(b.overdue_follow_ups),
        )
    print_table(table)


def coverage_text(talked: int, members: int) -> str:
    """``45/50``: members talked with of those in the branch."""
    return f"{talked}/{members}"


def grades_text(grades) -> str:
    """The published grades as ``优2 合45 基2 差1`` (E/Q/B/U in English)."""
    from orglife_tui.scoring.model import Grade

    return " ".join(f"{t(f'overview.grade.{g.value}')}{grades.get(g, 0)}" for g in Grade)

"""`orglife-tui import members|meetings|attendance FILE`: all rows or none.

The file is read and checked before the database is opened, so a bad file touches
nothing. Each refused row is printed to stderr as ``FILE:ROW: reason`` and the command
exits with status 1. A roster import prints what it changed under its summary line, and
names the columns it skipped on stderr.
"""

from __future__ import annotations

from typing import Annotated

import typer

from orglife_tui.cli.commands.common import (
    handles_errors,
    import_refused,
    open_branch,
    say_points_moved,
)
from orglife_tui.locale import t


def register(app: typer.Typer) -> None:
    import_app = typer.Typer(help=t("import.cli.help"), no_args_is_help=True)
    app.add_typer(import_app, name="import")

    @import_app.command("members", help=t("import.cli.members.help"))
    @handles_errors
    def import_members(
        ctx: typer.Context,
        file: Annotated[str, typer.Argument(metavar="FILE", help=t("import.cli.arg.file"))],
        strict: Annotated[bool, typer.Option("--strict", help=t("roster.cli.opt.strict"))] = False,
        # Kept so that scripts written for it still run: a roster import always updates.
        update: Annotated[
            bool, typer.Option("--update", help=t("import.cli.opt.update"), hidden=True)
        ] = False,
    ) -> None:
        run_import(ctx, "members", file, strict=strict)

    @import_app.command("meetings", help=t("import.cli.meetings.help"))
    @handles_errors
    def import_meetings(
        ctx: typer.Context,
        file: Annotated[str, typer.Argument(metavar="FILE", help=t("import.cli.arg.file"))],
    ) -> None:
        run_import(ctx, "meetings", file)

    @import_app.command("attendance", help=t("import.cli.attendance.help"))
    @handles_errors
    def import_attendance(
        ctx: typer.Context,
        file: Annotated[str, typer.Argument(metavar="FILE", help=t("import.cli.arg.file"))],
    ) -> None:
        run_import(ctx, "attendance", file)


def run_import(ctx: typer.Context, kind: str, file: str, strict: bool = False) -> None:
    from orglife_tui.importing import ImportFailed, import_table, read_table

    try:
        table = read_table(file, kind, strict=strict)
        store, branch = open_branch(ctx)
        with store:
            summary = import_table(store, branch.id, table)
            if kind in ("attendance", "meetings"):
                synced = _points_follow(store, branch.id, table)
    except ImportFailed as exc:
        raise import_refused(exc, file) from None
    for line in summary.notices():
        typer.echo(line, err=True)
    typer.echo(summary.message())
    for line in summary.details():
        typer.echo(line)
    if kind in ("attendance", "meetings"):
        if isinstance(synced, str):
            typer.echo(synced, err=True)
            raise typer.Exit(1)
        say_points_moved(synced)


def _points_follow(store, branch_id: int, table):
    """Points follow the imported marks (or the lecturers of imported meetings): the sync's
    result, or the message of its failure (the records are saved either way; ``ledger
    sync`` catches up later)."""
    from orglife_tui.data.errors import StoreError
    from orglife_tui.services.points import after_attendance_change, after_attendance_import

    numbers = {row.values.get("meeting_no", "") for row in table.rows}
    try:
        if table.kind == "meetings":  # numbers may have been assigned: the whole branch
            return after_attendance_change(store, branch_id)
        return after_attendance_import(store, branch_id, numbers)
    except StoreError as exc:
        return t("ledger.points_failed", message=str(exc))

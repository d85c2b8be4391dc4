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
    open_existing_branch,
    say_points_moved,
)
from orglife_tui.locale import t

# ``--dry-run`` of every import command (import …, dues import, plan import).
DryRun = Annotated[bool, typer.Option("--dry-run", "--check", help=t("import.cli.opt.dry_run"))]


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
        dry_run: DryRun = False,
    ) -> None:
        run_import(ctx, "members", file, strict=strict, dry_run=dry_run)

    @import_app.command("meetings", help=t("import.cli.meetings.help"))
    @handles_errors
    def import_meetings(
        ctx: typer.Context,
        file: Annotated[str, typer.Argument(metavar="FILE", help=t("import.cli.arg.file"))],
        dry_run: DryRun = False,
    ) -> None:
        run_import(ctx, "meetings", file, dry_run=dry_run)

    @import_app.command("attendance", help=t("import.cli.attendance.help"))
    @handles_errors
    def import_attendance(
        ctx: typer.Context,
        file: Annotated[str, typer.Argument(metavar="FILE", help=t("import.cli.arg.file"))],
        dry_run: DryRun = False,
    ) -> None:
        run_import(ctx, "attendance", file, dry_run=dry_run)


def run_import(
    ctx: typer.Context, kind: str, file: str, strict: bool = False, dry_run: bool = False
) -> None:
    from orglife_tui.importing import ImportFailed, read_table
    from orglife_tui.importing.followed import import_followed

    if dry_run:
        say_dry_run(ctx, kind, file, strict=strict)
        return
    try:
        table = read_table(file, kind, strict=strict)
        store, branch = open_branch(ctx)
        with store:
            done = import_followed(store, branch.id, table)
    except ImportFailed as exc:
        raise import_refused(exc, file) from None
    say_summary(done.summary)
    if done.points_error is not None:
        typer.echo(t("ledger.points_failed", message=done.points_error), err=True)
        typer.echo(t("cli.points_sync_hint"), err=True)
        raise typer.Exit(1)
    if done.points is not None:
        say_points_moved(done.points)


def say_dry_run(
    ctx: typer.Context,
    kind: str,
    file: str,
    strict: bool = False,
    session_id: int | None = None,
) -> None:
    """What importing ``file`` would do, told as the import tells it, with nothing written:
    the problems (exit 1) or the summary under a line saying it was a dry run.
    ``session_id``: the appraisal session of a session's records (self-assessments)."""
    from orglife_tui.importing import ImportFailed, read_table
    from orglife_tui.importing.preview import dry_run

    try:
        table = read_table(file, kind, strict=strict)
        # Not open_branch: a dry run must not create the branch (nor the database file).
        store, branch = open_existing_branch(ctx)
        with store:
            summary = dry_run(store, branch.id, table, session_id=session_id)
    except ImportFailed as exc:
        raise import_refused(exc, file) from None
    say_summary(summary, t("import.dry_run.nothing_written"))


def say_summary(summary, heading: str | None = None) -> None:
    """What an import read past (stderr), then what it wrote, under ``heading``."""
    for line in summary.notices():
        typer.echo(line, err=True)
    if heading is not None:
        typer.echo(heading)
    typer.echo(summary.message())
    for line in summary.details():
        typer.echo(line)

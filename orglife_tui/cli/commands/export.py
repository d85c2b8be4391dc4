"""`orglife-tui export scores|ledger|publicity|talks|report|appraisal|dues|commendations`:
files for the higher committee.

Thin: parse the options, open the branch and call the export of ``services.exports``
(the TUI's export screen calls the same one), then say where the file went. A file named
with ``-o`` is written beside itself and renamed into place when complete; without ``-o``
CSV, JSON and Markdown go to standard output. CSV always starts with a UTF-8 byte order
mark — on standard output too, so that ``… --format csv > scores.csv`` opens in Excel with
the Chinese names intact (Python reads it with ``encoding="utf-8-sig"``).
XLSX is never written to the terminal: it needs ``-o``.

Never imports Textual: the exports stay quick over SSH.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Annotated, Any

import typer

from orglife_tui.cli.commands.common import (
    check_format,
    fail,
    handles_errors,
    open_branch,
    open_existing_branch,
    today,
)
from orglife_tui.export.dispatch import FILE_ONLY, Writers
from orglife_tui.locale import t
from orglife_tui.services.exports import (
    APPRAISAL,
    COMMENDATIONS,
    DUES,
    LEDGER,
    PUBLICITY,
    REPORT,
    SCORES,
    TALKS,
    ExportOptionError,
    ExportResult,
)

MAX_WINDOW_DAYS = 90


# Called in the commands' annotations, which Typer evaluates when the app is built: the help
# is then in the language chosen (at import time it is not chosen yet).
def _format_option(writers: Writers) -> Any:
    return typer.Option(
        "--format", "-f", help=t("export.cli.opt.format", allowed="|".join(writers.formats))
    )


def _output_option() -> Any:
    return typer.Option("--output", "-o", help=t("export.cli.opt.output"))


def _as_of_option() -> Any:
    return typer.Option("--as-of", metavar="YYYY-MM-DD", help=t("bands.cli.opt.as_of"))


def _provisional_option() -> Any:
    return typer.Option("--provisional", help=t("bands.cli.opt.provisional"))


@dataclass(frozen=True)
class As:
    """``--as-of`` and ``--provisional``: the day a year's points run to, and whether to
    give provisional bands before the year closed (docs/scheme.md, "Before the year ends")."""

    of: str | None = None
    provisional: bool = False

    def given(self) -> bool:
        return self.of is not None or self.provisional

    def standing(self, year: int | None):
        """The year's standing; the year is today's when not given."""
        from orglife_tui.scoring.standing import Standing

        day = _parse_start(self.of, "--as-of") if self.of else None
        now = today()
        return Standing.of(year or now.year, now, day, self.provisional)

    def until(self, standing) -> date | None:
        """The day the points are summed to: the ``--as-of`` asked for (without one, the
        ledger as it stands, which holds no entry dated after today)."""
        return standing.as_of if self.of is not None else None


def register(app: typer.Typer) -> None:
    export_app = typer.Typer(help=t("export.cli.help"), no_args_is_help=True)
    app.add_typer(export_app, name="export")

    @export_app.command("scores", help=t("export.cli.scores.help"))
    @handles_errors
    def export_scores(
        ctx: typer.Context,
        year: Annotated[
            int | None, typer.Option("--year", min=1900, max=2999, help=t("export.cli.opt.year"))
        ] = None,
        fmt: Annotated[str, _format_option(SCORES)] = "csv",
        output: Annotated[str | None, _output_option()] = None,
        group: Annotated[
            str | None, typer.Option("--group", help=t("export.cli.opt.group"))
        ] = None,
        status: Annotated[
            str | None, typer.Option("--status", help=t("export.cli.opt.status"))
        ] = None,
        as_of: Annotated[str | None, _as_of_option()] = None,
        provisional: Annotated[bool, _provisional_option()] = False,
    ) -> None:
        run_scores(ctx, year, fmt, output, group, status, As(as_of, provisional))

    @export_app.command("ledger", help=t("export.cli.ledger.help"))
    @handles_errors
    def export_ledger(
        ctx: typer.Context,
        year: Annotated[
            int | None,
            typer.Option("--year", min=1900, max=2999, help=t("export.cli.opt.ledger_year")),
        ] = None,
        member: Annotated[
            str | None, typer.Option("--member", help=t("export.cli.opt.member"))
        ] = None,
        fmt: Annotated[str, _format_option(LEDGER)] = "csv",
        output: Annotated[str | None, _output_option()] = None,
    ) -> None:
        run_ledger(ctx, year, member, fmt, output)

    @export_app.command("publicity", help=t("publication.cli.publicity.help"))
    @handles_errors
    def export_publicity(
        ctx: typer.Context,
        year: Annotated[
            int | None, typer.Option("--year", min=1900, max=2999, help=t("export.cli.opt.year"))
        ] = None,
        start: Annotated[
            str | None,
            typer.Option("--window-start", "--start", help=t("publication.cli.opt.window_start")),
        ] = None,
        end: Annotated[
            str | None, typer.Option("--window-end", help=t("publication.cli.opt.window_end"))
        ] = None,
        days: Annotated[
            int | None,
            typer.Option("--days", min=1, max=MAX_WINDOW_DAYS, help=t("publication.cli.opt.days")),
        ] = None,
        publication_id: Annotated[
            int | None, typer.Option("--id", metavar="N", help=t("publication.cli.opt.id"))
        ] = None,
        list_them: Annotated[
            bool, typer.Option("--list", help=t("publication.cli.opt.list"))
        ] = False,
        as_of: Annotated[str | None, _as_of_option()] = None,
        provisional: Annotated[bool, _provisional_option()] = False,
        fmt: Annotated[str, _format_option(PUBLICITY)] = "md",
        output: Annotated[str | None, _output_option()] = None,
    ) -> None:
        window = PublicityWindow(year, start, end, days, As(as_of, provisional))
        if list_them:
            run_publicity_list(ctx, window)
        else:
            run_publicity(ctx, window, publication_id, fmt, output)

    @export_app.command("talks", help=t("talks.export.help"))
    @handles_errors
    def export_talks(
        ctx: typer.Context,
        year: Annotated[
            int | None, typer.Option("--year", min=1900, max=2999, help=t("talks.export.year"))
        ] = None,
        fmt: Annotated[str, _format_option(TALKS)] = "csv",
        include: Annotated[
            bool,
            typer.Option("--include-confidential", help=t("talks.cli.opt.include_confidential")),
        ] = False,
        output: Annotated[str | None, _output_option()] = None,
    ) -> None:
        run_talks(ctx, year, fmt, include, output)

    @export_app.command("report", help=t("report.cli.help"))
    @handles_errors
    def export_report(
        ctx: typer.Context,
        year: Annotated[int | None, typer.Option("--year", help=t("report.cli.opt.year"))] = None,
        as_of: Annotated[
            str | None, typer.Option("--as-of", help=t("report.cli.opt.as_of"))
        ] = None,
        fmt: Annotated[str, _format_option(REPORT)] = "md",
        output: Annotated[str | None, _output_option()] = None,
    ) -> None:
        run_report(ctx, year, as_of, fmt, output)

    @export_app.command("appraisal", help=t("export.appraisal.help"))
    @handles_errors
    def export_appraisal(
        ctx: typer.Context,
        session_id: Annotated[int, typer.Argument(metavar="ID", help=t("export.appraisal.arg.id"))],
        fmt: Annotated[str, _format_option(APPRAISAL)] = "md",
        feedback: Annotated[
            bool, typer.Option("--feedback", help=t("export.appraisal.opt.feedback"))
        ] = False,
        output: Annotated[str | None, _output_option()] = None,
    ) -> None:
        run_appraisal(ctx, session_id, fmt, feedback, output)

    @export_app.command("dues", help=t("dues.export.help"))
    @handles_errors
    def export_dues(
        ctx: typer.Context,
        year: Annotated[
            int | None, typer.Option("--year", min=1900, max=2999, help=t("dues.export.year"))
        ] = None,
        fmt: Annotated[str, _format_option(DUES)] = "csv",
        output: Annotated[str | None, _output_option()] = None,
    ) -> None:
        run_dues(ctx, year, fmt, output)

    @export_app.command("commendations", help=t("commendation.export.help"))
    @handles_errors
    def export_commendations(
        ctx: typer.Context,
        year: Annotated[
            int | None,
            typer.Option("--year", min=1900, max=2999, help=t("commendation.cli.opt.year")),
        ] = None,
        fmt: Annotated[str, _format_option(COMMENDATIONS)] = "csv",
        output: Annotated[str | None, _output_option()] = None,
    ) -> None:
        run_commendations(ctx, year, fmt, output)


def _check(fmt: str, output: str | None, writers: Writers) -> None:
    """The format is one this export offers, and a file-only format is given a file."""
    from orglife_tui.export.files import is_stdout

    check_format(fmt, writers.formats)
    if fmt in FILE_ONLY and is_stdout(output):
        raise fail(t("export.needs_output", fmt=fmt.upper()), code=2)


def _parse_status(text: str | None):
    from orglife_tui.domain import InputError, MemberStatus, parse_enum

    if not text:
        return None
    try:
        return parse_enum(MemberStatus, text)
    except InputError as exc:
        raise fail(f"--status: {exc}", code=2) from None


def _parse_start(text: str | None, option: str = "--start") -> date:
    from orglife_tui.domain import InputError, parse_date

    if not text:
        return today()
    try:
        return parse_date(text)
    except InputError as exc:
        raise fail(f"{option}: {exc}", code=2) from None


def _done(result: ExportResult, output: str | None) -> None:
    """The notices of the export, then where the file went (nothing for standard output)."""
    from orglife_tui.export.files import is_stdout

    for notice in result.notices:
        typer.echo(notice, err=True)
    if not is_stdout(output):
        typer.echo(result.written(str(output)), err=True)


def _run(ctx: typer.Context, output: str | None, export, *args: Any, existing: bool = True):
    """``export(store, branch, *args)`` on the selected branch, the store closed after it;
    ``existing`` False creates the branch on an empty database. A choice the export cannot
    honour exits 2, as a bad option does."""
    store, branch = open_existing_branch(ctx) if existing else open_branch(ctx)
    try:
        result = export(store, branch, *args)
    except ExportOptionError as exc:
        raise fail(str(exc), code=2) from None
    finally:
        store.close()
    _done(result, output)


def run_scores(
    ctx: typer.Context,
    year: int | None,
    fmt: str,
    output: str | None,
    group: str | None,
    status_text: str | None,
    when: As | None = None,
) -> None:
    from orglife_tui.services.exports import export_scores

    _check(fmt, output, SCORES)
    status = _parse_status(status_text)
    when = when or As()
    standing = when.standing(year)
    _run(
        ctx,
        output,
        partial(export_scores, standing=standing, until=when.until(standing)),
        standing.year,
        fmt,
        output,
        group,
        status,
        existing=False,
    )


def run_ledger(
    ctx: typer.Context, year: int | None, member: str | None, fmt: str, output: str | None
) -> None:
    from orglife_tui.services.exports import export_ledger

    _check(fmt, output, LEDGER)
    _run(ctx, output, export_ledger, year, member, fmt, output, existing=False)


@dataclass(frozen=True)
class PublicityWindow:
    """The options that choose a new notice (none of them apply to a recorded one)."""

    year: int | None
    start: str | None
    end: str | None
    days: int | None
    when: As = As()

    def given(self) -> bool:
        values = (self.year, self.start, self.end, self.days)
        return any(v is not None for v in values) or self.when.given()


def _window(window: PublicityWindow) -> tuple[int, date, date | None]:
    """(year, first day, last day) of a new notice, checked before anything is opened: from
    today by default; the last day None when it is the scheme's to say (its publicity
    days, 7 unless the scheme says otherwise)."""
    from datetime import timedelta

    from orglife_tui.config import clock

    today = (clock() or date.today)()
    start = _parse_start(window.start, "--window-start (--start)") if window.start else today
    end = None
    if window.end is not None:
        if window.days is not None:
            raise fail(t("publication.cli.days_or_end"), code=2)
        end = _parse_start(window.end, "--window-end")
    elif window.days is not None:
        end = start + timedelta(days=window.days - 1)
    if end is not None and end < start:
        raise fail(t("publication.cli.window_backwards", start=start, end=end), code=2)
    if end is not None and (end - start).days + 1 > MAX_WINDOW_DAYS:
        raise fail(t("publication.cli.window_too_long", days=MAX_WINDOW_DAYS), code=2)
    return window.year or today.year, start, end


def run_publicity(
    ctx: typer.Context,
    window: PublicityWindow,
    publication_id: int | None,
    fmt: str,
    output: str | None,
) -> None:
    """Record the notice (or take a recorded one with ``--id``) and write it from the
    record: the same record always gives the same file."""
    from orglife_tui.services.exports import export_publicity, export_recorded_publicity

    _check(fmt, output, PUBLICITY)
    if publication_id is not None and window.given():
        raise fail(t("publication.cli.id_alone"), code=2)
    if publication_id is not None:
        _run(ctx, output, export_recorded_publicity, publication_id, fmt, output)
        return
    year, start, last = _window(window)
    standing = window.when.standing(year)
    _run(
        ctx,
        output,
        partial(export_publicity, standing=standing, until=window.when.until(standing)),
        year,
        start,
        last,
        fmt,
        output,
        existing=False,
    )


def run_publicity_list(ctx: typer.Context, window: PublicityWindow) -> None:
    """The recorded notices, newest first (``--year`` chooses a year)."""
    from orglife_tui.export.files import localized_date
    from orglife_tui.services.exports import publicity_notices

    if window.start is not None or window.end is not None or window.days is not None:
        raise fail(t("publication.cli.list_alone"), code=2)
    store, branch = open_existing_branch(ctx)
    try:
        rows = publicity_notices(store, branch, window.year)
    finally:
        store.close()
    if not rows:
        typer.echo(t("publication.cli.none"))
        return
    for r in rows:
        typer.echo(
            t(
                "publication.cli.list_row",
                id=r.id,
                year=r.year,
                start=localized_date(r.window_start) if r.window_start else "—",
                end=localized_date(r.window_end) if r.window_end else "—",
                as_of=localized_date(r.as_of),
                members=len(r.data.get("rows", ())),
                head=r.ledger_head[:16],
                operator=r.operator,
            )
        )


def run_talks(
    ctx: typer.Context, year: int | None, fmt: str, include: bool, output: str | None
) -> None:
    from orglife_tui.services.exports import export_talks

    _check(fmt, output, TALKS)
    _run(ctx, output, export_talks, year, fmt, include, output)


def run_report(
    ctx: typer.Context, year: int | None, as_of_text: str | None, fmt: str, output: str | None
) -> None:
    from orglife_tui.services.exports import export_report

    _check(fmt, output, REPORT)
    as_of = _parse_start(as_of_text, "--as-of") if as_of_text else None
    _run(ctx, output, export_report, year, as_of, fmt, output)


def run_appraisal(
    ctx: typer.Context, session_id: int, fmt: str, feedback: bool, output: str | None
) -> None:
    from orglife_tui.services.exports import export_appraisal

    _check(fmt, output, APPRAISAL)
    _run(ctx, output, export_appraisal, session_id, fmt, feedback, output)


def run_dues(ctx: typer.Context, year: int | None, fmt: str, output: str | None) -> None:
    from orglife_tui.services.exports import export_dues

    _check(fmt, output, DUES)
    _run(ctx, output, export_dues, year, fmt, output)


def run_commendations(ctx: typer.Context, year: int | None, fmt: str, output: str | None) -> None:
    """The year's commendation register (评先评优): members graded 优秀 in a final result."""
    from orglife_tui.services.exports import export_commendations

    _check(fmt, output, COMMENDATIONS)
    _run(ctx, output, export_commendations, year, fmt, output)

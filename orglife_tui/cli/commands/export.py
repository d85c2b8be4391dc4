"""`orglife-tui export scores|ledger|publicity|talks|report|appraisal|dues|commendations`:
files for the higher committee.

Thin: open the branch, take its active scheme, ask ``data`` for the rows, hand them to a
writer of ``orglife_tui.export``. A file named with ``-o`` is written beside itself and
renamed into place when complete; without ``-o`` CSV, JSON and Markdown go to standard
output. CSV always starts with a UTF-8 byte order mark — on standard output too, so that
``… --format csv > scores.csv`` opens in Excel with the Chinese names intact (Python reads
it with ``encoding="utf-8-sig"``). XLSX is never written to the terminal: it needs ``-o``.

Never imports Textual: the exports stay quick over SSH.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
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
from orglife_tui.locale import get_language, t

MAX_WINDOW_DAYS = 90


def _writers(module: str, **by_format: str) -> Writers:
    return Writers(f"orglife_tui.export.{module}", by_format)


# Format → writer of each export, in the order the help lists the formats.
SCORES = _writers("scores", csv="write_csv", xlsx="write_xlsx", json="write_json")
LEDGER = _writers("ledger", csv="write_csv", xlsx="write_xlsx", json="write_json")
PUBLICITY = _writers("publicity", md="markdown", xlsx="write_xlsx")
TALKS = _writers("talks", csv="write_csv", xlsx="write_xlsx", json="write_json", md="markdown")
REPORT = _writers("year_report", md="markdown", xlsx="write_xlsx")
APPRAISAL = _writers(
    "appraisal", csv="write_csv", xlsx="write_xlsx", json="write_json", md="markdown"
)
APPRAISAL_FEEDBACK = _writers(
    "appraisal",
    csv="write_feedback_csv",
    xlsx="write_feedback_xlsx",
    json="write_feedback_json",
    md="feedback_markdown",
)
DUES = _writers("dues", csv="write_csv", xlsx="write_xlsx", json="write_json", md="markdown")
COMMENDATIONS = _writers("commendations", csv="write_csv", xlsx="write_xlsx", json="write_json")


# Called in the commands' annotations, which Typer evaluates when the app is built: the help
# is then in the language chosen (at import time it is not chosen yet).
def _format_option(writers: Writers) -> Any:
    return typer.Option(
        "--format", "-f", help=t("export.cli.opt.format", allowed="|".join(writers.formats))
    )


def _output_option() -> Any:
    return typer.Option("--output", "-o", help=t("export.cli.opt.output"))


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
    ) -> None:
        run_scores(ctx, year or today().year, fmt, output, group, status)

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
        fmt: Annotated[str, _format_option(PUBLICITY)] = "md",
        output: Annotated[str | None, _output_option()] = None,
    ) -> None:
        window = PublicityWindow(year, start, end, days)
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


def _done(count: int, output: str | None) -> None:
    from orglife_tui.export.files import is_stdout

    if not is_stdout(output):
        typer.echo(t("export.written", count=f"{count:,}", file=output), err=True)


def _active_scheme(store, branch_id: int):
    from orglife_tui.data.schemes import ensure_active
    from orglife_tui.export.files import SchemeRef

    info, scheme = ensure_active(store, branch_id)
    return SchemeRef(info.name, info.version, info.sha256), scheme


def run_scores(
    ctx: typer.Context,
    year: int,
    fmt: str,
    output: str | None,
    group: str | None,
    status_text: str | None,
) -> None:
    from orglife_tui.data.scores import scoreboard
    from orglife_tui.export import scores as out

    _check(fmt, output, SCORES)
    status = _parse_status(status_text)
    store, branch = open_branch(ctx)
    try:
        ref, scheme = _active_scheme(store, branch.id)
        rows = scoreboard(store, branch.id, year, scheme, group=group, status=status)
    finally:
        store.close()
    table = out.ScoreTable(branch=branch.name, year=year, scheme=scheme, ref=ref, rows=rows)
    _done(SCORES.write(fmt, output, table), output)


def run_ledger(
    ctx: typer.Context, year: int | None, member: str | None, fmt: str, output: str | None
) -> None:
    from orglife_tui.data.ledger import head_hash, iter_entries
    from orglife_tui.export import ledger as out

    _check(fmt, output, LEDGER)
    store, branch = open_branch(ctx)
    try:
        if member:
            store.get_member(branch.id, member)  # an unknown number is refused, not empty
        _, scheme = _active_scheme(store, branch.id)
        export = out.LedgerExport(
            branch=branch.name,
            scheme=scheme,
            lang=get_language(),
            year=year,
            member_no=member,
            head_hash=head_hash(store, branch.id),
        )
        # Streamed from the database while it is open.
        entries = iter_entries(store, branch.id, member_no=member, year=year)
        count = LEDGER.write(fmt, output, export, entries)
    finally:
        store.close()
    _done(count, output)


@dataclass(frozen=True)
class PublicityWindow:
    """The options that choose a new notice (none of them apply to a recorded one)."""

    year: int | None
    start: str | None
    end: str | None
    days: int | None

    def given(self) -> bool:
        return any(v is not None for v in (self.year, self.start, self.end, self.days))


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
    from orglife_tui.data import publications
    from orglife_tui.data.scores import scoreboard
    from orglife_tui.export import publicity as out

    _check(fmt, output, PUBLICITY)
    if publication_id is not None and window.given():
        raise fail(t("publication.cli.id_alone"), code=2)
    new = False
    if publication_id is not None:
        store, branch = open_existing_branch(ctx)
        try:
            record = publications.get_publication(
                store, branch.id, publication_id, publications.PUBLICITY
            )
        finally:
            store.close()
    else:
        from datetime import timedelta

        year, start, last = _window(window)
        store, branch = open_branch(ctx)
        try:
            ref, scheme = _active_scheme(store, branch.id)
            end = last or start + timedelta(days=scheme.policy.publicity_days - 1)

            def content() -> dict[str, Any]:
                rows = scoreboard(store, branch.id, year, scheme)
                return out.publicity_data(branch.name, year, ref, rows, start, end)

            record, new = publications.record_publicity(
                store, branch.id, year=year, window_start=start, window_end=end, content=content
            )
        finally:
            store.close()
    notice = out.notice_of(record)
    count = PUBLICITY.write(fmt, output, notice)
    if publication_id is None:
        key = "publication.cli.recorded" if new else "publication.cli.same_as"
        typer.echo(t(key, id=record.id, head=record.ledger_head), err=True)
    _done(count, output)


def run_publicity_list(ctx: typer.Context, window: PublicityWindow) -> None:
    """The recorded notices, newest first (``--year`` chooses a year)."""
    from orglife_tui.data import publications
    from orglife_tui.export.files import localized_date

    if window.start is not None or window.end is not None or window.days is not None:
        raise fail(t("publication.cli.list_alone"), code=2)
    store, branch = open_existing_branch(ctx)
    try:
        rows = publications.list_publications(store, branch.id, publications.PUBLICITY)
    finally:
        store.close()
    rows = [r for r in rows if window.year is None or r.year == window.year]
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
    """Talks oldest first; confidential texts only with ``include``, audited before writing."""
    from orglife_tui.data.talks import list_talks, note_confidential_read
    from orglife_tui.export import talks as out

    _check(fmt, output, TALKS)
    store, branch = open_existing_branch(ctx)
    try:
        rows = list_talks(store, branch.id, year=year, include_confidential=include)
        if include:
            count = sum(1 for r in rows if r.confidential)
            note_confidential_read(store, branch.id, "export.talks", count)
    finally:
        store.close()
    export = out.TalkExport(
        branch=branch.name,
        lang=get_language(),
        rows=rows[::-1],
        year=year,
        include_confidential=include,
    )
    # Confidential talk texts never land in a file others can read (0600, even over a
    # looser file of the same name).
    _done(TALKS.write(fmt, output, export, private=include), output)


def run_report(
    ctx: typer.Context, year: int | None, as_of_text: str | None, fmt: str, output: str | None
) -> None:
    """The year-end report; never writes to the database (no scheme is activated)."""
    from orglife_tui.export.files import is_stdout
    from orglife_tui.services.year_report import year_report

    _check(fmt, output, REPORT)
    as_of = _parse_start(as_of_text, "--as-of") if as_of_text else None
    store, branch = open_existing_branch(ctx)
    try:
        report = year_report(store, branch, year, as_of)
    finally:
        store.close()
    REPORT.write(fmt, output, report)
    if not is_stdout(output):
        typer.echo(
            t(
                "report.written",
                year=report.year,
                branch=report.branch,
                file=output,
                findings=len(report.findings),
            ),
            err=True,
        )


def run_appraisal(
    ctx: typer.Context, session_id: int, fmt: str, feedback: bool, output: str | None
) -> None:
    """A closed session's summary for the higher committee, or the feedback notes; refused
    while the poll is open (no running tally leaves the branch)."""
    from orglife_tui.data import appraisal as data
    from orglife_tui.domain import SessionState
    from orglife_tui.export import appraisal as out
    from orglife_tui.export.files import is_stdout

    _check(fmt, output, APPRAISAL)
    store, branch = open_existing_branch(ctx)
    try:
        session = data.get_session(store, branch.id, session_id)
        if session.state is SessionState.created:
            raise fail(t("export.appraisal.not_started", id=session_id))
        if session.state is SessionState.started:
            raise fail(
                t(
                    "export.appraisal.still_open",
                    id=session_id,
                    voted=session.voted,
                    voters=session.voters,
                )
            )
        _, scheme = _active_scheme(store, branch.id)
        tally = data.tally(store, branch.id, session_id, scheme)
    finally:
        store.close()
    # A published session's tally is its stored record, written the same every time.
    export = out.AppraisalExport.of(branch.name, tally, scheme.appraisal.excellent_share_max)
    count = (APPRAISAL_FEEDBACK if feedback else APPRAISAL).write(fmt, output, export)
    if export.draft:
        typer.echo(t("export.appraisal.draft_notice", id=session_id), err=True)
    if not is_stdout(output):
        key = "export.appraisal.feedback_written" if feedback else "export.appraisal.written"
        typer.echo(t(key, id=session_id, count=count, file=output), err=True)


def run_dues(ctx: typer.Context, year: int | None, fmt: str, output: str | None) -> None:
    """The dues register of a year, as of its last day (today for the current year)."""
    from orglife_tui.data.dues import register
    from orglife_tui.export import dues as out

    _check(fmt, output, DUES)
    store, branch = open_existing_branch(ctx)
    try:
        today = store.today()
        year = year or today.year
        if year > today.year:
            raise fail(t("dues.export.year_future", year=year), code=2)
        as_of = min(today, date(year, 12, 31))
        rows = register(store, branch.id, year, as_of)
    finally:
        store.close()
    export = out.DuesRegister(branch=branch.name, year=year, as_of=as_of, rows=rows)
    _done(DUES.write(fmt, output, export), output)


def run_commendations(ctx: typer.Context, year: int | None, fmt: str, output: str | None) -> None:
    """The year's commendation register (评先评优): members graded 优秀 in a final result."""
    from orglife_tui.data.appraisal.commendations import register
    from orglife_tui.export.commendations import CommendationRegister

    _check(fmt, output, COMMENDATIONS)
    as_of = today()
    year = year or as_of.year
    store, branch = open_existing_branch(ctx)
    with store:
        rows = register(store, branch.id, year, as_of)
    table = CommendationRegister(branch=branch.name, year=year, as_of=as_of, rows=rows)
    _done(COMMENDATIONS.write(fmt, output, table), output)

"""Every export of a branch, one function each: the CLI command and the TUI export screen
call the same one.

Each function takes the open store and the branch, reads the rows from ``data`` and hands
them to the writer of ``orglife_tui.export`` chosen by the format (``Writers``); it returns
an :class:`ExportResult` (rows written, what to tell the user). A refusal is an
``ExportError`` in the user's language; an :class:`ExportOptionError` is a choice the user
made that cannot be honoured (the CLI exits 2 for it, as for a bad option).

Nothing heavy at import time: the CLI imports this module for every ``export`` command.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from orglife_tui.export.dispatch import FILE_ONLY, Writers
from orglife_tui.export.files import ExportError
from orglife_tui.locale import get_language, t
from orglife_tui.scoring.standing import Standing

if TYPE_CHECKING:
    from orglife_tui.data.rows import BranchInfo
    from orglife_tui.data.store import Store
    from orglife_tui.domain import MemberStatus


def _writers(module: str, **by_format: str) -> Writers:
    return Writers(f"orglife_tui.export.{module}", by_format)


# Format → writer of each export, in the order the help and the export screen list them.
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
OVERVIEW = _writers("overview", xlsx="write_xlsx", md="markdown", json="write_json")

KINDS: Mapping[str, Writers] = {
    "scores": SCORES,
    "ledger": LEDGER,
    "publicity": PUBLICITY,
    "talks": TALKS,
    "report": REPORT,
    "appraisal": APPRAISAL,
    "dues": DUES,
    "commendations": COMMENDATIONS,
    "overview": OVERVIEW,
}
"""Every export, by the name the CLI gives it, with the formats it offers."""


class ExportOptionError(ExportError):
    """A choice that cannot be honoured (a year still to come): nothing was read or written."""


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote: ``count`` rows; ``notices`` to tell before where it went."""

    count: int
    written_key: str = "export.written"
    params: Mapping[str, Any] = field(default_factory=dict)
    notices: tuple[str, ...] = ()

    def written(self, file: str) -> str:
        """Where the file went, in the user's language."""
        return t(self.written_key, file=file, **self.params)


def _counted(count: int) -> ExportResult:
    return ExportResult(count, params={"count": f"{count:,}"})


def _active_scheme(store: Store, branch_id: int):
    from orglife_tui.data.schemes import ensure_active
    from orglife_tui.export.files import SchemeRef

    info, scheme = ensure_active(store, branch_id)
    return SchemeRef(info.name, info.version, info.sha256), scheme


def export_scores(
    store: Store,
    branch: BranchInfo,
    year: int,
    fmt: str,
    output: str | None,
    group: str | None = None,
    status: MemberStatus | None = None,
    *,
    standing: Standing | None = None,
    until: date | None = None,
) -> ExportResult:
    """The year's scoreboard: as it stands today (no bands before the year closed) unless a
    ``standing`` says otherwise; ``until`` sums only the entries dated up to that day."""
    from orglife_tui.data.scores import scoreboard
    from orglife_tui.export import scores as out

    standing = standing or Standing.of(year, store.today())
    ref, scheme = _active_scheme(store, branch.id)
    rows = scoreboard(store, branch.id, year, scheme, group=group, status=status, until=until)
    table = out.ScoreTable(
        branch=branch.name, year=year, scheme=scheme, ref=ref, rows=rows, standing=standing
    )
    return _counted(SCORES.write(fmt, output, table))


def export_ledger(
    store: Store,
    branch: BranchInfo,
    year: int | None,
    member: str | None,
    fmt: str,
    output: str | None,
) -> ExportResult:
    from orglife_tui.data.ledger import head_hash, iter_entries
    from orglife_tui.export import ledger as out

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
    return _counted(LEDGER.write(fmt, output, export, entries))


def export_publicity(
    store: Store,
    branch: BranchInfo,
    year: int,
    start: date,
    end: date | None,
    fmt: str,
    output: str | None,
    *,
    standing: Standing | None = None,
    until: date | None = None,
) -> ExportResult:
    """Record a new notice of ``year`` open from ``start`` to ``end`` (None: the scheme's
    publicity days) — or find the same one recorded — and write it from the record. The
    points stand as today unless ``standing`` says otherwise (``export_scores``)."""
    from datetime import timedelta

    from orglife_tui.data import publications
    from orglife_tui.data.scores import scoreboard
    from orglife_tui.export import publicity as out

    standing = standing or Standing.of(year, store.today())
    ref, scheme = _active_scheme(store, branch.id)
    last = end or start + timedelta(days=scheme.policy.publicity_days - 1)

    def content() -> dict[str, Any]:
        rows = scoreboard(store, branch.id, year, scheme, until=until)
        return out.publicity_data(branch.name, year, ref, rows, start, last, standing)

    record, new = publications.record_publicity(
        store, branch.id, year=year, window_start=start, window_end=last, content=content
    )
    count = PUBLICITY.write(fmt, output, out.notice_of(record))
    key = "publication.cli.recorded" if new else "publication.cli.same_as"
    notice = t(key, id=record.id, head=record.ledger_head)
    return ExportResult(count, params={"count": f"{count:,}"}, notices=(notice,))


def export_recorded_publicity(
    store: Store, branch: BranchInfo, publication_id: int, fmt: str, output: str | None
) -> ExportResult:
    """A recorded notice again: the same record always gives the same file."""
    from orglife_tui.data import publications
    from orglife_tui.export import publicity as out

    record = publications.get_publication(store, branch.id, publication_id, publications.PUBLICITY)
    return _counted(PUBLICITY.write(fmt, output, out.notice_of(record)))


def publicity_notices(store: Store, branch: BranchInfo, year: int | None = None) -> list[Any]:
    """The recorded publicity notices of the branch (of ``year``), newest first."""
    from orglife_tui.data import publications

    rows = publications.list_publications(store, branch.id, publications.PUBLICITY)
    return [r for r in rows if year is None or r.year == year]


def export_talks(
    store: Store,
    branch: BranchInfo,
    year: int | None,
    fmt: str,
    include_confidential: bool,
    output: str | None,
) -> ExportResult:
    """Talks oldest first; confidential texts only when asked, audited before writing."""
    from orglife_tui.data.talks import list_talks, note_confidential_read
    from orglife_tui.export import talks as out

    rows = list_talks(store, branch.id, year=year, include_confidential=include_confidential)
    if include_confidential:
        count = sum(1 for r in rows if r.confidential)
        note_confidential_read(store, branch.id, "export.talks", count)
    export = out.TalkExport(
        branch=branch.name,
        lang=get_language(),
        rows=rows[::-1],
        year=year,
        include_confidential=include_confidential,
    )
    # Confidential talk texts never land in a file others can read (0600, even over a
    # looser file of the same name).
    return _counted(TALKS.write(fmt, output, export, private=include_confidential))


def year_report_of(store: Store, branch: BranchInfo, year: int | None, as_of: date | None):
    """The year-end report (the export and the TUI's view); never writes to the database."""
    from orglife_tui.services.year_report import year_report

    return year_report(store, branch, year, as_of)


def export_report(
    store: Store,
    branch: BranchInfo,
    year: int | None,
    as_of: date | None,
    fmt: str,
    output: str | None,
) -> ExportResult:
    """The year-end report; never writes to the database (no scheme is activated)."""
    report = year_report_of(store, branch, year, as_of)
    REPORT.write(fmt, output, report)
    return ExportResult(
        0,
        written_key="report.written",
        params={"year": report.year, "branch": report.branch, "findings": len(report.findings)},
    )


def export_appraisal(
    store: Store,
    branch: BranchInfo,
    session_id: int,
    fmt: str,
    feedback: bool,
    output: str | None,
) -> ExportResult:
    """A closed session's summary for the higher committee, or the feedback notes; refused
    while the poll is open (no running tally leaves the branch)."""
    from orglife_tui.data import appraisal as data
    from orglife_tui.domain import SessionState
    from orglife_tui.export import appraisal as out

    session = data.get_session(store, branch.id, session_id)
    if session.state is SessionState.created:
        raise ExportError("export.appraisal.not_started", id=session_id)
    if session.state is SessionState.started:
        raise ExportError(
            "export.appraisal.still_open", id=session_id, voted=session.voted, voters=session.voters
        )
    _, scheme = _active_scheme(store, branch.id)
    tally = data.tally(store, branch.id, session_id, scheme)
    # A published session's tally is its stored record, written the same every time.
    export = out.AppraisalExport.of(branch.name, tally, scheme.appraisal.excellent_share_max)
    count = (APPRAISAL_FEEDBACK if feedback else APPRAISAL).write(fmt, output, export)
    notices = (t("export.appraisal.draft_notice", id=session_id),) if export.draft else ()
    key = "export.appraisal.feedback_written" if feedback else "export.appraisal.written"
    return ExportResult(count, key, {"id": session_id, "count": count}, notices)


def export_dues(
    store: Store, branch: BranchInfo, year: int | None, fmt: str, output: str | None
) -> ExportResult:
    """The dues register of a year, as of its last day (today for the current year)."""
    from orglife_tui.data.dues import register
    from orglife_tui.export import dues as out

    today = store.today()
    year = year or today.year
    if year > today.year:
        raise ExportOptionError("dues.export.year_future", year=year)
    as_of = min(today, date(year, 12, 31))
    rows = register(store, branch.id, year, as_of)
    export = out.DuesRegister(branch=branch.name, year=year, as_of=as_of, rows=rows)
    return _counted(DUES.write(fmt, output, export))


def export_commendations(
    store: Store, branch: BranchInfo, year: int | None, fmt: str, output: str | None
) -> ExportResult:
    """The year's commendation register (评先评优): members graded 优秀 in a final result,
    as it stands today."""
    from orglife_tui.data.appraisal.commendations import register
    from orglife_tui.export.commendations import CommendationRegister

    as_of = store.today()
    year = year or as_of.year
    rows = register(store, branch.id, year, as_of)
    table = CommendationRegister(branch=branch.name, year=year, as_of=as_of, rows=rows)
    return _counted(COMMENDATIONS.write(fmt, output, table))


__all__ = [
    "APPRAISAL",
    "APPRAISAL_FEEDBACK",
    "COMMENDATIONS",
    "DUES",
    "FILE_ONLY",
    "KINDS",
    "LEDGER",
    "PUBLICITY",
    "REPORT",
    "SCORES",
    "TALKS",
    "ExportOptionError",
    "ExportResult",
    "export_appraisal",
    "export_dues",
    "export_ledger",
    "export_publicity",
    "export_recorded_publicity",
    "export_report",
    "export_scores",
    "export_talks",
    "publicity_notices",
    "year_report_of",
]


def export_overview(
    store: Store,
    branch: BranchInfo | None,
    year: int | None,
    as_of: date | None,
    fmt: str,
    output: str | None,
) -> ExportResult:
    """The committee's overview of every branch the login can see (``branch`` is not used:
    the export screen hands every export its session's branch), as of ``as_of`` (by
    default a past year's last day, today for the current one)."""
    from orglife_tui.data.errors import StoreError
    from orglife_tui.export.overview import OverviewSheet
    from orglife_tui.services.overview import overview
    from orglife_tui.services.watch import check_window

    try:
        year, as_of = check_window(year, as_of, store.today())
    except StoreError as exc:
        raise ExportOptionError(exc.key, **exc.params) from None
    sheet = OverviewSheet(overview(store, year, as_of))
    return _counted(OVERVIEW.write(fmt, output, sheet))

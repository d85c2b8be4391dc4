"""The export screen: every export of the CLI, to a file, from the TUI.

What to export and its options (the ones that matter for each: year, format, the member of
a ledger, a publicity notice, an appraisal session, feedback notes, confidential talks, the
"as of" day of a report), then the file: a name in the working folder is offered and kept
up to date with the choices until the user types their own; ``~`` is the home folder. An
existing file is replaced only after a yes; a path that cannot be written is said under the
path field. The export runs in a thread (the form shows it is busy) through the same
function of ``services.exports`` as the CLI command, and the full path of the file written
is shown in the dialog, which stays open for the next export.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from orglife_tui.data.errors import StoreError
from orglife_tui.domain import InputError, parse_date
from orglife_tui.domain.records import FieldErrors
from orglife_tui.locale import t, visible
from orglife_tui.services import exports
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.confirm import ConfirmScreen
from orglife_tui.tui.screens.common.form import text_input
from orglife_tui.tui.screens.common.record_form import TICKED, RecordFormScreen, choice
from orglife_tui.tui.screens.compliance.compliance_view import in_background

# The options each export takes, besides its format and file.
OPTIONS: dict[str, tuple[str, ...]] = {
    "scores": ("year",),
    "ledger": ("year", "member"),
    "publicity": ("notice", "year"),
    "talks": ("year", "confidential"),
    "report": ("year", "as_of"),
    "appraisal": ("session", "feedback"),
    "dues": ("year",),
    "commendations": ("year",),
    "overview": ("year",),  # every branch the login can see, not the session's only
}
ALL_YEARS = {"ledger": "jobs.file.ledger_all", "talks": "jobs.file.talks_all"}
"""Exports of every year when the year is left empty, with the file name offered then."""
OPTIONAL_YEAR = frozenset(ALL_YEARS)

PREFERRED_FORMAT = "xlsx"
"""Offered first where an export has it: what the higher committee opens."""

NEW_NOTICE = "new"
"""The notice choice that records a new publicity notice (the others are recorded ids)."""

# The problems of writing a file, shown under the path field.
PATH_KEYS = frozenset(
    {
        "export.cannot_write",
        "export.is_directory",
        "export.no_folder",
        "files.symlink",
        "files.not_regular",
    }
)


def default_name(kind: str, fmt: str, year: int | None, feedback: bool = False) -> str:
    """The file name offered for an export: ``2026年积分表.xlsx`` under zh."""
    if year is None and kind in ALL_YEARS:
        return t(ALL_YEARS[kind]) + "." + fmt
    key = "feedback" if kind == "appraisal" and feedback else kind
    return t(f"jobs.file.{key}", year=year or "") + "." + fmt


def target_path(text: str, cwd: Path | None = None) -> Path:
    """The absolute path typed: ``~`` expanded, a relative path taken from the working
    folder (``cwd``, else the process's)."""
    path = Path(os.path.expanduser(text.strip()))
    if not path.is_absolute():
        path = (cwd or Path.cwd()) / path
    return Path(os.path.normpath(path))


class ExportScreen(RecordFormScreen):
    """Export one of the branch's files."""

    CSS_PATH: ClassVar = ["../common/form.tcss", "../common/record_form.tcss", "export.tcss"]
    HELP_KEY = "jobs.export.help"
    FIELD_PREFIX = "jobs.export.field."

    def __init__(
        self,
        session: Session,
        kind: str = "scores",
        cwd: Path | None = None,
        year: int | None = None,
        on_result: Callable[[Any], object] | None = None,
    ) -> None:
        super().__init__(session, t("jobs.export.title", branch=session.branch.name), on_result)
        self.kind = kind
        self.cwd = cwd
        self.year = year or session.today().year
        self._offered = ""  # the file name last offered: replaced while the user keeps it
        self.running = False
        self.written: Path | None = None
        self._session_years: dict[str, int] = {}

    # ------------------------------------------------------------------ layout

    def compose_fields(self) -> ComposeResult:
        s = self.session
        kinds = [(t(f"jobs.export.kind.{k}"), k) for k in exports.KINDS]
        yield from self.field("kind", choice(kinds, self.kind))
        yield from self.field("format", choice(self._formats(self.kind), self._default_format()))
        yield from self.field("year", text_input(str(self.year)))
        yield from self.field("member", text_input(""))
        yield from self.field("notice", choice(self._notices(), NEW_NOTICE))
        sessions = self._sessions()
        blank = None if sessions else t("jobs.export.no_session")
        yield from self.field(
            "session", choice(sessions, sessions[0][1] if sessions else None, blank)
        )
        yield from self.field("feedback", Checkbox(t("jobs.export.summary_box"), compact=True))
        yield from self.field(
            "confidential", Checkbox(t("jobs.export.confidential_box"), compact=True)
        )
        yield from self.field("as_of", text_input("", placeholder=s.today().isoformat()))
        yield from self.field("path", text_input(""))

    def field(self, name: str, widget: Widget, required: bool = False) -> ComposeResult:
        """A field row that can be hidden with its error line (the options of one export)."""
        self.fields[name] = widget
        widget.add_class("field-input")
        yield Horizontal(
            Label(t(f"{self.FIELD_PREFIX}{name}"), classes="field-label", markup=False),
            widget,
            classes="field-row",
            id=f"row-{name}",
        )
        yield Static("", id=f"error-{name}", classes="field-error", markup=False)

    def on_mount(self) -> None:
        self.query_one("#save", Button).label = t("jobs.export.run")
        self.query_one("#cancel", Button).label = t("jobs.export.close")
        self._show_options()
        self._offer_name()
        super().on_mount()

    # ------------------------------------------------------------------ choices

    def _default_format(self, kind: str | None = None) -> str:
        formats = self._formats_of(kind)
        return PREFERRED_FORMAT if PREFERRED_FORMAT in formats else formats[0]

    def _formats_of(self, kind: str | None = None) -> tuple[str, ...]:
        return exports.KINDS[kind or self.kind].formats

    def _formats(self, kind: str) -> list[tuple[str, str]]:
        return [(t(f"jobs.export.format.{f}"), f) for f in self._formats_of(kind)]

    def _notices(self) -> list[tuple[str, str]]:
        from orglife_tui.export.files import localized_date

        s = self.session
        rows = exports.publicity_notices(s.store, s.branch)
        return [(t("jobs.export.new_notice"), NEW_NOTICE)] + [
            (
                t(
                    "jobs.export.notice_row",
                    id=r.id,
                    year=r.year,
                    start=localized_date(r.window_start) if r.window_start else "—",
                    end=localized_date(r.window_end) if r.window_end else "—",
                ),
                str(r.id),
            )
            for r in rows
        ]

    def _sessions(self) -> list[tuple[str, str]]:
        """The sessions whose poll is closed: nothing else can leave the branch."""
        from orglife_tui.data.appraisal import list_sessions
        from orglife_tui.domain import SessionState

        s = self.session
        open_states = (SessionState.created, SessionState.started)
        closed = [r for r in list_sessions(s.store, s.branch.id) if r.state not in open_states]
        self._session_years = {str(r.id): r.year for r in closed}
        return [(t("jobs.export.session_row", id=r.id, year=r.year), str(r.id)) for r in closed]

    def _show_options(self) -> None:
        wanted = OPTIONS[self.kind]
        for name in ("year", "member", "notice", "session", "feedback", "confidential", "as_of"):
            self.query_one(f"#row-{name}").display = name in wanted
        # A recorded notice is written as it was recorded: its year is its own.
        if self.kind == "publicity":
            notice = self.fields["notice"]
            assert isinstance(notice, Select)
            self.query_one("#row-year").display = notice.value == NEW_NOTICE

    def _typed_year(self) -> int | None:
        value = self.fields["year"]
        assert isinstance(value, Input)
        text = value.value.strip()
        return int(text) if text.isdigit() and len(text) == 4 else None

    def _offer_name(self) -> None:
        """Put the file name of the choices in the path field, unless the user typed one."""
        path = self.fields["path"]
        assert isinstance(path, Input)
        if path.value.strip() not in ("", self._offered):
            return
        values = self.values()
        year = self._typed_year()
        if self.kind == "appraisal":
            year = self._session_year(values.get("session", ""))
        elif self.kind not in OPTIONAL_YEAR:
            year = year or self.year
        fmt = values.get("format") or self._default_format()
        self._offered = default_name(self.kind, fmt, year, values.get("feedback") == TICKED)
        path.value = self._offered

    def _session_year(self, session_id: str) -> int | None:
        return self._session_years.get(session_id, self.year)

    @on(Select.Changed)
    def _choice_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.select is self.fields["kind"] and not event.select.is_blank():
            kind = str(event.select.value)
            if kind != self.kind:
                self.kind = kind
                fmt = self.fields["format"]
                assert isinstance(fmt, Select)
                fmt.set_options(self._formats(kind))
                fmt.value = self._default_format(kind)
        self._show_options()
        self._offer_name()

    @on(Checkbox.Changed)
    @on(Input.Changed, "#row-year Input")
    def _option_changed(self, event: Checkbox.Changed | Input.Changed) -> None:
        event.stop()
        self._offer_name()

    # ------------------------------------------------------------------ running

    def action_cancel(self) -> None:
        """Nothing is lost by closing: the dialog holds no record."""
        if not self.running:
            self.finish(self.written)

    def action_save(self) -> None:
        if self.running:
            return
        self.clear_problems()
        try:
            job = self._job(self.values())
        except FieldErrors as errors:
            self.show_problems([(f, t(k, **p), k) for f, k, p in errors.problems])
            return
        path = job[0]
        if path.is_dir():
            self._refused(StoreError("export.is_directory", file=str(path)))
            return
        if path.exists() or path.is_symlink():

            def answered(replace: bool | None) -> None:
                if replace:
                    self._run(job)
                else:
                    self._tell(t("jobs.export.not_replaced"))

            self.app.push_screen(
                ConfirmScreen(t("jobs.export.overwrite", file=str(path)), answered)
            )
            return
        self._run(job)

    def _job(self, values: dict[str, str]) -> tuple[Path, Callable[[], exports.ExportResult]]:
        """The file and the export to run into it, from what was typed; ``FieldErrors``
        names each field that cannot be read."""
        errors = FieldErrors()
        s = self.session
        kind = self.kind
        fmt = values.get("format") or self._default_format()
        year = self._read_year(values, errors, required=kind not in OPTIONAL_YEAR)
        as_of = None
        if kind == "report" and values.get("as_of", "").strip():
            try:
                as_of = parse_date(values["as_of"].strip())
            except InputError as exc:
                errors.add("as_of", exc.key, value=values["as_of"].strip())
        session_id = values.get("session", "")
        if kind == "appraisal" and not session_id:
            errors.add("session", "jobs.export.no_session")
        raw_path = values.get("path", "").strip()
        if not raw_path:
            errors.add("path", "problem.required")
        if errors:
            raise errors
        path = target_path(raw_path, self.cwd)
        out = str(path)
        member = values.get("member", "").strip() or None
        notice = values.get("notice", NEW_NOTICE)
        ticked = values.get("confidential") == TICKED
        feedback = values.get("feedback") == TICKED
        at = (s.store, s.branch)
        run: Callable[[], exports.ExportResult]
        if kind == "scores":
            run = partial(exports.export_scores, *at, year or self.year, fmt, out)
        elif kind == "ledger":
            run = partial(exports.export_ledger, *at, year, member, fmt, out)
        elif kind == "publicity" and notice != NEW_NOTICE:
            run = partial(exports.export_recorded_publicity, *at, int(notice), fmt, out)
        elif kind == "publicity":
            start = s.today()
            run = partial(exports.export_publicity, *at, year or start.year, start, None, fmt, out)
        elif kind == "talks":
            run = partial(exports.export_talks, *at, year, fmt, ticked, out)
        elif kind == "report":
            run = partial(exports.export_report, *at, year, as_of, fmt, out)
        elif kind == "appraisal":
            run = partial(exports.export_appraisal, *at, int(session_id), fmt, feedback, out)
        elif kind == "commendations":
            run = partial(exports.export_commendations, *at, year, fmt, out)
        elif kind == "overview":
            run = partial(exports.export_overview, *at, year, None, fmt, out)
        else:
            run = partial(exports.export_dues, *at, year, fmt, out)
        return path, run

    def _read_year(self, values: dict[str, str], errors: FieldErrors, required: bool) -> int | None:
        if "year" not in OPTIONS[self.kind]:
            return None
        text = values.get("year", "").strip()
        if not text:
            if required:
                errors.add("year", "problem.required")
            return None
        if not (text.isdigit() and 1900 <= int(text) <= 2999):
            errors.add("year", "jobs.export.bad_year", year=str(self.year))
            return None
        return int(text)

    def _run(self, job: tuple[Path, Callable[[], exports.ExportResult]]) -> None:
        self.running = True
        self._tell(t("jobs.export.running"))
        self.query_one("#form-body").loading = True
        self.query_one("#save", Button).disabled = True
        self._export(job)

    @work(exclusive=True, group="export")
    async def _export(self, job: tuple[Path, Callable[[], exports.ExportResult]]) -> None:
        path, run = job
        try:
            result = await in_background(run)
        except StoreError as error:
            self._finished()
            self._refused(error)
            return
        self._finished()
        self.written = path
        self._tell("\n".join([*result.notices, result.written(str(path))]), done=True)

    def _finished(self) -> None:
        self.running = False
        self.query_one("#form-body").loading = False
        self.query_one("#save", Button).disabled = False

    def _refused(self, error: StoreError) -> None:
        if error.key == "export.appraisal.still_open":
            message = t("jobs.export.still_open", id=error.params.get("id", ""))
        else:
            message = str(error)
        where = "path" if error.key in PATH_KEYS else ""
        if error.key == "member_not_found":
            where = "member"
        self.show_problems([(where, message, error.key)], always_in_summary=True)

    def _tell(self, message: str, done: bool = False) -> None:
        summary = self.query_one("#summary", Static)
        summary.update(visible(message))
        summary.set_class(done, "-done")
        summary.add_class("-shown")


__all__ = ["ExportScreen", "default_name", "target_path"]

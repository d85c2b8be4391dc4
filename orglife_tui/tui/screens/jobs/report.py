"""The year-end report in the TUI: the same Markdown the export writes, to scroll through;
``p``/``n`` the year before and after, ``e`` the export screen to write it to a file."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.binding import Binding

from orglife_tui.data.errors import StoreError
from orglife_tui.locale import t, visible
from orglife_tui.tui.screens.jobs.text_view import TextViewScreen


class ReportScreen(TextViewScreen):
    HELP_KEY = "jobs.report.help"
    TITLE_KEY = "jobs.report.title"
    LOADING_KEY = "jobs.report.loading"

    BINDINGS: ClassVar = [
        Binding("p", "year(-1)", "jobs.key.prev_year", id="report.prev"),
        Binding("n", "year(1)", "jobs.key.next_year", id="report.next"),
        Binding("e", "export", "jobs.key.export", id="report.export"),
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.year = self.session.today().year

    def title_text(self) -> str:
        return t(self.TITLE_KEY, year=self.year)

    def action_year(self, step: int) -> None:
        self.year += step
        self.refresh_text()

    def action_export(self) -> None:
        from orglife_tui.tui.screens.jobs.export import ExportScreen

        self.app.push_screen(ExportScreen(self.session, "report", year=self.year))

    def read(self) -> str | StoreError:
        from orglife_tui.export.year_report import markdown
        from orglife_tui.services.exports import year_report_of

        s = self.session
        try:
            return markdown(year_report_of(s.store, s.branch, self.year, None))
        except StoreError as error:  # no records that year, a year still to come
            return error

    def render_text(self, result: str | StoreError) -> Text:
        if isinstance(result, StoreError):
            return Text(str(result), style="yellow")
        return Text(visible(result), no_wrap=True, end="")

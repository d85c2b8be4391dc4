"""评先评优 on screen: the year's commendation register — every member graded 优秀 in a
final result of the year — with the award and note the committee adds (``a`` or Enter).
``[``/``]`` step the year. Reached from the palette.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from orglife_tui.data.appraisal import commendations
from orglife_tui.data.appraisal.commendations import CommendationRow
from orglife_tui.data.errors import StoreError
from orglife_tui.locale import t
from orglife_tui.tui.screens.appraisal.objections import FORM_CSS
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.form import text_input
from orglife_tui.tui.screens.common.list_screen import Column, ListScreen, notes, step_bindings
from orglife_tui.tui.screens.common.record_form import RecordFormScreen, text_area

COLUMNS = (
    Column("member", "tui.after.col.member", 12, 12),
    Column("session", "tui.after.col.session", 6, 8),
    Column("award", "tui.after.col.award", 12, 14),
    Column("note", "tui.after.col.note", 12, 12, flex=True),
)


class CommendationsScreen(ListScreen[CommendationRow]):
    CSS_PATH = "after.tcss"
    HELP_KEY = "tui.after.help_commendations"
    TITLE_KEY = "tui.after.commendations_title"
    TABLE_ID = "commendations"
    NOTHING_SELECTED = "tui.after.nothing_selected"
    COLUMNS = COLUMNS
    SELECT_ACTION = "award"

    BINDINGS: ClassVar = [
        Binding("a", "award", "tui.after.key.award", id="commendations.award"),
        *step_bindings("commendations"),
    ]

    def __init__(self, session: Session, **kwargs) -> None:
        super().__init__(session, **kwargs)
        self.year = session.today().year

    def compose_above(self) -> ComposeResult:
        return notes("heading")

    def cells(self, row: CommendationRow) -> tuple[Text, ...]:
        c = self.cell
        return (
            c("member", f"{row.member_no} {row.name}"),
            c("session", str(row.session_id)),
            c("award", row.award or ""),
            c("note", row.note or ""),
        )

    def key_of(self, row: CommendationRow) -> str:
        return row.member_no

    def fetch(self) -> list[CommendationRow]:
        return commendations.register(self.store, self.branch_id, self.year, self.session.today())

    def show_state(self) -> None:
        self.query_one("#heading", Static).update(
            t("tui.after.commendation_heading", year=self.year, count=len(self.rows))
        )
        self.show_empty(t("commendation.none"))

    def action_award(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.app.push_screen(AwardFormScreen(self.session, row, self._saved))

    def _saved(self, row: CommendationRow | None) -> None:
        if row is None:
            return
        self.notify(t("commendation.saved", member_no=row.member_no, year=row.year))
        self.reload(row.member_no)


class AwardFormScreen(RecordFormScreen):
    """The award and note of one member of the register."""

    CSS_PATH: ClassVar = FORM_CSS
    HELP_KEY = "tui.after.help_award_form"
    FIELD_PREFIX = "tui.after.field."

    def __init__(
        self,
        session: Session,
        row: CommendationRow,
        on_result: Callable[[CommendationRow | None], object] | None = None,
    ) -> None:
        super().__init__(
            session, t("tui.after.award_title", name=row.name, year=row.year), on_result
        )
        self.add_class("-small")
        self.row = row

    def compose_fields(self) -> ComposeResult:
        yield from self.field("award", text_input(self.row.award, t("tui.after.award_hint")))
        yield from self.field("note", text_area(self.row.note))

    def save(self, values: dict[str, str]) -> CommendationRow:
        s = self.session
        return commendations.annotate(
            s.store,
            s.branch.id,
            self.row.year,
            self.row.member_no,
            values.get("award"),
            values.get("note"),
        )

    def store_error_field(self, error: StoreError) -> str | None:
        return "award" if "award" in error.key else None

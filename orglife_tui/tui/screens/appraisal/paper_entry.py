"""Paper ballots (纸质选票): the teller types the ballots of a paper vote, one by one.

The same grid as the kiosk: every candidate, rated with 1–4 (0 or space abstains; a
candidate left blank is an abstention too). Enter shows the whole ballot to check; ``y``
stores it as an anonymous ballot (no voter is named with it) and a blank ballot follows.
``m`` marks the members who handed in a paper ballot (the voted set, named apart from the
ballots). Only a running count of the ballots entered here is shown, never a tally.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, SelectionList, Static

from orglife_tui.data import appraisal
from orglife_tui.data.appraisal import CandidateRow, VoterRow
from orglife_tui.data.errors import StoreError
from orglife_tui.locale import t, visible
from orglife_tui.scoring.model import Grade
from orglife_tui.tui.kiosk.ballot import (
    GRADE_KEYS,
    BallotGrid,
    ballot_summary,
    fill_review,
    grade_legend,
)
from orglife_tui.tui.screens.common.base import BaseModal, BaseScreen, Session, app_header
from orglife_tui.tui.screens.common.confirm import ConfirmScreen
from orglife_tui.tui.screens.common.record_form import RecordFormScreen
from orglife_tui.tui.widgets.table import ListTable


class PaperReviewScreen(BaseModal[bool]):
    """The paper ballot as typed, to check against the paper: ``y`` stores it."""

    CSS_PATH = "paper_entry.tcss"
    HELP_KEY = "tui.paper.help_review"

    BINDINGS: ClassVar = [
        Binding("y", "answer(True)", "tui.paper.key.store", id="paper_review.yes"),
        Binding(
            "n,escape",
            "answer(False)",
            "tui.paper.key.change",
            id="paper_review.no",
            key_display="n",
        ),
    ]

    def __init__(
        self,
        candidates: Sequence[CandidateRow],
        choices: Mapping[str, Grade | None],
        on_result: Callable[[bool | None], object] | None = None,
    ) -> None:
        super().__init__(on_result)
        self.candidates = candidates
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(t("tui.paper.review_title"), id="review-title", markup=False)
            yield Static(
                ballot_summary(self.choices, len(self.candidates)), id="review-counts", markup=False
            )
            yield ListTable(id="review", cursor_type="none")
            yield Static(t("tui.paper.review_keys"), id="review-keys", markup=False)

    def on_mount(self) -> None:
        table = self.query_one("#review", ListTable)
        fill_review(table, self.candidates, self.choices)
        table.focus()

    def action_answer(self, yes: bool) -> None:
        self.finish(yes)


class MarkVotersScreen(RecordFormScreen):
    """Tick the members who handed in a paper ballot (they are then marked as voted)."""

    FIELD_PREFIX = "tui.paper.field."
    HELP_KEY = "tui.paper.help_mark"

    def __init__(
        self,
        session: Session,
        session_id: int,
        waiting: Sequence[VoterRow],
        on_result: Callable[[object], object] | None = None,
    ) -> None:
        super().__init__(session, t("tui.paper.mark_title"), on_result)
        self.session_id = session_id
        self.waiting = waiting

    def compose_fields(self) -> ComposeResult:
        yield Static(t("tui.paper.mark_what"), id="record-what", markup=False)
        # names as typed, never markup
        options = [
            (Text(visible(f"{v.member_no} {v.name}")), v.member_no, False) for v in self.waiting
        ]
        yield from self.field("voters", SelectionList[str](*options, compact=True), required=True)

    def save(self, values: dict[str, str]) -> object:
        chosen = [no for no in values.get("voters", "").split(";") if no]
        if not chosen:
            return 0
        appraisal.mark_paper_voters(self.session.store, self.session_id, chosen)
        return len(chosen)


class PaperEntryScreen(BaseScreen):
    CSS_PATH = "paper_entry.tcss"
    HELP_KEY = "tui.paper.help"

    BINDINGS: ClassVar = [
        Binding("1", "rate('1')", "tui.grade.excellent", show=False),
        Binding("2", "rate('2')", "tui.grade.qualified", show=False),
        Binding("3", "rate('3')", "tui.grade.basically_qualified", show=False),
        Binding("4", "rate('4')", "tui.grade.unqualified", show=False),
        Binding("0,space", "rate('0')", "tui.kiosk.abstain", show=False, key_display="0"),
        Binding("enter", "review", "tui.paper.key.review", id="paper.review", priority=True),
        Binding("m", "mark", "tui.paper.key.mark", id="paper.mark"),
        Binding("x", "clear", "tui.paper.key.clear", id="paper.clear"),
        Binding("escape", "leave", "tui.key.back", id="paper.back"),
    ]

    def __init__(self, session: Session, session_id: int, **kwargs) -> None:
        super().__init__(session, **kwargs)
        self.session_id = session_id
        self.entered = 0
        self.candidates: list[CandidateRow] = []

    def compose(self) -> ComposeResult:
        yield app_header()
        yield Static(id="counts", markup=False)
        yield Static(grade_legend(), id="legend", markup=False)
        yield BallotGrid("tui.paper.col.choice", id="ballot")
        yield Static(id="status", markup=False)
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.candidates = appraisal.candidates(self.store, self.session_id)
        self.grid.load(self.candidates, {})
        self.grid.focus()
        self._show_counts()
        self._show_status()

    @property
    def grid(self) -> BallotGrid:
        return self.query_one("#ballot", BallotGrid)

    def _show_counts(self) -> None:
        try:
            row = appraisal.get_session(self.store, self.branch_id, self.session_id)
        except StoreError as error:
            self.notify(str(error), severity="error")
            return
        self.sub_title = t("tui.paper.title", year=row.year)
        self.query_one("#counts", Static).update(
            t("tui.paper.counts", entered=self.entered, voted=row.voted, voters=row.voters)
        )

    def _show_status(self) -> None:
        grid = self.grid
        self.query_one("#status", Static).update(
            t("tui.kiosk.rated", rated=grid.rated, total=len(grid.items))
        )

    # ------------------------------------------------------------------ actions

    def action_rate(self, key: str) -> None:
        self.grid.rate(GRADE_KEYS[key])
        self._show_status()

    def action_review(self) -> None:
        choices = self.grid.choices()

        def answered(yes: bool | None) -> None:
            if yes:
                self._store(choices)
            else:
                self.grid.focus()

        self.app.push_screen(PaperReviewScreen(self.candidates, choices, answered))

    def _store(self, choices: dict[str, Grade | None]) -> None:
        ratings = {c.member_no: choices.get(c.member_no) for c in self.candidates}
        try:
            appraisal.cast_ballot(self.store, self.session_id, None, ratings)
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=8)
            return
        finally:
            ratings.clear()
            choices.clear()
        self.entered += 1
        self.notify(t("tui.paper.stored", entered=self.entered))
        self._fresh()

    def _fresh(self) -> None:
        grid = self.grid
        grid.wipe()
        grid.load(self.candidates, {})
        grid.move_cursor(row=0, animate=False)
        self._show_counts()
        self._show_status()

    def action_clear(self) -> None:
        if not self.grid.rated:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._fresh()

        self.app.push_screen(ConfirmScreen(t("tui.paper.clear_question"), answered))

    def action_mark(self) -> None:
        waiting = [v for v in appraisal.voters(self.store, self.session_id) if not v.voted]
        if not waiting:
            self.notify(t("tui.paper.nobody_left"), severity="warning")
            return

        def saved(count: object) -> None:
            if count:
                self.notify(t("tui.paper.marked", count=count))
            self._show_counts()

        self.app.push_screen(MarkVotersScreen(self.session, self.session_id, waiting, saved))

    def action_leave(self) -> None:
        if not self.grid.rated:
            self.grid.wipe()
            self.app.pop_screen()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.grid.wipe()
                self.app.pop_screen()

        self.app.push_screen(ConfirmScreen(t("tui.paper.leave_question"), answered))

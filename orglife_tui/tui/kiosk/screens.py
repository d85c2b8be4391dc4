"""The kiosk's steps: neutral, pick, PIN, hand-over, ballot, review, receipt.

The teller's steps (the neutral screen, the voter picked among those who have not voted, the
PIN that activates the voter or ends the kiosk) and the voter's (hand-over, ballot, review,
receipt). Secrecy on the screen: every step is a fresh screen that replaces the one before
(nothing of a ballot survives in a widget), and the ballot lives only on the voter's screens
and is wiped when it is cast or abandoned.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.timer import Timer
from textual.widgets import Static

from orglife_tui.data import appraisal
from orglife_tui.data.appraisal import CandidateRow, VoterRow
from orglife_tui.data.errors import StoreError
from orglife_tui.domain import SessionState
from orglife_tui.locale import get_language, t
from orglife_tui.scoring.model import Grade
from orglife_tui.tui.cells import cell
from orglife_tui.tui.kiosk.ballot import (
    GRADE_KEYS,
    BallotGrid,
    ballot_summary,
    fill_review,
    grade_legend,
)
from orglife_tui.tui.kiosk.base import KioskScreen, VoterScreen
from orglife_tui.tui.widgets.table import Column, ListTable, column_widths

if TYPE_CHECKING:  # the station shows the screens; a screen only calls back
    from orglife_tui.tui.kiosk.app import KioskStation

PIN_MAX = 64

VOTER_COLUMNS = (
    Column("no", "tui.kiosk.col.no", 8, 8),
    Column("name", "tui.kiosk.col.name", 20, 20),
)


class NeutralScreen(KioskScreen):
    """Between voters: the branch, the session, “k of n voted”, and nothing else."""

    def compose(self) -> ComposeResult:
        with Vertical(id="middle"):
            yield Static(self.station.branch.name, id="branch", markup=False)
            for line_id, text in self._lines():
                yield Static(text, id=line_id, markup=False)
        yield Static(t("tui.kiosk.teller_keys"), id="keys", classes="hint", markup=False)

    def _lines(self) -> list[tuple[str, str]]:
        try:
            row = self.station.session_row()
        except Exception:  # noqa: BLE001 - the screen to come back to must always show
            return [("turnout", t("tui.kiosk.failed"))]
        if row.state is not SessionState.started:
            turnout = t("tui.kiosk.closed")
        elif row.voters and row.voted >= row.voters:
            turnout = t("tui.kiosk.all_voted", voted=row.voted, voters=row.voters)
        else:
            turnout = t("tui.kiosk.turnout", voted=row.voted, voters=row.voters)
        return [("session", t("tui.kiosk.session", year=row.year)), ("turnout", turnout)]

    def handle(self, key: str, character: str | None) -> None:
        if key in ("enter", "space"):
            self.station.show(PickScreen(self.station))
        elif key == "e":
            self.station.show(PinScreen(self.station, voter=None))


class PickScreen(KioskScreen):
    """The teller picks the voter at the terminal among those who have not voted."""

    def __init__(self, station: KioskStation) -> None:
        super().__init__(station)
        self.voters = station.waiting_voters()
        self.typed = ""

    def compose(self) -> ComposeResult:
        yield Static(t("tui.kiosk.pick_title"), id="title", markup=False)
        table: ListTable[VoterRow] = ListTable(id="voters")
        table.can_focus = False
        yield table
        yield Static(id="message", markup=False)
        yield Static(t("tui.kiosk.pick_keys"), classes="hint", markup=False)

    def on_mount(self) -> None:
        table = self.table
        table.set_columns(VOTER_COLUMNS, column_widths(VOTER_COLUMNS, get_language()))
        table.show(self.voters, lambda v: (cell(v.member_no, 8), cell(v.name, 20)))
        if not self.voters:
            table.display = False
            self.query_one("#message", Static).update(t("tui.kiosk.nobody_left"))

    @property
    def table(self) -> ListTable[VoterRow]:
        return self.query_one("#voters", ListTable)

    def handle(self, key: str, character: str | None) -> None:
        table = self.table
        if key == "escape":
            self.station.neutral()
        elif key == "enter":
            voter = table.current
            if voter is not None:
                self.station.show(PinScreen(self.station, voter=voter))
        elif not _move(table, key) and character and character.isalnum():
            # Typing a member number jumps to it.
            self.typed += character
            index = table.find(lambda v: v.member_no.startswith(self.typed))
            if index is None:
                self.typed = character
                index = table.find(lambda v: v.member_no.startswith(self.typed))
            if index is not None:
                table.move_cursor(row=index, animate=False)


class PinScreen(KioskScreen):
    """The teller's PIN: to activate ``voter``, or (``voter`` None) to end the kiosk."""

    def __init__(self, station: KioskStation, voter: VoterRow | None) -> None:
        super().__init__(station)
        self.voter = voter
        self._pin = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="middle"):
            if self.voter is None:
                title = t("tui.kiosk.pin_leave")
            else:
                title = t("tui.kiosk.pin_activate", name=self.voter.name, no=self.voter.member_no)
            yield Static(title, id="title", markup=False)
            yield Static(t("tui.kiosk.pin_prompt"), id="pin", markup=False)
            yield Static(id="message", markup=False)
        yield Static(t("tui.kiosk.pin_keys"), classes="hint", markup=False)

    def _show_pin(self) -> None:
        dots = "●" * len(self._pin)
        self.query_one("#pin", Static).update(t("tui.kiosk.pin_prompt") + dots)

    def handle(self, key: str, character: str | None) -> None:
        if key == "escape":
            self._pin = ""
            self.station.neutral()
        elif key == "enter":
            self._check()
        elif key in ("backspace", "ctrl+h"):
            self._pin = self._pin[:-1]
            self._show_pin()
        elif character and character.isprintable() and len(self._pin) < PIN_MAX:
            self._pin += character
            self._show_pin()

    def _check(self) -> None:
        pin, self._pin = self._pin, ""
        self._show_pin()
        if not pin:
            return
        try:
            appraisal.check_pin(self.station.store, self.station.session_id, pin)
        except StoreError as error:
            message = self.query_one("#message", Static)
            message.update(str(error))
            message.add_class("-error")
            return
        if self.voter is None:
            self.station.leave()
        else:
            self.station.show(HandoverScreen(self.station, self.voter))


class HandoverScreen(VoterScreen):
    """“Please hand the terminal to 王芳”: the voter presses Enter to begin."""

    def compose(self) -> ComposeResult:
        with Vertical(id="middle"):
            yield Static(t("tui.kiosk.hand_over", name=self.voter.name), id="title", markup=False)
            yield Static(t("tui.kiosk.begin", name=self.voter.name), id="begin", markup=False)
        yield from self.compose_idle()
        yield Static(t("tui.kiosk.handover_keys"), classes="hint", markup=False)

    def handle(self, key: str, character: str | None) -> None:
        if key == "enter":
            self._stop_timers()
            self.station.show(BallotScreen(self.station, self.voter, {}))
        elif key == "escape":  # the teller activated the wrong member
            self.drop()
            self.station.neutral()


class ChoicesScreen(VoterScreen):
    """A voter's screen that holds the ballot's choices on their way to the next screen."""

    def __init__(
        self, station: KioskStation, voter: VoterRow, choices: dict[str, Grade | None]
    ) -> None:
        super().__init__(station, voter)
        self._choices = choices


class BallotScreen(ChoicesScreen):
    """The voter rates every candidate: 1–4, 0 or space; Enter reviews the ballot."""

    def compose(self) -> ComposeResult:
        yield Static(t("tui.kiosk.ballot_title"), id="title", markup=False)
        yield Static(grade_legend(), id="legend", markup=False)
        grid = BallotGrid(id="ballot")
        grid.can_focus = False
        yield grid
        yield Static(id="status", markup=False)
        yield from self.compose_idle()
        yield Static(t("tui.kiosk.ballot_keys"), classes="hint", markup=False)

    def on_mount(self) -> None:  # (the idle timers start in VoterScreen.on_mount)
        self.grid.load(self.station.candidates, self._choices)
        self._choices.clear()  # from here on the ballot is in the grid only
        self.call_after_refresh(self._show_status)

    @property
    def grid(self) -> BallotGrid:
        return self.query_one("#ballot", BallotGrid)

    def _show_status(self) -> None:
        grid = self.grid
        parts = [t("tui.kiosk.rated", rated=grid.rated, total=len(grid.items))]
        page = grid.page_text()
        if page:
            parts.append(page)
        self.query_one("#status", Static).update(t("tui.kiosk.sep").join(parts))

    def handle(self, key: str, character: str | None) -> None:
        grid = self.grid
        if key in GRADE_KEYS:
            grid.rate(GRADE_KEYS[key])
        elif key == "enter":
            choices = grid.choices()
            grid.wipe()
            self._stop_timers()
            self.station.show(ReviewScreen(self.station, self.voter, choices))
            return
        elif not _move(grid, key):
            return
        self._show_status()

    def drop(self) -> None:
        super().drop()
        self.grid.wipe()


class ReviewScreen(ChoicesScreen):
    """Every choice of the ballot at once; ``y`` casts it, ``b`` or Escape changes it."""

    def compose(self) -> ComposeResult:
        yield Static(t("tui.kiosk.review_title"), id="title", markup=False)
        total = len(self.station.candidates)
        yield Static(ballot_summary(self._choices, total), id="legend", markup=False)
        table: ListTable[tuple[CandidateRow | None, ...]] = ListTable(
            id="review", cursor_type="none"
        )
        table.can_focus = False
        yield table
        yield Static(id="message", markup=False)
        yield from self.compose_idle()
        yield Static(t("tui.kiosk.review_keys"), classes="hint", markup=False)

    def on_mount(self) -> None:
        fill_review(self.query_one("#review", ListTable), self.station.candidates, self._choices)

    def handle(self, key: str, character: str | None) -> None:
        table = self.query_one("#review", ListTable)
        if key == "y":
            self._cast()
        elif key in ("b", "escape", "backspace"):
            choices = dict(self._choices)
            self.drop()
            self.station.show(BallotScreen(self.station, self.voter, choices))
        elif key == "up":
            table.scroll_up(animate=False)
        elif key == "down":
            table.scroll_down(animate=False)
        elif key == "pageup":
            table.scroll_page_up(animate=False)
        elif key == "pagedown":
            table.scroll_page_down(animate=False)

    def _cast(self) -> None:
        station = self.station
        ratings: dict[str, Grade | None] = {
            c.member_no: self._choices.get(c.member_no) for c in station.candidates
        }
        voter_no = self.voter.member_no
        self.drop()
        try:
            code = appraisal.cast_ballot(station.store, station.session_id, voter_no, ratings)
        except StoreError as error:
            ratings.clear()
            station.neutral(t("tui.kiosk.not_stored", error=str(error)), severity="error")
            return
        ratings.clear()
        station.show(ReceiptScreen(station, code))

    def drop(self) -> None:
        super().drop()
        self._choices.clear()
        table = self.query("#review")
        if table:
            table.first(ListTable).items = []
            table.first(ListTable).clear()


class ReceiptScreen(KioskScreen):
    """The receipt code of the ballot just cast; gone after a few seconds or a key."""

    def __init__(self, station: KioskStation, code: str) -> None:
        super().__init__(station)
        self._code = code
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="middle"):
            yield Static(t("tui.kiosk.stored"), id="title", markup=False)
            yield Static(t("tui.kiosk.receipt", code=self._code), id="receipt", markup=False)
            yield Static(t("tui.kiosk.receipt_note"), id="note", markup=False)
        yield Static(t("tui.kiosk.receipt_keys"), classes="hint", markup=False)

    def on_mount(self) -> None:
        self._timer = self.set_timer(self.station.receipt_seconds, self._done)

    def on_unmount(self) -> None:
        if self._timer is not None:
            self._timer.stop()

    def handle(self, key: str, character: str | None) -> None:
        self._done()

    def _done(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._code = ""
        if self.app.screen is self:
            self.station.neutral()


def _move(table: ListTable, key: str) -> bool:
    """Cursor keys on a table the kiosk drives itself (it never has the focus)."""
    actions = {
        "up": table.action_cursor_up,
        "down": table.action_cursor_down,
        "pageup": table.action_page_up,
        "pagedown": table.action_page_down,
        "home": table.action_scroll_top,
        "end": table.action_scroll_bottom,
    }
    action = actions.get(key)
    if action is None:
        return False
    action()
    return True

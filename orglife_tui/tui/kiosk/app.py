# Over 600 lines: the kiosk App and its screens form one locked flow (hand-over, ballot, review,
# teller exit); to split App from screens.
"""The kiosk: a locked ballot station for one appraisal session on one shared terminal.

Members step up one after another (docs/architecture.md §6). Every voter starts from the neutral
hand-over screen (branch, session, "k of n voted", nothing else). The teller presses
Enter, picks the voter among those who have not voted and types the teller PIN; a
hand-over screen names the voter, who rates every candidate with single keys (1–4, 0 or
space = abstain; a candidate left blank is an abstention too), reviews the ballot and casts
it with ``y``. A receipt screen shows the random receipt code and clears itself.

Secrecy on the screen: every step is a fresh screen that replaces the one before (nothing
of a ballot survives in a widget), the ballot lives only on the voter's screens and is
wiped when it is cast or abandoned, and the station itself holds no ballot and no voter.
An idle voter is warned after ``idle_warning`` seconds; after ``idle_abandon`` seconds the
pending ballot is dropped (nothing stored) and the neutral screen returns. These timers
exist only while a voter's screen is up: the neutral screen never redraws by itself.

Locked: no key reaches anything outside the kiosk. Every key is taken by the kiosk screen
on top (``on_key`` stops it); Ctrl+C, Ctrl+Q, Ctrl+Z, Ctrl+\\, Ctrl+P, F1, Tab … are also
bound with priority to nothing; inside ``OrglifeApp`` the app refuses its own actions while
a kiosk screen is up (``OrglifeApp.check_action``); ``orglife-tui kiosk ID`` runs
:class:`KioskApp`, an app with no bindings, no command palette and no quit. The terminal
keeps its signal keys off (Textual clears ISIG; the kiosk refuses to honour
``TEXTUAL_ALLOW_SIGNALS``) and SIGINT, SIGQUIT and SIGTSTP are ignored while the kiosk is up.
Only the teller's PIN ends it (``e`` on the neutral screen).
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

from orglife_tui.data import appraisal
from orglife_tui.data.appraisal import CandidateRow, VoterRow
from orglife_tui.data.errors import StoreError
from orglife_tui.data.store import BranchInfo, Store
from orglife_tui.domain import MemberStatus, SessionState
from orglife_tui.locale import get_language, set_language, t
from orglife_tui.scoring.model import Grade
from orglife_tui.tui.cells import cell
from orglife_tui.tui.screens.common.base import PlainNotifications
from orglife_tui.tui.widgets.table import Column, ListTable, column_widths

IDLE_WARNING = 45.0
"""Seconds without a key on a voter's screen before the voter is warned."""
IDLE_ABANDON = 180.0
"""Seconds without a key on a voter's screen before the pending ballot is dropped."""
RECEIPT_SECONDS = 15.0
"""Seconds the receipt code stays on the screen (a key clears it sooner)."""
PIN_MAX = 64

BLOCKED_KEYS = (
    "ctrl+c,ctrl+q,ctrl+z,ctrl+backslash,ctrl+p,ctrl+d,ctrl+s,ctrl+w,ctrl+x,ctrl+v,"
    "ctrl+l,ctrl+o,ctrl+t,f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12,tab,shift+tab,"
    "super+c,super+v,super+q"
)
"""Keys bound with priority to nothing on every kiosk screen (on top of ``on_key``)."""

GRADE_KEYS: dict[str, Grade | None] = {
    "1": Grade.excellent,
    "2": Grade.qualified,
    "3": Grade.basically_qualified,
    "4": Grade.unqualified,
    "0": None,
    "space": None,
}
"""The single keys that rate a candidate; 0 and space abstain."""

GRADE_STYLE: dict[Grade | None, str] = {  # None: abstain, the default style
    Grade.excellent: "bold green",
    Grade.qualified: "green",
    Grade.basically_qualified: "yellow",
    Grade.unqualified: "bold red",
}


def choice_label(grade: Grade | None) -> str:
    """A choice on a ballot as the voter reads it: the grade, or “abstain”."""
    return t("tui.kiosk.abstain") if grade is None else t(f"tui.grade.{grade.value}")


def grade_legend() -> str:
    """``1 优秀  2 合格  3 基本合格  4 不合格  0/空格 弃权``"""
    return t(
        "tui.kiosk.legend",
        excellent=t("tui.grade.excellent"),
        qualified=t("tui.grade.qualified"),
        basic=t("tui.grade.basically_qualified"),
        unqualified=t("tui.grade.unqualified"),
        abstain=t("tui.kiosk.abstain"),
    )


# ---------------------------------------------------------------------- the ballot grid


@dataclass(frozen=True)
class BallotLine:
    """One candidate on a ballot being filled in and the choice made (``chosen`` False:
    nothing pressed yet, which counts as an abstention)."""

    candidate: CandidateRow
    chosen: bool = False
    grade: Grade | None = None


def ballot_columns(choice_heading: str) -> tuple[Column, ...]:
    """The ballot grid's columns; the choice's heading differs on a paper ballot."""
    return (
        Column("no", "tui.kiosk.col.no", 6, 6),
        Column("name", "tui.kiosk.col.name", 12, 12),
        Column("note", "tui.kiosk.col.note", 6, 7),
        Column("choice", choice_heading, 12, 22),
    )


VOTER_COLUMNS = (
    Column("no", "tui.kiosk.col.no", 8, 8),
    Column("name", "tui.kiosk.col.name", 20, 20),
)
REVIEW_COLUMNS = tuple(
    Column(f"{key}{side}", heading, width, width)
    for side in ("a", "b")
    for key, heading, width in (
        ("no", "tui.kiosk.col.no", 6),
        ("name", "tui.kiosk.col.name", 10),
        ("choice", "tui.kiosk.col.choice", 14),
    )
)
"""A whole ballot in two columns of (number, name, choice)."""


class BallotGrid(ListTable[BallotLine]):
    """Every candidate with the choice made for it; a grade key rates the cursor row.

    Shared by the kiosk and the teller's paper-ballot entry. The ballot lives in the
    grid's lines only; :meth:`wipe` forgets it.
    """

    def __init__(self, choice_heading: str = "tui.kiosk.col.choice", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.zebra_stripes = False
        self.choice_heading = choice_heading

    def on_mount(self) -> None:
        columns = ballot_columns(self.choice_heading)
        self.set_columns(columns, column_widths(columns, get_language()))

    def load(self, candidates: Sequence[CandidateRow], choices: Mapping[str, Grade | None]) -> None:
        lines = [
            BallotLine(c, c.member_no in choices, choices.get(c.member_no)) for c in candidates
        ]
        self.show(lines, _line_cells)

    def rate(self, grade: Grade | None) -> None:
        """Rate the candidate under the cursor and move to the next one."""
        index = self.cursor_row
        line = self.current
        if line is None:
            return
        self.replace_item(index, BallotLine(line.candidate, True, grade))
        if index < len(self.items) - 1:
            self.move_cursor(row=index + 1, animate=False)

    @property
    def rated(self) -> int:
        return sum(1 for line in self.items if line.chosen)

    def choices(self) -> dict[str, Grade | None]:
        """The choices made so far (member_no → grade, None = abstain)."""
        return {line.candidate.member_no: line.grade for line in self.items if line.chosen}

    def page_text(self) -> str:
        """``page 2/3`` of the candidates as the grid shows them (empty on one page)."""
        rows = max(1, self.scrollable_content_region.height - self.header_height)
        total = len(self.items)
        pages = max(1, -(-total // rows))
        if pages == 1:
            return ""
        page = min(pages, self.cursor_row // rows + 1)
        return t("tui.kiosk.page", page=page, pages=pages)

    def wipe(self) -> None:
        """Forget the ballot: the lines and the rows drawn from them."""
        self.items = []
        self.clear()


def _line_cells(line: BallotLine) -> tuple[Text, ...]:
    c = line.candidate
    note = t("tui.kiosk.probationary") if c.status is MemberStatus.probationary else ""
    if line.chosen:
        choice = cell(choice_label(line.grade), 22, GRADE_STYLE.get(line.grade, "italic"))
    else:
        choice = cell(t("tui.kiosk.not_rated"), 22, "dim")
    return (cell(c.member_no, 6), cell(c.name, 12), cell(note, 7, "dim"), choice)


def ballot_summary(choices: Mapping[str, Grade | None], total: int) -> str:
    """How many of each grade this ballot gives (the voter's own ballot, on review)."""
    counts = {g: 0 for g in Grade}
    for grade in choices.values():
        if grade is not None:
            counts[grade] += 1
    graded = sum(counts.values())
    return t(
        "tui.kiosk.review_counts",
        excellent=counts[Grade.excellent],
        qualified=counts[Grade.qualified],
        basic=counts[Grade.basically_qualified],
        unqualified=counts[Grade.unqualified],
        abstain=total - graded,
    )


def fill_review(
    table: ListTable, candidates: Sequence[CandidateRow], choices: Mapping[str, Grade | None]
) -> None:
    """A whole ballot in two columns of (number, name, choice), for the review step."""
    table.set_columns(REVIEW_COLUMNS, column_widths(REVIEW_COLUMNS, get_language()))
    half = -(-len(candidates) // 2)
    pairs = [
        (candidates[i], candidates[i + half] if i + half < len(candidates) else None)
        for i in range(half)
    ]

    def cells(pair: tuple[CandidateRow | None, ...]) -> tuple[Text, ...]:
        out: list[Text] = []
        for c in pair:
            if c is None:
                out += [cell("", 6), cell("", 10), cell("", 14)]
                continue
            grade = choices.get(c.member_no)
            style = GRADE_STYLE[grade] if grade is not None else "italic"
            out += [cell(c.member_no, 6), cell(c.name, 10), cell(choice_label(grade), 14, style)]
        return tuple(out)

    table.show(pairs, cells)


# ---------------------------------------------------------------------- the station


class _SignalGuard:
    """SIGINT, SIGQUIT and SIGTSTP ignored while the kiosk is up (a real terminal only)."""

    SIGNALS = tuple(
        getattr(signal, name) for name in ("SIGINT", "SIGQUIT", "SIGTSTP") if hasattr(signal, name)
    )

    def __init__(self) -> None:
        self._saved: dict[int, Any] = {}

    def install(self) -> None:
        if self._saved or threading.current_thread() is not threading.main_thread():
            return
        for sig in self.SIGNALS:
            with contextlib.suppress(OSError, ValueError):
                self._saved[sig] = signal.signal(sig, signal.SIG_IGN)

    def restore(self) -> None:
        for sig, handler in self._saved.items():
            with contextlib.suppress(OSError, ValueError, TypeError):
                signal.signal(sig, handler)
        self._saved.clear()


class KioskStation:
    """Runs the kiosk's screens for one session. Holds the session and the roster of
    candidates, never a ballot or the voter at the terminal."""

    def __init__(
        self,
        store: Store,
        branch: BranchInfo,
        session_id: int,
        on_leave: Callable[[], object] | None = None,
        idle_warning: float = IDLE_WARNING,
        idle_abandon: float = IDLE_ABANDON,
        receipt_seconds: float = RECEIPT_SECONDS,
    ) -> None:
        self.store = store
        self.branch = branch
        self.session_id = session_id
        self.on_leave = on_leave
        self.idle_warning = idle_warning
        self.idle_abandon = idle_abandon
        self.receipt_seconds = receipt_seconds
        self.candidates: list[CandidateRow] = []
        self.app: App | None = None
        self.running = False
        self._guard = _SignalGuard()

    # ------------------------------------------------------------------ data

    def session_row(self) -> appraisal.SessionRow:
        return appraisal.get_session(self.store, self.branch.id, self.session_id)

    def waiting_voters(self) -> list[VoterRow]:
        return [v for v in appraisal.voters(self.store, self.session_id) if not v.voted]

    # ------------------------------------------------------------------ screens

    def start(self, app: App) -> None:
        """Lock the terminal: the neutral screen over whatever was on it."""
        self.app = app
        self.running = True
        self.candidates = appraisal.candidates(self.store, self.session_id)
        if not app.is_headless:
            self._guard.install()
        app.push_screen(NeutralScreen(self))

    def show(self, screen: KioskScreen) -> None:
        """Replace the kiosk screen on top by ``screen`` (the old one is destroyed)."""
        assert self.app is not None
        if isinstance(self.app.screen, KioskScreen):
            self.app.switch_screen(screen)
        else:
            self.app.push_screen(screen)

    def neutral(self, notice: str | None = None, severity: SeverityLevel = "information") -> None:
        self.show(NeutralScreen(self))
        if notice and self.app is not None:
            self.app.notify(notice, severity=severity, timeout=8)

    def leave(self) -> None:
        """The teller's PIN was given: unlock and go back to what was there before."""
        assert self.app is not None
        self.running = False
        self._guard.restore()
        if isinstance(self.app.screen, KioskScreen):
            self.app.pop_screen()
        if self.on_leave is not None:
            self.on_leave()


class KioskScreen(Screen[None], inherit_bindings=False):
    """A screen of the locked kiosk: every key is the kiosk's, nothing passes through."""

    CSS_PATH = "kiosk.tcss"
    AUTO_FOCUS = None
    ALLOW_SELECT = False
    BINDINGS: ClassVar = [Binding(BLOCKED_KEYS, "blocked", show=False, priority=True)]

    def __init__(self, station: KioskStation) -> None:
        super().__init__()
        self.station = station

    def action_blocked(self) -> None:
        self.activity()

    def on_key(self, event: Any) -> None:
        event.stop()
        event.prevent_default()
        self.activity()
        try:
            self.handle(event.key, event.character)
        except Exception:  # noqa: BLE001 - the kiosk never falls over to a shell
            # Nor does it show the error: a database error may quote what it was writing,
            # and a traceback the variables of a ballot. The neutral screen, nothing kept.
            if isinstance(self, VoterScreen):
                self.drop()
            self.station.neutral(t("tui.kiosk.failed"), severity="error")

    def activity(self) -> None:
        """A key was pressed (voter screens restart their idle timers)."""

    def handle(self, key: str, character: str | None) -> None:
        """React to one key; every other key is ignored."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action == "blocked"


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


class VoterScreen(KioskScreen):
    """A screen a voter is at: warned when idle, the ballot dropped when idle too long."""

    def __init__(self, station: KioskStation, voter: VoterRow) -> None:
        super().__init__(station)
        self.voter = voter
        self._warn: Timer | None = None
        self._abandon: Timer | None = None

    def compose_idle(self) -> ComposeResult:
        yield Static(t("tui.kiosk.idle_warning"), id="idle", markup=False)

    def on_mount(self) -> None:
        self._restart_timers()

    def on_unmount(self) -> None:
        self._stop_timers()

    def _stop_timers(self) -> None:
        for timer in (self._warn, self._abandon):
            if timer is not None:
                timer.stop()
        self._warn = self._abandon = None

    def _restart_timers(self) -> None:
        self._stop_timers()
        self._warn = self.set_timer(self.station.idle_warning, self._idle_warn)
        self._abandon = self.set_timer(self.station.idle_abandon, self._idle_abandon)

    def activity(self) -> None:
        if not self.is_mounted:
            return
        self._restart_timers()
        idle = self.query("#idle")
        if idle and idle.first().has_class("-shown"):
            idle.first().remove_class("-shown")

    def _idle_warn(self) -> None:
        self.query_one("#idle", Static).add_class("-shown")

    def _idle_abandon(self) -> None:
        if self.app.screen is not self:
            return
        self.drop()
        self.station.neutral(t("tui.kiosk.abandoned"), severity="warning")

    def drop(self) -> None:
        """Forget the pending ballot (nothing was stored)."""
        self._stop_timers()


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


# ---------------------------------------------------------------------- orglife-tui kiosk ID


class KioskApp(PlainNotifications, App[None], inherit_bindings=False):
    """``orglife-tui kiosk ID``: the kiosk alone. No bindings, no command palette, no quit:
    the teller's PIN ends it."""

    TITLE = "orglife-tui kiosk"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar = []

    def __init__(
        self,
        store: Store,
        branch: BranchInfo,
        session_id: int,
        lang: str = "zh",
        idle_warning: float = IDLE_WARNING,
        idle_abandon: float = IDLE_ABANDON,
        receipt_seconds: float = RECEIPT_SECONDS,
    ) -> None:
        set_language(lang)
        super().__init__()
        self.animation_level = "none"
        self.title = branch.name
        self.station = KioskStation(
            store,
            branch,
            session_id,
            on_leave=self.exit,
            idle_warning=idle_warning,
            idle_abandon=idle_abandon,
            receipt_seconds=receipt_seconds,
        )

    def on_mount(self) -> None:
        self.station.start(self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return False  # no action of the app at all: no quit, no palette, no help

    async def action_quit(self) -> None:  # even when asked by name
        return

    def action_command_palette(self) -> None:
        return

    @classmethod
    def run_locked(cls, store: Store, branch: BranchInfo, session_id: int, lang: str) -> None:
        """Run the kiosk until the teller's PIN ends it."""
        # Ctrl+C, Ctrl+Z and Ctrl+\\ must reach the kiosk as keys, never as signals.
        os.environ.pop("TEXTUAL_ALLOW_SIGNALS", None)
        cls(store, branch, session_id, lang=lang).run()

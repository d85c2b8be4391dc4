"""The locked screen every kiosk step is, and the voter's screen with its idle timers.

Locked: no key reaches anything outside the kiosk. Every key is taken by the kiosk screen
on top (``on_key`` stops it); Ctrl+C, Ctrl+Q, Ctrl+Z, Ctrl+\\, Ctrl+P, F1, Tab … are also
bound with priority to nothing; inside ``OrglifeApp`` the app refuses its own actions while
a kiosk screen is up (``OrglifeApp.check_action``).

An idle voter is warned after ``idle_warning`` seconds; after ``idle_abandon`` seconds the
pending ballot is dropped (nothing stored) and the neutral screen returns. These timers
exist only while a voter's screen is up: the neutral screen never redraws by itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

from orglife_tui.data.appraisal import VoterRow
from orglife_tui.locale import t

if TYPE_CHECKING:  # the station shows the screens; a screen only calls back
    from orglife_tui.tui.kiosk.app import KioskStation

BLOCKED_KEYS = (
    "ctrl+c,ctrl+q,ctrl+z,ctrl+backslash,ctrl+p,ctrl+d,ctrl+s,ctrl+w,ctrl+x,ctrl+v,"
    "ctrl+l,ctrl+o,ctrl+t,f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12,tab,shift+tab,"
    "super+c,super+v,super+q"
)
"""Keys bound with priority to nothing on every kiosk screen (on top of ``on_key``)."""


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

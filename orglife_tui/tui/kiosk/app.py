"""The kiosk's station and ``orglife-tui kiosk ID``'s app.

:class:`KioskStation` runs the kiosk's screens for one session over any app (``OrglifeApp``
from the session's screen, or :class:`KioskApp`); it holds the session and the candidates,
never a ballot or the voter at the terminal. ``orglife-tui kiosk ID`` runs
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
from collections.abc import Callable
from typing import Any, ClassVar

from textual.app import App
from textual.notifications import SeverityLevel

from orglife_tui.data import appraisal
from orglife_tui.data.appraisal import CandidateRow, VoterRow
from orglife_tui.data.store import BranchInfo, Store
from orglife_tui.locale import set_language
from orglife_tui.tui.compat import send_no_empty_moves
from orglife_tui.tui.kiosk.base import KioskScreen
from orglife_tui.tui.kiosk.screens import NeutralScreen
from orglife_tui.tui.screens.common.base import PlainNotifications

IDLE_WARNING = 45.0
"""Seconds without a key on a voter's screen before the voter is warned."""
IDLE_ABANDON = 180.0
"""Seconds without a key on a voter's screen before the pending ballot is dropped."""
RECEIPT_SECONDS = 15.0
"""Seconds the receipt code stays on the screen (a key clears it sooner)."""


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
        send_no_empty_moves()  # fewer bytes per keystroke over SSH
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

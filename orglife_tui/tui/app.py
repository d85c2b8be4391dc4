"""The Textual app: wiring, bindings, the screen registry and the command palette.

The app receives everything it works on in its constructor (the store, the branch, the
language, optionally a fixed "today" for tests); screens get it from the app through
their constructors, never from module globals.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from importlib import import_module
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.command import CommandInput, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.screen import ModalScreen, Screen

from orglife_tui.domain.access import Access, Home
from orglife_tui.locale import set_language, t
from orglife_tui.tui.compat import mark_forwarded, running_app, send_no_empty_moves, write_now
from orglife_tui.tui.screens.common.base import (
    BaseModal,
    PlainNotifications,
    Session,
    localize_bindings,
)

if TYPE_CHECKING:
    from orglife_tui.data.store import BranchInfo, Store
    from orglife_tui.tui.screens.common.base import BaseScreen
    from orglife_tui.tui.screens.jobs.branches import SwitchBranch
    from orglife_tui.tui.screens.meetings.meetings import MeetingsScreen
    from orglife_tui.tui.screens.members.members import MembersScreen
    from orglife_tui.tui.screens.talks.coverage import CoverageScreen
    from orglife_tui.tui.screens.talks.talks import TalksScreen

# Where each named screen lives. A screen's module is imported when the screen is first
# shown: the app starts with the dashboard's imports only (issue 11 §4).
SCREENS: dict[str, tuple[str, str]] = {
    "dashboard": ("dashboard.dashboard", "DashboardScreen"),
    "members": ("members.members", "MembersScreen"),
    "meetings": ("meetings.meetings", "MeetingsScreen"),
    "scoreboard": ("points.scoreboard", "ScoreboardScreen"),
    "scheme": ("points.scheme", "SchemeScreen"),
    "talks": ("talks.talks", "TalksScreen"),
    "plan": ("meetings.plan", "PlanScreen"),
    "rectification": ("rectification.rectification", "RectificationScreen"),
    "findings": ("compliance.findings", "FindingsScreen"),
    "absence": ("compliance.absence", "AbsenceScreen"),
    "appraisal": ("appraisal.appraisal", "AppraisalScreen"),
    "follow_ups": ("appraisal.follow_ups", "FollowUpsScreen"),
    "commendations": ("appraisal.commendations", "CommendationsScreen"),
    "probation": ("members.probation_watch", "ProbationWatchScreen"),
    "dues": ("dues.dues", "DuesScreen"),
    "verify": ("jobs.verify", "VerifyScreen"),
    "report": ("jobs.report", "ReportScreen"),
    "branches": ("jobs.branches", "BranchesScreen"),
    "import": ("importing.kinds", "ImportScreen"),
    "commitments": ("life.commitments", "CommitmentsScreen"),
    "orders": ("orders.orders", "OrdersScreen"),
    "users": ("users.users", "UsersScreen"),
    "overview": ("overview.overview", "OverviewScreen"),
}


def _is_kiosk(screen: Screen) -> bool:
    """A screen of the locked kiosk (none can be up before the kiosk's module is loaded)."""
    kiosk = sys.modules.get("orglife_tui.tui.kiosk.base")
    return kiosk is not None and isinstance(screen, kiosk.KioskScreen)


def screen_class(name: str) -> type[BaseScreen]:
    """The class of the screen registered as ``name`` (its module imported now)."""
    module, cls = SCREENS[name]
    found: type[BaseScreen] = getattr(import_module(f"orglife_tui.tui.screens.{module}"), cls)
    return found


MAIN_MODE = "main"
"""The app's one mode; its base screen is the dashboard (or the login's home screen)."""

# The screen each kind of login opens on (issue 13 §1), and the only screens it may reach
# (None: every screen); a member's home is MemberApp. The database enforces the same on
# PostgreSQL; this keeps a teller from wandering into screens that would show nothing.
HOME_SCREENS: dict[Home, str] = {
    Home.FULL: "dashboard",
    Home.KIOSK: "appraisal",
    Home.OBSERVER: "overview",
}
REACHABLE: dict[Home, frozenset[str] | None] = {
    Home.FULL: None,
    Home.KIOSK: frozenset({"appraisal"}),
    Home.OBSERVER: frozenset({"overview"}),
    Home.SELF: frozenset(),  # a member works in MemberApp, never here
}

TYPED_AT = "_orglife_typed_at"
"""Attribute set on a key event: the screen that was on top when the key was typed."""


class OrglifeCommands(Provider):
    """Command palette entries: go to a screen, new member, new meeting, help, quit."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app = self.app
        assert isinstance(app, OrglifeApp)
        return [
            (t("tui.cmd.dashboard"), t("tui.cmd.dashboard.help"), lambda: app.go("dashboard")),
            (t("tui.cmd.members"), t("tui.cmd.members.help"), lambda: app.go("members")),
            (t("tui.cmd.meetings"), t("tui.cmd.meetings.help"), lambda: app.go("meetings")),
            (
                t("tui.cmd.scoreboard"),
                t("tui.cmd.scoreboard.help"),
                lambda: app.go("scoreboard"),
            ),
            (t("tui.cmd.scheme"), t("tui.cmd.scheme.help"), lambda: app.go("scheme")),
            (t("tui.cmd.new_member"), t("tui.cmd.new_member.help"), app.new_member),
            (
                t("membership.tui.cmd.watch"),
                t("membership.tui.cmd.watch.help"),
                lambda: app.go("probation"),
            ),
            (
                t("membership.tui.cmd.archive"),
                t("membership.tui.cmd.archive.help"),
                app.archived_members,
            ),
            (
                t("membership.tui.cmd.transfer_in"),
                t("membership.tui.cmd.transfer_in.help"),
                lambda: app.member_event("transfer_in"),
            ),
            (t("tui.cmd.new_meeting"), t("tui.cmd.new_meeting.help"), app.new_meeting),
            (t("tui.talks.cmd.go"), t("tui.talks.cmd.go.help"), lambda: app.go("talks")),
            (t("tui.talks.cmd.new"), t("tui.talks.cmd.new.help"), app.new_talk),
            (t("tui.coverage.cmd.go"), t("tui.coverage.cmd.go.help"), app.talk_coverage),
            (t("tui.plan.cmd.go"), t("tui.plan.cmd.go.help"), lambda: app.go("plan")),
            (t("tui.rect.cmd.go"), t("tui.rect.cmd.go.help"), lambda: app.go("rectification")),
            (t("tui.findings.cmd"), t("tui.findings.cmd_help"), lambda: app.go("findings")),
            (t("tui.absence.cmd"), t("tui.absence.cmd_help"), lambda: app.go("absence")),
            (
                t("tui.appraisal.cmd.go"),
                t("tui.appraisal.cmd.go.help"),
                lambda: app.go("appraisal"),
            ),
            (
                t("tui.after.cmd.follow_ups"),
                t("tui.after.cmd.follow_ups.help"),
                lambda: app.go("follow_ups"),
            ),
            (
                t("tui.after.cmd.commendations"),
                t("tui.after.cmd.commendations.help"),
                lambda: app.go("commendations"),
            ),
            (t("dues.tui.cmd.go"), t("dues.tui.cmd.go.help"), lambda: app.go("dues")),
            (t("jobs.cmd.export"), t("jobs.cmd.export.help"), app.export),
            (
                t("jobs.cmd.export_dues"),
                t("jobs.cmd.export_dues.help"),
                lambda: app.export("dues"),
            ),
            (t("jobs.cmd.report"), t("jobs.cmd.report.help"), lambda: app.go("report")),
            (t("jobs.cmd.verify"), t("jobs.cmd.verify.help"), lambda: app.go("verify")),
            (t("jobs.cmd.branches"), t("jobs.cmd.branches.help"), lambda: app.go("branches")),
            (t("overview.tui.cmd"), t("overview.tui.cmd.help"), lambda: app.go("overview")),
            (t("import.tui.cmd"), t("import.tui.cmd.help"), lambda: app.go("import")),
            (t("life.tui.cmd.life"), t("life.tui.cmd.life.help"), app.life_meeting),
            (
                t("life.tui.cmd.commitments"),
                t("life.tui.cmd.commitments.help"),
                lambda: app.go("commitments"),
            ),
            (t("orders.tui.cmd.go"), t("orders.tui.cmd.go.help"), lambda: app.go("orders")),
            (t("users.tui.cmd"), t("users.tui.cmd.help"), lambda: app.go("users")),
            (t("tui.cmd.help"), t("tui.cmd.help.help"), app.action_help),
            (t("tui.cmd.quit"), t("tui.cmd.quit.help"), app.exit),
        ]

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            # Match the English and Chinese words a user may type, and the help line.
            score = max(matcher.match(name), matcher.match(help_text) * 0.5)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, text=name, help=help_text)


class Palette(CommandPalette):
    """Textual's command palette with a localized prompt and a steady cursor."""

    def on_mount(self) -> None:
        for widget in self.query(CommandInput):
            widget.cursor_blink = False


def tell_waiting(app: App, seconds: float) -> None:
    """A write waits for another writer (called once, after a second of waiting).

    The wait blocks the event loop, so a notification would only show once it is over: the
    line is also drawn at once on the terminal's bottom row (the Footer's place; the next
    refresh draws the Footer again), through the driver's writer, which keeps running.
    """
    from orglife_tui.data.engine import seconds_text

    message = t("db.waiting", seconds=seconds_text(seconds))
    app.notify(message, severity="warning")
    rows = app.size.height
    write_now(app, f"\x1b7\x1b[{rows};1H\x1b[7m {message} \x1b[0m\x1b[K\x1b8")


def _tell_running_app(seconds: float) -> None:
    app = running_app()
    if app is not None:
        tell_waiting(app, seconds)


class OrglifeApp(PlainNotifications, App):
    """The terminal UI of one branch."""

    TITLE = "orglife-tui"
    DEFAULT_MODE: ClassVar[str] = MAIN_MODE
    # Notifications at 80×24 (issue 12 §2): Textual's toasts are 40 columns by three rows
    # or more above the Footer, over a table's last rows and a dialog's buttons. Here a
    # toast is one line across the top (two at most for a long message), over the Header
    # and at most the row below it: a table's column headings or a dialog's title, never
    # a data row or a button. One shows at a time: a new one replaces the one showing.
    # Its text runs from column 8 to 69, between the Header's icon (8 wide) and its clock
    # space (10 wide): Textual cuts a line at every widget edge below an overlay too, and
    # a Chinese character across a cut is drawn as two blanks.
    CSS: ClassVar[str] = """
    ToastRack {
        dock: top;
        align: left top;
        margin-bottom: 0;
        max-height: 2;
        overflow: hidden hidden;
    }
    ToastHolder {
        align-horizontal: left;
    }
    Toast {
        width: 70;
        max-width: 70;
        max-height: 2;
        margin-top: 0;
        padding: 0 1 0 7;
    }
    """
    COMMANDS: ClassVar = {OrglifeCommands}
    ENABLE_COMMAND_PALETTE = True

    BINDINGS: ClassVar = [
        Binding("f1", "help", "tui.key.help", id="app.help", priority=True),
        Binding("ctrl+p", "command_palette", "tui.key.palette", id="app.palette", priority=True),
        Binding("escape", "back", "tui.key.back", id="app.back"),
        # Shown in the Footer of the dashboard only (its own binding): the line is short.
        Binding("q", "quit", "tui.key.quit", id="app.quit", show=False),
        Binding("ctrl+q", "quit", "tui.key.quit", id="app.quit_ctrl", show=False, priority=True),
    ]

    def __init__(
        self,
        store: Store,
        branch: BranchInfo,
        lang: str = "zh",
        today: date | None = None,
        access: Access | None = None,
    ) -> None:
        set_language(lang)
        super().__init__()
        send_no_empty_moves()  # fewer bytes per keystroke over SSH
        localize_bindings(self)
        if today is not None:  # the store's "not in the future" checks use the same clock
            store.today = lambda: today
        self.session = Session(
            store=store, branch=branch, lang=lang, fixed_today=today, access=access
        )
        store.on_wait = _tell_running_app
        self.title = self._title_of(branch)
        # Nothing may redraw while the user is idle: no animations, no clock, no blinking.
        self.animation_level = "none"
        # The dashboard is the base of the app's one mode rather than its default screen:
        # Textual reads a screen's CSS_PATH for a mode's base screen and a pushed screen,
        # not for ``get_default_screen``'s.
        self.add_mode(MAIN_MODE, lambda: self.named_screen(HOME_SCREENS[self.session.home]))

    def _title_of(self, branch: BranchInfo) -> str:
        """The header's title: the branch worked on; for the committee's observer, who sees
        every branch given, the program's name (the screen names the overview)."""
        return self.TITLE if self.session.home is Home.OBSERVER else branch.name

    def on_mount(self) -> None:
        # What opening the database found (a mode tightened, read-only), for the user to see.
        notices = self.session.store.notices
        if notices:
            self.notify("\n".join(notices), severity="warning", timeout=10)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: Any = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """One notification at a time (the toast's place holds one, see ``CSS``): the
        newest replaces what is showing."""
        self.clear_notifications()
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    # ------------------------------------------------------------------ screens

    def named_screen(self, name: str) -> Screen:
        """The screen registered as ``name``, built on first use and kept afterwards."""
        if not self.is_screen_installed(name):
            self.install_screen(screen_class(name)(self.session), name)
        return self.get_screen(name)

    def reachable(self, name: str) -> bool:
        """Whether the login may open the screen ``name`` (a teller only the appraisal…)."""
        allowed = REACHABLE[self.session.home]
        return allowed is None or name in allowed

    def go(self, name: str) -> Screen:
        """Show the named screen: back down to it if it is open, else open it over the dashboard."""
        if not self.reachable(name):
            self.notify(t("users.not_your_screen"), severity="warning")
            return self.screen
        target = self.named_screen(name)
        if target in self.screen_stack:
            while self.screen is not target:
                self.pop_screen()
        else:
            while len(self.screen_stack) > 1:
                self.pop_screen()
            self.push_screen(target)
        return target

    def action_go(self, name: str) -> None:
        self.go(name)

    def new_member(self) -> None:
        screen = self.go("members")
        assert isinstance(screen, screen_class("members"))
        screen = cast("MembersScreen", screen)  # the class registered as "members"
        screen.action_new()

    def archived_members(self) -> None:
        """The members who have left (历史党员)."""
        from orglife_tui.data.store import STANDING_ARCHIVED

        screen = self.go("members")
        assert isinstance(screen, screen_class("members"))
        screen = cast("MembersScreen", screen)  # the class registered as "members"
        screen.show_standing(STANDING_ARCHIVED)

    def member_event(self, action: str) -> None:
        screen = self.go("members")
        assert isinstance(screen, screen_class("members"))
        screen = cast("MembersScreen", screen)  # the class registered as "members"
        screen.action_event(action)

    def new_meeting(self) -> None:
        screen = self.go("meetings")
        assert isinstance(screen, screen_class("meetings"))
        screen = cast("MeetingsScreen", screen)  # the class registered as "meetings"
        screen.action_new()

    def new_talk(self) -> None:
        screen = self.go("talks")
        assert isinstance(screen, screen_class("talks"))
        screen = cast("TalksScreen", screen)  # the class registered as "talks"
        screen.action_new()

    def action_life_meeting(self) -> None:
        self.life_meeting()

    def life_meeting(self) -> None:
        """The participants' records of the latest life meeting (组织生活会)."""
        from orglife_tui.data.life_meeting import latest_life_meeting
        from orglife_tui.tui.screens.life.life_meeting import LifeMeetingScreen

        session = self.session
        found = latest_life_meeting(session.store, session.branch.id, session.today())
        if found is None:
            self.notify(t("life.tui.no_life_meeting"), severity="warning")
            return
        meeting = session.store.get_meeting(session.branch.id, found)
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(LifeMeetingScreen(session, meeting))

    def talk_coverage(self) -> None:
        screen = self.go("talks")
        assert isinstance(screen, screen_class("talks"))
        screen = cast("TalksScreen", screen)  # the class registered as "talks"
        screen.action_coverage()

    def export(self, kind: str = "scores", year: int | None = None) -> None:
        """The export dialog over the current screen, ``kind`` (of ``year``) chosen; not
        over a dialog."""
        from orglife_tui.tui.screens.jobs.export import ExportScreen

        if isinstance(self.screen, ModalScreen):
            return
        self.push_screen(ExportScreen(self.session, kind, year=year))

    def action_export(self, kind: str = "scores") -> None:
        self.export(kind)

    def on_switch_branch(self, message: SwitchBranch) -> None:
        self.switch_branch(message.branch, rebuild=not message.stay)

    def switch_branch(self, branch: BranchInfo, rebuild: bool = True) -> None:
        """Work on ``branch`` from now on. Every screen but the dashboard is dropped and
        built again for it when next shown; the dashboard reads the branch again. Without
        ``rebuild`` only its name changed (renamed): the screens stay as they are."""
        self.session.branch = branch
        self.title = self._title_of(branch)
        if not rebuild:
            return
        while len(self.screen_stack) > 1:
            self.pop_screen()
        for name in SCREENS:
            if name != "dashboard" and self.is_screen_installed(name):
                screen = self.get_screen(name)
                self.uninstall_screen(name)
                screen.remove()
        self.notify(t("jobs.branch.switched", name=branch.name))
        dashboard = self.screen_stack[0]
        forget = getattr(dashboard, "forget", None)
        if forget is not None:
            forget()

    def on_coverage_screen_open_talks(self, message: CoverageScreen.OpenTalks) -> None:
        # Routed here so that the coverage matrix and the talks list, which open each
        # other, do not import each other.
        talks = cast("type[TalksScreen]", screen_class("talks"))
        self.push_screen(talks(self.session, message.year, member_no=message.member_no))

    # ------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        stack = self.screen_stack
        if stack and _is_kiosk(stack[-1]):
            return False  # the kiosk is locked: no palette, help, quit or jump while it is up
        if action == "command_palette" and self.session.home is not Home.FULL:
            return False  # a teller's, a member's, an observer's screens are on their keys
        if action == "back":
            return len(self.screen_stack) > 1
        return True

    async def action_back(self) -> None:  # async as App's: list screens await it on Escape
        if len(self.screen_stack) > 1:
            self.pop_screen()

    def action_help(self) -> None:
        from orglife_tui.tui.screens.common.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        if CommandPalette.is_open(self):
            return  # the palette lists what it offers itself
        self.push_screen(HelpScreen(self.screen))

    def action_command_palette(self) -> None:
        # Not over a dialog: a half-filled form must not be left behind by a jump.
        if isinstance(self.screen, ModalScreen) or CommandPalette.is_open(self):
            return
        if self.session.home is not Home.FULL:
            return  # a teller's, a member's or an observer's screens are all on their keys
        self.push_screen(Palette(placeholder=t("tui.palette.placeholder"), id="--command-palette"))

    def action_help_quit(self) -> None:
        self.notify(t("tui.quit_hint"))

    # ------------------------------------------------------------------ typing ahead

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            # Remember which screen the key was typed at (see ``on_key``).
            setattr(event, TYPED_AT, self.screen)
        await super().on_event(event)

    async def on_key(self, event: events.Key) -> None:
        """A key comes back to the app when no widget took it; bindings are looked up now.

        Over a slow link keys typed ahead arrive together: ``l`` then a reason, ``P`` then
        ``y``. The keys after ``l`` were sent to the sheet before ``l`` opened the dialog;
        a dialog that wants them (``TYPE_AHEAD``) gets them here, in the order typed.
        """
        screen = self.screen
        typed_at = getattr(event, TYPED_AT, None)
        if (
            typed_at is not None
            and typed_at is not screen
            and isinstance(screen, BaseModal)
            and screen.TYPE_AHEAD
            and not screen.finished
            and event.key not in ("f1", "ctrl+q", "ctrl+c", "ctrl+p")
        ):
            event.prevent_default()  # not App's own handler: no binding of the sheet
            event.stop()
            again = events.Key(event.key, event.character)
            setattr(again, TYPED_AT, screen)
            mark_forwarded(again)
            (screen.focused or screen).post_message(again)


def run_app(store: Store, branch: BranchInfo, lang: str, access: Access | None = None) -> None:
    """The UI of the login's home (issue 13): a member's own records in an app of their
    own (tui/member_app.py), every other role in this one."""
    if access is not None and access.home(branch.id) is Home.SELF:
        from orglife_tui.tui.member_app import run_member_app

        member_id = access.member_id_in(branch.id)
        assert member_id is not None  # Home.SELF needs it
        run_member_app(store, branch, member_id, lang)
        return
    OrglifeApp(store=store, branch=branch, lang=lang, access=access).run()


def run_kiosk(store: Store, branch: BranchInfo, lang: str, session_id: int) -> None:
    """``orglife-tui kiosk ID``: the locked ballot station alone, until the teller's PIN."""
    from orglife_tui.tui.kiosk.app import KioskApp

    store.on_wait = _tell_running_app
    KioskApp.run_locked(store, branch, session_id, lang)

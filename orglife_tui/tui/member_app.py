"""The app a member login runs (member self-service, issue 13 §3): their own records and
nothing else.

One screen (``MyRecordsScreen``) over no other: no command palette, no dashboard to go
back to, no screen registry; F1 shows the help, q or Ctrl+Q quits. Like ``OrglifeApp``
it receives the store, the branch, the member and the clock in its constructor.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.app import App
from textual.binding import Binding

from orglife_tui.data.store import BranchInfo, Store
from orglife_tui.locale import set_language
from orglife_tui.tui.compat import send_no_empty_moves
from orglife_tui.tui.screens.common.base import PlainNotifications, Session, localize_bindings


class MemberApp(PlainNotifications, App):
    """A member's own records, locked to that one screen."""

    TITLE = "orglife-tui"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar = [
        Binding("f1", "help", "tui.key.help", id="member.help", priority=True),
        Binding("ctrl+q", "quit", "tui.key.quit", id="member.quit", show=False, priority=True),
    ]

    def __init__(
        self,
        store: Store,
        branch: BranchInfo,
        member_id: int,
        lang: str = "zh",
        today: date | None = None,
    ) -> None:
        set_language(lang)
        super().__init__()
        send_no_empty_moves()
        localize_bindings(self)
        if today is not None:
            store.today = lambda: today
        self.session = Session(store=store, branch=branch, lang=lang, fixed_today=today)
        self.member_id = member_id
        self.title = branch.name
        self.animation_level = "none"

    def on_mount(self) -> None:
        from orglife_tui.tui.screens.self_service.my_records import MyRecordsScreen

        self.push_screen(MyRecordsScreen(self.session, self.member_id))

    def action_help(self) -> None:
        from orglife_tui.tui.screens.common.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        self.push_screen(HelpScreen(self.screen))


def run_member_app(store: Store, branch: BranchInfo, member_id: int, lang: str) -> None:
    MemberApp(store=store, branch=branch, member_id=member_id, lang=lang).run()

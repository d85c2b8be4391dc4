"""A screen that reads something in the background and shows it as scrollable text: the
integrity check and the year-end report."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import ScrollableContainer
from textual.widgets import Footer, Static

from orglife_tui.locale import t
from orglife_tui.tui.screens.common.base import BaseScreen, app_header
from orglife_tui.tui.screens.compliance.compliance_view import in_background


class TextViewScreen(BaseScreen):
    """Text read by :meth:`read` in a thread (``LOADING_KEY`` says so meanwhile), shown by
    :meth:`render_text`; the arrow and page keys scroll it both ways."""

    CSS_PATH: ClassVar = "text_view.tcss"
    TITLE_KEY: ClassVar[str] = ""
    LOADING_KEY: ClassVar[str] = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.result: Any = None
        self.loading_now = False

    def compose(self) -> ComposeResult:
        yield app_header()
        with ScrollableContainer(id="view"):
            yield Static(id="text", markup=False)
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.sub_title = self.title_text()
        self.query_one("#view").focus()
        self.refresh_text()

    def title_text(self) -> str:
        return t(self.TITLE_KEY)

    def refresh_text(self) -> None:
        """Read again (a new year, a new check)."""
        self.loading_now = True
        self.result = None
        self.sub_title = self.title_text()
        self.query_one("#text", Static).update(Text(t(self.LOADING_KEY), style="dim"))
        self._load()

    @work(exclusive=True, group="text-view")
    async def _load(self) -> None:
        result = await in_background(self.read)
        self.result = result
        self.loading_now = False
        self.query_one("#text", Static).update(self.render_text(result))
        self.query_one("#view", ScrollableContainer).scroll_home(animate=False)

    def read(self) -> Any:
        """What to show (in a thread: no widget is touched here)."""
        raise NotImplementedError

    def render_text(self, result: Any) -> Text:
        raise NotImplementedError

"""Talk coverage: who on the committee talked with whom in a year.

One row per member, one column per committee member (the talkers), the number of talks
in each cell and the member's total (talks by anyone, committee or not). Members with
fewer talks than the policy asks (``talk_coverage.talks_per_member``) are marked red. The
member's number, name and total stay in place while a large committee scrolls sideways
(←/→). The last row sums each talker's talks.

``[``/``]`` step through the years; Enter lists the highlighted member's talks, ``a``
records a talk with them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Footer, Static

from orglife_tui.data import talks
from orglife_tui.data.talks import TalkRow
from orglife_tui.domain import CommitteePost
from orglife_tui.locale import t
from orglife_tui.tui.cells import cell, clip
from orglife_tui.tui.screens.common.base import BaseScreen, Session, app_header
from orglife_tui.tui.screens.talks.talk_form import TalkFormScreen
from orglife_tui.tui.widgets.table import ListTable

MEMBER_NO, NAME, TOTAL, TALKER = 6, 8, 5, 6
"""Cells of the fixed columns and of each talker's column."""

YEAR_GROUP = Binding.Group("tui.key.year")


def required_talks(session: Session) -> int:
    """Talks a member is due in a year under the branch's policy."""
    try:
        from orglife_tui.services.watch import policy_for
    except ImportError:  # the compliance watch is not installed: the default policy
        from orglife_tui.scoring.policy import Policy

        return Policy().talks.talks_per_member
    return policy_for(session.store, session.branch.id).talks.talks_per_member


@dataclass(frozen=True)
class CoverageLine:
    """One row of the matrix: a member, or (``member_no`` None) the talkers' totals."""

    member_no: str | None
    name: str
    total: int
    counts: tuple[int | None, ...]  # per talker; None: the talker is this member
    below: bool = False


class CoverageScreen(BaseScreen):
    class OpenTalks(Message):
        """Open the talks of one member (None: everyone's) in a year over this screen."""

        def __init__(self, year: int, member_no: str | None) -> None:
            super().__init__()
            self.year = year
            self.member_no = member_no

    CSS_PATH = "coverage.tcss"
    HELP_KEY = "tui.coverage.help"

    BINDINGS: ClassVar = [
        Binding(
            "left_square_bracket,shift+left",
            "step(-1)",
            "tui.key.prev_year",
            id="coverage.prev",
            key_display="[",
            group=YEAR_GROUP,
        ),
        Binding(
            "right_square_bracket,shift+right",
            "step(1)",
            "tui.key.next_year",
            id="coverage.next",
            key_display="]",
            group=YEAR_GROUP,
        ),
        Binding("e", "talks", "tui.coverage.key.talks", id="coverage.talks"),
        # ←/→ move the committee columns a whole column at a time.
        Binding("left", "columns(-1)", show=False, priority=True),
        Binding("right", "columns(1)", show=False, priority=True),
        Binding("a,n", "new", "tui.coverage.key.add", id="coverage.add", key_display="a"),
    ]

    def __init__(self, session: Session, year: int | None = None, **kwargs) -> None:
        super().__init__(session, **kwargs)
        self.year = year or session.today().year
        self.required = 1
        self.lines: list[CoverageLine] = []
        self.talkers: list[tuple[str, str, CommitteePost]] = []

    def compose(self) -> ComposeResult:
        yield app_header()
        yield Static(id="year", markup=False)
        yield ListTable(id="matrix", fixed_columns=3, header_height=2)
        yield Static(id="empty", markup=False)
        yield Static(id="note", markup=False)
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.sub_title = t("tui.coverage.title")
        self.required = required_talks(self.session)
        self.table.focus()

    def on_screen_resume(self) -> None:
        self.reload()

    @property
    def table(self) -> ListTable[CoverageLine]:
        return self.query_one("#matrix", ListTable)

    def highlighted(self) -> CoverageLine | None:
        line = self.table.current
        return line if line is not None and line.member_no is not None else None

    # ------------------------------------------------------------------ data

    def reload(self) -> None:
        s = self.session
        table = self.table
        cursor = table.cursor_row
        matrix = talks.coverage(s.store, s.branch.id, self.year)
        self.talkers = list(matrix.talkers)
        self.lines = []
        for member_no, name in matrix.members:
            total = matrix.totals.get(member_no, 0)
            counts = tuple(
                None if talker_no == member_no else matrix.counts.get((talker_no, member_no), 0)
                for talker_no, _, _ in self.talkers
            )
            self.lines.append(
                CoverageLine(member_no, name, total, counts, below=total < self.required)
            )
        by_talker: dict[str, int] = {}
        for (talker_no, _), n in matrix.counts.items():
            by_talker[talker_no] = by_talker.get(talker_no, 0) + n
        sums = tuple(by_talker.get(talker_no, 0) for talker_no, _, _ in self.talkers)
        all_talks = sum(line.total for line in self.lines)
        table.clear(columns=True)
        table.add_column(t("tui.coverage.col.member_no"), width=MEMBER_NO)
        table.add_column(t("tui.coverage.col.name"), width=NAME)
        table.add_column(t("tui.coverage.col.total"), width=TOTAL)
        for _, name, post in self.talkers:
            post_name = t(f"tui.coverage.post_short.{post.value}")
            heading = Text(clip(name, TALKER) + "\n" + clip(post_name, TALKER))
            table.add_column(heading, width=TALKER)
        rows = [*self.lines, CoverageLine(None, t("tui.coverage.sum"), all_talks, sums)]
        table.show(rows if self.lines else [], self._cells, cursor=cursor)
        below = sum(line.below for line in self.lines)
        self.query_one("#year", Static).update(
            t(
                "tui.coverage.year",
                year=self.year,
                members=len(self.lines),
                below=below,
                required=self.required,
            )
        )
        empty = self.query_one("#empty", Static)
        empty.update(t("tui.coverage.no_members"))
        table.display = bool(self.lines)
        empty.display = not self.lines
        note = (
            t("tui.coverage.no_committee")
            if not self.talkers
            else t("tui.coverage.note", required=self.required)
        )
        self.query_one("#note", Static).update(note)

    def _cells(self, line: CoverageLine) -> tuple[Text, ...]:
        if line.member_no is None:
            style = "bold"
            first = [cell("", MEMBER_NO), cell(line.name, NAME, style)]
        else:
            style = "bold red" if line.below else ""
            first = [cell(line.member_no, MEMBER_NO, style), cell(line.name, NAME, style)]
        total = Text(str(line.total), style=style or "bold", justify="right", no_wrap=True)
        counts = []
        for n in line.counts:
            if n is None:
                counts.append(Text("—", style="dim", justify="center"))
            elif n == 0:
                counts.append(Text("·", style="dim", justify="center"))
            else:
                counts.append(Text(str(n), style=style, justify="center"))
        return (*first, total, *counts)

    # ------------------------------------------------------------------ actions

    def action_step(self, step: int) -> None:
        self.year += step
        self.table.show([], self._cells)
        self.reload()

    def action_columns(self, step: int) -> None:
        table = self.table
        x = max(0, min(table.max_scroll_x, table.scroll_x + step * (TALKER + 2)))
        table.scroll_to(x=x, animate=False)

    def action_talks(self) -> None:
        line = self.highlighted()
        if line is None:
            self.notify(t("tui.coverage.nothing_selected"), severity="warning")
            return
        # The talks list opens this screen, so this one does not import it back: the app,
        # which knows both, opens the list (OrglifeApp.on_coverage_screen_open_talks).
        self.post_message(self.OpenTalks(self.year, line.member_no))

    @on(DataTable.RowSelected, "#matrix")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_talks()

    def action_new(self) -> None:
        line = self.highlighted()
        prefill = {"member_no": line.member_no} if line is not None else None
        form = TalkFormScreen(self.session, prefill=prefill, on_result=self._saved)
        self.app.push_screen(form)

    def _saved(self, talk: TalkRow | None) -> None:
        if talk is None:
            return
        self.notify(t("tui.talks.saved", name=talk.member_name, date=talk.date.isoformat()))
        self.reload()

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
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static

from orglife_tui.data import talks
from orglife_tui.data.talks import TalkRow
from orglife_tui.domain import CommitteePost
from orglife_tui.locale import t
from orglife_tui.tui.cells import clip
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.list_screen import Column, ListScreen, notes, step_bindings
from orglife_tui.tui.screens.talks.talk_form import TalkFormScreen

MEMBER_NO, NAME, TOTAL, TALKER = 6, 8, 5, 6
"""Cells of the fixed columns and of each talker's column."""

COLUMNS = (
    Column("member_no", "tui.coverage.col.member_no", MEMBER_NO, MEMBER_NO),
    Column("name", "tui.coverage.col.name", NAME, NAME),
    Column("total", "tui.coverage.col.total", TOTAL, TOTAL),
)
"""The columns that stay in place; a column per talker follows."""


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


class CoverageScreen(ListScreen[CoverageLine]):
    """The matrix: a row per member and the talkers' totals, a column per talker."""

    class OpenTalks(Message):
        """Open the talks of one member (None: everyone's) in a year over this screen."""

        def __init__(self, year: int, member_no: str | None) -> None:
            super().__init__()
            self.year = year
            self.member_no = member_no

    CSS_PATH = "coverage.tcss"
    HELP_KEY = "tui.coverage.help"
    TITLE_KEY = "tui.coverage.title"
    TABLE_ID = "matrix"
    NOTHING_SELECTED = "tui.coverage.nothing_selected"
    TABLE_OPTIONS: ClassVar = {"fixed_columns": len(COLUMNS), "header_height": 2}
    KEEP_ROW = True
    SELECT_ACTION = "talks"

    BINDINGS: ClassVar = [
        *step_bindings("coverage"),
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
        """The members' rows (the talkers' totals follow them on the table)."""
        self.talkers: list[tuple[str, str, CommitteePost]] = []
        self._talker_columns: tuple[Column, ...] = ()

    def compose_above(self) -> ComposeResult:
        return notes("year")

    def compose_below(self) -> ComposeResult:
        return notes("note")

    def on_mount(self) -> None:
        self.required = required_talks(self.session)

    def columns(self) -> tuple[Column, ...]:
        return (*COLUMNS, *self._talker_columns)

    def key_of(self, line: CoverageLine) -> str | None:
        return line.member_no

    def highlighted(self) -> CoverageLine | None:
        line = self.table.current
        return line if line is not None and line.member_no is not None else None

    # ------------------------------------------------------------------ data

    def fetch(self) -> list[CoverageLine]:
        s = self.session
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
        self._talker_columns = tuple(
            Column(f"talker.{talker_no}", _heading(name, post), TALKER, TALKER)
            for talker_no, name, post in self.talkers
        )
        if not self.lines:
            return []
        return [*self.lines, CoverageLine(None, t("tui.coverage.sum"), all_talks, sums)]

    def show_state(self) -> None:
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
        self.show_empty(t("tui.coverage.no_members"))
        note = (
            t("tui.coverage.no_committee")
            if not self.talkers
            else t("tui.coverage.note", required=self.required)
        )
        self.query_one("#note", Static).update(note)

    def cells(self, line: CoverageLine) -> tuple[Text, ...]:
        if line.member_no is None:
            style = "bold"
            first = [self.cell("member_no", ""), self.cell("name", line.name, style)]
        else:
            style = "bold red" if line.below else ""
            first = [
                self.cell("member_no", line.member_no, style),
                self.cell("name", line.name, style),
            ]
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

    def action_columns(self, step: int) -> None:
        table = self.table
        x = max(0, min(table.max_scroll_x, table.scroll_x + step * (TALKER + 2)))
        table.scroll_to(x=x, animate=False)

    def action_talks(self) -> None:
        line = self.selected()
        if line is None:
            return
        # The talks list opens this screen, so this one does not import it back: the app,
        # which knows both, opens the list (OrglifeApp.on_coverage_screen_open_talks).
        self.post_message(self.OpenTalks(self.year, line.member_no))

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


def _heading(name: str, post: CommitteePost) -> Text:
    """A talker's column heading: the name over the post, each cut to the column."""
    post_name = t(f"tui.coverage.post_short.{post.value}")
    return Text(clip(name, TALKER) + "\n" + clip(post_name, TALKER))

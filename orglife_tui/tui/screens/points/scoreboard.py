"""The branch scoreboard of a year: each member's points by category, total, grade, rank.

Ordered by rank (the total); ``g`` cycles the party-group filter and ``s`` the status
filter, ``[``/``]`` step through years, Enter opens the highlighted member's ledger. The
numbers come from ``data.scores.scoreboard`` (SQL aggregation, caps applied there).

The year's members are those in the branch on some day of it; a member who left during
the year shows how in the status column (转出 / 去世 / 除名, dimmed) and, on a wide
terminal, the day in a column of its own.

Before the year has closed (the session's today earlier than its 31 December) the totals
are the points to date: the title says to which day (截至 MM-DD) and there is no band
column, until ``p`` asks for provisional bands (the title then says so). A past year shows
its bands as final.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from orglife_tui.data import ledger, schemes, scores
from orglife_tui.data.chain import GENESIS
from orglife_tui.data.schemes import SchemeVersionInfo
from orglife_tui.data.scores import ScoreRow
from orglife_tui.domain import MemberStatus
from orglife_tui.locale import t
from orglife_tui.scoring.model import Grade, Scheme
from orglife_tui.scoring.standing import Standing
from orglife_tui.tui.cells import right
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.labels import grade_label, number, short_hash, status_short
from orglife_tui.tui.screens.common.list_screen import Column, ListScreen, notes, step_bindings
from orglife_tui.tui.screens.points.ledger import LedgerScreen

COLUMNS = (
    Column("rank", "tui.col.rank", 4, 3),
    Column("member_no", "col.member_no", 6, 6),
    Column("name", "col.name", 8, 8),
    Column("group", "col.group", 12, 10),
    Column("status", "col.status", 4, 6),
    Column("base", "tui.col.base", 5, 5),
    Column("duty", "tui.col.duty", 5, 5),
    Column("bonus", "tui.col.bonus", 5, 5),
    Column("deduction", "tui.col.deduction", 5, 5),
    Column("total", "tui.col.total", 6, 6),
    Column("grade", "tui.col.grade", 8, 11),
    Column("left_on", "membership.col.left_on", 5, 5),
)
WIDE_ONLY = {"group", "left_on"}
"""Columns shown on a wide terminal only."""
NUMERIC = {"rank", "base", "duty", "bonus", "deduction", "total"}
WIDE = 100
"""From this many columns on, the party group gets a column of its own."""

STATUSES: tuple[MemberStatus | None, ...] = (None, MemberStatus.full, MemberStatus.probationary)
GRADE_STYLE = {Grade.excellent: "green", Grade.unqualified: "bold red"}


class ScoreboardScreen(ListScreen[ScoreRow]):
    CSS_PATH = "scoreboard.tcss"
    HELP_KEY = "tui.help.scoreboard"
    TITLE_KEY = "tui.scoreboard.title"
    TABLE_ID = "scores"
    NOTHING_SELECTED = "tui.scoreboard.nothing_selected"
    SELECT_ACTION = "ledger"

    BINDINGS: ClassVar = [
        *step_bindings("scoreboard"),
        Binding("g", "cycle_group", "tui.key.group_filter", id="scoreboard.group"),
        Binding("s", "cycle_status", "tui.key.status_filter", id="scoreboard.status"),
        Binding("p", "provisional", "bands.key.provisional", id="scoreboard.provisional"),
        # A priority binding, so that the Footer shows it over the table's own Enter.
        Binding(
            "enter",
            "ledger",
            "tui.key.ledger",
            id="scoreboard.ledger",
            key_display="⏎",
            priority=True,
        ),
    ]

    def __init__(self, session: Session, **kwargs) -> None:
        super().__init__(session, **kwargs)
        self.year = session.today().year
        self.group: str | None = None
        self.status: MemberStatus | None = None
        self.provisional = False
        """Provisional bands asked for (``p``): shown before the year closed."""
        self.scheme: Scheme | None = None
        self.info: SchemeVersionInfo | None = None
        self._all: list[ScoreRow] = []
        self._marker: tuple[object, ...] | None = None

    def compose_above(self) -> ComposeResult:
        return notes("filters", "scheme")

    def compose_below(self) -> ComposeResult:
        return notes("note")

    @property
    def standing(self) -> Standing:
        return Standing.of(self.year, self.session.today(), provisional=self.provisional)

    def columns(self) -> tuple[Column, ...]:
        wide = self.app.size.width >= WIDE
        bands = self.standing.shows_bands
        return tuple(
            c for c in COLUMNS if (wide or c.key not in WIDE_ONLY) and (bands or c.key != "grade")
        )

    # ------------------------------------------------------------------ data

    def cells(self, r: ScoreRow) -> tuple[Text, ...]:
        values = {
            "rank": "" if r.rank is None else str(r.rank),
            "member_no": r.member_no,
            "name": r.name,
            "group": r.group or "",
            "status": status_short(r.status),
            "base": number(r.base),
            "duty": number(r.duty),
            "bonus": number(r.bonus),
            "deduction": number(r.deduction),
            "total": number(r.total),
            "grade": grade_label(r.grade, short=True),
            # the day only: the year is the scoreboard's
            "left_on": r.left_on.strftime("%m-%d") if r.left_on else "",
        }
        if r.left_kind is not None:
            values["status"] = t(f"membership.left_short.{r.left_kind.value}")
        out = []
        for key in self.widths:
            style = ""
            if key == "grade" and r.grade is not None:
                style = GRADE_STYLE.get(r.grade, "")
            if key == "total" and r.vetoed:
                style = "bold red"
            if key in ("status", "left_on") and r.left_on is not None:
                style = "dim"
            if key in NUMERIC:
                out.append(right(values[key], self.widths[key], style))
            else:
                out.append(self.cell(key, values[key], style))
        return tuple(out)

    def _fetch(self) -> SchemeVersionInfo:
        """The whole branch's scoreboard of the year, computed again only when something
        changed since (the newest audit-log row marks every change: an entry, a mark of
        attendance, a member, a scheme). On a large ledger this is the one slow query;
        the filters and coming back from F1 or a ledger left unchanged do not repeat it."""
        info, self.scheme = schemes.ensure_active(self.store, self.branch_id)
        newest = self.store.audit_entries(limit=1)
        marker = (self.year, info.id, newest[0]["id"] if newest else None)
        if marker != self._marker:
            self._all = scores.scoreboard(self.store, self.branch_id, self.year, self.scheme)
            self._marker = marker
        return info

    def fetch(self) -> list[ScoreRow]:
        self.info = self._fetch()
        # Ranks are the branch's; the filters only choose which rows are shown.
        return [
            r
            for r in self._all
            if (self.group is None or r.group == self.group)
            and (self.status is None or r.status is self.status)
        ]

    def key_of(self, row: ScoreRow) -> str:
        return row.member_no

    def show_state(self) -> None:
        info = self.info
        assert info is not None
        self.sub_title = self.title_text()
        self.query_one("#filters", Static).update(
            t(
                "tui.scoreboard.filters",
                year=self.year,
                group=self.group or t("tui.scoreboard.all"),
                status=self.session.label(self.status) if self.status else t("tui.scoreboard.all"),
                count=len(self.rows),
            )
        )
        self.query_one("#scheme", Static).update(
            t(
                "tui.scoreboard.scheme",
                name=info.name,
                version=info.version,
                hash=short_hash(info.sha256),
            )
        )
        rows = self.rows
        note = self.query_one("#note", Static)
        text = None
        if not rows:
            if self.group or self.status:
                text = t("tui.scoreboard.no_match")
            elif self.store.count_members(self.branch_id) == 0:
                text = t("tui.scoreboard.no_members")
            else:
                text = t("tui.scoreboard.none_scored")
        self.show_empty(text)
        if rows and not any(_has_points(r) for r in rows):
            note.update(t("tui.scoreboard.no_entries", year=self.year))
        else:
            head = ledger.head_hash(self.store, self.branch_id)
            note.update(t("tui.ledger.head", hash=head) if head != GENESIS else "")

    # ------------------------------------------------------------------ keys

    def action_step(self, step: int) -> None:
        self.year += step
        self.reload()  # the same member, in the year before or after

    def action_cycle_group(self) -> None:
        choices: list[str | None] = [None, *self.store.groups(self.branch_id)]
        index = choices.index(self.group) if self.group in choices else 0
        self.group = choices[(index + 1) % len(choices)]
        self.reload()

    def title_text(self) -> str:
        """The screen's name, with the day the points run to before the year closed."""
        standing = self.standing
        if standing.closed:
            return t(self.TITLE_KEY)
        key = "bands.scoreboard.provisional" if standing.provisional else "bands.scoreboard.to_date"
        return t(key, day=standing.day)

    def action_provisional(self) -> None:
        self.provisional = not self.provisional
        self.reload()

    def action_cycle_status(self) -> None:
        index = STATUSES.index(self.status)
        self.status = STATUSES[(index + 1) % len(STATUSES)]
        self.reload()

    def action_ledger(self) -> None:
        row = self.selected()
        if row is None:
            return
        member = self.store.get_member(self.branch_id, row.member_no)
        self.app.push_screen(LedgerScreen(self.session, member, self.year))


def _has_points(row: ScoreRow) -> bool:
    return row.vetoed or any(row.items.values())

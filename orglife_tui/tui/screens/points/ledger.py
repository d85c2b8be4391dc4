"""One member's points ledger for a year: entries with a running total, paged from SQL.

Opening the screen costs the same with a thousand or a million entries in the database:
it asks for the first page of this member's entries of the year (``list_entries`` with a
limit), the twelve monthly sums and the branch's head hash, never for a count or a sum
over the whole ledger. Further pages follow as the cursor nears the end of those fetched;
the running total is carried from one page to the next.

``n`` adds an entry (a form over the active scheme's items), ``r`` reverses the
highlighted one (asking the reason). The ledger is append-only: nothing is edited away,
a reversed entry stays on the list, marked, next to the entry that reverses it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Sparkline, Static

from orglife_tui.data import ledger, schemes
from orglife_tui.data.chain import GENESIS
from orglife_tui.data.ledger import LedgerRow
from orglife_tui.data.store import MemberRow
from orglife_tui.domain import day_in_month
from orglife_tui.locale import t
from orglife_tui.scoring.model import Scheme
from orglife_tui.tui.cells import right
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.labels import item_name, number, signed
from orglife_tui.tui.screens.common.list_screen import Column, ListScreen, notes, step_bindings
from orglife_tui.tui.screens.points.ledger_entry import EntryFormScreen, ReverseScreen

PAGE = 100
"""Entries fetched per query."""

# The remark (reversal marks, then the note) takes what is left of the terminal's width.
COLUMNS = (
    Column("id", "tui.col.entry_id", 7, 7),
    Column("date", "col.date", 5, 5),
    Column("item", "tui.col.item", 16, 13),
    Column("points", "tui.col.points", 5, 5),
    Column("hours", "tui.col.hours", 4, 4),
    Column("running", "tui.col.running", 6, 6),
    Column("source", "tui.col.source", 4, 4),
    Column("remark", "tui.col.remark", 16, 16, flex=True),
)
REMARK_MIN = 16
ITEM_EXTRA = 16
"""Cells the item name may grow by on a wide terminal."""


@dataclass(frozen=True)
class LedgerLine:
    """An entry and the sum of the member's entries of the year up to and including it."""

    entry: LedgerRow
    running: float


class LedgerScreen(ListScreen[LedgerLine]):
    CSS_PATH = "ledger.tcss"
    HELP_KEY = "tui.help.ledger"
    TITLE_KEY = "tui.ledger.title"
    TABLE_ID = "entries"
    NOTHING_SELECTED = "tui.ledger.nothing_selected"
    COLUMNS = COLUMNS
    PAGED = True
    PAGE_SIZE = PAGE

    BINDINGS: ClassVar = [
        *step_bindings("ledger"),
        Binding("n", "new", "tui.key.new_entry", id="ledger.new"),
        Binding("r", "reverse", "tui.key.reverse", id="ledger.reverse"),
    ]

    def __init__(self, session: Session, member: MemberRow, year: int | None = None) -> None:
        super().__init__(session)
        self.member = member
        self.year = year or session.today().year
        self.scheme: Scheme | None = None
        self.scheme_version_id: int | None = None
        self.monthly: list[float] = [0.0] * 12
        self.head = ""
        self._running_total = 0.0  # not `_running`: that is Textual's "this screen runs" flag

    def compose_above(self) -> ComposeResult:
        yield from notes("member")
        with Horizontal(id="months"):
            yield Static(t("tui.ledger.monthly"), id="months-label", markup=False)
            with Vertical(id="spark-box"):
                yield Sparkline([0.0] * 12, id="spark")
                yield Static(_month_axis(), id="axis", markup=False)
            yield Static(id="months-note", markup=False)

    def compose_below(self) -> ComposeResult:
        return notes("head")

    def on_mount(self) -> None:
        info, scheme = schemes.ensure_active(self.store, self.branch_id)
        self.scheme, self.scheme_version_id = scheme, info.id

    def column_widths(self) -> dict[str, int]:
        """On a wide terminal the item name gets part of the room left to the remark."""
        widths = super().column_widths()
        left = widths["remark"]
        grow = min(max(0, left - REMARK_MIN) // 2, ITEM_EXTRA)
        widths["item"] += grow
        widths["remark"] = max(REMARK_MIN, left - grow)
        return widths

    # ------------------------------------------------------------------ data

    @property
    def lines(self) -> list[LedgerLine]:
        """The entries fetched so far, oldest first."""
        return list(self.table.items)

    def key_of(self, line: LedgerLine) -> int:
        return line.entry.id

    def cells(self, line: LedgerLine) -> tuple[Text, ...]:
        e = line.entry
        assert self.scheme is not None
        marked = e.reversed_by is not None or e.reverses_id is not None
        style = "dim" if marked else ""
        marks = []
        if e.reverses_id is not None:
            marks.append(t("tui.ledger.reverses", id=e.reverses_id))
        if e.reversed_by is not None:
            marks.append(t("tui.ledger.reversed_by", id=e.reversed_by))
        remark = t("tui.list_sep").join([*marks, *([e.note] if e.note else [])])
        known = ("manual", "attendance", "dues", "commitment")
        source = t(f"tui.source.{e.source}") if e.source in known else e.source
        points_style = style or ("red" if e.points < 0 else "")
        c, w = self.cell, self.widths
        return (
            c("id", str(e.id), style),
            c("date", e.entry_date.strftime("%m-%d"), style),
            c("item", item_name(self.scheme, e.item_code, self.session.lang), style),
            right(signed(e.points), w["points"], points_style),
            right(number(e.hours), w["hours"], style),
            right(number(line.running), w["running"], style),
            c("source", source, style),
            c("remark", remark, style),
        )

    def page(self, offset: int, limit: int) -> list[LedgerLine]:
        """Entries with the running total carried on from the page before."""
        rows = ledger.list_entries(
            self.store,
            self.branch_id,
            member_no=self.member.member_no,
            year=self.year,
            offset=offset,
            limit=limit,
        )
        out = []
        for row in rows:
            self._running_total += row.points
            out.append(LedgerLine(row, self._running_total))
        return out

    def fetch(self) -> Sequence[LedgerLine]:
        self._running_total = 0.0
        return super().fetch()

    def show_state(self) -> None:
        s = self.session
        m = self.member
        self.monthly = ledger.monthly_points(self.store, self.branch_id, m.member_no, self.year)
        head = ledger.head_hash(self.store, self.branch_id)
        self.head = "" if head == GENESIS else head
        self.query_one("#member", Static).update(
            t(
                "tui.ledger.member",
                member_no=m.member_no,
                name=m.name,
                status=s.label(m.status),
                year=self.year,
                sum=signed(sum(self.monthly)),
            )
        )
        self.query_one("#spark", Sparkline).data = list(self.monthly)
        self.query_one("#months-note", Static).update(self._months_note())
        self.query_one("#head", Static).update(
            t("tui.ledger.head", hash=self.head) if self.head else t("tui.ledger.no_head")
        )
        self.show_empty(t("tui.ledger.empty", name=m.name, year=self.year))

    def _months_note(self) -> str:
        if not any(self.monthly):
            return t("tui.ledger.months_none")
        best = max(range(12), key=lambda i: self.monthly[i])
        return t("tui.ledger.months_best", points=signed(self.monthly[best]), month=best + 1)

    # ------------------------------------------------------------------ changes

    def default_date(self) -> date:
        """Today in this year; the same day of the year on view in another year."""
        today = self.session.today()
        if today.year == self.year:
            return today
        return day_in_month(self.year, today.month, today.day)

    def action_new(self) -> None:
        assert self.scheme is not None
        form = EntryFormScreen(
            self.session,
            self.member,
            self.scheme,
            self.scheme_version_id,
            default_date=self.default_date(),
            on_result=self._added,
        )
        self.app.push_screen(form)

    def _added(self, row: LedgerRow | None) -> None:
        if row is None:
            return
        assert self.scheme is not None
        self.notify(
            t(
                "tui.ledger.added",
                id=row.id,
                item=item_name(self.scheme, row.item_code, self.session.lang),
                points=signed(row.points),
            )
        )
        self.year = row.entry_date.year
        self.reload(row.id)

    def action_reverse(self) -> None:
        line = self.selected()
        if line is None:
            return
        entry = line.entry
        assert self.scheme is not None
        what = t(
            "tui.reverse.entry",
            id=entry.id,
            date=entry.entry_date.isoformat(),
            item=item_name(self.scheme, entry.item_code, self.session.lang),
            points=signed(entry.points),
        )
        self.app.push_screen(ReverseScreen(self.session, entry, what, on_result=self._reversed))

    def _reversed(self, row: LedgerRow | None) -> None:
        if row is None:
            return
        self.notify(t("tui.ledger.reversed", id=row.reverses_id, new_id=row.id))
        self.year = row.entry_date.year
        self.reload(row.id)


def _month_axis() -> str:
    """Month numbers under the sparkline, three cells a month."""
    return "".join(f"{m:<3d}" for m in range(1, 13))

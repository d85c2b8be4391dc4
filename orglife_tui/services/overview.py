"""The party committee's overview (上级党委): every branch it can see, one row each.

Read-only. The counts come from ``data.overview`` (a handful of queries over all branches
at once); the meeting calendar of each branch is judged by the same pure rules as the
branch's own compliance watch (``services.watch.calendar_of``) under the branch's own
policy, and its dues arrears by ``compliance.dues`` as the dues status does. Nothing is
filtered by account here: on PostgreSQL the database shows a role only its branches.

The CLI's ``orglife-tui overview``, its export and the TUI's overview screen all call
:func:`overview`.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date

from orglife_tui.compliance.dues import arrears
from orglife_tui.compliance.periods import periods_of
from orglife_tui.data import overview as data
from orglife_tui.data.schemes import active_of
from orglife_tui.data.store import Store
from orglife_tui.domain import SessionState
from orglife_tui.scoring.model import Grade
from orglife_tui.scoring.policy import Policy
from orglife_tui.services.watch import CalendarRow, calendar_of


@dataclass(frozen=True)
class BranchOverview:
    """One branch as the committee sees it for the year."""

    id: int
    name: str
    members: int  # in the branch on the as-of day
    talked: int  # of them talked with in the year (谈心谈话 coverage)
    appraisal: SessionState | None  # the year's newest appraisal session (None: none)
    grades: dict[Grade, int]  # final grades once published
    arrears_members: int  # members in the branch with dues in arrears
    arrears_months: int  # their months in arrears, added up
    overdue_rectifications: int
    overdue_follow_ups: int
    calendar: tuple[CalendarRow, ...] = field(default=(), repr=False)  # rule × month

    @property
    def published(self) -> bool:
        return self.appraisal is SessionState.published

    @property
    def missing(self) -> int:
        """Periods of the meeting rules that ended without the meetings required."""
        return sum(missing_periods(row) for row in self.calendar)

    @property
    def coverage(self) -> float | None:
        """Share of the members talked with (None: no members)."""
        return self.talked / self.members if self.members else None


@dataclass(frozen=True)
class Overview:
    year: int
    as_of: date
    branches: tuple[BranchOverview, ...]

    def grade_totals(self) -> dict[Grade, int]:
        """The published grades of every branch added up, in the grades' order."""
        return {g: sum(b.grades.get(g, 0) for b in self.branches) for g in Grade}


def missing_periods(row: CalendarRow) -> int:
    """The periods of a calendar row that are ``missing`` (a quarter's state fills its
    three months)."""
    months_each = 12 // len(periods_of(2000, row.period))
    return sum(1 for c in row.cells if c.state == "missing") // months_each


def _arrears(
    store: Store, as_of: date, branch_ids: Sequence[int] | None
) -> dict[int, tuple[int, int]]:
    """branch id → (members in the branch with dues in arrears on ``as_of``, their months
    in arrears added up): ``compliance.dues.arrears``, as the dues status counts them."""
    out = {}
    for branch_id, records in data.dues_in_branch(store, as_of, branch_ids).items():
        months = [len(arrears(r, as_of)) for r in records]
        out[branch_id] = (sum(1 for n in months if n), sum(months))
    return out


def overview(
    store: Store, year: int, as_of: date, branch_ids: Sequence[int] | None = None
) -> Overview:
    """Every branch the store's login can see (or those of ``branch_ids``), by name, for
    ``year`` as of ``as_of`` (``watch.check_window`` gives both)."""
    # The dues are the most to read: their queries run on a connection of their own while
    # the calendars are judged here.
    with ThreadPoolExecutor(max_workers=1) as pool:
        dues_read = pool.submit(_arrears, store, as_of, branch_ids)
        counts = data.branch_counts(store, year, as_of, branch_ids)
        facts = data.meeting_facts(store, year, as_of, branch_ids)
        schemes = active_of(store, branch_ids)
        default = Policy()
        calendars = {}
        for c in counts:
            scheme = schemes.get(c.branch_id)
            policy = scheme.policy if scheme is not None else default
            calendars[c.branch_id] = tuple(calendar_of(facts[c.branch_id], year, as_of, policy))
        behind = dues_read.result()
    rows = []
    for c in counts:
        arrears_members, arrears_months = behind.get(c.branch_id, (0, 0))
        rows.append(
            BranchOverview(
                id=c.branch_id,
                name=c.name,
                members=c.members,
                talked=c.talked,
                appraisal=c.appraisal,
                grades=c.grades if c.published else {},
                arrears_members=arrears_members,
                arrears_months=arrears_months,
                overdue_rectifications=c.overdue_rectifications,
                overdue_follow_ups=c.overdue_follow_ups,
                calendar=calendars[c.branch_id],
            )
        )
    return Overview(year, as_of, tuple(rows))


__all__ = ["BranchOverview", "Overview", "missing_periods", "overview"]

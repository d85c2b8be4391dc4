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


def overview(
    store: Store, year: int, as_of: date, branch_ids: Sequence[int] | None = None
) -> Overview:
    """Every branch the store's login can see (or those of ``branch_ids``), by name, for
    ``year`` as of ``as_of`` (``watch.check_window`` gives both)."""
    counts = data.branch_counts(store, year, as_of, branch_ids)
    facts = data.meeting_facts(store, year, as_of, branch_ids)
    schemes = active_of(store, branch_ids)
    dues = data.dues_in_branch(store, as_of, branch_ids)
    default = Policy()
    rows = []
    for c in counts:
        scheme = schemes.get(c.branch_id)
        policy = scheme.policy if scheme is not None else default
        behind = [len(arrears(r, as_of)) for r in dues.get(c.branch_id, ())]
        rows.append(
            BranchOverview(
                id=c.branch_id,
                name=c.name,
                members=c.members,
                talked=c.talked,
                appraisal=c.appraisal,
                grades=c.grades if c.published else {},
                arrears_members=sum(1 for n in behind if n),
                arrears_months=sum(behind),
                overdue_rectifications=c.overdue_rectifications,
                overdue_follow_ups=c.overdue_follow_ups,
                calendar=tuple(calendar_of(facts[c.branch_id], year, as_of, policy)),
            )
        )
    return Overview(year, as_of, tuple(rows))


__all__ = ["BranchOverview", "Overview", "missing_periods", "overview"]

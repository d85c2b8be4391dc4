"""The scoreboard: per member per year, by SQL aggregation over the ledger.

API skeleton (issue 3); implemented in this module.
"""

from __future__ import annotations

from dataclasses import dataclass

from orglife_tui.data.store import Store
from orglife_tui.domain import MemberStatus
from orglife_tui.scoring.model import Grade, Scheme


@dataclass(frozen=True)
class ScoreRow:
    member_no: str
    name: str
    status: MemberStatus
    group: str | None
    base: float
    duty: float
    bonus: float
    deduction: float  # <= 0
    vetoed: bool
    total: float  # clamped to [floor, ceiling]
    grade: Grade | None  # None for statuses the scheme does not grade
    rank: int | None  # among scored members, 1 = highest total; ties share a rank
    items: dict[str, float]  # item code -> capped points


def scoreboard(
    store: Store,
    branch_id: int,
    year: int,
    scheme: Scheme,
    group: str | None = None,
    status: MemberStatus | None = None,
) -> list[ScoreRow]:
    """Scored members ordered by rank (then member number)."""
    raise NotImplementedError

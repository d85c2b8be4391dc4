"""Points into totals, grades and ranks: pure functions over plain values (issue 3).

The scoreboard (``data.scores``) aggregates the ledger in SQL and hands the sums to these
functions; the appraisal reads ``appraisal_input``. Nothing here touches storage.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from orglife_tui.domain import MemberStatus
from orglife_tui.scoring.model import Cutoffs, Grade, Item, Normalization, Scheme

# Totals are compared after rounding to this many decimals: points are written with two
# (the ledger hashes them as ``f"{x:.2f}"``), so sums of 0.1s must not miss a cut-off by 1e-15.
DECIMALS = 2


def points(value: float) -> float:
    """A points figure as it is shown and compared: rounded to two decimals, never ``-0.0``."""
    return round(value, DECIMALS) + 0.0


def capped(item: Item, raw_sum: float) -> float:
    """An item's yearly sum limited by its cap (on the absolute value, keeping the sign)."""
    if item.cap is None or abs(raw_sum) <= item.cap:
        return raw_sum
    return math.copysign(item.cap, raw_sum)


def clamp(scheme: Scheme, total: float) -> float:
    """The total held between the scheme's floor and ceiling."""
    return min(scheme.ceiling, max(scheme.floor, total))


def cutoffs_for(scheme: Scheme, status: MemberStatus) -> Cutoffs | None:
    """The cut-offs a member of ``status`` is graded by (full members' when none are given)."""
    return scheme.cutoffs.get(status) or scheme.cutoffs.get(MemberStatus.full)


def grade(scheme: Scheme, status: MemberStatus, total: float, vetoed: bool) -> Grade | None:
    """None for a status the scheme does not grade; a veto item makes it unqualified."""
    if status not in scheme.graded_statuses:
        return None
    if vetoed:
        return Grade.unqualified
    cut = cutoffs_for(scheme, status)
    if cut is None:
        return None
    t = points(total)
    if t >= cut.excellent:
        return Grade.excellent
    if t >= cut.qualified:
        return Grade.qualified
    if t >= cut.basically_qualified:
        return Grade.basically_qualified
    return Grade.unqualified


def ranks(totals: Sequence[float]) -> list[int]:
    """Competition ranking (1, 2, 2, 4) in the order given: 1 + how many are higher."""
    order = sorted(range(len(totals)), key=lambda i: totals[i], reverse=True)
    out = [0] * len(totals)
    rank = 0
    previous: float | None = None
    for position, i in enumerate(order, start=1):
        if previous is None or totals[i] != previous:
            rank = position
            previous = totals[i]
        out[i] = rank
    return out


def appraisal_input(scheme: Scheme, total: float) -> float:
    """The points total as a 0–1 input to the appraisal, by the scheme's normalization.

    ``ceiling``: total / ceiling; ``range``: (total − floor) / (ceiling − floor); clipped
    to [0, 1]. A degenerate scheme (ceiling 0, or floor = ceiling) gives 0.
    """
    if scheme.appraisal.normalization is Normalization.range:
        span = scheme.ceiling - scheme.floor
        value = (total - scheme.floor) / span if span > 0 else 0.0
    else:
        value = total / scheme.ceiling if scheme.ceiling > 0 else 0.0
    return min(1.0, max(0.0, value))

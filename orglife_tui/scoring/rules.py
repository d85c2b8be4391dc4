"""Points into totals, grades and ranks: pure functions over plain values (issue 3).

API skeleton; implemented in this module.
"""

from __future__ import annotations

from collections.abc import Sequence

from orglife_tui.domain import MemberStatus
from orglife_tui.scoring.model import Grade, Item, Scheme


def capped(item: Item, raw_sum: float) -> float:
    """An item's yearly sum limited by its cap (on the absolute value, keeping the sign)."""
    raise NotImplementedError


def clamp(scheme: Scheme, total: float) -> float:
    raise NotImplementedError


def grade(scheme: Scheme, status: MemberStatus, total: float, vetoed: bool) -> Grade | None:
    """None for a status the scheme does not grade; a veto item makes it unqualified."""
    raise NotImplementedError


def ranks(totals: Sequence[float]) -> list[int]:
    """Competition ranking (1, 2, 2, 4) in the order given."""
    raise NotImplementedError


def appraisal_input(scheme: Scheme, total: float) -> float:
    """The points total as a 0–1 input to the appraisal, by the scheme's normalization."""
    raise NotImplementedError

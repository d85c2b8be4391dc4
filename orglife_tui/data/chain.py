"""Hash chains that make silent edits visible (docs/architecture.md §5: 留痕记实).

Each row of the points ledger and of the audit log carries the hash of the row before it;
``verify`` recomputes the chain and names the first row whose hash does not follow.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable
from datetime import date, datetime, timezone

GENESIS = "0" * 64


def canonical(value: object) -> str:
    """One spelling per value, identical on SQLite and PostgreSQL after a round trip."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(timezone.utc).replace(tzinfo=None)
        return value.isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return amount_text(value)
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def amount_text(value: float) -> str:
    """Points and hours as the chain spells them: two decimals for every exact hundredth
    (the spelling of every chain written so far, so old heads stay valid), the shortest
    exact spelling (``repr``) otherwise, so that a stored 1.001 never hashes like 1.00."""
    text = f"{value:.2f}"
    return text if float(text) == value else repr(value)


def is_hundredth(value: float) -> bool:
    """Whether ``value`` is a float the app writes: an exact number of hundredths."""
    return math.isfinite(value) and float(f"{value:.2f}") == value


def link_hash(prev_hash: str, fields: Iterable[object]) -> str:
    """The hash of one row: the previous row's hash, then the row's fields in order."""
    h = hashlib.sha256(prev_hash.encode("ascii"))
    for f in fields:
        text = canonical(f).encode("utf-8")
        # length-prefixed, so that ("ab", "c") and ("a", "bc") never hash alike
        h.update(len(text).to_bytes(4, "big"))
        h.update(text)
    return h.hexdigest()

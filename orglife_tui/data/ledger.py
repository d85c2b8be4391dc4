"""The points ledger: append-only, hash-chained per branch, corrected only by reversal.

API skeleton agreed between the ledger, scoreboard and screen work (issue 3); the
functions below are implemented in this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from orglife_tui.data.store import Store
from orglife_tui.scoring.model import Scheme


@dataclass(frozen=True)
class LedgerRow:
    id: int
    member_no: str
    member_name: str
    item_code: str
    points: float
    hours: float | None
    entry_date: date
    note: str | None
    source: str  # "manual" | "attendance"
    meeting_no: str | None
    reverses_id: int | None
    reversed_by: int | None  # id of the entry that reverses this one, if any
    operator: str
    hash: str


@dataclass(frozen=True)
class SyncResult:
    added: int
    reversed: int


@dataclass(frozen=True)
class ChainBreak:
    table: str  # "ledger_entry" | "audit_log"
    entry_id: int
    reason: str  # catalog key


@dataclass(frozen=True)
class VerifyReport:
    integrity_ok: bool
    ledger_entries: int
    audit_entries: int
    breaks: list[ChainBreak]
    ledger_heads: dict[int, str]  # branch id -> hash of its newest ledger entry

    @property
    def ok(self) -> bool:
        return self.integrity_ok and not self.breaks


def add_entry(
    store: Store,
    branch_id: int,
    scheme: Scheme,
    scheme_version_id: int | None,
    member_no: str,
    item_code: str,
    *,
    points: float | None = None,
    hours: float | None = None,
    entry_date: date | None = None,
    note: str | None = None,
) -> LedgerRow:
    """A manual entry. Points default to the item's points (per hour × hours for hour items)."""
    raise NotImplementedError


def reverse_entry(store: Store, branch_id: int, entry_id: int, reason: str) -> LedgerRow:
    """A linked reversing entry (negated points); refused for a reversal or a reversed entry."""
    raise NotImplementedError


def list_entries(
    store: Store,
    branch_id: int,
    member_no: str | None = None,
    year: int | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> list[LedgerRow]:
    """Entries oldest first, paged in SQL."""
    raise NotImplementedError


def count_entries(
    store: Store, branch_id: int, member_no: str | None = None, year: int | None = None
) -> int:
    raise NotImplementedError


def monthly_points(store: Store, branch_id: int, member_no: str, year: int) -> list[float]:
    """Twelve sums, January to December (for the sparkline), by SQL GROUP BY."""
    raise NotImplementedError


def sync_attendance(
    store: Store,
    branch_id: int,
    scheme: Scheme,
    scheme_version_id: int | None,
    meeting_ids: list[int] | None = None,
) -> SyncResult:
    """Bring attendance-derived entries in line with attendance and the scheme, idempotently."""
    raise NotImplementedError


def head_hash(store: Store, branch_id: int) -> str:
    raise NotImplementedError


def verify(store: Store) -> VerifyReport:
    raise NotImplementedError

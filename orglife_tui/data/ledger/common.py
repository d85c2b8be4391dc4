"""What every part of the ledger shares: the kinds of entry, the chain lock, the fields an
entry's hash covers, and the row types (the tables are ``data.models``' aliases)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from orglife_tui.data.anchors import AnchorCheck, anchor_text
from orglife_tui.data.chain import GENESIS

MANUAL = "manual"
ATTENDANCE = "attendance"

# First key of the two-key pg_advisory_xact_lock(LEDGER_CHAIN_LOCK, branch_id) that
# serializes appends to one branch's chain on PostgreSQL (the two-key space never meets
# the one-key space of the audit chain's lock).
LEDGER_CHAIN_LOCK = 0x1ED6E7

LEDGER_FIELDS = (
    "branch_id",
    "member_id",
    "item_code",
    "points",
    "hours",
    "entry_date",
    "note",
    "source",
    "meeting_id",
    "reverses_id",
    "scheme_version_id",
    "operator",
    "created_at",
)
"""The columns an entry's hash covers, in this order (``id`` excluded: unknown before insert)."""

_COLUMNS = (*LEDGER_FIELDS, "prev_hash", "hash")

CHUNK_ROWS = 5000
# Beyond this many meetings, a sync looks at the whole branch instead of a long IN list.
_MAX_IN = 900

Progress = Callable[[int], None]

HUNDREDTH = Decimal("0.01")


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

    @property
    def changed(self) -> bool:
        return bool(self.added or self.reversed)


@dataclass(frozen=True)
class ChainBreak:
    # "ledger_entry" | "audit_log" | "ledger_total" (entry_id: the member id) |
    # "appraisal_session" (entry_id: the session id) | "publication"
    table: str
    entry_id: int
    reason: str  # catalog key
    branch_id: int | None = None  # the ledger chain it breaks (None for the audit log)


@dataclass(frozen=True)
class VerifyReport:
    integrity_ok: bool
    ledger_entries: int
    audit_entries: int
    breaks: list[ChainBreak]
    ledger_heads: dict[int, str]  # branch id -> hash of its newest ledger entry
    integrity_messages: tuple[str, ...] = ()
    audit_head: str = GENESIS  # hash of the newest audit event
    anchors: tuple[AnchorCheck, ...] = ()  # the heads ``verify --expect`` was given

    @property
    def ok(self) -> bool:
        return self.integrity_ok and not self.breaks and all(a.ok for a in self.anchors)

    def anchor(self, branch_id: int) -> str:
        """The branch's ledger head and the audit head as ``verify --expect`` takes them."""
        return anchor_text(self.ledger_heads.get(branch_id, GENESIS), self.audit_head)

    @property
    def first_break(self) -> ChainBreak | None:
        return self.breaks[0] if self.breaks else None


@dataclass(frozen=True)
class NewEntry:
    """A manual entry for ``bulk_load``; ``points`` None: the item's (× hours)."""

    member_no: str
    item_code: str
    entry_date: date
    hours: float | None = None
    points: float | None = None
    note: str | None = None
    # Recorded and then reversed with this reason (a duplicate registration, a typo …).
    reverse_reason: str | None = None


@dataclass(frozen=True)
class LoadResult:
    derived: int
    manual: int
    reversed: int

    @property
    def total(self) -> int:
        return self.derived + self.manual + self.reversed

"""The points ledger: append-only, hash-chained per branch, corrected only by reversal.

Every entry carries ``prev_hash`` (the hash of the branch's newest entry before it, or
``GENESIS`` for the first) and ``hash = link_hash(prev_hash, ledger_fields(entry))``;
``verify`` walks each branch's chain in id order and names the first entry that does not
follow. Appends to one branch are serialized: on SQLite by the write transaction itself
(``BEGIN IMMEDIATE``), on PostgreSQL by ``pg_advisory_xact_lock(LEDGER_CHAIN_LOCK,
branch_id)`` taken before the head of the chain is read, so two secretaries appending at
once queue instead of forking the chain.

A correction is a new entry with negated points whose ``reverses_id`` names the original
(at most once: the column is unique); it carries the original's date, so the year the
original counted in is the year the correction counts in.

Points derived from attendance are kept in line by ``sync_attendance``: for each derived
item of the scheme, a mark with the item's status at a meeting of one of its types is one
occurrence; entries no longer wanted (or worth other points now) are reversed, missing
ones added; re-running changes nothing.

Reads are Core selects returning plain dataclasses; lists page in SQL (``offset``/``limit``,
or keyset pagination in ``iter_entries`` for exports of a million rows).

The package, in layers (each module imports only the ones above it):

* ``common``: the tables, the kinds of entry, the chain lock, the row types;
* ``links``: the hash links, the head, the lock and ``_Chain`` (appends);
* ``queries``: reading entries, counts, totals, the head hash;
* ``entries``: manual entries and reversals;
* ``attendance``: the sync of attendance points;
* ``loading``: bulk loading of a year;
* ``integrity``: ``verify``.

Callers import from the package (``from orglife_tui.data import ledger``).
"""

from __future__ import annotations

from orglife_tui.data.ledger.attendance import (
    count_derived,
    meeting_ids_for,
    sync_attendance,
    sync_attendance_in,
)
from orglife_tui.data.ledger.common import (
    ATTENDANCE,
    LEDGER_CHAIN_LOCK,
    LEDGER_FIELDS,
    MANUAL,
    ChainBreak,
    LedgerRow,
    LoadResult,
    NewEntry,
    Progress,
    SyncResult,
    VerifyReport,
)
from orglife_tui.data.ledger.entries import (
    add_entry,
    reverse_entry,
)
from orglife_tui.data.ledger.integrity import (
    verify,
)
from orglife_tui.data.ledger.links import (
    ledger_fields,
)
from orglife_tui.data.ledger.loading import (
    bulk_load,
)
from orglife_tui.data.ledger.queries import (
    count_entries,
    get_entry,
    head_hash,
    iter_entries,
    list_entries,
    manual_items,
    monthly_points,
    running_total_before,
)

__all__ = [
    "ATTENDANCE",
    "ChainBreak",
    "LEDGER_CHAIN_LOCK",
    "LEDGER_FIELDS",
    "LedgerRow",
    "LoadResult",
    "MANUAL",
    "NewEntry",
    "Progress",
    "SyncResult",
    "VerifyReport",
    "add_entry",
    "bulk_load",
    "count_derived",
    "count_entries",
    "get_entry",
    "head_hash",
    "iter_entries",
    "ledger_fields",
    "list_entries",
    "manual_items",
    "meeting_ids_for",
    "monthly_points",
    "reverse_entry",
    "running_total_before",
    "sync_attendance",
    "sync_attendance_in",
    "verify",
]

"""The hash links of a branch's chain: the canonical fields of an entry, the head, the lock
that serializes appends, and ``_Chain``, which appends entries linked to the head."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timezone
from decimal import ROUND_HALF_UP, Decimal
from typing import overload

from sqlalchemy import (
    Connection,
    insert,
    select,
    text,
)

from orglife_tui.data.bulk import _executemany
from orglife_tui.data.chain import GENESIS, amount_text, canonical, is_hundredth
from orglife_tui.data.ledger.common import (
    _COLUMNS,
    CHUNK_ROWS,
    HUNDREDTH,
    LEDGER_CHAIN_LOCK,
    Progress,
)
from orglife_tui.data.models import inserted_id, ledger_t
from orglife_tui.data.store import (
    Store,
)


@overload
def _amount(value: float) -> float: ...
@overload
def _amount(value: object) -> float | None: ...
def _amount(value: object) -> float | None:
    """Points and hours as they are written: rounded half up to hundredths (on the decimal
    the value reads as, so 0.495 is 0.50), never a negative zero."""
    if value is None:
        return None
    f = float(value)  # type: ignore[arg-type]  # a number or numeric text, typed object
    if math.isfinite(f) and not is_hundredth(f):
        f = float(Decimal(repr(f)).quantize(HUNDREDTH, rounding=ROUND_HALF_UP))
    return f if f != 0 else 0.0


def _exact(value: object) -> float | None:
    """A stored amount as it is hashed: exactly as stored (a negative zero read as zero)."""
    if value is None:
        return None
    f = float(value)  # type: ignore[arg-type]  # a number as stored, typed object
    return f if f != 0 else 0.0


def _as_date(value: date | str) -> date:
    return date.fromisoformat(value) if isinstance(value, str) else value


def _as_datetime(value: datetime | str) -> datetime:
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def ledger_fields(row: object) -> tuple[object, ...]:
    """The values of ``LEDGER_FIELDS`` of an entry (a mapping, or a row read from the table)."""
    m: Mapping = row if isinstance(row, Mapping) else row._mapping  # type: ignore[attr-defined]  # a Row
    return (
        m["branch_id"],
        m["member_id"],
        m["item_code"],
        _exact(m["points"]),
        _exact(m["hours"]),
        _as_date(m["entry_date"]),
        m["note"],
        m["source"],
        m["meeting_id"],
        m["reverses_id"],
        m["scheme_version_id"],
        m["operator"],
        _as_datetime(m["created_at"]),
    )


def _text(value: object) -> str:
    """``canonical(value)``, quicker for the values most fields hold."""
    if value is None:
        return ""
    kind = type(value)
    if kind is str:
        return value  # type: ignore[return-value]  # kind is str: mypy narrows type(value) only
    if kind is int:
        return str(value)
    if kind is float:
        return amount_text(value)  # type: ignore[arg-type]  # kind is float, as above
    return canonical(value)


def _link_texts(prev: str, texts: Iterable[str]) -> str:
    """``link_hash(prev, texts)`` for texts already canonical (``canonical`` leaves text as it
    is): the same bytes, hashed in one call, for chains of a million entries."""
    parts = [prev.encode("ascii")]
    for t in texts:
        b = t.encode("utf-8")
        parts.append(len(b).to_bytes(4, "big"))
        parts.append(b)
    return hashlib.sha256(b"".join(parts)).hexdigest()


def _lock_chain(conn: Connection, branch_id: int) -> None:
    """Serialize appends to the branch's chain until the transaction ends."""
    if conn.dialect.name == "postgresql":
        conn.execute(
            text("SELECT pg_advisory_xact_lock(CAST(:k AS integer), CAST(:b AS integer))"),
            {"k": LEDGER_CHAIN_LOCK, "b": branch_id},
        )


def _head(conn: Connection, branch_id: int) -> str:
    newest = conn.scalar(
        select(ledger_t.c.hash)
        .where(ledger_t.c.branch_id == branch_id)
        .order_by(ledger_t.c.id.desc())
        .limit(1)
    )
    return newest or GENESIS


class _Chain:
    """Appends to one branch inside one write transaction (the lock is taken on creation).

    Hashes go through ``link_hash`` over the ``LEDGER_FIELDS`` values; the date and the
    time are handed over already in their canonical spelling (``canonical`` leaves text as
    it is), which spares a million conversions in a bulk load and hashes the same.
    """

    def __init__(self, store: Store, conn: Connection, branch_id: int) -> None:
        _lock_chain(conn, branch_id)
        self.store = store
        self.conn = conn
        self.branch_id = branch_id
        self.operator = store.operator
        self.prev = _head(conn, branch_id)
        self.created_at = datetime.now(timezone.utc)
        self._at_text = canonical(self.created_at)
        self._branch_text = canonical(branch_id)
        self._operator_text = canonical(self.operator)
        # the text SQLAlchemy's SQLite DateTime writes (and reads back), in UTC
        self._at_sqlite = self.created_at.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
        self._dates: dict[date, str] = {}
        self.written = 0

    def link(self, values: Mapping[str, object]) -> list:
        """The next link of the chain: the ``_COLUMNS`` values of an entry, hashes included."""
        when: date = values["entry_date"]  # type: ignore[assignment]  # an entry's date; values are objects
        day = self._dates.get(when)
        if day is None:
            day = self._dates[when] = when.isoformat()
        get = values.get
        member_id, item_code, source = values["member_id"], values["item_code"], values["source"]
        points, hours = _amount(values["points"]), _amount(get("hours"))
        note, meeting_id = get("note"), get("meeting_id")
        reverses_id, version_id = get("reverses_id"), get("scheme_version_id")
        prev = self.prev
        self.prev = _link_texts(
            prev,
            (
                self._branch_text,
                _text(member_id),
                _text(item_code),
                _text(points),
                _text(hours),
                day,
                _text(note),
                _text(source),
                _text(meeting_id),
                _text(reverses_id),
                _text(version_id),
                self._operator_text,
                self._at_text,
            ),
        )
        return [
            self.branch_id,
            member_id,
            item_code,
            points,
            hours,
            when,
            note,
            source,
            meeting_id,
            reverses_id,
            version_id,
            self.operator,
            self.created_at,
            prev,
            self.prev,
        ]

    def append(self, values: Mapping[str, object]) -> tuple[int, str]:
        """One entry; returns its id and hash."""
        row = self.link(values)
        entry_id = inserted_id(self.conn.execute(insert(ledger_t).values(dict(zip(_COLUMNS, row)))))
        self.written += 1
        return entry_id, row[-1]

    def append_many(
        self, rows: Iterable[Mapping[str, object]], progress: Progress | None = None
    ) -> None:
        """Many entries in chunks (executemany on SQLite, COPY on PostgreSQL)."""
        sqlite = self.conn.dialect.name == "sqlite"
        chunk: list[tuple] = []
        for values in rows:
            row = self.link(values)
            if sqlite:  # the driver gets the text SQLAlchemy would have written
                row[5] = self._dates[row[5]]
                row[12] = self._at_sqlite
            chunk.append(tuple(row))
            if len(chunk) >= CHUNK_ROWS:
                self._flush(chunk, progress)
                chunk = []
        if chunk:
            self._flush(chunk, progress)

    def _flush(self, chunk: list[tuple], progress: Progress | None) -> None:
        _executemany(self.conn, ledger_t.name, _COLUMNS, chunk)
        self.written += len(chunk)
        if progress:
            progress(len(chunk))

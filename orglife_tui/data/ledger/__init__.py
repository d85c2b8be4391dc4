# Over 600 lines: the ledger from entry to sync, chain and totals; to split by stage into a
# data/ledger/ package.
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
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import (
    Connection,
    Date,
    Float,
    Integer,
    String,
    and_,
    cast,
    exists,
    extract,
    func,
    insert,
    literal,
    null,
    or_,
    select,
    text,
    union_all,
)

from orglife_tui.data.anchors import Anchor, AnchorCheck, anchor_text, check_anchors
from orglife_tui.data.bulk import _executemany
from orglife_tui.data.chain import GENESIS, amount_text, canonical, is_hundredth, link_hash
from orglife_tui.data.errors import Conflict, NotFound, StoreError, refuse_unsafe_text
from orglife_tui.data.membership import member_away
from orglife_tui.data.models import LedgerEntry, LedgerTotal
from orglife_tui.data.store import (
    Store,
    attendance_t,
    audit_fields,
    audit_t,
    branch_t,
    date_problem,
    meeting_t,
    member_t,
    membership_problem,
    mtype_t,
    records_start_of,
)
from orglife_tui.domain import AttendanceStatus
from orglife_tui.scoring.model import Item, Scheme, Unit

ledger_t = LedgerEntry.__table__
total_t = LedgerTotal.__table__

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


# ---------------------------------------------------------------------------- the chain


def _amount(value: object) -> float | None:
    """Points and hours as they are written: rounded half up to hundredths (on the decimal
    the value reads as, so 0.495 is 0.50), never a negative zero."""
    if value is None:
        return None
    f = float(value)  # type: ignore[arg-type]
    if math.isfinite(f) and not is_hundredth(f):
        f = float(Decimal(repr(f)).quantize(HUNDREDTH, rounding=ROUND_HALF_UP))
    return f if f != 0 else 0.0


def _exact(value: object) -> float | None:
    """A stored amount as it is hashed: exactly as stored (a negative zero read as zero)."""
    if value is None:
        return None
    f = float(value)  # type: ignore[arg-type]
    return f if f != 0 else 0.0


def _as_date(value: object) -> object:
    return date.fromisoformat(value) if isinstance(value, str) else value


def _as_datetime(value: object) -> object:
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def ledger_fields(row: object) -> tuple[object, ...]:
    """The values of ``LEDGER_FIELDS`` of an entry (a mapping, or a row read from the table)."""
    m: Mapping = row if isinstance(row, Mapping) else row._mapping  # type: ignore[attr-defined]
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
        return value  # type: ignore[return-value]
    if kind is int:
        return str(value)
    if kind is float:
        return amount_text(value)  # type: ignore[arg-type]
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
        when = values["entry_date"]
        day = self._dates.get(when)  # type: ignore[arg-type]
        if day is None:
            day = self._dates[when] = when.isoformat()  # type: ignore[union-attr,index]
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
        entry_id = self.conn.execute(
            insert(ledger_t).values(dict(zip(_COLUMNS, row)))
        ).inserted_primary_key[0]
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


# ---------------------------------------------------------------------------- reading


def _row_select():
    rev = ledger_t.alias("rev")
    return select(
        ledger_t.c.id,
        member_t.c.member_no,
        member_t.c.name.label("member_name"),
        ledger_t.c.item_code,
        ledger_t.c.points,
        ledger_t.c.hours,
        ledger_t.c.entry_date,
        ledger_t.c.note,
        ledger_t.c.source,
        meeting_t.c.meeting_no,
        ledger_t.c.reverses_id,
        rev.c.id.label("reversed_by"),
        ledger_t.c.operator,
        ledger_t.c.hash,
    ).select_from(
        ledger_t.join(member_t, member_t.c.id == ledger_t.c.member_id)
        .outerjoin(meeting_t, meeting_t.c.id == ledger_t.c.meeting_id)
        .outerjoin(rev, rev.c.reverses_id == ledger_t.c.id)
    )


def _ledger_row(r) -> LedgerRow:
    return LedgerRow(
        id=r.id,
        member_no=r.member_no,
        member_name=r.member_name,
        item_code=r.item_code,
        points=float(r.points),
        hours=None if r.hours is None else float(r.hours),
        entry_date=r.entry_date,
        note=r.note,
        source=r.source,
        meeting_no=r.meeting_no,
        reverses_id=r.reverses_id,
        reversed_by=r.reversed_by,
        operator=r.operator,
        hash=r.hash,
    )


def _member_id(conn: Connection, branch_id: int, member_no: str) -> int:
    member_id = conn.scalar(
        select(member_t.c.id).where(
            member_t.c.branch_id == branch_id, member_t.c.member_no == member_no.strip()
        )
    )
    if member_id is None:
        raise NotFound("member_not_found", member_no=member_no)
    return member_id


def _filters(conn: Connection, branch_id: int, member_no: str | None, year: int | None) -> list:
    if member_no is not None:
        # the member is the branch's (checked here); naming only the member lets SQLite take
        # the (member_id, entry_date, id) index instead of scanning the branch's year
        cond = [ledger_t.c.member_id == _member_id(conn, branch_id, member_no)]
    else:
        cond = [ledger_t.c.branch_id == branch_id]
    if year is not None:
        cond.append(ledger_t.c.entry_date >= date(year, 1, 1))
        cond.append(ledger_t.c.entry_date <= date(year, 12, 31))
    return cond


def list_entries(
    store: Store,
    branch_id: int,
    member_no: str | None = None,
    year: int | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> list[LedgerRow]:
    """Entries oldest first (in the order they were booked, i.e. by id), paged in SQL."""
    with store.read_connection() as conn:
        stmt = (
            _row_select()
            .where(*_filters(conn, branch_id, member_no, year))
            .order_by(ledger_t.c.id)
            .offset(offset)
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        return [_ledger_row(r) for r in conn.execute(stmt)]


def get_entry(store: Store, branch_id: int, entry_id: int) -> LedgerRow:
    with store.read_connection() as conn:
        r = conn.execute(
            _row_select().where(ledger_t.c.id == entry_id, ledger_t.c.branch_id == branch_id)
        ).first()
    if r is None:
        raise NotFound("ledger.entry_not_found", id=entry_id)
    return _ledger_row(r)


def iter_entries(
    store: Store,
    branch_id: int,
    member_no: str | None = None,
    year: int | None = None,
    chunk: int = CHUNK_ROWS,
) -> Iterator[LedgerRow]:
    """Every matching entry by id, fetched ``chunk`` at a time (keyset: ``id > last``).

    Memory stays flat whatever the size of the ledger; entries appended while the
    iteration runs are left out (it stops at the newest id it saw at the start).
    """
    with store.read_connection() as conn:
        cond = _filters(conn, branch_id, member_no, year)
        upto = conn.scalar(select(func.max(ledger_t.c.id)).where(*cond))
    if upto is None:
        return
    last = 0
    while True:
        with store.read_connection() as conn:
            rows = conn.execute(
                _row_select()
                .where(*cond, ledger_t.c.id > last, ledger_t.c.id <= upto)
                .order_by(ledger_t.c.id)
                .limit(chunk)
            ).all()
        if not rows:
            return
        for r in rows:
            yield _ledger_row(r)
        last = rows[-1].id
        if len(rows) < chunk:
            return


def count_entries(
    store: Store, branch_id: int, member_no: str | None = None, year: int | None = None
) -> int:
    with store.read_connection() as conn:
        stmt = select(func.count()).select_from(ledger_t)
        return int(conn.scalar(stmt.where(*_filters(conn, branch_id, member_no, year))) or 0)


def running_total_before(
    store: Store, branch_id: int, member_no: str, before_id: int, year: int | None = None
) -> float:
    """The member's points in entries booked before ``before_id`` (of ``year`` if given):
    the running total a paged ledger screen starts its page with."""
    with store.read_connection() as conn:
        cond = _filters(conn, branch_id, member_no, year)
        total = conn.scalar(
            select(func.coalesce(func.sum(ledger_t.c.points), 0.0)).where(
                *cond, ledger_t.c.id < before_id
            )
        )
    return round(float(total or 0.0), 2)


def monthly_points(store: Store, branch_id: int, member_no: str, year: int) -> list[float]:
    """Twelve sums, January to December (for the sparkline), by SQL GROUP BY."""
    with store.read_connection() as conn:
        month = extract("month", ledger_t.c.entry_date)
        rows = conn.execute(
            select(month.label("m"), func.sum(ledger_t.c.points))
            .where(*_filters(conn, branch_id, member_no, year))
            .group_by(month)
        ).all()
    out = [0.0] * 12
    for m, total in rows:
        out[int(m) - 1] = round(float(total or 0.0), 2)
    return out


def head_hash(store: Store, branch_id: int) -> str:
    """The hash of the branch's newest entry (``GENESIS`` while the ledger is empty)."""
    with store.read_connection() as conn:
        return _head(conn, branch_id)


def manual_items(scheme: Scheme) -> tuple[Item, ...]:
    """The items a secretary books by hand: those the scheme derives neither from attendance
    nor from the dues records."""
    return tuple(it for it in scheme.items if not it.automatic)


# ---------------------------------------------------------------------------- manual entries


def _check_amount(value: float, key: str, precise_key: str) -> float:
    """A number typed by hand: finite, and at most two decimals (the ledger keeps
    hundredths exactly; more would be rounded silently, so it is refused)."""
    if isinstance(value, bool) or not math.isfinite(float(value)):
        raise StoreError(key, value=value)
    if not is_hundredth(float(value)):
        raise StoreError(precise_key, value=repr(float(value)))
    return float(value)


def _entry_points(
    item: Item, points: float | None, hours: float | None
) -> tuple[float, float | None]:
    """The points and hours of a manual entry of ``item``, or a refusal naming the rule."""
    if hours is not None:
        hours = _check_amount(hours, "ledger.bad_hours", "chain.hours_too_precise")
        if item.unit is not Unit.hour:
            raise StoreError("ledger.hours_not_hourly", item=item.code)
        if hours <= 0:
            raise StoreError("ledger.bad_hours", value=hours)
    elif item.unit is Unit.hour and points is None:
        raise StoreError("ledger.hours_required", item=item.code)
    if points is None:
        value = item.points * (hours if item.unit is Unit.hour else 1)  # type: ignore[operator]
    else:
        value = _check_amount(points, "ledger.bad_points", "chain.points_too_precise")
        if (item.points > 0 and value < 0) or (item.points < 0 and value > 0):
            raise StoreError(
                "ledger.points_sign", item=item.code, points=_fmt(value), expected=_fmt(item.points)
            )
    value = _amount(value)  # type: ignore[assignment]
    return value, _amount(hours)  # type: ignore[return-value]


def _fmt(value: float) -> str:
    return f"{value:+g}"


def _item(scheme: Scheme, code: str) -> Item:
    item = scheme.item(code.strip())
    if item is None:
        raise NotFound(
            "ledger.unknown_item", item=code, known=", ".join(i.code for i in manual_items(scheme))
        )
    return item


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
    """A manual entry. Points default to the item's points (per hour × hours for hour items).

    Refused (``StoreError``) for an unknown member or item, an item the scheme derives from
    attendance, hours on an item counted per occurrence, an hour item without hours, and
    points whose sign differs from the item's (a deduction stays a deduction).
    """
    item = _item(scheme, item_code)
    if item.derive is not None:
        raise StoreError("ledger.item_derived", item=item.code)
    if item.dues is not None:
        raise StoreError("dues.ledger.item_derived", item=item.code)
    value, hours = _entry_points(item, points, hours)
    when = entry_date or store.today()
    note = (note or "").strip() or None
    refuse_unsafe_text("field.note", note, multiline=True)
    with store.write_transaction() as conn:
        member = conn.execute(
            select(
                member_t.c.id,
                member_t.c.member_no,
                member_t.c.name,
                member_t.c.join_date,
                member_t.c.entered_on,
                member_t.c.left_on,
            ).where(member_t.c.branch_id == branch_id, member_t.c.member_no == member_no.strip())
        ).first()
        if member is None:
            raise NotFound("member_not_found", member_no=member_no)
        # Points are booked once earned, within the branch's records, while the member
        # belongs to the branch.
        problem = date_problem(
            when,
            store.today(),
            records_start_of(conn, branch_id),
            "corrections.entry_date_in_future",
        ) or membership_problem(member, when)
        if problem is not None:
            key, params = problem
            raise StoreError(key, **params)
        chain = _Chain(store, conn, branch_id)
        entry_id, digest = chain.append(
            {
                "member_id": member.id,
                "item_code": item.code,
                "points": value,
                "hours": hours,
                "entry_date": when,
                "note": note,
                "source": MANUAL,
                "scheme_version_id": scheme_version_id,
            }
        )
        store.audit(
            conn,
            branch_id,
            "ledger.add",
            entry=entry_id,
            member_no=member.member_no,
            item=item.code,
            points=value,
            hours=hours,
            date=when.isoformat(),
        )
    return LedgerRow(
        id=entry_id,
        member_no=member.member_no,
        member_name=member.name,
        item_code=item.code,
        points=value,
        hours=hours,
        entry_date=when,
        note=note,
        source=MANUAL,
        meeting_no=None,
        reverses_id=None,
        reversed_by=None,
        operator=store.operator,
        hash=digest,
    )


def _reversal_of(original: Mapping[str, object], reason: str) -> dict[str, object]:
    hours = original["hours"]
    return {
        "member_id": original["member_id"],
        "item_code": original["item_code"],
        "points": -float(original["points"]),  # type: ignore[arg-type]
        "hours": None if hours is None else -float(hours),  # type: ignore[arg-type]
        "entry_date": original["entry_date"],
        "note": reason,
        "source": original["source"],
        "meeting_id": original["meeting_id"],
        "reverses_id": original["id"],
        "scheme_version_id": original["scheme_version_id"],
    }


def reverse_entry(store: Store, branch_id: int, entry_id: int, reason: str) -> LedgerRow:
    """A linked reversing entry (negated points); refused for a reversal or a reversed entry."""
    reason = (reason or "").strip()
    if not reason:
        raise StoreError("ledger.reason_required")
    with store.write_transaction() as conn:
        chain = _Chain(store, conn, branch_id)  # lock first: no second reversal slips in
        original = conn.execute(
            select(ledger_t).where(ledger_t.c.id == entry_id, ledger_t.c.branch_id == branch_id)
        ).first()
        if original is None:
            raise NotFound("ledger.entry_not_found", id=entry_id)
        o = original._mapping
        if o["reverses_id"] is not None:
            raise Conflict("ledger.reverse_reversal", id=entry_id, original=o["reverses_id"])
        by = conn.scalar(select(ledger_t.c.id).where(ledger_t.c.reverses_id == entry_id))
        if by is not None:
            raise Conflict("ledger.already_reversed", id=entry_id, by=by)
        new_id, digest = chain.append(_reversal_of(o, reason))
        store.audit(
            conn,
            branch_id,
            "ledger.reverse",
            entry=new_id,
            reverses=entry_id,
            points=-float(o["points"]),
            reason=reason,
        )
    return get_entry(store, branch_id, new_id)


# ---------------------------------------------------------------------------- attendance


def _desired_select(
    branch_id: int,
    scheme: Scheme,
    meeting_ids: Sequence[int] | None = None,
    member_ids: Sequence[int] | None = None,
    start: date | None = None,
    end: date | None = None,
):
    """(member_id, item_code, meeting_id, points, entry_date) of every derived occurrence.

    One row per mark and derived item whose status matches and whose meeting counts as one
    of the item's types (a meeting of two matching types is still one occurrence). None
    when the scheme derives nothing.
    """
    parts = []
    for item in scheme.derived_items:
        rule = item.derive
        assert rule is not None
        cond = [
            meeting_t.c.branch_id == branch_id,
            meeting_t.c.voided_at.is_(None),  # a voided meeting earns nothing
            attendance_t.c.status == rule.attendance.value,
            exists().where(
                mtype_t.c.meeting_id == meeting_t.c.id,
                mtype_t.c.type.in_([t.value for t in rule.meeting_types]),
            ),
        ]
        if rule.attendance is AttendanceStatus.absent:
            # Away (流动) the member takes part elsewhere: an absence here costs nothing.
            cond.append(~member_away(attendance_t.c.member_id, meeting_t.c.date))
        if meeting_ids is not None:
            cond.append(attendance_t.c.meeting_id.in_(list(meeting_ids)))
        if member_ids is not None:
            cond.append(attendance_t.c.member_id.in_(list(member_ids)))
        if start is not None:
            cond.append(meeting_t.c.date >= start)
        if end is not None:
            cond.append(meeting_t.c.date < end)
        parts.append(
            select(
                attendance_t.c.member_id.label("member_id"),
                cast(literal(item.code), String).label("item_code"),
                attendance_t.c.meeting_id.label("meeting_id"),
                # as it will be written (hundredths), so that a sync compares like with like
                cast(literal(_amount(item.points)), Float).label("points"),
                meeting_t.c.date.label("entry_date"),
            )
            .select_from(attendance_t.join(meeting_t, meeting_t.c.id == attendance_t.c.meeting_id))
            .where(*cond)
        )
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else union_all(*parts)


def _not_a_reversal(table):
    """``reverses_id IS NULL``, spelled so that SQLite does not pick the unique index on
    ``reverses_id`` for it (matching nearly every row, it would scan the whole ledger)."""
    return func.coalesce(table.c.reverses_id, 0) == 0


def _live_attendance_cond(
    branch_id: int, meeting_ids: Sequence[int] | None, member_ids: Sequence[int] | None
) -> list:
    rev = ledger_t.alias("rev")
    cond = [
        ledger_t.c.branch_id == branch_id,
        ledger_t.c.source == ATTENDANCE,
        _not_a_reversal(ledger_t),
        ~exists().where(rev.c.reverses_id == ledger_t.c.id),
    ]
    if meeting_ids is not None:
        cond.append(ledger_t.c.meeting_id.in_(list(meeting_ids)))
    if member_ids is not None:
        cond.append(ledger_t.c.member_id.in_(list(member_ids)))
    return cond


def _differences(
    conn: Connection,
    branch_id: int,
    scheme: Scheme,
    meeting_ids: Sequence[int] | None,
    member_ids: Sequence[int] | None,
):
    """The (member, item, meeting) keys where the ledger and the attendance disagree.

    One aggregated pass over the wanted occurrences and the live attendance entries
    (UNION ALL, GROUP BY the key): a key is reported when it is wanted but not booked,
    booked but not wanted, booked more than once, or booked with other points or date.
    """
    zero = cast(literal(0), Integer)
    one = cast(literal(1), Integer)
    no_float = cast(null(), Float)
    no_date = cast(null(), Date)
    no_int = cast(null(), Integer)
    parts = []
    desired = _desired_select(branch_id, scheme, meeting_ids, member_ids)
    if desired is not None:
        d = desired.subquery("d")
        parts.append(
            select(
                d.c.member_id,
                d.c.item_code,
                d.c.meeting_id,
                d.c.points.label("want"),
                d.c.entry_date.label("want_date"),
                no_float.label("have"),
                no_date.label("have_date"),
                no_int.label("entry_id"),
                one.label("dn"),
                zero.label("en"),
            )
        )
    parts.append(
        select(
            ledger_t.c.member_id,
            ledger_t.c.item_code,
            ledger_t.c.meeting_id,
            no_float.label("want"),
            no_date.label("want_date"),
            ledger_t.c.points.label("have"),
            ledger_t.c.entry_date.label("have_date"),
            ledger_t.c.id.label("entry_id"),
            zero.label("dn"),
            one.label("en"),
        ).where(*_live_attendance_cond(branch_id, meeting_ids, member_ids))
    )
    u = union_all(*parts).subquery("u")
    dn, en = func.sum(u.c.dn), func.sum(u.c.en)
    want, have = func.max(u.c.want), func.max(u.c.have)
    want_date, have_date = func.max(u.c.want_date), func.max(u.c.have_date)
    key = (u.c.member_id, u.c.item_code, u.c.meeting_id)
    stmt = (
        select(
            *key,
            want.label("want"),
            want_date.label("want_date"),
            have.label("have"),
            have_date.label("have_date"),
            func.max(u.c.entry_id).label("entry_id"),
            dn.label("dn"),
            en.label("en"),
        )
        .group_by(*key)
        .having(
            or_(
                dn == 0,
                en != 1,
                func.abs(want - have) > 0.005,
                want_date != have_date,
            )
        )
    )
    return conn.execute(stmt).all()


def sync_attendance(
    store: Store,
    branch_id: int,
    scheme: Scheme,
    scheme_version_id: int | None,
    meeting_ids: list[int] | None = None,
    *,
    member_ids: list[int] | None = None,
) -> SyncResult:
    """Bring attendance-derived entries in line with attendance and the scheme, idempotently.

    ``meeting_ids`` (and ``member_ids``) limit the work to some meetings (members), e.g. the
    one mark just set; None looks at the whole branch. Entries no longer wanted, or worth
    other points or dated otherwise now, are reversed with a note saying why; missing ones
    are added. One transaction; one ``ledger.sync`` audit row when anything changed.
    """
    if meeting_ids is not None:
        meeting_ids = sorted(set(meeting_ids))
        if not meeting_ids:
            return SyncResult(0, 0)
        if len(meeting_ids) > _MAX_IN:
            meeting_ids = None
    if member_ids is not None:
        member_ids = sorted(set(member_ids))
        if not member_ids:
            return SyncResult(0, 0)
        if len(member_ids) > _MAX_IN:
            member_ids = None
    with store.write_transaction() as conn:
        return sync_attendance_in(
            store, conn, branch_id, scheme, scheme_version_id, meeting_ids, member_ids
        )


def sync_attendance_in(
    store: Store,
    conn: Connection,
    branch_id: int,
    scheme: Scheme,
    scheme_version_id: int | None,
    meeting_ids: list[int] | None = None,
    member_ids: list[int] | None = None,
) -> SyncResult:
    """``sync_attendance`` inside the caller's write transaction (``meeting_ids`` and
    ``member_ids`` already sorted and short), so that a change and its re-sync commit
    together or not at all (``scheme use``)."""
    derived = {it.code: it for it in scheme.derived_items}
    chain = _Chain(store, conn, branch_id)
    diffs = _differences(conn, branch_id, scheme, meeting_ids, member_ids)
    if not diffs:
        return SyncResult(0, 0)
    reverse: dict[int, str] = {}  # entry id -> reason key
    several: list = []
    adds: list[dict[str, object]] = []
    voided = _voided_meetings(conn, {d.meeting_id for d in diffs if d.en and not d.dn})
    for d in diffs:
        if d.en == 1:
            if not d.dn:
                if d.meeting_id in voided:
                    why = "meeting_voided"
                elif d.item_code in derived:
                    why = "attendance_changed"
                else:
                    why = "scheme_changed"
            elif abs(float(d.want) - float(d.have)) > 0.005:
                why = "scheme_changed"
            else:
                why = "meeting_changed"
            reverse[d.entry_id] = why
        elif d.en > 1:
            several.append(d)
        if d.dn:
            adds.append(
                {
                    "member_id": d.member_id,
                    "item_code": d.item_code,
                    "points": float(d.want),
                    "hours": None,
                    "entry_date": _as_date(d.want_date),
                    "source": ATTENDANCE,
                    "meeting_id": d.meeting_id,
                    "scheme_version_id": scheme_version_id,
                }
            )
    for d in several:  # a key booked twice (never written by this code): undo them all
        for entry_id in conn.scalars(
            select(ledger_t.c.id).where(
                *_live_attendance_cond(branch_id, [d.meeting_id], [d.member_id]),
                ledger_t.c.item_code == d.item_code,
            )
        ):
            reverse[entry_id] = "duplicate"
    originals = []
    ids = sorted(reverse)
    for i in range(0, len(ids), _MAX_IN):
        originals.extend(
            conn.execute(select(ledger_t).where(ledger_t.c.id.in_(ids[i : i + _MAX_IN])))
            .mappings()
            .all()
        )
    from orglife_tui.locale import t

    notes = {k: t(NOTE_KEYS.get(k, f"ledger.note.{k}")) for k in set(reverse.values())}
    originals.sort(key=lambda o: (o["entry_date"], o["meeting_id"] or 0, o["member_id"], o["id"]))
    adds.sort(key=lambda a: (a["entry_date"], a["meeting_id"], a["member_id"], a["item_code"]))
    chain.append_many(_reversal_of(o, notes[reverse[o["id"]]]) for o in originals)
    chain.append_many(adds)
    result = SyncResult(added=len(adds), reversed=len(originals))
    store.audit(
        conn,
        branch_id,
        "ledger.sync",
        added=result.added,
        reversed=result.reversed,
        scheme_version=scheme_version_id,
        meetings=len(meeting_ids) if meeting_ids is not None else "all",
    )
    return result


# Reasons of reversals whose note is not in the ledger's own ``ledger.note.*`` messages.
NOTE_KEYS = {"meeting_voided": "corrections.note.meeting_voided"}


def _voided_meetings(conn: Connection, meeting_ids: Iterable[int | None]) -> set[int]:
    """Which of ``meeting_ids`` are voided meetings (their entries are reversed as such)."""
    ids = sorted(i for i in meeting_ids if i is not None)
    out: set[int] = set()
    for i in range(0, len(ids), _MAX_IN):
        out.update(
            conn.scalars(
                select(meeting_t.c.id).where(
                    meeting_t.c.id.in_(ids[i : i + _MAX_IN]), meeting_t.c.voided_at.is_not(None)
                )
            )
        )
    return out


def meeting_ids_for(store: Store, branch_id: int, meeting_nos: Iterable[str]) -> list[int]:
    """The ids of the branch's meetings with these numbers (unknown numbers are skipped)."""
    numbers = sorted({n.strip() for n in meeting_nos if n and n.strip()})
    out: list[int] = []
    with store.read_connection() as conn:
        for i in range(0, len(numbers), _MAX_IN):
            out.extend(
                conn.scalars(
                    select(meeting_t.c.id).where(
                        meeting_t.c.branch_id == branch_id,
                        meeting_t.c.meeting_no.in_(numbers[i : i + _MAX_IN]),
                    )
                )
            )
    return sorted(out)


def count_derived(store: Store, branch_id: int, scheme: Scheme) -> int:
    """How many occurrences the branch's attendance is worth under ``scheme`` (booked or not)."""
    desired = _desired_select(branch_id, scheme)
    if desired is None:
        return 0
    with store.read_connection() as conn:
        return int(conn.scalar(select(func.count()).select_from(desired.subquery())) or 0)


# ---------------------------------------------------------------------------- bulk


def _month_starts(first: date, last: date) -> Iterator[tuple[date, date]]:
    y, m = first.year, first.month
    while date(y, m, 1) <= last:
        ny, nm = (y + 1, 1) if m == 12 else (y, m + 1)
        yield date(y, m, 1), date(ny, nm, 1)
        y, m = ny, nm


def bulk_load(
    store: Store,
    branch_id: int,
    scheme: Scheme,
    scheme_version_id: int | None,
    entries: Iterable[NewEntry] = (),
    *,
    progress: Progress | None = None,
    action: str = "ledger.load",
) -> LoadResult:
    """Fill a branch's ledger at once: the entries its attendance is worth, and ``entries``.

    For a loader (the demo, a migration from another system) on a branch whose ledger has
    no attendance entries yet: the derived entries and the manual ones are merged by date
    (``entries`` must come in date order) month by month, hashed in Python and written in
    chunks, all in one transaction with one audit row. Entries with a ``reverse_reason``
    are reversed at the end with that reason. Refuses with ``Conflict`` when the branch
    already has attendance-derived entries (``sync_attendance`` is the tool then).
    """
    codes = {it.code: it for it in scheme.items}
    manual_iter = iter(entries)
    to_reverse: list[tuple[NewEntry, int]] = []
    derived_count = manual_count = 0
    with store.write_transaction() as conn:
        chain = _Chain(store, conn, branch_id)
        booked = conn.scalar(
            select(ledger_t.c.id)
            .where(ledger_t.c.branch_id == branch_id, ledger_t.c.source == ATTENDANCE)
            .limit(1)
        )
        if booked is not None:
            raise Conflict("ledger.load_not_empty")
        member_ids = {
            r.member_no: r.id
            for r in conn.execute(
                select(member_t.c.id, member_t.c.member_no).where(member_t.c.branch_id == branch_id)
            )
        }

        def manual_rows(batch: list[NewEntry]) -> list[tuple]:
            out = []
            for e in batch:
                item = codes.get(e.item_code)
                if item is None:
                    raise NotFound("ledger.unknown_item", item=e.item_code, known="")
                member_id = member_ids.get(e.member_no)
                if member_id is None:
                    raise NotFound("member_not_found", member_no=e.member_no)
                value, hours = _entry_points(item, e.points, e.hours)
                row = {
                    "member_id": member_id,
                    "item_code": item.code,
                    "points": value,
                    "hours": hours,
                    "entry_date": e.entry_date,
                    "note": e.note,
                    "source": MANUAL,
                    "scheme_version_id": scheme_version_id,
                }
                out.append(((e.entry_date, 1, member_id, item.code), row, e))
            return out

        pending: NewEntry | None = next(manual_iter, None)

        def take(end: date | None) -> list[NewEntry]:
            """The next manual entries dated before ``end`` (a chunk of them when None)."""
            nonlocal pending
            batch: list[NewEntry] = []
            while pending is not None and (
                pending.entry_date < end if end is not None else len(batch) < CHUNK_ROWS
            ):
                batch.append(pending)
                pending = next(manual_iter, None)
            return batch

        def write(keyed: list[tuple]) -> None:
            keyed.sort(key=_key)
            rows = []
            for _, row, entry in keyed:
                rows.append(row)
                if entry is not None and entry.reverse_reason:
                    to_reverse.append((entry, row["member_id"]))
            chain.append_many(rows, progress)

        span = conn.execute(
            select(func.min(meeting_t.c.date), func.max(meeting_t.c.date)).where(
                meeting_t.c.branch_id == branch_id
            )
        ).first()
        windows = list(_month_starts(span[0], span[1])) if span and span[0] else []
        for start, end in windows:
            keyed = manual_rows(take(end))
            manual_count += len(keyed)
            desired = _desired_select(branch_id, scheme, start=start, end=end)
            if desired is not None:
                for r in conn.execute(desired).mappings():
                    when = _as_date(r["entry_date"])
                    row = {
                        "member_id": r["member_id"],
                        "item_code": r["item_code"],
                        "points": float(r["points"]),
                        "hours": None,
                        "entry_date": when,
                        "source": ATTENDANCE,
                        "meeting_id": r["meeting_id"],
                        "scheme_version_id": scheme_version_id,
                    }
                    key = (when, 0, r["meeting_id"], r["member_id"], r["item_code"])
                    keyed.append((key, row, None))
                    derived_count += 1
            write(keyed)
        while pending is not None:  # manual entries after the last meeting, or no meetings
            keyed = manual_rows(take(None))
            manual_count += len(keyed)
            write(keyed)

        reversals = []
        for entry, member_id in to_reverse:
            original = (
                conn.execute(
                    select(ledger_t)
                    .where(
                        ledger_t.c.branch_id == branch_id,
                        ledger_t.c.member_id == member_id,
                        ledger_t.c.item_code == entry.item_code,
                        ledger_t.c.entry_date == entry.entry_date,
                        ledger_t.c.source == MANUAL,
                        _not_a_reversal(ledger_t),
                        ~exists().where(ledger_t.alias("r").c.reverses_id == ledger_t.c.id),
                    )
                    .order_by(ledger_t.c.id)
                )
                .mappings()
                .all()
            )
            taken = {r["reverses_id"] for r in reversals}
            for o in original:
                if o["id"] not in taken and o["note"] == entry.note:
                    reversals.append(_reversal_of(o, entry.reverse_reason))  # type: ignore[arg-type]
                    break
        chain.append_many(reversals, progress)
        result = LoadResult(derived=derived_count, manual=manual_count, reversed=len(reversals))
        store.audit(
            conn,
            branch_id,
            action,
            derived=result.derived,
            manual=result.manual,
            reversed=result.reversed,
            scheme_version=scheme_version_id,
        )
    return result


def _key(entry: tuple) -> tuple:
    return entry[0]


# ---------------------------------------------------------------------------- verify


def _integrity(conn: Connection) -> tuple[bool, tuple[str, ...]]:
    if conn.dialect.name != "sqlite":
        return True, ()  # PostgreSQL checks its pages itself (checksums, amcheck by the DBA)
    rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").all()]
    return rows == ["ok"], tuple(r for r in rows if r != "ok")


def _day_text(value: object) -> str:
    return value if isinstance(value, str) else canonical(value)


def _time_text(value: object) -> str:
    """The canonical spelling of a stored ``created_at`` (SQLite hands back its text)."""
    if isinstance(value, str):
        if len(value) == 26 and value[10] == " ":  # what SQLAlchemy writes on SQLite
            return f"{value[:10]}T{value[11:]}"
        return canonical(datetime.fromisoformat(value))
    return canonical(value)


def _stored_hash(prev: str, r: Sequence) -> str | None:
    """The hash an entry read as ``("id", *_COLUMNS)`` should carry; None if unreadable."""
    try:
        texts = [_text(v) for v in r[1:14]]
        texts[3] = _text(_exact(r[4]))
        texts[4] = _text(_exact(r[5]))
        texts[5] = _day_text(r[6])
        texts[12] = _time_text(r[13])
    except (TypeError, ValueError):  # a value no program of ours wrote
        return None
    return _link_texts(prev, texts)


def _is_amount(value: object) -> bool:
    """Whether a stored points or hours value is one the app writes (exact hundredths)."""
    try:
        return is_hundredth(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def _walk_ledger(conn: Connection, progress: Progress | None) -> dict[int, ChainBreak]:
    """The first entry of each branch's chain that does not follow.

    One pass over the table in id order (keyset pages), each branch's chain followed at
    once. On SQLite the rows are read raw (no type conversion per row); ``_stored_hash``
    spells them as ``ledger_fields`` does, so a million entries take seconds.
    """
    prev: dict[int, str] = {}
    broken: dict[int, ChainBreak] = {}
    last = 0
    names = ("id", *_COLUMNS)
    raw = conn.dialect.name == "sqlite"
    sql = (
        f"SELECT {', '.join(names)} FROM {ledger_t.name} "
        f"WHERE id > ? ORDER BY id LIMIT {CHUNK_ROWS}"
    )
    cols = [ledger_t.c[c] for c in names]
    while True:
        if raw:
            rows = conn.exec_driver_sql(sql, (last,)).fetchall()
        else:
            rows = conn.execute(
                select(*cols).where(ledger_t.c.id > last).order_by(ledger_t.c.id).limit(CHUNK_ROWS)
            ).all()
        if not rows:
            return broken
        for r in rows:
            branch_id = r[1]
            if branch_id in broken:
                continue
            before = prev.get(branch_id, GENESIS)
            reason = None
            if r[14] != before:
                reason = "verify.reason.prev_mismatch"
            elif r[15] != _stored_hash(before, r):
                reason = "verify.reason.hash_mismatch"
            elif not (_is_amount(r[4]) and (r[5] is None or _is_amount(r[5]))):
                # the chain was rewritten around a value the app never writes
                reason = "verify.reason.not_hundredths"
            if reason is not None:
                broken[branch_id] = ChainBreak("ledger_entry", r[0], reason, branch_id)
            prev[branch_id] = r[15]
        last = rows[-1][0]
        if progress:
            progress(len(rows))


def _reversal_breaks(conn: Connection) -> list[ChainBreak]:
    o = ledger_t.alias("o")
    le = ledger_t
    bad = (
        select(le.c.branch_id, func.min(le.c.id))
        .select_from(le.outerjoin(o, o.c.id == le.c.reverses_id))
        .where(
            le.c.reverses_id.is_not(None),
            or_(
                o.c.id.is_(None),
                o.c.id >= le.c.id,
                o.c.branch_id != le.c.branch_id,
                o.c.member_id != le.c.member_id,
                o.c.item_code != le.c.item_code,
                o.c.reverses_id.is_not(None),
                func.abs(o.c.points + le.c.points) > 0.005,
                and_(o.c.hours.is_(None), le.c.hours.is_not(None)),
                and_(o.c.hours.is_not(None), le.c.hours.is_(None)),
                func.abs(o.c.hours + le.c.hours) > 0.005,
            ),
        )
        .group_by(le.c.branch_id)
    )
    out = [
        ChainBreak("ledger_entry", entry_id, "verify.reason.bad_reversal", branch_id)
        for branch_id, entry_id in conn.execute(bad)
    ]
    twice = conn.execute(
        select(le.c.reverses_id)
        .where(le.c.reverses_id.is_not(None))
        .group_by(le.c.reverses_id)
        .having(func.count() > 1)
    ).all()
    for (original,) in twice:
        rows = conn.execute(
            select(le.c.id, le.c.branch_id).where(le.c.reverses_id == original).order_by(le.c.id)
        ).all()
        out.append(
            ChainBreak(
                "ledger_entry", rows[1].id, "verify.reason.reversed_twice", rows[1].branch_id
            )
        )
    return out


def _walk_audit(conn: Connection, progress: Progress | None) -> ChainBreak | None:
    prev = GENESIS
    last = 0
    while True:
        rows = conn.execute(
            select(audit_t).where(audit_t.c.id > last).order_by(audit_t.c.id).limit(CHUNK_ROWS)
        ).all()
        if not rows:
            return None
        for r in rows:
            if r.prev_hash != prev:
                return ChainBreak("audit_log", r.id, "verify.reason.prev_mismatch")
            fields = audit_fields(r.branch_id, _as_datetime(r.at), r.operator, r.action, r.detail)
            if r.hash != link_hash(prev, fields):
                return ChainBreak("audit_log", r.id, "verify.reason.hash_mismatch")
            prev = r.hash
        last = rows[-1].id
        if progress:
            progress(len(rows))


def _totals_break(conn: Connection) -> ChainBreak | None:
    """The first yearly total (migration 0003) that no longer matches its entries."""
    if conn.dialect.name == "sqlite":
        year = cast(func.strftime("%Y", ledger_t.c.entry_date), Integer)
    else:
        year = cast(extract("year", ledger_t.c.entry_date), Integer)
    sums = (
        select(
            ledger_t.c.member_id,
            ledger_t.c.item_code,
            year.label("year"),
            func.sum(ledger_t.c.points).label("points"),
            func.count().label("entries"),
            func.count(ledger_t.c.reverses_id).label("reversals"),
        )
        .group_by(ledger_t.c.member_id, ledger_t.c.item_code, year)
        .subquery()
    )
    expected = {
        (r.member_id, r.item_code, r.year): (round(r.points, 2), r.entries, r.reversals)
        for r in conn.execute(select(sums))
    }
    kept = {
        (r.member_id, r.item_code, r.year): ((round(r.points, 2), r.entries, r.reversals), r)
        for r in conn.execute(select(total_t))
    }
    for key in sorted(set(expected) | set(kept)):
        have = kept.get(key)
        if have is None or expected.get(key) != have[0]:
            branch = have[1].branch_id if have is not None else None
            return ChainBreak("ledger_total", key[0], "verify.reason.total_mismatch", branch)
    return None


def verify(
    store: Store, progress: Progress | None = None, expect: Sequence[Anchor] = ()
) -> VerifyReport:
    """Check the database: SQLite's integrity check, each branch's ledger chain and its
    reversals, the audit chain, the fingerprint of each sealed appraisal, and that each
    head of ``expect`` (recorded elsewhere) is still a link of its chain. Names the first
    broken entry of each chain and every appraisal session whose ballots fail."""
    with store.read_connection() as conn:
        integrity_ok, messages = _integrity(conn)
        branch_ids = list(conn.scalars(select(branch_t.c.id).order_by(branch_t.c.id)))
        ledger_count = int(conn.scalar(select(func.count()).select_from(ledger_t)) or 0)
        audit_count = int(conn.scalar(select(func.count()).select_from(audit_t)) or 0)
        heads = {b: _head(conn, b) for b in branch_ids}
        first = _walk_ledger(conn, progress)
        for found in _reversal_breaks(conn):
            key = found.branch_id or 0
            if key not in first or found.entry_id < first[key].entry_id:
                first[key] = found
        breaks = sorted(first.values(), key=lambda c: c.entry_id)
        audit_break = _walk_audit(conn, progress)
        if audit_break is not None:
            breaks.append(audit_break)
        total_break = _totals_break(conn)
        if total_break is not None:
            breaks.append(total_break)
        from orglife_tui.data.appraisal import fingerprint_problems

        for sealed in fingerprint_problems(conn):  # each sealed appraisal's ballots
            breaks.append(
                ChainBreak("appraisal_session", sealed.session_id, sealed.reason, sealed.branch_id)
            )
        from orglife_tui.data.publications import audit_head, problems

        for pub in problems(conn):  # each stored publication, recomputing nothing
            breaks.append(ChainBreak("publication", pub.publication_id, pub.reason, pub.branch_id))
        audit = audit_head(conn)
        anchors = tuple(check_anchors(conn, list(expect)))
    return VerifyReport(
        integrity_ok=integrity_ok,
        ledger_entries=ledger_count,
        audit_entries=audit_count,
        breaks=breaks,
        ledger_heads=heads,
        integrity_messages=messages,
        audit_head=audit,
        anchors=anchors,
    )


__all__ = [
    "ATTENDANCE",
    "LEDGER_CHAIN_LOCK",
    "LEDGER_FIELDS",
    "MANUAL",
    "ChainBreak",
    "LedgerRow",
    "LoadResult",
    "NewEntry",
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

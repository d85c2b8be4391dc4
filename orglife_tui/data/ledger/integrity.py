"""``verify``: walk each chain and the audit chain, check reversals, totals, the sealed
appraisals and the anchors, and name the first broken link of each."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import (
    Connection,
    Integer,
    and_,
    cast,
    extract,
    func,
    or_,
    select,
    text,
)

from orglife_tui.data.anchors import Anchor, check_anchors
from orglife_tui.data.chain import GENESIS, canonical, is_hundredth, link_hash
from orglife_tui.data.ledger.common import _COLUMNS, CHUNK_ROWS, ChainBreak, Progress, VerifyReport
from orglife_tui.data.ledger.links import _as_datetime, _exact, _head, _link_texts, _text
from orglife_tui.data.models import audit_t, branch_t, ledger_t, total_t
from orglife_tui.data.store import Store, audit_fields, privileged


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
        return is_hundredth(float(value))  # type: ignore[arg-type]  # any stored value: tried
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


def _audit_by_database(conn: Connection) -> tuple[int, ChainBreak | None]:
    """The audit chain as the database's own function checks it (data/security.py): how
    many links, and the first broken one, for a role that may not read them all."""
    row = conn.execute(text("SELECT * FROM orglife_audit_check()")).one()
    found = None
    if row.break_id is not None:
        found = ChainBreak("audit_log", row.break_id, f"verify.reason.{row.reason}")
    return int(row.entries), found


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
        restricted = not privileged(conn)
        if restricted:  # row-level security shows this role part of the audit chain
            audit_count, audit_break = _audit_by_database(conn)
        else:
            audit_count = int(conn.scalar(select(func.count()).select_from(audit_t)) or 0)
        heads = {b: _head(conn, b) for b in branch_ids}
        first = _walk_ledger(conn, progress)
        for found in _reversal_breaks(conn):
            key = found.branch_id or 0
            if key not in first or found.entry_id < first[key].entry_id:
                first[key] = found
        breaks = sorted(first.values(), key=lambda c: c.entry_id)
        if not restricted:
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

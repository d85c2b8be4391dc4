"""Scheme versions in the database: every scheme a branch used, the newest one active.

Each activation appends a ``scheme_version`` row (the full TOML text, its SHA-256, who and
when) and a ``scheme.use`` audit entry in the same transaction; rows are never changed,
so a published score table can always be traced to the exact rules that produced it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Connection, func, insert, select

from orglife_tui.data.errors import StoreError
from orglife_tui.data.models import inserted_id, scheme_t
from orglife_tui.data.store import AUDIT_CHAIN_LOCK, Store
from orglife_tui.scoring.model import Scheme
from orglife_tui.scoring.scheme import (
    DEFAULT_SCHEME_RESOURCE,
    SchemeError,
    default_scheme_text,
    parse_scheme,
    scheme_hash,
)


@dataclass(frozen=True)
class SchemeVersionInfo:
    id: int
    name: str
    version: str
    sha256: str
    activated_at: datetime
    operator: str


_COLUMNS = (
    scheme_t.c.id,
    scheme_t.c.name,
    scheme_t.c.version,
    scheme_t.c.sha256,
    scheme_t.c.activated_at,
    scheme_t.c.operator,
)


def _info(r) -> SchemeVersionInfo:
    at = r.activated_at
    if at.tzinfo is None:  # SQLite hands back the UTC instant without its zone
        at = at.replace(tzinfo=timezone.utc)
    return SchemeVersionInfo(r.id, r.name, r.version, r.sha256, at, r.operator)


def _insert(
    store: Store, conn: Connection, branch_id: int, source: str, scheme: Scheme
) -> SchemeVersionInfo:
    at = datetime.now(timezone.utc)
    sha = scheme_hash(source)
    new_id = inserted_id(
        conn.execute(
            insert(scheme_t).values(
                branch_id=branch_id,
                name=scheme.name,
                version=scheme.version,
                sha256=sha,
                source=source,
                activated_at=at,
                operator=store.operator,
            )
        )
    )
    store.audit(conn, branch_id, "scheme.use", name=scheme.name, version=scheme.version, sha256=sha)
    return SchemeVersionInfo(new_id, scheme.name, scheme.version, sha, at, store.operator)


def _newest(conn: Connection, branch_id: int):
    return conn.execute(
        select(*_COLUMNS, scheme_t.c.source)
        .where(scheme_t.c.branch_id == branch_id)
        .order_by(scheme_t.c.id.desc())
        .limit(1)
    ).first()


def _parse_stored(row) -> Scheme:
    try:
        return parse_scheme(row.source, f"scheme_version #{row.id}")
    except SchemeError as exc:  # stored by an older, more lenient release
        raise StoreError(
            "scheme.problem.stored_invalid",
            version=row.version,
            problems="; ".join(p.message() for p in exc.problems),
        ) from None


def activate(store: Store, branch_id: int, source: str, scheme: Scheme) -> SchemeVersionInfo:
    """Store ``source`` (already parsed as ``scheme``) as the branch's active scheme."""
    with store.write_transaction() as conn:
        return _insert(store, conn, branch_id, source, scheme)


@dataclass(frozen=True)
class UseResult:
    info: SchemeVersionInfo
    new: bool  # False: the same text was already in use (nothing stored, re-synced only)
    added: int  # derived points entries added by the re-sync
    reversed: int  # and reversed


def use(store: Store, branch_id: int, source: str, scheme: Scheme) -> UseResult:
    """Put ``source`` (already parsed as ``scheme``) in use and bring the points derived
    from attendance and dues in line with it, in ONE write transaction: if the re-sync
    fails half way, the scheme is not in use and no entry is written (no scheme is ever
    active whose points were not re-synced). The text already in use is re-synced only."""
    from orglife_tui.data.commitments import sync_commitments_in
    from orglife_tui.data.dues import sync_dues_in
    from orglife_tui.data.ledger import sync_attendance_in  # read at call time: tests replace it
    from orglife_tui.data.ledger.links import _lock_chain

    sha = scheme_hash(source)
    with store.write_transaction() as conn:
        # the ledger chain's lock first, then the audit chain's: every ledger write takes
        # them in this order, so that none waits for the other in a circle
        _lock_chain(conn, branch_id)
        row = _newest(conn, branch_id)
        if row is not None and row.sha256 == sha:
            info, new = _info(row), False
        else:
            info, new = _insert(store, conn, branch_id, source, scheme), True
        attendance = sync_attendance_in(store, conn, branch_id, scheme, info.id)
        dues = sync_dues_in(store, conn, branch_id, scheme, info.id)
        kept = sync_commitments_in(store, conn, branch_id, scheme, info.id)
    return UseResult(
        info,
        new,
        attendance.added + dues.added + kept.added,
        attendance.reversed + dues.reversed + kept.reversed,
    )


def active(store: Store, branch_id: int) -> tuple[SchemeVersionInfo, Scheme] | None:
    """The branch's newest scheme version and the scheme it holds; None before any."""
    with store.read_connection() as conn:
        row = _newest(conn, branch_id)
    if row is None:
        return None
    return _info(row), _parse_stored(row)


def active_of(store: Store, branch_ids: Sequence[int] | None = None) -> dict[int, Scheme]:
    """branch id → its active scheme, for the branches named (None: every branch the
    connection may see) that have one, in one query; a text many branches share is
    parsed once."""
    newest = select(func.max(scheme_t.c.id)).group_by(scheme_t.c.branch_id)
    stmt = select(*_COLUMNS, scheme_t.c.branch_id, scheme_t.c.source).where(
        scheme_t.c.id.in_(newest.scalar_subquery())
    )
    if branch_ids is not None:
        stmt = stmt.where(scheme_t.c.branch_id.in_(branch_ids))
    with store.read_connection() as conn:
        rows = conn.execute(stmt).all()
    parsed: dict[str, Scheme] = {}
    out: dict[int, Scheme] = {}
    for row in rows:
        if row.sha256 not in parsed:
            parsed[row.sha256] = _parse_stored(row)
        out[row.branch_id] = parsed[row.sha256]
    return out


def ensure_active(store: Store, branch_id: int) -> tuple[SchemeVersionInfo, Scheme]:
    """The active scheme, activating the bundled default on a branch that has none."""
    found = active(store, branch_id)
    if found is not None:
        return found
    source = default_scheme_text()
    scheme = parse_scheme(source, DEFAULT_SCHEME_RESOURCE)
    with store.write_transaction() as conn:
        if conn.dialect.name == "postgresql":
            # Two sessions opening a fresh branch at once store the default once: the
            # audit chain's lock (taken again by ``audit``, which is re-entrant) orders them.
            conn.execute(select(func.pg_advisory_xact_lock(AUDIT_CHAIN_LOCK)))
        row = _newest(conn, branch_id)  # SQLite: BEGIN IMMEDIATE already serialized us
        if row is not None:
            return _info(row), _parse_stored(row)
        return _insert(store, conn, branch_id, source, scheme), scheme


def versions(store: Store, branch_id: int) -> list[SchemeVersionInfo]:
    """Every version the branch used, newest first."""
    with store.read_connection() as conn:
        rows = conn.execute(
            select(*_COLUMNS)
            .where(scheme_t.c.branch_id == branch_id)
            .order_by(scheme_t.c.id.desc())
        )
        return [_info(r) for r in rows]


def source_of(store: Store, branch_id: int, version_id: int) -> str:
    """The TOML text of one of the branch's scheme versions, exactly as it was used."""
    with store.read_connection() as conn:
        text = conn.scalar(
            select(scheme_t.c.source).where(
                scheme_t.c.id == version_id, scheme_t.c.branch_id == branch_id
            )
        )
    if text is None:
        raise StoreError("scheme.version_not_found", id=version_id)
    return text

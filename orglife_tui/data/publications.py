"""What was published stays what was published (docs/architecture.md §5; issue 9 §5).

A publication is one row of the append-only ``publication`` table (triggers refuse UPDATE
and DELETE on SQLite and PostgreSQL): a publicity notice (公示) or the result of an
appraisal session, stored with the rows it showed (``data``, JSON) and the two hash-chain
heads it was made from: the branch's points ledger head (``ledger_head``, the hash of its
newest entry, as ``verify`` prints it) and the audit log head (``audit_head``).

Every later read of a publication renders ``data``; nothing is recomputed, so points
added, reversed or back-dated afterwards, or later membership events, change none of it.

How a publication is written, in one write transaction:

1. the branch's ledger chain and the audit chain are locked (PostgreSQL advisory locks;
   SQLite's write transaction already serializes writers), so no entry lands between the
   numbers and the heads;
2. the rows are computed and encoded as canonical JSON (sorted keys, no spaces);
3. one audit event is written carrying the ledger head and the SHA-256 of that JSON text;
4. the audit head is read — it is the hash of that very event, so a head written on paper
   names the event that names the data;
5. the publication row is inserted.

``verify`` checks each publication (``problems``) without recomputing it: its JSON parses,
its SHA-256 is the one an audit event recorded, its heads are links of the chains, and an
appraisal publication belongs to a published session of its branch.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any, overload

from sqlalchemy import Connection, func, insert, select

from orglife_tui.data.chain import GENESIS
from orglife_tui.data.errors import NotFound
from orglife_tui.data.ledger.links import _head as ledger_head_of
from orglife_tui.data.ledger.links import _lock_chain
from orglife_tui.data.models import (
    audit_t,
    inserted_id,
    ledger_t,
    publication_t,
    session_t,
)
from orglife_tui.data.store import AUDIT_CHAIN_LOCK, Store, audit_head

PUBLICITY = "publicity"
APPRAISAL = "appraisal"
KINDS = (PUBLICITY, APPRAISAL)
# The version of the layout of ``data``; a reader meeting a newer one refuses it.
DATA_FORMAT = 1
# The audit action of each kind; the appraisal's is the session's own publish event.
AUDIT_ACTIONS = {PUBLICITY: "publication.publicity", APPRAISAL: "appraisal.publish"}


@dataclass(frozen=True)
class PublicationRow:
    id: int
    branch_id: int
    kind: str
    year: int
    as_of: date
    window_start: date | None
    window_end: date | None
    session_id: int | None
    ledger_head: str
    audit_head: str | None
    data: dict[str, Any]  # the rows as shown
    sha256: str  # of the stored JSON text
    operator: str
    created_at: datetime


@dataclass(frozen=True)
class PublicationProblem:
    publication_id: int
    branch_id: int
    reason: str  # catalog key


# ---------------------------------------------------------------------------- helpers


def now() -> datetime:
    """A publication's time: UTC, whole seconds (it is printed on the sheet)."""
    return datetime.now(timezone.utc).replace(microsecond=0)


def data_text(data: Mapping[str, Any]) -> str:
    """The one spelling of ``data`` that is stored and hashed."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def iso(value: datetime | date | None) -> str | None:
    return None if value is None else value.isoformat()


@overload
def from_iso(value: str) -> datetime: ...
@overload
def from_iso(value: str | None) -> datetime | None: ...
def from_iso(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def lock_heads(conn: Connection, branch_id: int) -> None:
    """Hold the branch's ledger chain and the audit chain still until the transaction ends
    (PostgreSQL; SQLite serializes write transactions). Taken in the order every ledger
    write takes them (chain, then audit), so that none waits for the other in a circle."""
    _lock_chain(conn, branch_id)
    if conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(AUDIT_CHAIN_LOCK)))


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _row(columns: Mapping[str, Any]) -> PublicationRow:
    """A publication from its table's columns (a row read back, or the values just
    inserted): the dataclass has one field per column, so a column added to the table and
    not to it fails here, not silently. ``data`` parsed; ``sha256`` of the stored text."""
    fields = dict(columns)
    text = fields.pop("data")
    fields["created_at"] = _aware(fields["created_at"])
    return PublicationRow(**fields, data=json.loads(text), sha256=sha256(text))


# ---------------------------------------------------------------------------- writing


def record(
    store: Store,
    conn: Connection,
    *,
    branch_id: int,
    kind: str,
    year: int,
    as_of: date,
    data: Mapping[str, Any],
    created_at: datetime,
    audit_detail: Mapping[str, object],
    window_start: date | None = None,
    window_end: date | None = None,
    session_id: int | None = None,
) -> PublicationRow:
    """Store a publication inside the caller's write transaction, which has taken
    ``lock_heads`` before computing ``data``. Writes the kind's audit event (with
    ``audit_detail``, the ledger head and the data's SHA-256) and then the row."""
    text = data_text(data)
    digest = sha256(text)
    ledger = ledger_head_of(conn, branch_id)
    store.audit(
        conn, branch_id, AUDIT_ACTIONS[kind], **audit_detail, ledger_head=ledger, sha256=digest
    )
    values: dict[str, Any] = {
        "branch_id": branch_id,
        "kind": kind,
        "year": year,
        "as_of": as_of,
        "window_start": window_start,
        "window_end": window_end,
        "session_id": session_id,
        "ledger_head": ledger,
        "audit_head": audit_head(conn),
        "data": text,
        "operator": store.operator,
        "created_at": created_at,
    }
    # The row returned is read from the very values inserted (one list of columns).
    new_id = inserted_id(conn.execute(insert(publication_t).values(values)))
    return _row({"id": new_id, **values})


# Content that decides whether a publicity is new: everything but when it was made.
_WHEN_KEYS = ("generated_at", "as_of")


def _same_content(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    def strip(d: Mapping[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in d.items() if k not in _WHEN_KEYS}

    return strip(a) == strip(b)


def record_publicity(
    store: Store,
    branch_id: int,
    *,
    year: int,
    window_start: date,
    window_end: date,
    content: Callable[[], Mapping[str, Any]],
) -> tuple[PublicationRow, bool]:
    """Record a publicity notice: ``content()`` gives its data (computed while the heads
    are held). Returns the publication and whether it is new: a notice of the same year and
    window, made from the same ledger head with the same rows, is the one recorded before
    (running the export twice posts one notice, not two)."""
    as_of = store.today()
    with store.write_transaction() as conn:
        lock_heads(conn, branch_id)
        data = dict(content())
        head = ledger_head_of(conn, branch_id)
        previous = conn.execute(
            select(publication_t)
            .where(
                publication_t.c.branch_id == branch_id,
                publication_t.c.kind == PUBLICITY,
                publication_t.c.year == year,
                publication_t.c.window_start == window_start,
                publication_t.c.window_end == window_end,
            )
            .order_by(publication_t.c.id.desc())
            .limit(1)
        ).first()
        if previous is not None and previous.ledger_head == head:
            before = _row(previous._asdict())
            if _same_content(before.data, data):
                return before, False
        created = now()
        data["generated_at"] = iso(created)
        data["as_of"] = iso(as_of)
        row = record(
            store,
            conn,
            branch_id=branch_id,
            kind=PUBLICITY,
            year=year,
            as_of=as_of,
            data=data,
            created_at=created,
            window_start=window_start,
            window_end=window_end,
            audit_detail={
                "year": year,
                "window_start": window_start.isoformat(),
                "window_end": window_end.isoformat(),
                "members": len(data.get("rows", ())),
            },
        )
        return row, True


# ---------------------------------------------------------------------------- reading


def get_publication(
    store: Store, branch_id: int, publication_id: int, kind: str | None = None
) -> PublicationRow:
    with store.read_connection() as conn:
        stmt = select(publication_t).where(
            publication_t.c.id == publication_id, publication_t.c.branch_id == branch_id
        )
        if kind is not None:
            stmt = stmt.where(publication_t.c.kind == kind)
        r = conn.execute(stmt).first()
    if r is None:
        raise NotFound(f"publication.not_found.{kind or 'any'}", id=publication_id)
    return _row(r._asdict())


def for_session(conn: Connection, branch_id: int | None, session_id: int) -> PublicationRow | None:
    """The publication of an appraisal session (None: not published, or published before
    publications were kept)."""
    stmt = select(publication_t).where(
        publication_t.c.kind == APPRAISAL, publication_t.c.session_id == session_id
    )
    if branch_id is not None:
        stmt = stmt.where(publication_t.c.branch_id == branch_id)
    r = conn.execute(stmt).first()
    return None if r is None else _row(r._asdict())


def session_publication(store: Store, branch_id: int, session_id: int) -> PublicationRow | None:
    """``for_session`` on a connection of its own."""
    with store.read_connection() as conn:
        return for_session(conn, branch_id, session_id)


def list_publications(
    store: Store, branch_id: int, kind: str | None = None
) -> list[PublicationRow]:
    """The branch's publications, newest first."""
    stmt = select(publication_t).where(publication_t.c.branch_id == branch_id)
    if kind is not None:
        stmt = stmt.where(publication_t.c.kind == kind)
    with store.read_connection() as conn:
        return [_row(r._asdict()) for r in conn.execute(stmt.order_by(publication_t.c.id.desc()))]


# ---------------------------------------------------------------------------- verify


def _recorded_digests(conn: Connection) -> dict[str, set[str]]:
    """Per audit action of a publication, the data digests its events recorded."""
    out: dict[str, set[str]] = {action: set() for action in AUDIT_ACTIONS.values()}
    rows = conn.execute(
        select(audit_t.c.action, audit_t.c.detail).where(
            audit_t.c.action.in_(list(AUDIT_ACTIONS.values()))
        )
    )
    for action, detail in rows:
        try:
            digest = json.loads(detail).get("sha256")
        except (ValueError, AttributeError):
            continue
        if isinstance(digest, str):
            out[action].add(digest)
    return out


def _in_ledger(conn: Connection, branch_id: int, head: str) -> bool:
    if head == GENESIS:
        return True
    found = conn.scalar(
        select(ledger_t.c.id)
        .where(ledger_t.c.branch_id == branch_id, ledger_t.c.hash == head)
        .limit(1)
    )
    return found is not None


def _in_audit(conn: Connection, head: str | None) -> bool:
    if head is None:
        return False
    return conn.scalar(select(audit_t.c.id).where(audit_t.c.hash == head).limit(1)) is not None


def problems(conn: Connection) -> list[PublicationProblem]:
    """Every stored publication that is no longer intact: its data does not parse (or is of
    an unknown layout), no audit event recorded its digest, a head it names is not a link
    of its chain, or (appraisal) its session is not a published session of its branch.
    Nothing is recomputed."""
    out: list[PublicationProblem] = []
    rows = conn.execute(select(publication_t).order_by(publication_t.c.id)).all()
    if not rows:
        return out
    digests = _recorded_digests(conn)
    sessions = {
        r.id: (r.branch_id, r.state)
        for r in conn.execute(select(session_t.c.id, session_t.c.branch_id, session_t.c.state))
    }
    for r in rows:
        reason = None
        try:
            data = json.loads(r.data)
            if not isinstance(data, dict) or data.get("format") != DATA_FORMAT:
                raise ValueError
        except ValueError:
            data = None
        if data is None or data.get("kind") != r.kind:
            reason = "publication.verify.bad_data"
        elif r.kind == APPRAISAL and sessions.get(r.session_id) != (r.branch_id, "published"):
            reason = "publication.verify.not_published"
        elif sha256(r.data) not in digests.get(AUDIT_ACTIONS.get(r.kind, ""), set()):
            reason = "publication.verify.digest_unknown"
        elif not _in_ledger(conn, r.branch_id, r.ledger_head):
            reason = "publication.verify.ledger_head_unknown"
        elif not _in_audit(conn, r.audit_head):
            reason = "publication.verify.audit_head_unknown"
        if reason is not None:
            out.append(PublicationProblem(r.id, r.branch_id, reason))
    return out


__all__ = [
    "APPRAISAL",
    "DATA_FORMAT",
    "KINDS",
    "PUBLICITY",
    "PublicationProblem",
    "PublicationRow",
    "audit_head",
    "data_text",
    "for_session",
    "from_iso",
    "get_publication",
    "iso",
    "list_publications",
    "lock_heads",
    "now",
    "problems",
    "record",
    "record_publicity",
    "session_publication",
    "sha256",
]

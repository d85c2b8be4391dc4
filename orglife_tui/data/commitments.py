"""设岗定责 and 承诺践诺: each member's posts and commitments for a year, and the points the
commitments are worth, booked from this register (never typed).

A commitment evaluated ``fulfilled`` books the scheme's ``commitment_kept`` item, one
evaluated ``not_fulfilled`` its ``commitment_broken`` item (``scoring.model.REGISTER_ITEMS``),
dated the day it was evaluated. ``sync_commitments`` keeps those ledger entries (source
``commitment``) in line with the register the way the dues sync does: idempotent, entries
no longer wanted reversed with a note, missing ones added; whoever changes a commitment
calls ``services.points.after_commitment_change`` next.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlalchemy import Connection, and_, func, insert, select, update

from orglife_tui.data.errors import NotFound, StoreError, refuse_unsafe_text
from orglife_tui.data.models import commitment_t, inserted_id, member_post_t, member_t
from orglife_tui.data.rows import with_member
from orglife_tui.data.store import Store
from orglife_tui.domain import CommitmentStatus, stripped_or_none
from orglife_tui.scoring.model import Register, Scheme

COMMITMENT = "commitment"  # ledger_entry.source of the entries booked from commitments
MIN_YEAR, MAX_YEAR = 1900, 2999
POST_MAX = 100
NOTE_MAX = 200  # the ledger note: the commitment's number and the start of its text

# The statuses that close a commitment: evaluated on a day, and worth the item's points.
EVALUATED = {
    CommitmentStatus.fulfilled: Register.commitment_fulfilled,
    CommitmentStatus.not_fulfilled: Register.commitment_not_fulfilled,
}


@dataclass(frozen=True)
class PostInput:
    member_no: str
    year: int
    post: str  # 岗位
    duty: str | None = None  # 职责


@dataclass(frozen=True)
class PostRow:
    id: int
    member_no: str
    name: str
    year: int
    post: str
    duty: str | None


@dataclass(frozen=True)
class CommitmentInput:
    member_no: str
    year: int
    text: str


@dataclass(frozen=True)
class CommitmentRow:
    id: int
    member_no: str
    name: str
    year: int
    text: str
    status: CommitmentStatus
    evaluated_on: date | None


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _member_id(conn: Connection, branch_id: int, member_no: str) -> int:
    number = (member_no or "").strip()
    found = conn.scalar(
        select(member_t.c.id).where(
            member_t.c.branch_id == branch_id, member_t.c.member_no == number
        )
    )
    if found is None:
        raise NotFound("member_not_found", member_no=number)
    return int(found)


def _year(year: int) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise StoreError("life.year_out_of_range", year=year, min=MIN_YEAR, max=MAX_YEAR)
    return year


def _text(field: str, value: str | None, empty_key: str, limit: int | None = None) -> str:
    text = stripped_or_none(value)
    if text is None:
        raise StoreError(empty_key)
    if limit is not None and len(text) > limit:
        raise StoreError("life.text_too_long", field=field, limit=limit)
    refuse_unsafe_text(f"field.{field}", text, multiline=limit is None)
    return text


# ---------------------------------------------------------------------------- posts


def _post_values(conn: Connection, branch_id: int, item: PostInput) -> dict[str, object]:
    duty = stripped_or_none(item.duty)
    refuse_unsafe_text("field.duty", duty, multiline=True)
    return {
        "member_id": _member_id(conn, branch_id, item.member_no),
        "year": _year(item.year),
        "post": _text("member_post", item.post, "life.post_empty", POST_MAX),
        "duty": duty,
    }


def add_post(store: Store, branch_id: int, item: PostInput) -> PostRow:
    with store.write_transaction() as conn:
        values = _post_values(conn, branch_id, item)
        post_id = inserted_id(
            conn.execute(
                insert(member_post_t).values(
                    branch_id=branch_id, operator=store.operator, created_at=_now(), **values
                )
            )
        )
        store.audit(conn, branch_id, "post.add", id=post_id, member_no=item.member_no, **values)
    return get_post(store, branch_id, post_id)


def update_post(store: Store, branch_id: int, post_id: int, item: PostInput) -> PostRow:
    with store.write_transaction() as conn:
        old = _get(conn, member_post_t, branch_id, post_id, "life.post_not_found")
        values = _post_values(conn, branch_id, item)
        changes = {k: {"old": old[k], "new": v} for k, v in values.items() if old[k] != v}
        if changes:
            conn.execute(
                update(member_post_t).where(member_post_t.c.id == post_id).values(**values)
            )
            store.audit(conn, branch_id, "post.update", id=post_id, changes=changes)
    return get_post(store, branch_id, post_id)


def _get(conn: Connection, table, branch_id: int, row_id: int, missing: str):
    row = (
        conn.execute(select(table).where(table.c.id == row_id, table.c.branch_id == branch_id))
        .mappings()
        .first()
    )
    if row is None:
        raise NotFound(missing, id=row_id)
    return row


def _post_row(r) -> PostRow:
    return PostRow(r.id, r.member_no, r.name, r.year, r.post, r.duty)


def get_post(store: Store, branch_id: int, post_id: int) -> PostRow:
    with store.read_connection() as conn:
        r = conn.execute(
            with_member(member_post_t).where(
                member_post_t.c.id == post_id, member_post_t.c.branch_id == branch_id
            )
        ).first()
    if r is None:
        raise NotFound("life.post_not_found", id=post_id)
    return _post_row(r)


def list_posts(store: Store, branch_id: int, year: int | None = None) -> list[PostRow]:
    """The posts, by year, then member, then id."""
    cond = [member_post_t.c.branch_id == branch_id]
    if year is not None:
        cond.append(member_post_t.c.year == year)
    with store.read_connection() as conn:
        return [
            _post_row(r)
            for r in conn.execute(
                with_member(member_post_t)
                .where(and_(*cond))
                .order_by(member_post_t.c.year, member_t.c.sort_key, member_post_t.c.id)
            )
        ]


# ---------------------------------------------------------------------------- commitments


def add_commitment(store: Store, branch_id: int, item: CommitmentInput) -> CommitmentRow:
    """A commitment made for ``item.year``, planned until it is evaluated."""
    with store.write_transaction() as conn:
        values = {
            "member_id": _member_id(conn, branch_id, item.member_no),
            "year": _year(item.year),
            "text": _text("commitment", item.text, "life.commitment_empty"),
        }
        commitment_id = inserted_id(
            conn.execute(
                insert(commitment_t).values(
                    branch_id=branch_id,
                    status=CommitmentStatus.planned.value,
                    operator=store.operator,
                    created_at=_now(),
                    **values,
                )
            )
        )
        store.audit(
            conn, branch_id, "commitment.add", id=commitment_id, member_no=item.member_no, **values
        )
    return get_commitment(store, branch_id, commitment_id)


def update_commitment(
    store: Store, branch_id: int, commitment_id: int, item: CommitmentInput
) -> CommitmentRow:
    """Change what a commitment says, whose and for which year (its status: ``set_status``)."""
    with store.write_transaction() as conn:
        old = _get(conn, commitment_t, branch_id, commitment_id, "life.commitment_not_found")
        values = {
            "member_id": _member_id(conn, branch_id, item.member_no),
            "year": _year(item.year),
            "text": _text("commitment", item.text, "life.commitment_empty"),
        }
        changes = {k: {"old": old[k], "new": v} for k, v in values.items() if old[k] != v}
        if changes:
            conn.execute(
                update(commitment_t).where(commitment_t.c.id == commitment_id).values(**values)
            )
            store.audit(conn, branch_id, "commitment.update", id=commitment_id, changes=changes)
    return get_commitment(store, branch_id, commitment_id)


def set_status(
    store: Store,
    branch_id: int,
    commitment_id: int,
    status: CommitmentStatus,
    on: date | None = None,
) -> CommitmentRow:
    """Move a commitment to ``status``. Fulfilled and not fulfilled are evaluated ``on`` a
    day (default today): neither in the future nor before the commitment's year. Planned
    and in progress clear the evaluation. The caller lets the points follow."""
    status = CommitmentStatus(status)
    with store.write_transaction() as conn:
        old = _get(conn, commitment_t, branch_id, commitment_id, "life.commitment_not_found")
        evaluated = None
        if status in EVALUATED:
            evaluated = on or store.today()
            if evaluated > store.today():
                raise StoreError("life.evaluated_in_future", on=evaluated.isoformat())
            if evaluated < date(old["year"], 1, 1):
                raise StoreError(
                    "life.evaluated_before_year", on=evaluated.isoformat(), year=old["year"]
                )
        values = {"status": status.value, "evaluated_on": evaluated}
        changes = {k: {"old": old[k], "new": v} for k, v in values.items() if old[k] != v}
        if changes:
            conn.execute(
                update(commitment_t).where(commitment_t.c.id == commitment_id).values(**values)
            )
            store.audit(conn, branch_id, "commitment.status", id=commitment_id, changes=changes)
    return get_commitment(store, branch_id, commitment_id)


def _commitment_row(r) -> CommitmentRow:
    return CommitmentRow(
        r.id, r.member_no, r.name, r.year, r.text, CommitmentStatus(r.status), r.evaluated_on
    )


def get_commitment(store: Store, branch_id: int, commitment_id: int) -> CommitmentRow:
    with store.read_connection() as conn:
        r = conn.execute(
            with_member(commitment_t).where(
                commitment_t.c.id == commitment_id, commitment_t.c.branch_id == branch_id
            )
        ).first()
    if r is None:
        raise NotFound("life.commitment_not_found", id=commitment_id)
    return _commitment_row(r)


def list_commitments(
    store: Store, branch_id: int, year: int | None = None, member_id: int | None = None
) -> list[CommitmentRow]:
    """The commitments (one member's with ``member_id``), by year, then member, then id."""
    cond = [commitment_t.c.branch_id == branch_id]
    if year is not None:
        cond.append(commitment_t.c.year == year)
    if member_id is not None:
        cond.append(commitment_t.c.member_id == member_id)
    with store.read_connection() as conn:
        return [
            _commitment_row(r)
            for r in conn.execute(
                with_member(commitment_t)
                .where(and_(*cond))
                .order_by(commitment_t.c.year, member_t.c.sort_key, commitment_t.c.id)
            )
        ]


def year_counts(store: Store, branch_id: int, year: int) -> dict[str, int]:
    """The year's posts (``posts``) and its commitments by status (the status keys)."""
    with store.read_connection() as conn:
        out = {s.value: 0 for s in CommitmentStatus}
        for status, n in conn.execute(
            select(commitment_t.c.status, func.count())
            .where(commitment_t.c.branch_id == branch_id, commitment_t.c.year == year)
            .group_by(commitment_t.c.status)
        ):
            out[status] = int(n)
        out["posts"] = int(
            conn.scalar(
                select(func.count())
                .select_from(member_post_t)
                .where(member_post_t.c.branch_id == branch_id, member_post_t.c.year == year)
            )
            or 0
        )
    return out


# ---------------------------------------------------------------------------- points


def _note(commitment_id: int, text: str) -> str:
    """The ledger note of a commitment's entry: its number first (the sync's key), then
    the start of its text."""
    note = f"#{commitment_id} {' '.join(text.split())}"
    return note if len(note) <= NOTE_MAX else note[: NOTE_MAX - 1] + "…"


def sync_commitments(store: Store, branch_id: int, scheme: Scheme, scheme_version_id: int | None):
    """Bring the commitment entries in line with the register and the scheme, idempotently:
    one transaction, one ``ledger.sync`` audit row when anything changed."""
    with store.write_transaction() as conn:
        return sync_commitments_in(store, conn, branch_id, scheme, scheme_version_id)


def sync_commitments_in(
    store: Store, conn: Connection, branch_id: int, scheme: Scheme, scheme_version_id: int | None
):
    """``sync_commitments`` inside the caller's write transaction (``scheme use``)."""
    from orglife_tui.data.ledger.attendance import live_derived, write_derived
    from orglife_tui.data.ledger.links import _amount, _as_date

    items = {status: scheme.register_items(register) for status, register in EVALUATED.items()}
    wanted: dict[tuple[int, str, str], tuple[float, date]] = {}
    evaluated = [s.value for s in EVALUATED]
    for r in conn.execute(
        select(
            commitment_t.c.id,
            commitment_t.c.member_id,
            commitment_t.c.text,
            commitment_t.c.status,
            commitment_t.c.evaluated_on,
        ).where(
            commitment_t.c.branch_id == branch_id,
            commitment_t.c.status.in_(evaluated),
            commitment_t.c.evaluated_on.is_not(None),
        )
    ):
        for item in items[CommitmentStatus(r.status)]:
            key = (r.member_id, item.code, _note(r.id, r.text))
            wanted[key] = (_amount(item.points), _as_date(r.evaluated_on))
    live = live_derived(conn, branch_id, COMMITMENT)
    reverse: list[tuple[dict, str]] = []
    kept: set[tuple[int, str, str]] = set()
    for entry in live:
        key = (entry["member_id"], entry["item_code"], entry["note"] or "")
        want = wanted.get(key)
        if want is None or key in kept:
            reverse.append((dict(entry), "life.note.commitment_changed"))
        elif abs(float(entry["points"]) - want[0]) > 0.005:
            reverse.append((dict(entry), "ledger.note.scheme_changed"))
        elif _as_date(entry["entry_date"]) != want[1]:
            reverse.append((dict(entry), "life.note.commitment_changed"))
        else:
            kept.add(key)
    adds = [
        {
            "member_id": member_id,
            "item_code": code,
            "points": points,
            "hours": None,
            "entry_date": dated,
            "note": note,
            "source": COMMITMENT,
            "meeting_id": None,
            "scheme_version_id": scheme_version_id,
        }
        for (member_id, code, note), (points, dated) in sorted(
            wanted.items(), key=lambda kv: (kv[1][1], kv[0][0], kv[0][1], kv[0][2])
        )
        if (member_id, code, note) not in kept
    ]
    return write_derived(store, conn, branch_id, COMMITMENT, reverse, adds, scheme_version_id)

"""Branches: create, find, rename, the records start, and the
dashboard's summary. ``Store`` keeps these as methods (``store.resolve_branch(...)``)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import and_, func, insert, select, update

from orglife_tui.data.errors import (
    Conflict,
    NotFound,
    StoreError,
    refuse_unsafe_text,
)
from orglife_tui.data.meetings import _meeting_rows
from orglife_tui.data.models import (
    branch_t,
    group_t,
    inserted_id,
    ledger_t,
    meeting_t,
    member_t,
    talk_t,
)
from orglife_tui.data.rows import (
    DEFAULT_BRANCH_NAME,
    BranchInfo,
    BranchSummary,
    _now,
    live_meeting,
    records_start_of,
)
from orglife_tui.domain import add_months

if TYPE_CHECKING:
    from orglife_tui.data.store import Store


def branches(store: Store) -> list[BranchInfo]:
    with store.read_connection() as conn:
        rows = conn.execute(select(branch_t.c.id, branch_t.c.name).order_by(branch_t.c.name))
        return [BranchInfo(r.id, r.name) for r in rows]


def create_branch(store: Store, name: str) -> BranchInfo:
    name = name.strip()
    if not name:
        raise StoreError("branch_name_empty")
    refuse_unsafe_text("field.branch", name)
    with store.write_transaction() as conn:
        if conn.scalar(select(branch_t.c.id).where(branch_t.c.name == name)) is not None:
            raise Conflict("branch_exists", name=name)
        branch_id = inserted_id(
            conn.execute(
                insert(branch_t).values(
                    name=name, created_at=_now(), records_start=store.today().replace(day=1)
                )
            )
        )
        store.audit(conn, branch_id, "branch.create", name=name)
    return BranchInfo(branch_id, name)


def resolve_branch(
    store: Store, name: str | None, default_name: str = DEFAULT_BRANCH_NAME
) -> BranchInfo:
    """The branch a command works on (``--branch`` may be left out while one exists).

    On an empty database the branch is created, named ``name`` or ``default_name``.
    """
    branches = store.branches()
    if not branches and store.restricted:
        # Row-level security shows this login no branch: creating one is not theirs to do.
        raise NotFound("users.no_branch", name=store.operator)
    if not branches:
        try:
            return store.create_branch(name or default_name)
        except Conflict:  # another process created it a moment ago
            return store.resolve_branch(name, default_name)
    if name:
        for b in branches:
            if b.name == name:
                return b
        raise NotFound("branch_not_found", name=name, known="、".join(b.name for b in branches))
    if len(branches) == 1:
        return branches[0]
    raise StoreError("branch_ambiguous", known="、".join(b.name for b in branches))


def rename_branch(store: Store, branch_id: int, new_name: str) -> BranchInfo:
    new_name = new_name.strip()
    if not new_name:
        raise StoreError("branch_name_empty")
    refuse_unsafe_text("field.branch", new_name)
    with store.write_transaction() as conn:
        old = conn.scalar(select(branch_t.c.name).where(branch_t.c.id == branch_id))
        if old is None:
            raise NotFound("branch_not_found", name=str(branch_id), known="")
        clash = conn.scalar(
            select(branch_t.c.id).where(branch_t.c.name == new_name, branch_t.c.id != branch_id)
        )
        if clash is not None:
            raise Conflict("branch_exists", name=new_name)
        conn.execute(update(branch_t).where(branch_t.c.id == branch_id).values(name=new_name))
        store.audit(conn, branch_id, "branch.rename", old=old, new=new_name)
    return BranchInfo(branch_id, new_name)


def records_start(store: Store, branch_id: int) -> date | None:
    """The first day the branch's records cover: every period from it on is judged."""
    with store.read_connection() as conn:
        if conn.scalar(select(branch_t.c.id).where(branch_t.c.id == branch_id)) is None:
            raise NotFound("branch_not_found", name=str(branch_id), known="")
        return records_start_of(conn, branch_id)


def set_records_start(store: Store, branch_id: int, start: date) -> date:
    """Move the branch's records start (audited). Refused after today, and later than
    the branch's earliest record (a meeting, a talk, a points entry booked by hand):
    a record before the start would fall outside every judged period."""
    today = store.today()
    if start > today:
        raise StoreError(
            "corrections.start_in_future", date=start.isoformat(), today=today.isoformat()
        )
    with store.write_transaction() as conn:
        old = conn.execute(
            select(branch_t.c.id, branch_t.c.records_start).where(branch_t.c.id == branch_id)
        ).first()
        if old is None:
            raise NotFound("branch_not_found", name=str(branch_id), known="")
        reversed_ = ledger_t.alias("rev")
        firsts = [
            conn.scalar(
                select(func.min(meeting_t.c.date)).where(
                    meeting_t.c.branch_id == branch_id, live_meeting()
                )
            ),
            conn.scalar(select(func.min(talk_t.c.date)).where(talk_t.c.branch_id == branch_id)),
            conn.scalar(
                select(func.min(ledger_t.c.entry_date)).where(
                    ledger_t.c.branch_id == branch_id,
                    ledger_t.c.source == "manual",
                    ledger_t.c.reverses_id.is_(None),
                    ~select(reversed_.c.id)
                    .where(reversed_.c.reverses_id == ledger_t.c.id)
                    .exists(),
                )
            ),
        ]
        known = [d for d in firsts if d is not None]
        if known and start > min(known):
            first = min(known)
            raise StoreError(
                "corrections.start_after_records",
                date=start.isoformat(),
                first=first.isoformat(),
            )
        if old.records_start != start:
            conn.execute(
                update(branch_t).where(branch_t.c.id == branch_id).values(records_start=start)
            )
            store.audit(
                conn,
                branch_id,
                "branch.records_start",
                old=old.records_start.isoformat() if old.records_start else None,
                new=start.isoformat(),
            )
    return start


def summary(store: Store, branch_id: int, today: date | None = None) -> BranchSummary:
    """The dashboard's counts: members in the branch ``today`` by their status that day."""
    from orglife_tui.data.membership import in_branch_on, status_on

    today = today or store.today()
    with store.read_connection() as conn:
        name = conn.scalar(select(branch_t.c.name).where(branch_t.c.id == branch_id))
        if name is None:
            raise NotFound("branch_not_found", name=str(branch_id), known="")
        status = status_on(today).label("status_today")
        counts = dict(
            conn.execute(
                select(status, func.count())
                .where(member_t.c.branch_id == branch_id, in_branch_on(today))
                .group_by(status)
            ).all()
        )
        groups = conn.scalar(
            select(func.count()).select_from(group_t).where(group_t.c.branch_id == branch_id)
        )
        year_count = conn.scalar(
            select(func.count())
            .select_from(meeting_t)
            .where(
                meeting_t.c.branch_id == branch_id,
                live_meeting(),
                meeting_t.c.date >= date(today.year, 1, 1),
                meeting_t.c.date <= date(today.year, 12, 31),
            )
        )
        first = today.replace(day=1)
        nxt = date(*add_months(first.year, first.month, 1), 1)
        month = _meeting_rows(
            store,
            conn,
            and_(
                meeting_t.c.branch_id == branch_id,
                live_meeting(),
                meeting_t.c.date >= first,
                meeting_t.c.date < nxt,
            ),
        )
    return BranchSummary(
        branch=BranchInfo(branch_id, name),
        full_members=int(counts.get("full", 0)),
        probationary_members=int(counts.get("probationary", 0)),
        groups=int(groups or 0),
        meetings_this_month=month,
        meetings_this_year=int(year_count or 0),
    )

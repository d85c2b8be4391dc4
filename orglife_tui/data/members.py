"""The roster's members and the party groups they belong to: list, count, read, add and
update, one transaction with its audit row each. ``Store`` keeps these as methods
(``store.list_members(...)``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import Connection, and_, func, insert, or_, select, update

from orglife_tui.data.errors import (
    Conflict,
    NotFound,
)
from orglife_tui.data.models import group_t, member_t
from orglife_tui.data.rows import (
    STANDING_ALL,
    STANDING_ARCHIVED,
    STANDING_CURRENT,
    MemberRow,
    RowProblems,
    _opt_enum,
    member_values,
)
from orglife_tui.domain import (
    CommitteePost,
    Gender,
    MemberStatus,
)
from orglife_tui.domain.records import MemberInput

if TYPE_CHECKING:
    from orglife_tui.data.store import Store


def groups(store: Store, branch_id: int) -> list[str]:
    """The branch's party groups in the order they were set up (第一, 第二, 第三 …)."""
    with store.read_connection() as conn:
        return list(
            conn.scalars(
                select(group_t.c.name)
                .where(group_t.c.branch_id == branch_id)
                .order_by(group_t.c.id)
            )
        )


def _group_ids(
    store: Store, conn: Connection, branch_id: int, names: Iterable[str | None]
) -> dict[str, int]:
    """Ids of the named groups, creating the missing ones in the same transaction."""
    wanted = {n for n in names if n}
    existing = {
        r.name: r.id
        for r in conn.execute(
            select(group_t.c.id, group_t.c.name).where(group_t.c.branch_id == branch_id)
        )
    }
    missing = sorted(wanted - existing.keys())
    if missing:
        conn.execute(insert(group_t), [{"branch_id": branch_id, "name": n} for n in missing])
        store.audit(conn, branch_id, "group.create", names=missing)
        existing = {
            r.name: r.id
            for r in conn.execute(
                select(group_t.c.id, group_t.c.name).where(group_t.c.branch_id == branch_id)
            )
        }
    return existing


def _member_select(store: Store):
    return (
        select(
            member_t.c.id,
            member_t.c.member_no,
            member_t.c.name,
            member_t.c.status,
            member_t.c.gender,
            member_t.c.birth_date,
            member_t.c.join_date,
            member_t.c.full_date,
            group_t.c.name.label("group_name"),
            member_t.c.post,
            member_t.c.phone,
            member_t.c.dues_paid_until,
            member_t.c.entered_on,
            member_t.c.left_on,
            member_t.c.left_kind,
            member_t.c.leader,
        )
        .select_from(member_t)
        .outerjoin(group_t, group_t.c.id == member_t.c.group_id)
    )


def _member_row(r) -> MemberRow:
    return MemberRow(
        id=r.id,
        member_no=r.member_no,
        name=r.name,
        status=MemberStatus(r.status),
        gender=_opt_enum(Gender, r.gender),
        birth_date=r.birth_date,
        join_date=r.join_date,
        full_date=r.full_date,
        group=r.group_name,
        post=_opt_enum(CommitteePost, r.post),
        phone=r.phone,
        dues_paid_until=r.dues_paid_until,
        entered_on=r.entered_on,
        left_on=r.left_on,
        left_kind=r.left_kind,
        leader=bool(r.leader),
    )


def _member_filter(
    store: Store,
    branch_id: int,
    search: str | None,
    status: MemberStatus | None,
    group: str | None,
    standing: str = STANDING_ALL,
):
    from orglife_tui.data.membership import in_branch_on

    cond = [member_t.c.branch_id == branch_id]
    if standing == STANDING_CURRENT:
        cond.append(in_branch_on(store.today()))
    elif standing == STANDING_ARCHIVED:  # 历史党员: departed by today
        cond.append(and_(member_t.c.left_on.is_not(None), member_t.c.left_on <= store.today()))
    elif standing != STANDING_ALL:
        raise ValueError(f"unknown standing {standing!r}")
    if search:
        # Literal: a % or _ typed in the search box matches itself, not "anything".
        term = search.strip()
        cond.append(
            or_(
                member_t.c.name.contains(term, autoescape=True),
                member_t.c.member_no.contains(term, autoescape=True),
                member_t.c.phone.contains(term, autoescape=True),
            )
        )
    if status is not None:
        cond.append(member_t.c.status == status.value)
    if group:
        cond.append(group_t.c.name == group)
    return and_(*cond)


def list_members(
    store: Store,
    branch_id: int,
    search: str | None = None,
    status: MemberStatus | None = None,
    group: str | None = None,
    offset: int = 0,
    limit: int | None = None,
    standing: str = STANDING_ALL,
) -> list[MemberRow]:
    """Members in natural number order; ``standing`` keeps those in the branch today
    (``current``), those who have left (``archived``, 历史党员) or everyone (``all``)."""
    stmt = (
        _member_select(store)
        .where(_member_filter(store, branch_id, search, status, group, standing))
        .order_by(member_t.c.sort_key, member_t.c.member_no)
        .offset(offset)
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    with store.read_connection() as conn:
        return [_member_row(r) for r in conn.execute(stmt)]


def count_members(
    store: Store,
    branch_id: int,
    search: str | None = None,
    status: MemberStatus | None = None,
    group: str | None = None,
    standing: str = STANDING_ALL,
) -> int:
    stmt = (
        select(func.count())
        .select_from(member_t)
        .outerjoin(group_t, group_t.c.id == member_t.c.group_id)
        .where(_member_filter(store, branch_id, search, status, group, standing))
    )
    with store.read_connection() as conn:
        return conn.scalar(stmt) or 0


def get_member(store: Store, branch_id: int, member_no: str) -> MemberRow:
    with store.read_connection() as conn:
        r = conn.execute(
            _member_select(store).where(
                member_t.c.branch_id == branch_id, member_t.c.member_no == member_no
            )
        ).first()
    if r is None:
        raise NotFound("member_not_found", member_no=member_no)
    return _member_row(r)


def get_member_by_id(store: Store, branch_id: int, member_id: int) -> MemberRow:
    """The branch's member ``member_id`` (a login is linked to its roster member by id)."""
    with store.read_connection() as conn:
        r = conn.execute(
            _member_select(store).where(
                member_t.c.branch_id == branch_id, member_t.c.id == member_id
            )
        ).first()
    if r is None:
        raise NotFound("orders.member_not_found", id=member_id)
    return _member_row(r)


def add_member(store: Store, branch_id: int, m: MemberInput) -> MemberRow:
    try:
        store.add_members(branch_id, [m])
    except RowProblems as exc:
        _, key, params = exc.problems[0]
        raise Conflict(key, **params) from None
    return store.get_member(branch_id, m.member_no)


def update_member(store: Store, branch_id: int, member_id: int, m: MemberInput) -> MemberRow:
    with store.write_transaction() as conn:
        old = conn.execute(
            select(member_t).where(member_t.c.id == member_id, member_t.c.branch_id == branch_id)
        ).first()
        if old is None:
            raise NotFound("member_not_found", member_no=m.member_no)
        clash = conn.scalar(
            select(member_t.c.id).where(
                member_t.c.branch_id == branch_id,
                member_t.c.member_no == m.member_no,
                member_t.c.id != member_id,
            )
        )
        if clash is not None:
            raise Conflict("member_no_taken", member_no=m.member_no)
        values = member_values(m, _group_ids(store, conn, branch_id, [m.group]))
        changed = {
            k: {"old": getattr(old, k), "new": v} for k, v in values.items() if getattr(old, k) != v
        }
        if changed:
            conn.execute(update(member_t).where(member_t.c.id == member_id).values(**values))
            store.audit(conn, branch_id, "member.update", member_no=m.member_no, changes=changed)
    return store.get_member(branch_id, m.member_no)


def add_members(
    store: Store,
    branch_id: int,
    members: Sequence[MemberInput],
    update_existing: bool = False,
    source: str | None = None,
) -> tuple[int, int]:
    """Insert (and with ``update_existing`` update) members in one transaction.

    Returns (added, updated). A member number already in the branch is refused unless
    ``update_existing``; nothing is written when anything is refused.
    """
    problems: list[tuple[int, str, dict[str, str]]] = []
    seen: set[str] = set()
    for i, m in enumerate(members):
        if m.member_no in seen:
            problems.append((i, "member_no_duplicate", {"member_no": m.member_no}))
        seen.add(m.member_no)
    with store.write_transaction() as conn:
        existing = {
            r.member_no: r.id
            for r in conn.execute(
                select(member_t.c.id, member_t.c.member_no).where(member_t.c.branch_id == branch_id)
            )
        }
        if not update_existing:
            problems += [
                (i, "member_no_taken", {"member_no": m.member_no})
                for i, m in enumerate(members)
                if m.member_no in existing
            ]
        if problems:
            raise RowProblems(sorted(problems, key=lambda p: p[0]))
        group_ids = _group_ids(store, conn, branch_id, [m.group for m in members])
        new_rows = [
            {"branch_id": branch_id, **member_values(m, group_ids)}
            for m in members
            if m.member_no not in existing
        ]
        if new_rows:
            conn.execute(insert(member_t), new_rows)
        updated = 0
        changes: list[dict[str, object]] = []  # old and new values of what changed
        for m in members:
            if m.member_no in existing:
                values = member_values(m, group_ids)
                old = conn.execute(
                    select(member_t).where(member_t.c.id == existing[m.member_no])
                ).first()
                changed = {
                    k: {"old": getattr(old, k), "new": v}
                    for k, v in values.items()
                    if getattr(old, k) != v
                }
                conn.execute(
                    update(member_t).where(member_t.c.id == existing[m.member_no]).values(**values)
                )
                updated += 1
                if changed:
                    changes.append({"member_no": m.member_no, "changes": changed})
        if len(members) == 1 and not updated and source is None:
            store.audit(
                conn,
                branch_id,
                "member.add",
                member_no=members[0].member_no,
                name=members[0].name,
            )
        elif members:
            store.audit(
                conn,
                branch_id,
                "member.import",
                added=len(new_rows),
                updated=updated,
                source=source,
                **({"changes": changes} if changes else {}),
            )
    return len(new_rows), updated

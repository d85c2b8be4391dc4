"""Writing an imported roster (issue 9 §1): the members it adds, the members it updates and
the transfers-in of the new ones, in one transaction with one audit trace.

The importer (``importing/roster.py``) reads the file, matches its rows to the members
already in the branch and validates each record; this module writes the result and says
what changed. Nothing is deleted: members missing from the file are kept and named.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from enum import Enum

from sqlalchemy import insert, select, update

from orglife_tui.data.members import _group_ids, _member_row, _member_select
from orglife_tui.data.models import event_t, member_t
from orglife_tui.data.store import MemberRow, RowProblems, Store, member_values
from orglife_tui.domain import MemberEventKind
from orglife_tui.domain.records import MEMBER_FIELDS, MemberInput


@dataclass(frozen=True)
class RosterMember:
    """A member of the branch as the roster import matches it: the row, and whether the
    member is still in the branch (a departed member is not "missing from the file")."""

    row: MemberRow
    left_on: date | None


def roster_members(store: Store, branch_id: int) -> list[RosterMember]:
    """Every member of the branch, departed ones included, in member-number order."""
    stmt = (
        _member_select(store)
        .add_columns(member_t.c.left_on)
        .where(member_t.c.branch_id == branch_id)
        .order_by(member_t.c.sort_key, member_t.c.member_no)
    )
    with store.read_connection() as conn:
        return [RosterMember(_member_row(r), r.left_on) for r in conn.execute(stmt)]


@dataclass(frozen=True)
class RosterWrite:
    """One row of the file, validated: the member it updates (``member_id``) or a new one."""

    index: int  # the row's position among the file's rows, for problems
    member: MemberInput
    member_id: int | None = None
    transfer_in: date | None = None  # a new member's 转入日期: in the branch from that day
    transfer_from: str | None = None  # and the branch they came from


@dataclass(frozen=True)
class MemberChange:
    """The fields of one member an import changed: (field, old value, new value)."""

    member_no: str
    name: str
    changes: tuple[tuple[str, object, object], ...]


@dataclass(frozen=True)
class RosterResult:
    added: tuple[tuple[str, str], ...] = ()  # (member number, name), in file order
    updated: tuple[MemberChange, ...] = ()
    unchanged: int = 0
    not_in_file: tuple[tuple[str, str], ...] = ()  # still in the branch, kept
    transfers: tuple[tuple[str, date, str | None], ...] = ()  # (member number, date, from)


def _changes(old: MemberInput, new: MemberInput) -> tuple[tuple[str, object, object], ...]:
    return tuple(
        (name, getattr(old, name), getattr(new, name))
        for name in MEMBER_FIELDS
        if getattr(old, name) != getattr(new, name)
    )


def _plain(value: object) -> object:
    """A value as the audit log keeps it: enums by their key, dates as ISO text."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    return value


def write_roster(
    store: Store, branch_id: int, writes: Sequence[RosterWrite], source: str | None = None
) -> RosterResult:
    """Add and update the members of ``writes`` in one transaction; raise RowProblems
    (nothing written) when a member number is taken by a member the row does not update."""
    with store.write_transaction() as conn:
        current = {
            r.id: r
            for r in conn.execute(
                _member_select(store)
                .add_columns(member_t.c.left_on)
                .where(member_t.c.branch_id == branch_id)
                .order_by(member_t.c.sort_key, member_t.c.member_no)
            )
        }
        holder = {r.member_no: r.id for r in current.values()}
        problems: list[tuple[int, str, dict[str, str]]] = []
        for w in writes:
            taken_by = holder.get(w.member.member_no)
            if taken_by is not None and taken_by != w.member_id:
                problems.append((w.index, "member_no_taken", {"member_no": w.member.member_no}))
            if w.member_id is not None and w.member_id not in current:
                problems.append((w.index, "member_not_found", {"member_no": w.member.member_no}))
        if problems:
            raise RowProblems(sorted(problems, key=lambda p: p[0]))
        group_ids = _group_ids(store, conn, branch_id, [w.member.group for w in writes])

        updated: list[MemberChange] = []
        unchanged = 0
        for w in writes:
            if w.member_id is None:
                continue
            changes = _changes(_member_row(current[w.member_id]).as_input(), w.member)
            if not changes:
                unchanged += 1
                continue
            conn.execute(
                update(member_t)
                .where(member_t.c.id == w.member_id)
                .values(**member_values(w.member, group_ids))
            )
            updated.append(MemberChange(w.member.member_no, w.member.name, changes))

        new = [w for w in writes if w.member_id is None]
        if new:
            conn.execute(
                insert(member_t),
                [
                    {
                        "branch_id": branch_id,
                        **member_values(w.member, group_ids),
                        "entered_on": w.transfer_in,
                    }
                    for w in new
                ],
            )
        transfers = [w for w in new if w.transfer_in is not None]
        if transfers:
            ids = {
                r.member_no: r.id
                for r in conn.execute(
                    select(member_t.c.member_no, member_t.c.id).where(
                        member_t.c.branch_id == branch_id,
                        member_t.c.member_no.in_([w.member.member_no for w in transfers]),
                    )
                )
            }
            now = datetime.now(timezone.utc)
            conn.execute(
                insert(event_t),
                [
                    {
                        "branch_id": branch_id,
                        "member_id": ids[w.member.member_no],
                        "kind": MemberEventKind.transfer_in.value,
                        "date": w.transfer_in,
                        "end_date": None,
                        "place": w.transfer_from,
                        "reason": None,
                        "note": None,
                        "operator": store.operator,
                        "created_at": now,
                    }
                    for w in transfers
                ],
            )
            for w in transfers:  # the trace record_event leaves, for each event
                assert w.transfer_in is not None
                store.audit(
                    conn,
                    branch_id,
                    f"member.{MemberEventKind.transfer_in.value}",
                    member_no=w.member.member_no,
                    date=w.transfer_in.isoformat(),
                    end=None,
                    place=w.transfer_from,
                    reason=None,
                    source=source,
                )

        matched = {w.member_id for w in writes if w.member_id is not None}
        not_in_file = tuple(
            (r.member_no, r.name)
            for r in current.values()
            if r.id not in matched and r.left_on is None
        )
        # The changes with their old and new values; ID numbers never reach this point
        # (the importer does not read the columns it does not keep).
        store.audit(
            conn,
            branch_id,
            "member.import",
            source=source,
            added=[
                {
                    "member_no": w.member.member_no,
                    "name": w.member.name,
                    **(
                        {"transfer_in": w.transfer_in.isoformat(), "from": w.transfer_from}
                        if w.transfer_in
                        else {}
                    ),
                }
                for w in new
            ],
            updated=[
                {
                    "member_no": c.member_no,
                    "changes": {f: {"old": _plain(o), "new": _plain(n)} for f, o, n in c.changes},
                }
                for c in updated
            ],
            unchanged=unchanged,
            not_in_file=len(not_in_file),
        )
    return RosterResult(
        added=tuple((w.member.member_no, w.member.name) for w in new),
        updated=tuple(updated),
        unchanged=unchanged,
        not_in_file=not_in_file,
        transfers=tuple(
            (w.member.member_no, w.transfer_in, w.transfer_from)
            for w in transfers
            if w.transfer_in is not None
        ),
    )


__all__ = [
    "MemberChange",
    "RosterMember",
    "RosterResult",
    "RosterWrite",
    "roster_members",
    "write_roster",
]

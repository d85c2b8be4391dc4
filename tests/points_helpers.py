"""Helpers of the points tests: a small scheme built by hand, entries booked through the ledger."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from orglife_tui.data.ledger import add_entry, reverse_entry
from orglife_tui.data.store import Store
from orglife_tui.domain import MemberStatus
from orglife_tui.scoring.model import Category, Cutoffs, Item, Scheme, Unit

ITEMS = (
    Item("attend", "参加组织生活", "Organizational life attended", Category.duty, 1.0, cap=20),
    Item("lecture", "讲党课", "Gave a Party lecture", Category.bonus, 5.0, cap=10),
    Item("volunteer", "志愿服务", "Volunteer service", Category.bonus, 0.5, Unit.hour, cap=8),
    Item("absent", "无故缺席", "Unexcused absence", Category.deduction, -2.0, cap=10),
    Item("broken", "未践诺", "Commitment not kept", Category.deduction, -3.0),
    Item("veto", "违纪", "Disciplinary violation", Category.veto, 0.0),
)


def make_scheme(**changes) -> Scheme:
    """Base 60, floor 0, ceiling 100; full ≥90/80/60, probationary ≥95/85/70; both scored,
    only full members graded unless ``graded_statuses`` says otherwise."""
    scheme = Scheme(
        name="测试方案",
        version="2026.1",
        base_points=60.0,
        floor=0.0,
        ceiling=100.0,
        items=ITEMS,
        cutoffs={
            MemberStatus.full: Cutoffs(90, 80, 60),
            MemberStatus.probationary: Cutoffs(95, 85, 70),
        },
        scored_statuses=frozenset({MemberStatus.full, MemberStatus.probationary}),
        graded_statuses=frozenset({MemberStatus.full}),
    )
    return replace(scheme, **changes) if changes else scheme


def with_cap(scheme: Scheme, code: str, cap: float | None) -> Scheme:
    return replace(
        scheme, items=tuple(replace(i, cap=cap) if i.code == code else i for i in scheme.items)
    )


def booking_scheme() -> Scheme:
    """The scheme entries are booked under: the test items plus one the scored scheme lacks."""
    retired = Item("retired_item", "旧项目", "Retired item", Category.bonus, 1.0)
    return make_scheme(items=(*ITEMS, retired))


def cover_records(store: Store, branch_id: int, days: list[date]) -> None:
    """Let the branch's records start early enough for back-dated records (a records start
    refuses anything dated before it)."""
    if not days:
        return
    first = min(days).replace(day=1)
    start = store.records_start(branch_id)
    if start is None or first < start:
        store.set_records_start(branch_id, first)


def add_entries(store: Store, branch_id: int, rows: list[tuple]) -> list[int]:
    """Book rows ``(member_no, item_code, points, date)`` through the ledger; a fifth element
    names an entry to reverse instead (the row's points are then its negation). Returns the
    new entries' ids."""
    scheme = booking_scheme()
    ids: list[int] = []
    days = [
        r[3] if isinstance(r[3], date) else date.fromisoformat(r[3])
        for r in rows
        if not (len(r) > 4 and r[4] is not None)
    ]
    cover_records(store, branch_id, days)
    for row in rows:
        member_no, code, pts, day = row[:4]
        if len(row) > 4 and row[4] is not None:
            entry = reverse_entry(store, branch_id, row[4], "测试冲正")
        else:
            when = day if isinstance(day, date) else date.fromisoformat(day)
            entry = add_entry(
                store, branch_id, scheme, None, member_no, code, points=pts, entry_date=when
            )
        ids.append(entry.id)
    return ids

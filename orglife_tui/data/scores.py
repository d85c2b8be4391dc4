"""The scoreboard: per member per year, by SQL aggregation over the ledger.

One query does the work (docs/architecture.md §5: aggregations run as SQL ``GROUP BY``):

1. ``sums``: the branch's yearly (member, item) totals, which a trigger adds every ledger
   insert to (migration 0003; ``verify`` checks them against a GROUP BY of the entries):
   the signed points (a reversal carries the negated points, so it cancels its original)
   and the net number of occurrences (entries minus twice the reversals);
2. ``per_member``: those sums pivoted to one row per member, one column per scheme item,
   each (member, item) sum limited by the item's yearly cap on its absolute value, and the
   veto flag (a veto item with a positive net count);
3. the scored members of the branch, left-joined to it so that a member without entries
   still gets a row (base points only), with the category sums (duty, bonus, deduction)
   added up from the capped item columns.

Membership follows the dates (docs/architecture.md §5): the scoreboard of a year lists the
members in the branch on some day of that year, each with their status on the year's last day (the
status they left with, for a member who left: nothing changes after a departure), and
shows when a member left during the year; members who left in an earlier year, or came
after it, are not on it. So a past year's scoreboard stays as it was when later events are
recorded.

Points to a day (``until``, a day before the year's end: an ``--as-of`` asked for) are
summed from the year's entries dated up to it instead of the totals (a reversal carries its
original's date, so the two stay together); the rest is the same.

Python then adds the base, clamps the total, grades and ranks: a few operations per member,
never per ledger entry. Entries whose item is not in the scheme count for nothing (a
scheme that drops an item drops its points).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TypedDict

from sqlalchemy import (
    Float,
    Integer,
    and_,
    case,
    func,
    literal,
    select,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement, FunctionElement

from orglife_tui.data.membership import in_branch_during, status_on
from orglife_tui.data.models import group_t, ledger_t, member_t, total_t
from orglife_tui.data.store import Store
from orglife_tui.domain import MemberEventKind, MemberStatus, natural_key
from orglife_tui.scoring import rules
from orglife_tui.scoring.model import Category, Grade, Scheme


class round2(FunctionElement):
    """A points figure rounded to two decimals in SQL, ``-0`` made ``0`` (+ 0.0).

    Points carry at most two decimals, so this only strips binary noise (0.1 + 0.2); doing
    it in SQL spares Python a call per member and item.
    """

    type = Float()
    name = "round2"
    inherit_cache = True


@compiles(round2)
def _round2_sql(element, compiler, **kw):
    return f"(ROUND({compiler.process(element.clauses, **kw)}, 2) + 0.0)"


@compiles(round2, "postgresql")
def _round2_pg(element, compiler, **kw):  # PostgreSQL rounds to n places only a NUMERIC
    value = compiler.process(element.clauses, **kw)
    return f"(CAST(ROUND(CAST({value} AS NUMERIC), 2) AS DOUBLE PRECISION) + 0.0)"


@dataclass(frozen=True)
class ScoreRow:
    member_no: str
    name: str
    status: MemberStatus
    group: str | None
    base: float
    duty: float
    bonus: float
    deduction: float  # <= 0
    vetoed: bool
    total: float  # clamped to [floor, ceiling]
    grade: Grade | None  # None for statuses the scheme does not grade
    rank: int | None  # among scored members, 1 = highest total; ties share a rank
    items: dict[str, float]  # item code -> capped points
    left_on: date | None = None  # the member left the branch that day, during the year
    left_kind: MemberEventKind | None = None  # how: transferred out, deceased, removed


def _capped(raw, cap: float | None):
    """``raw`` limited to ``[-cap, cap]`` (SQL); no cap leaves it alone."""
    if cap is None:
        return raw
    c = literal(float(cap), Float)
    return case((raw > c, c), (raw < -c, -c), else_=raw)


def _sums(branch_id: int, year: int, until: date | None):
    """The per-(member, item) sums of the year: ``raw`` points and ``n`` net occurrences."""
    if until is None:
        # kept by the ledger's insert trigger (0003); reversals carry negated points, so
        # they are already netted in ``points``
        return (
            select(
                total_t.c.member_id,
                total_t.c.item_code,
                total_t.c.points.label("raw"),
                (total_t.c.entries - 2 * total_t.c.reversals).label("n"),
            )
            .where(total_t.c.branch_id == branch_id, total_t.c.year == year)
            .subquery("sums")
        )
    # the same sums over the entries dated from the year's first day to ``until``
    return (
        select(
            ledger_t.c.member_id,
            ledger_t.c.item_code,
            func.sum(ledger_t.c.points).label("raw"),
            (func.count() - 2 * func.count(ledger_t.c.reverses_id)).label("n"),
        )
        .where(
            ledger_t.c.branch_id == branch_id,
            ledger_t.c.entry_date >= date(year, 1, 1),
            ledger_t.c.entry_date <= until,
        )
        .group_by(ledger_t.c.member_id, ledger_t.c.item_code)
        .subquery("sums")
    )


def _per_member_query(scheme: Scheme, branch_id: int, year: int, until: date | None = None):
    """The ``per_member`` subquery: one row per member with entries in the year."""
    sums = _sums(branch_id, year, until)
    columns = [sums.c.member_id]
    for i, it in enumerate(scheme.items):
        # one (member, item) row at most: SUM picks it, capped
        columns.append(
            func.sum(case((sums.c.item_code == it.code, _capped(sums.c.raw, it.cap)))).label(
                f"item_{i}"
            )
        )
    veto_codes = [it.code for it in scheme.items if it.category is Category.veto]
    vetoed: ColumnElement[int]
    if veto_codes:
        vetoed = func.max(case((and_(sums.c.item_code.in_(veto_codes), sums.c.n > 0), 1), else_=0))
    else:
        vetoed = literal(0, Integer)
    columns.append(vetoed.label("vetoed"))
    return select(*columns).group_by(sums.c.member_id).subquery("per_member")


def scoreboard_query(scheme: Scheme, branch_id: int, year: int, until: date | None = None):
    """The whole scoreboard as one SELECT: one row per scored member of the branch in the
    year, with the status on the year's last day; the points to ``until`` when given."""
    statuses = sorted(s.value for s in scheme.scored_statuses)
    first, last = date(year, 1, 1), date(year, 12, 31)
    status = status_on(last)
    source = member_t.outerjoin(group_t, group_t.c.id == member_t.c.group_id)
    if scheme.items:
        pm = _per_member_query(scheme, branch_id, year, until)
        source = source.outerjoin(pm, pm.c.member_id == member_t.c.id)
        item_cols = [
            func.coalesce(round2(pm.c[f"item_{i}"]), 0.0) for i in range(len(scheme.items))
        ]

        def category_sum(category: Category):
            parts = [c for c, it in zip(item_cols, scheme.items) if it.category is category]
            return sum(parts[1:], parts[0]) if parts else literal(0.0, Float)

        extra = [
            category_sum(Category.duty).label("duty"),
            category_sum(Category.bonus).label("bonus"),
            category_sum(Category.deduction).label("deduction"),
            func.coalesce(pm.c.vetoed, 0).label("vetoed"),
            *(c.label(f"item_{i}") for i, c in enumerate(item_cols)),
        ]
    else:  # a scheme of base points only
        extra = [
            literal(0.0, Float).label("duty"),
            literal(0.0, Float).label("bonus"),
            literal(0.0, Float).label("deduction"),
            literal(0, Integer).label("vetoed"),
        ]
    return (
        select(
            member_t.c.member_no,
            member_t.c.name,
            status.label("status"),
            group_t.c.name.label("group_name"),
            *extra,
            member_t.c.left_on,
            member_t.c.left_kind,
        )
        .select_from(source)
        .where(
            member_t.c.branch_id == branch_id,
            in_branch_during(first, last),
            status.in_(statuses),
        )
        .order_by(member_t.c.sort_key, member_t.c.member_no)
    )


def scoreboard(
    store: Store,
    branch_id: int,
    year: int,
    scheme: Scheme,
    group: str | None = None,
    status: MemberStatus | None = None,
    until: date | None = None,
) -> list[ScoreRow]:
    """Scored members ordered by rank (then member number).

    Ranks are taken among all scored members of the branch; ``group`` and ``status`` only
    choose which of them are returned, so a filtered table shows the branch-wide rank.
    ``until``: the points of the entries dated up to that day only (None: the whole year).
    """
    if not scheme.scored_statuses:
        return []
    if until is not None and until >= date(year, 12, 31):
        until = None  # the whole year: the kept totals
    stmt = scoreboard_query(scheme, branch_id, year, until)
    codes = [it.code for it in scheme.items]
    n_items = len(codes)
    year_end = date(year, 12, 31)
    base = rules.points(scheme.base_points)
    points = rules.points
    with store.read_connection() as conn:
        result = conn.execute(stmt).all()
    totals = []
    for r in result:
        totals.append(points(rules.clamp(scheme, base + points(r[4] + r[5] + r[6]))))
    rank_of = rules.ranks(totals)
    statuses = {s.value: s for s in MemberStatus}
    grades: dict[tuple, Grade | None] = {}  # a branch has few distinct totals
    rows: list[ScoreRow] = []
    for r, total, rank in zip(result, totals, rank_of):
        st = statuses[r[2]]
        if group is not None and r[3] != group:
            continue
        if status is not None and st is not status:
            continue
        vetoed = bool(r[7])
        key = (st, total, vetoed)
        if key not in grades:
            grades[key] = rules.grade(scheme, st, total, vetoed)
        rows.append(
            ScoreRow(
                member_no=r[0],
                name=r[1],
                status=st,
                group=r[3],
                base=base,
                duty=points(r[4]),
                bonus=points(r[5]),
                deduction=points(r[6]),
                vetoed=vetoed,
                total=total,
                grade=grades[key],
                rank=rank,
                items=dict(zip(codes, r[8 : 8 + n_items])),
                **_departure(r.left_on, r.left_kind, year_end),
            )
        )
    rows.sort(key=lambda row: (row.rank, natural_key(row.member_no)))
    return rows


class _Departure(TypedDict, total=False):
    left_on: date
    left_kind: MemberEventKind | None


def _departure(left_on: date | None, left_kind: str | None, year_end: date) -> _Departure:
    """The departure a year's scoreboard shows: one during the year, none after it."""
    if left_on is None or left_on > year_end:
        return {}
    return {"left_on": left_on, "left_kind": MemberEventKind(left_kind) if left_kind else None}

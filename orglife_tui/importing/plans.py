"""Importing the annual plan (``plan import FILE``): every row, or none.

Columns ``year`` (年度), ``month`` (月份, empty: some time in the year), ``type`` (类型, one
meeting type per row), ``topic`` (主题), ``note`` (备注). Each row is read into a
``PlanInput`` and checked by the storage layer's own rules (``plan_problems``); a file with
any problem writes nothing and lists every problem as ``FILE:ROW: reason``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from orglife_tui.domain import InputError, MeetingType, parse_date, parse_meeting_types
from orglife_tui.importing.columns import Row, Table
from orglife_tui.importing.problems import ImportFailed, ImportSummary, Problem, field_problem
from orglife_tui.locale import t

if TYPE_CHECKING:
    from orglife_tui.data.plans import PlanInput
    from orglife_tui.data.store import Store

_YEAR = re.compile(r"^(\d{1,4})\s*年?度?$")
_MONTH = re.compile(r"^(\d{1,2})\s*月?(份)?$")
_YEAR_MONTH = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$")


def plan_row(table: Table, row: Row) -> tuple[PlanInput | None, list[Problem]]:
    """The record a row describes, or the problems that keep it from being one."""
    from orglife_tui.data.plans import PlanInput, plan_problems

    problems: list[Problem] = []

    def bad(field: str, key: str, **params: object) -> None:
        label = t(f"plan.field.{field}")
        problems.append(field_problem(table.file, row.number, label, key, **params))

    year: int | None = None
    raw_year = row.text("year")
    m = _YEAR.match(raw_year)
    if not raw_year:
        bad("year", "problem.required")
    elif not m:
        bad("year", "problem.bad_value", value=raw_year)
    else:
        year = int(m.group(1))

    month: int | None = None
    raw_month = row.text("month")
    if raw_month:
        month, month_year = _month(raw_month)
        if month is None:
            bad("month", "plan.problem.bad_month", value=raw_month)
        elif month_year is not None and year is not None and month_year != year:
            bad("month", "plan.problem.month_other_year", value=raw_month, year=year)

    meeting_type: MeetingType | None = None
    raw_type = row.text("type")
    if not raw_type:
        bad("type", "problem.required")
    else:
        try:
            types = parse_meeting_types(raw_type)
        except InputError:
            bad("type", "problem.unknown_meeting_type", value=raw_type)
        else:
            if len(types) > 1:
                bad("type", "plan.problem.one_type", value=raw_type)
            else:
                meeting_type = types[0]

    topic = row.text("topic")
    if not topic:
        bad("topic", "problem.required")
    if problems or year is None or meeting_type is None:
        return None, problems
    item = PlanInput(
        year=year,
        meeting_type=meeting_type,
        topic=topic,
        month=month,
        note=row.text("note") or None,
    )
    for key, params in plan_problems(item):
        problems.append(Problem(table.file, row.number, key, params))
    return (None if problems else item), problems


def _month(text: str) -> tuple[int | None, int | None]:
    """(month, year written with it) from ``3``, ``03``, ``3月``, ``2026-03``, a date cell."""
    m = _MONTH.match(text)
    if m:
        return int(m.group(1)), None
    m = _YEAR_MONTH.match(text)
    if m:
        return int(m.group(2)), int(m.group(1))
    try:
        d = parse_date(text)  # an Excel date cell where a month was meant
    except InputError:
        return None, None
    return d.month, d.year


def import_plan(store: Store, branch_id: int, table: Table) -> ImportSummary:
    """Add every row of ``table`` to the plan in one transaction; raises ImportFailed
    (nothing written) listing every problem of every row."""
    from orglife_tui.data.plans import add_plan_items
    from orglife_tui.data.store import RowProblems

    readable, problems = table.readable_rows()
    items = []
    for row in readable:
        item, found = plan_row(table, row)
        problems += found
        if item is not None:
            items.append(item)
    if problems:
        raise ImportFailed(problems)
    try:
        ids = add_plan_items(store, branch_id, items, source=table.file)
    except RowProblems as exc:
        raise ImportFailed(
            Problem(table.file, table.rows[i].number, key, params)
            for i, key, params in exc.problems
        ) from None
    return ImportSummary("plan", table.file, len(items), added=len(ids))


__all__ = ["import_plan", "plan_row"]

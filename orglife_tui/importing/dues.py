"""Importing dues payments (``dues import FILE``): every row, or none.

Columns (``importing.columns.COLUMNS["dues"]``): ``member_no`` (编号), ``name`` (姓名,
checked against the roster, not stored), ``paid_on`` (缴纳日期), ``from_month`` (起始月份;
a range ``2026-01..2026-06`` or ``2026-01至2026-06`` when there is no 截止月份 column),
``to_month`` (截止月份, empty: the starting month alone), ``amount`` (金额, yuan with at most
two decimals) and ``note`` (备注). Each row is checked by the storage layer's own rules
(``data.dues.record_payments``: the member exists, the date is not in the future, the
months are in order, not before joining, not already paid — by the database or by an
earlier row of the file); a file with any problem writes nothing and lists every problem as
``FILE:ROW: reason``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from orglife_tui.domain import InputError, parse_date, parse_month
from orglife_tui.importing.columns import Row, Table
from orglife_tui.importing.problems import ImportFailed, ImportSummary, Problem, field_problem
from orglife_tui.importing.roster import leading_zero_guess, name_mismatch
from orglife_tui.locale import t

if TYPE_CHECKING:
    from orglife_tui.data.dues import PaymentInput
    from orglife_tui.data.store import Store

_MONTH_DOTTED = re.compile(r"^(\d{4})\s*[.．]\s*(\d{1,2})$")


@dataclass(frozen=True)
class DuesImportSummary(ImportSummary):
    amount_fen: int = 0

    def message(self) -> str:
        from orglife_tui.data.dues import yuan

        return t("dues.import.done", file=self.file, count=self.added, amount=yuan(self.amount_fen))


def month_cell(text: str) -> str:
    """A month as a cell holds it: ``2026-03``, ``2026/3``, ``2026年3月``, ``2026.03`` or a
    date cell (``2026-03-01``: Excel turns a typed month into a date)."""
    m = _MONTH_DOTTED.match(text)
    if m:
        return parse_month(f"{m.group(1)}-{m.group(2)}")
    try:
        return parse_month(text)
    except InputError:
        d = parse_date(text)  # raises InputError when it is not a date either
        return f"{d.year:04d}-{d.month:02d}"


def _months(text: str) -> tuple[str, str | None]:
    """One month, or a range written in one cell."""
    from orglife_tui.data.dues import parse_months

    parts = re.split(r"\s*(?:\.\.|~|至|–|—)\s*", text)
    if len(parts) == 2:
        first, last = parse_months(text)
        return first, last
    return month_cell(text), None


def dues_row(table: Table, row: Row) -> tuple[PaymentInput | None, list[Problem]]:
    """The payment a row describes, or the problems that keep it from being one."""
    from orglife_tui.data.dues import PaymentInput, parse_amount

    problems: list[Problem] = []

    def bad(field: str, key: str, **params: object) -> None:
        label = t(f"dues.field.{field}")
        problems.append(field_problem(table.file, row.number, label, key, **params))

    member_no = row.text("member_no")
    if not member_no:
        bad("member_no", "problem.required")

    paid_on = None
    raw = row.text("paid_on")
    if not raw:
        bad("paid_on", "problem.required")
    else:
        try:
            paid_on = parse_date(raw)
        except InputError as exc:
            bad("paid_on", exc.key, value=raw)

    first = last = None
    raw = row.text("from_month")
    if not raw:
        bad("from_month", "problem.required")
    else:
        try:
            first, last = _months(raw)
        except InputError:
            bad("from_month", "dues.problem.bad_month_cell", value=raw)
    raw = row.text("to_month")
    if raw:
        try:
            to_month = month_cell(raw)
        except InputError:
            bad("to_month", "dues.problem.bad_month_cell", value=raw)
        else:
            if last is not None and last != to_month:
                bad("to_month", "dues.problem.two_ends", value=raw, last=last)
            last = to_month
    if first is not None and last is None:
        last = first

    amount = None
    raw = row.text("amount")
    try:
        amount = parse_amount(raw)
    except InputError as exc:
        bad("amount", exc.key, value=raw)

    if problems or paid_on is None or first is None or last is None or amount is None:
        return None, problems
    note = row.text("note") or None
    return PaymentInput(member_no, paid_on, first, last, amount, note), problems


def import_dues(store: Store, branch_id: int, table: Table) -> DuesImportSummary:
    """Record every payment of ``table`` in one transaction; raises ImportFailed (nothing
    written) listing every problem of every row."""
    from orglife_tui.data.dues import record_payments
    from orglife_tui.data.store import RowProblems

    roster = {m.member_no: m.name for m in store.list_members(branch_id)}
    readable, problems = table.readable_rows()
    payments: list[PaymentInput] = []
    rows: list[Row] = []
    for row in readable:
        payment, found = dues_row(table, row)
        problems += found
        mismatch = name_mismatch(
            table.file, row.number, row.text("member_no"), row.text("name"), roster
        )
        if mismatch is not None:
            problems.append(mismatch)
        if payment is not None:
            payments.append(payment)
            rows.append(row)
    if problems:
        # the rows that could be read are checked against the database too: every problem
        # of the file is told at once
        problems += _store_problems(store, branch_id, table, payments, rows, roster)
        raise ImportFailed(problems)
    try:
        ids = record_payments(store, branch_id, payments, source=table.file)
    except RowProblems as exc:
        raise ImportFailed(_as_problems(table, rows, exc.problems, roster)) from None
    return DuesImportSummary(
        "dues",
        table.file,
        len(payments),
        added=len(ids),
        amount_fen=sum(p.amount_fen for p in payments),
    )


def _store_problems(store, branch_id, table, payments, rows, roster) -> list[Problem]:
    from orglife_tui.data.dues import record_payments
    from orglife_tui.data.store import RowProblems

    if not payments:
        return []
    try:
        # refused rows raise before anything is written; a file whose readable rows are
        # all fine would be written, so only ask when one of them is refused
        record_payments(store, branch_id, payments, source=None, dry_run=True)
    except RowProblems as exc:
        return _as_problems(table, rows, exc.problems, roster)
    return []


def _as_problems(table: Table, rows: list[Row], found, roster) -> list[Problem]:
    out = []
    for index, key, params in found:
        params = dict(params)
        if key == "dues.months_paid_in_file":
            params["row"] = rows[int(str(params.pop("by"))[1:])].number
        elif key == "member_not_found":
            guess = leading_zero_guess(str(params["member_no"]), roster)
            if guess:
                key = "import.member_not_found_hint"
                params["guess"] = guess
        out.append(Problem(table.file, rows[index].number, key, params))
    return out


__all__ = ["DuesImportSummary", "dues_row", "import_dues", "month_cell"]

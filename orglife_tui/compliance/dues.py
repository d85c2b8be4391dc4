"""Party dues (党费): which months a member owes, which are paid, and what is in arrears.

Pure: plain values in (``DuesRecord``, gathered by ``data.dues``), months and amounts out.
The CLI, the dues screen, the compliance watch, the register export and the ``late_dues``
points all read dues through these functions, so one rule holds everywhere:

- **Owed.** A month (``YYYY-MM``) is owed to the branch when all of these hold:
  the member has a dues standard from that month or earlier (a member without a standard
  has no dues record kept here: nothing is owed, nothing is in arrears); the month is not
  before the month the member joined the Party, nor before the month of the branch's
  records start; the member belongs to the branch on the month's first day (a member
  transferred in on the 15th pays that month to the former branch; one who leaves on the
  15th still owes that month here, and nothing after); the member was not away (流动) on
  any day of the month; the month's standard is not 0 (exempt, 免交).
  Months away are *neutral*: neither owed nor in arrears, and they neither break nor
  continue a run of unpaid months — as with absence from organizational life.
- **Paid**, as of a day D: the legacy ``dues_paid_until`` of the roster reaches the month,
  or a payment that was not voided, made on or before D, covers it.
- **In arrears** on D: dues for a month are paid within that month, so a month is in
  arrears once it has ended unpaid: it is owed, it is before D's month, and it is not paid
  as of D. The current month is never in arrears. On 1 April unpaid January–March are three
  months in arrears; on 31 March only January and February are.
- **Paid until** on D: the last paid month before the first owed month that is not paid
  (future months included: a member who paid ahead is paid until the last month paid).
- **Runs**: months in arrears in a row, neutral months skipped, a paid owed month ending
  the run. The compliance watch puts runs on a ladder (3 months: reminder; 6 months: the
  Party Constitution's Article 38 — six months in a row without paying dues counts as
  leaving the Party, 视为自行脱党).
- **Late** (the ``late_dues`` points item): a month owed and still not paid at the end of
  the ``grace``-th month after it (0: at the end of the month itself) is paid late, once;
  the occurrence is dated the first day after that, and is counted only once that day has
  come and only while the member still belongs to the branch on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from orglife_tui.domain import (
    add_months_to_key,
    month_bounds,
    month_end,
    month_key_of,
    months_between,
    split_month_key,
)


@dataclass(frozen=True)
class PaymentFact:
    """A payment that was not voided: months ``first``..``last`` paid on ``paid_on``."""

    first: str  # YYYY-MM
    last: str  # YYYY-MM
    paid_on: date


@dataclass(frozen=True)
class DuesRecord:
    """What one member's dues depend on."""

    member_no: str
    name: str
    standards: tuple[tuple[str, int], ...] = ()  # (from month, fen a month), ascending
    payments: tuple[PaymentFact, ...] = ()
    legacy_paid_until: str | None = None  # the roster's 党费交至, YYYY-MM
    join_date: date | None = None
    entered_on: date | None = None
    left_on: date | None = None
    away: tuple[tuple[date, date | None], ...] = ()  # (first day, last day or None)
    records_start: date | None = None

    # ------------------------------------------------------------------ months

    def standard_for(self, month: str) -> int | None:
        """The monthly standard in fen that applies to ``month`` (None: none yet)."""
        found = None
        for first, fen in self.standards:
            if first <= month:
                found = fen
            else:
                break
        return found

    def start(self) -> str | None:
        """The first month that can be owed: the first standard's month, moved on to the
        join month and the records-start month; None without a standard."""
        if not self.standards:
            return None
        start = self.standards[0][0]
        for d in (self.join_date, self.records_start):
            if d is not None:
                start = max(start, month_key_of(d))
        return start

    def end(self) -> str | None:
        """The last month that can be owed: the month before the first day outside the
        branch (None: still in the branch)."""
        if self.left_on is None:
            return None
        return last_owed_month(self.left_on)

    def away_in(self, month: str) -> bool:
        first, last = month_bounds(*split_month_key(month))
        return any(
            start <= last and (until is None or until >= first) for start, until in self.away
        )

    def owed(self, month: str) -> bool:
        start = self.start()
        if start is None or month < start:
            return False
        end = self.end()
        if end is not None and month > end:
            return False
        if self.entered_on is not None and self.entered_on > date(*split_month_key(month), 1):
            return False
        if self.away_in(month):
            return False
        return bool(self.standard_for(month))

    # ------------------------------------------------------------------ payments

    def paid(self, month: str, by: date) -> bool:
        """Paid on or before ``by`` (the legacy paid-until counts as paid long ago)."""
        if self.legacy_paid_until is not None and month <= self.legacy_paid_until:
            return True
        return any(p.first <= month <= p.last and p.paid_on <= by for p in self.payments)


@dataclass(frozen=True)
class Run:
    """Months in arrears in a row (neutral months skipped); ``ongoing``: no paid owed month
    after it up to the day judged."""

    months: tuple[str, ...]
    ongoing: bool

    @property
    def length(self) -> int:
        return len(self.months)


@dataclass(frozen=True)
class DuesState:
    """A member's dues on a day: what ``dues status``, the dues screen and the register show."""

    member_no: str
    name: str
    standard: int | None  # fen a month for the day's month (None: no standard)
    paid_until: str | None  # YYYY-MM, None: nothing paid
    arrears: tuple[str, ...]  # months in arrears, oldest first
    owed: int  # fen: the standards of the months in arrears
    has_record: bool  # a standard is set: the member's dues are kept here


def last_owed_month(left_on: date) -> str:
    """The last month a member whose first day outside the branch is ``left_on`` can owe:
    the month of that day, unless it is the month's first day (then the month before)."""
    last = month_key_of(left_on)
    return last if left_on.day > 1 else add_months_to_key(last, -1)


def arrears(record: DuesRecord, as_of: date) -> tuple[str, ...]:
    """Months in arrears on ``as_of``, oldest first."""
    start = record.start()
    if start is None:
        return ()
    before = add_months_to_key(month_key_of(as_of), -1)
    return tuple(m for m in unpaid_months(record, start, before, as_of) if record.owed(m))


def unpaid_months(record: DuesRecord, first: str, last: str, as_of: date) -> list[str]:
    """The months ``first``..``last`` not paid as of ``as_of``, oldest first: the gaps
    between the spans paid (the legacy paid-until, the payments made by then). What
    ``paid`` says month by month, found span by span: a member paid up has no month to
    look at, which keeps the committee's overview of thousands of members quick."""
    spans = sorted((p.first, p.last) for p in record.payments if p.paid_on <= as_of)
    if record.legacy_paid_until is not None:
        spans.insert(0, ("", record.legacy_paid_until))  # every month up to it
    out: list[str] = []
    cursor = first  # the first month not yet known to be paid
    for span_first, span_last in spans:
        if cursor > last:
            break
        if span_first > cursor:
            out += months_between(cursor, min(add_months_to_key(span_first, -1), last))
        if span_last >= cursor:
            cursor = add_months_to_key(span_last, 1)
    out += months_between(cursor, last)
    return out


def paid_until(record: DuesRecord, as_of: date) -> str | None:
    """The last paid month before the first owed month that is not paid, as of ``as_of``."""
    paid = _paid_months(record, as_of)
    start = record.start()
    gap = None
    if start is not None:
        horizon = add_months_to_key(max([month_key_of(as_of), start, *paid]), 1)
        gap = next(
            (
                m
                for m in months_between(start, horizon)
                if record.owed(m) and not record.paid(m, as_of)
            ),
            None,
        )
    before = [m for m in paid if gap is None or m < gap]
    return max(before) if before else None


def _paid_months(record: DuesRecord, as_of: date) -> list[str]:
    """Every month paid as of ``as_of``: each payment's months and the legacy paid-until."""
    out = [
        m for p in record.payments if p.paid_on <= as_of for m in months_between(p.first, p.last)
    ]
    if record.legacy_paid_until is not None:
        out.append(record.legacy_paid_until)
    return out


def owed_amount(record: DuesRecord, months: tuple[str, ...]) -> int:
    """The standards of ``months`` added up, in fen."""
    return sum(record.standard_for(m) or 0 for m in months)


def state(record: DuesRecord, as_of: date) -> DuesState:
    months = arrears(record, as_of)
    return DuesState(
        member_no=record.member_no,
        name=record.name,
        standard=record.standard_for(month_key_of(as_of)),
        paid_until=paid_until(record, as_of),
        arrears=months,
        owed=owed_amount(record, months),
        has_record=bool(record.standards),
    )


def arrears_runs(record: DuesRecord, as_of: date) -> list[Run]:
    """Every run of months in arrears on ``as_of``, oldest first."""
    start = record.start()
    if start is None:
        return []
    runs: list[Run] = []
    run: list[str] = []
    for m in months_between(start, add_months_to_key(month_key_of(as_of), -1)):
        if not record.owed(m):
            continue  # neutral
        if record.paid(m, as_of):
            if run:
                runs.append(Run(tuple(run), False))
                run = []
        else:
            run.append(m)
    if run:
        runs.append(Run(tuple(run), True))
    return runs


def late_months(record: DuesRecord, grace: int, today: date) -> list[tuple[str, date]]:
    """``(month, dated)`` of every month paid late by ``today`` (see the module's rules)."""
    start = record.start()
    if start is None:
        return []
    out = []
    # the last month whose grace has ended by today
    last = add_months_to_key(month_key_of(today), -(grace + 1))
    for m in months_between(start, last):
        if not record.owed(m):
            continue
        deadline = month_end(*split_month_key(add_months_to_key(m, grace)))
        dated = date(*split_month_key(add_months_to_key(m, grace + 1)), 1)
        if record.left_on is not None and dated >= record.left_on:
            continue
        if not record.paid(m, deadline):
            out.append((m, dated))
    return out


__all__ = [
    "DuesRecord",
    "DuesState",
    "PaymentFact",
    "Run",
    "arrears",
    "arrears_runs",
    "last_owed_month",
    "late_months",
    "owed_amount",
    "paid_until",
    "state",
    "unpaid_months",
]

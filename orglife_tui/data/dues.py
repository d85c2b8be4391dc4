# Over 600 lines: standards, payments, voids and the unpaid-months facts share one set of checks and
# queries.
"""Party dues (党费): monthly standards, payments, the register and the ``late_dues`` points.

Each member's monthly standard holds from a month on (``dues_standard``); a payment covers
the months ``from_month``..``to_month`` (``dues_payment``). Amounts are kept in fen
(hundredths of a yuan) as whole numbers; people type yuan with at most two decimals. A
payment recorded by mistake is voided with a reason, never deleted. Every write runs in one
transaction with its audit row; a refused write leaves nothing behind.

What is owed, paid and in arrears is decided by ``orglife_tui.compliance.dues`` (pure) over
the ``DuesRecord`` each member's rows make up here; that module's docstring states the rule
(in short: dues for a month are paid within that month, so the current month is never in
arrears; months away are neutral; nothing is owed before the member's first standard,
before joining, before the branch's records start, or after leaving).

The ``late_dues`` deduction, when the active scheme derives an item from the dues
(``derive = { dues = "arrears", grace_months = N }``), is kept in line by ``sync_dues``:
ledger entries with ``source = "dues"``, one per member, item and late month (dated the
first day after the grace), reversed when no longer wanted and added when missing;
re-running it changes nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    Row,
    and_,
    cast,
    func,
    insert,
    not_,
    or_,
    select,
    true,
    update,
)

from orglife_tui.compliance.dues import (
    DuesRecord,
    DuesState,
    PaymentFact,
    last_owed_month,
    state,
)
from orglife_tui.data.errors import Conflict, NotFound, StoreError
from orglife_tui.data.membership import in_branch_during, in_branch_on
from orglife_tui.data.models import (
    branch_t,
    event_t,
    inserted_id,
    member_t,
    payment_t,
    standard_t,
)
from orglife_tui.data.rows import MEMBERSHIP_COLUMNS, member_join, with_member
from orglife_tui.data.store import RowProblems, Store
from orglife_tui.domain import (
    InputError,
    MemberEventKind,
    add_months_to_key,
    month_count,
    month_key,
    month_key_of,
    months_between,
    parse_month,
    stripped_or_none,
)

DUES = "dues"  # ledger_entry.source of the entries booked from the dues records

# A yuan amount: digits, thousands separators, at most two decimals (checked apart so that
# "12.345" is told "too many decimals" rather than "not an amount").
_AMOUNT = re.compile(r"^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
MAX_FEN = 100_000_000  # one million yuan: no real payment comes near
NOTE_LIMIT = 500
REASON_LIMIT = 500
MAX_MONTHS = 120  # a payment covering more than ten years is a typing mistake
MONTHS_AHEAD = 24  # paying ahead: at most two years past the current month
FIRST_MONTH = "1921-07"
# Control characters and bidi overrides make a note display other than it reads
# (docs/architecture.md §5).
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


# ---------------------------------------------------------------------------- amounts


def parse_amount(text: str) -> int:
    """Yuan as typed (``12``, ``12.5``, ``¥1,200.00``, ``30元``) → fen; refuses negative
    amounts, more than two decimals and anything that is not an amount (``InputError``)."""
    raw = unicodedata.normalize("NFKC", text or "").strip()
    raw = raw.removeprefix("¥").removeprefix("￥").removesuffix("元").strip()
    if not raw:
        raise InputError("no amount", "problem.required")
    if raw.startswith("-"):
        raise InputError(f"negative amount {text!r}", "dues.problem.negative_amount")
    m = _AMOUNT.match(raw)
    if not m:
        raise InputError(f"bad amount {text!r}", "dues.problem.bad_amount")
    if m.group(3) and len(m.group(3)) > 3:
        raise InputError(f"too many decimals {text!r}", "dues.problem.amount_precision")
    try:
        fen = int(Decimal(raw.replace(",", "")) * 100)
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        raise InputError(f"bad amount {text!r}", "dues.problem.bad_amount") from None
    if fen > MAX_FEN:
        raise InputError(f"amount too large {text!r}", "dues.problem.amount_too_large")
    return fen


def yuan(fen: int | None) -> str:
    """``1250`` → ``12.50``; None → empty."""
    if fen is None:
        return ""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole}.{cents:02d}"


def parse_months(text: str) -> tuple[str, str]:
    """``2026-01..2026-06`` (also ``~``, ``至``, ``–``) or one month ``2026-03``."""
    raw = unicodedata.normalize("NFKC", text or "").strip()
    parts = re.split(r"\s*(?:\.\.|~|至|–|—)\s*", raw)
    if len(parts) == 1:
        month = parse_month(parts[0])
        return month, month
    if len(parts) != 2:
        raise InputError(f"bad months {text!r}", "dues.problem.bad_months")
    return parse_month(parts[0]), parse_month(parts[1])


# ---------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class StandardRow:
    id: int
    member_no: str
    name: str
    from_month: str
    amount_fen: int
    operator: str


@dataclass(frozen=True)
class PaymentInput:
    member_no: str
    paid_on: date
    from_month: str
    to_month: str
    amount_fen: int
    note: str | None = None


@dataclass(frozen=True)
class PaymentRow:
    id: int
    member_no: str
    name: str
    paid_on: date
    from_month: str
    to_month: str
    amount_fen: int
    note: str | None
    voided: bool
    void_reason: str | None
    operator: str

    @property
    def months(self) -> int:
        return month_count(self.from_month, self.to_month)


@dataclass(frozen=True)
class StatusRow:
    """One member's dues on a day (``dues status``, the dues screen)."""

    member_no: str
    name: str
    state: DuesState
    away: bool  # away (流动) on the day
    left_on: date | None


@dataclass(frozen=True)
class RegisterRow:
    """One member's line of the year's dues register (``export dues``)."""

    member_no: str
    name: str
    state: DuesState  # on the register's as-of day
    paid: dict[str, int]  # month of the year → fen paid for it (payments split evenly)
    owed_months: tuple[str, ...]  # months of the year the member owes

    @property
    def total(self) -> int:
        return sum(self.paid.values())


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _member(conn: Connection, branch_id: int, member_no: str):
    row = conn.execute(
        select(member_t).where(
            member_t.c.branch_id == branch_id, member_t.c.member_no == (member_no or "").strip()
        )
    ).first()
    if row is None:
        raise NotFound("member_not_found", member_no=member_no)
    return row


# ---------------------------------------------------------------------------- standards


def set_standard(
    store: Store, branch_id: int, member_no: str, from_month: str, amount_fen: int
) -> StandardRow:
    """The member's monthly dues from ``from_month`` on (0: exempt). A standard already set
    from that month gets the new amount (the audit keeps the old one)."""
    try:
        month = parse_month(from_month)
    except InputError:
        raise StoreError("dues.bad_month", value=from_month) from None
    if amount_fen < 0:
        raise StoreError("dues.negative_standard")
    if amount_fen > MAX_FEN:
        raise StoreError("dues.amount_too_large")
    with store.write_transaction() as conn:
        member = _member(conn, branch_id, member_no)
        if member.left_on is not None and month > last_owed_month(member.left_on):
            raise StoreError(
                "dues.member_left", member_no=member.member_no, date=member.left_on.isoformat()
            )
        old = conn.execute(
            select(standard_t.c.id, standard_t.c.amount_fen).where(
                standard_t.c.member_id == member.id, standard_t.c.from_month == month
            )
        ).first()
        if old is not None:
            conn.execute(
                update(standard_t)
                .where(standard_t.c.id == old.id)
                .values(amount_fen=amount_fen, operator=store.operator, created_at=_now())
            )
            standard_id = old.id
        else:
            standard_id = inserted_id(
                conn.execute(
                    insert(standard_t).values(
                        branch_id=branch_id,
                        member_id=member.id,
                        from_month=month,
                        amount_fen=amount_fen,
                        operator=store.operator,
                        created_at=_now(),
                    )
                )
            )
        store.audit(
            conn,
            branch_id,
            "dues.standard",
            member_no=member.member_no,
            from_month=month,
            amount_fen=amount_fen,
            old_fen=old.amount_fen if old is not None else None,
        )
    return StandardRow(
        standard_id, member.member_no, member.name, month, amount_fen, store.operator
    )


def list_standards(store: Store, branch_id: int, member_no: str | None = None) -> list[StandardRow]:
    cond = [standard_t.c.branch_id == branch_id]
    if member_no is not None:
        cond.append(member_t.c.member_no == member_no.strip())
    with store.read_connection() as conn:
        return [
            StandardRow(r.id, r.member_no, r.name, r.from_month, r.amount_fen, r.operator)
            for r in conn.execute(
                with_member(standard_t)
                .where(*cond)
                .order_by(member_t.c.sort_key, member_t.c.member_no, standard_t.c.from_month)
            )
        ]


# ---------------------------------------------------------------------------- payments


def _payment_problems(
    conn: Connection,
    branch_id: int,
    p: PaymentInput,
    today: date,
    taken: dict[int, list[tuple[str, str, object]]],
) -> tuple[Row[Any] | None, list[tuple[str, dict[str, object]]]]:
    """(the member, the reasons ``p`` cannot be recorded). ``taken`` holds, per member id,
    the months already paid (first, last, payment id or row label): checked and extended."""
    problems: list[tuple[str, dict[str, object]]] = []
    member = conn.execute(
        select(member_t).where(
            member_t.c.branch_id == branch_id,
            member_t.c.member_no == (p.member_no or "").strip(),
        )
    ).first()
    if member is None:
        problems.append(("member_not_found", {"member_no": p.member_no}))
    if p.paid_on > today:
        problems.append(("dues.paid_in_future", {"date": p.paid_on.isoformat()}))
    first, last = p.from_month, p.to_month
    if first > last:
        problems.append(("dues.months_reversed", {"first": first, "last": last}))
    elif month_count(first, last) > MAX_MONTHS:
        problems.append(("dues.too_many_months", {"count": month_count(first, last)}))
    if first < FIRST_MONTH:
        problems.append(("dues.month_too_early", {"month": first}))
    ahead = add_months_to_key(month_key_of(today), MONTHS_AHEAD)
    if last > ahead:
        problems.append(("dues.months_too_far_ahead", {"month": last, "limit": ahead}))
    if p.amount_fen <= 0:
        problems.append(("dues.amount_not_positive", {}))
    elif p.amount_fen > MAX_FEN:
        problems.append(("dues.amount_too_large", {}))
    if p.note is not None and len(p.note) > NOTE_LIMIT:
        problems.append(("dues.note_too_long", {"limit": NOTE_LIMIT}))
    if p.note is not None and _UNSAFE.search(p.note):
        problems.append(("dues.unsafe_text", {}))
    if member is None or problems:
        return member, problems
    if member.join_date is not None:
        if p.paid_on < member.join_date:
            problems.append(
                (
                    "dues.paid_before_joined",
                    {"member_no": member.member_no, "date": member.join_date.isoformat()},
                )
            )
        if first < month_key_of(member.join_date):
            problems.append(
                (
                    "dues.months_before_joined",
                    {"member_no": member.member_no, "date": member.join_date.isoformat()},
                )
            )
    if member.left_on is not None and last > last_owed_month(member.left_on):
        problems.append(
            (
                "dues.member_left",
                {"member_no": member.member_no, "date": member.left_on.isoformat()},
            )
        )
    if member.id not in taken:
        taken[member.id] = [
            (r.from_month, r.to_month, r.id)
            for r in conn.execute(
                select(payment_t.c.id, payment_t.c.from_month, payment_t.c.to_month).where(
                    payment_t.c.member_id == member.id, payment_t.c.voided_at.is_(None)
                )
            )
        ]
    for other_first, other_last, by in taken[member.id]:
        if other_first <= last and first <= other_last:
            month = max(first, other_first)
            key = "dues.months_already_paid" if isinstance(by, int) else "dues.months_paid_in_file"
            problems.append((key, {"member_no": member.member_no, "month": month, "by": by}))
            break
    return member, problems


def _payment_values(
    branch_id: int, member_id: int, p: PaymentInput, operator: str, now: datetime
) -> dict[str, Any]:
    return {
        "branch_id": branch_id,
        "member_id": member_id,
        "paid_on": p.paid_on,
        "from_month": p.from_month,
        "to_month": p.to_month,
        "amount_fen": p.amount_fen,
        "note": stripped_or_none(p.note),
        "operator": operator,
        "created_at": now,
    }


def record_payment(store: Store, branch_id: int, p: PaymentInput) -> PaymentRow:
    """Record a payment; refused (``StoreError``, nothing written) for an unknown member, a
    date in the future or before the member joined, months out of order, before joining,
    after leaving or already paid, and an amount that is not more than 0."""
    with store.write_transaction() as conn:
        member, problems = _payment_problems(conn, branch_id, p, store.today(), {})
        if problems:
            key, params = problems[0]
            raise (NotFound if key == "member_not_found" else StoreError)(key, **params)
        payment_id = inserted_id(
            conn.execute(
                insert(payment_t).values(
                    _payment_values(branch_id, member.id, p, store.operator, _now())  # type: ignore[union-attr]  # no problems: found
                )
            )
        )
        store.audit(
            conn,
            branch_id,
            "dues.pay",
            id=payment_id,
            member_no=member.member_no,  # type: ignore[union-attr]  # no problems: found
            paid_on=p.paid_on.isoformat(),
            months=f"{p.from_month}..{p.to_month}",
            amount_fen=p.amount_fen,
        )
    return get_payment(store, branch_id, payment_id)


def record_payments(
    store: Store,
    branch_id: int,
    payments: Sequence[PaymentInput],
    source: str | None = None,
    dry_run: bool = False,
) -> list[int]:
    """Many payments in one transaction (an import): all of them or, when any is refused,
    none — ``RowProblems`` then lists (index, key, params) for every refused payment. Two
    payments of the file covering the same month of a member are refused too. ``dry_run``
    checks only: it writes nothing and returns no ids."""
    opened = store.read_connection() if dry_run else store.write_transaction()
    with opened as conn:
        today = store.today()
        taken: dict[int, list[tuple[str, str, object]]] = {}
        problems: list[tuple[int, str, dict[str, object]]] = []
        rows = []
        now = _now()
        for i, p in enumerate(payments):
            member, found = _payment_problems(conn, branch_id, p, today, taken)
            problems += [(i, key, params) for key, params in found]
            if member is not None and not found:
                taken[member.id].append((p.from_month, p.to_month, f"#{i}"))
                rows.append(_payment_values(branch_id, member.id, p, store.operator, now))
        if problems:
            raise RowProblems(problems)
        if not rows or dry_run:
            return []
        ids = list(
            conn.scalars(
                insert(payment_t).returning(payment_t.c.id, sort_by_parameter_order=True), rows
            )
        )
        store.audit(
            conn,
            branch_id,
            "dues.import",
            added=len(ids),
            amount_fen=sum(int(r["amount_fen"]) for r in rows),
            source=source,
        )
    return ids


def void_payment(store: Store, branch_id: int, payment_id: int, reason: str) -> PaymentRow:
    """Void a payment recorded by mistake: kept with its reason, no longer counted."""
    reason = (reason or "").strip()
    if not reason:
        raise StoreError("dues.void_reason_required")
    if len(reason) > REASON_LIMIT:
        raise StoreError("dues.reason_too_long", limit=REASON_LIMIT)
    if _UNSAFE.search(reason):
        raise StoreError("dues.unsafe_text")
    with store.write_transaction() as conn:
        row = conn.execute(
            select(payment_t.c.id, payment_t.c.voided_at, member_t.c.member_no)
            .select_from(member_join(payment_t))
            .where(payment_t.c.id == payment_id, payment_t.c.branch_id == branch_id)
        ).first()
        if row is None:
            raise NotFound("dues.payment_not_found", id=payment_id)
        if row.voided_at is not None:
            raise Conflict("dues.already_voided", id=payment_id)
        conn.execute(
            update(payment_t)
            .where(payment_t.c.id == payment_id)
            .values(voided_at=_now(), void_reason=reason)
        )
        store.audit(
            conn, branch_id, "dues.void", id=payment_id, member_no=row.member_no, reason=reason
        )
    return get_payment(store, branch_id, payment_id)


def _payment_row(r) -> PaymentRow:
    return PaymentRow(
        id=r.id,
        member_no=r.member_no,
        name=r.name,
        paid_on=r.paid_on,
        from_month=r.from_month,
        to_month=r.to_month,
        amount_fen=r.amount_fen,
        note=r.note,
        voided=r.voided_at is not None,
        void_reason=r.void_reason,
        operator=r.operator,
    )


def get_payment(store: Store, branch_id: int, payment_id: int) -> PaymentRow:
    with store.read_connection() as conn:
        r = conn.execute(
            with_member(payment_t).where(
                payment_t.c.id == payment_id, payment_t.c.branch_id == branch_id
            )
        ).first()
    if r is None:
        raise NotFound("dues.payment_not_found", id=payment_id)
    return _payment_row(r)


def list_payments(
    store: Store,
    branch_id: int,
    member_no: str | None = None,
    year: int | None = None,
    include_voided: bool = True,
) -> list[PaymentRow]:
    """Payments, oldest first by date paid; ``year``: those covering a month of that year."""
    cond = [payment_t.c.branch_id == branch_id]
    if member_no is not None:
        cond.append(member_t.c.member_no == member_no.strip())
    if year is not None:
        cond += [
            payment_t.c.from_month <= f"{year:04d}-12",
            payment_t.c.to_month >= f"{year:04d}-01",
        ]
    if not include_voided:
        cond.append(payment_t.c.voided_at.is_(None))
    with store.read_connection() as conn:
        if member_no is not None:
            _member(conn, branch_id, member_no)  # an unknown number is refused, not empty
        return [
            _payment_row(r)
            for r in conn.execute(
                with_member(payment_t).where(*cond).order_by(payment_t.c.paid_on, payment_t.c.id)
            )
        ]


# ---------------------------------------------------------------------------- records


def dues_records(
    conn: Connection, branch_id: int, paid_by: date | None = None
) -> dict[int, DuesRecord]:
    """member id → the member's ``DuesRecord``, for every member of the branch; payments
    made after ``paid_by`` are left out (a check as of a past day)."""
    return dues_records_of(conn, [branch_id], paid_by).get(branch_id, {})


def dues_records_of(
    conn: Connection,
    branch_ids: Sequence[int] | None,
    paid_by: date | None = None,
    owing_only: bool = False,
) -> dict[int, dict[int, DuesRecord]]:
    """branch id → member id → ``DuesRecord``, for the branches named (None: every branch
    the connection may see) in five queries whatever their number (the committee's
    overview reads hundreds of branches at once).

    ``owing_only`` (with ``paid_by``): the records of the members who may have dues in
    arrears on ``paid_by``, for ``compliance.dues.arrears`` of that day only. A member
    without a standard owes nothing, and one whose payments run without a gap from the
    first standard's month to the month before ``paid_by``'s has paid every month that can
    be owed by then: neither is read (``_owing``). The payments of the others that follow
    each other without a gap come as one span, made on the last of their days."""

    def of_branches(column):
        return column.in_(branch_ids) if branch_ids is not None else column.is_not(None)

    if not owing_only or paid_by is None:
        return _records(conn, of_branches, None, paid_by)
    owing = _owing(conn, of_branches, paid_by)
    out: dict[int, dict[int, DuesRecord]] = {}
    for chunk in range(0, len(owing), 500):
        for branch_id, records in _records(
            conn, of_branches, owing[chunk : chunk + 500], paid_by
        ).items():
            out.setdefault(branch_id, {}).update(records)
    return out


def _records(
    conn: Connection, of_branches, member_ids: Sequence[int] | None, paid_by: date | None
) -> dict[int, dict[int, DuesRecord]]:
    """``dues_records_of`` for the members named (None: every member of the branches);
    named members' payments come chained into spans."""

    def of_members(column):
        return column.in_(member_ids) if member_ids is not None else true()

    starts = {
        r.id: r.records_start
        for r in conn.execute(
            select(branch_t.c.id, branch_t.c.records_start).where(of_branches(branch_t.c.id))
        )
    }
    standards: dict[int, list[tuple[str, int]]] = {}
    for r in conn.execute(
        select(standard_t.c.member_id, standard_t.c.from_month, standard_t.c.amount_fen)
        .where(of_branches(standard_t.c.branch_id), of_members(standard_t.c.member_id))
        .order_by(standard_t.c.member_id, standard_t.c.from_month)
    ):
        standards.setdefault(r.member_id, []).append((r.from_month, int(r.amount_fen)))
    cond = [
        of_branches(payment_t.c.branch_id),
        of_members(payment_t.c.member_id),
        payment_t.c.voided_at.is_(None),
    ]
    if paid_by is not None:
        cond.append(payment_t.c.paid_on <= paid_by)
    payments: dict[int, list[PaymentFact]] = {}
    if member_ids is not None and paid_by is not None:
        rows: Any = _merged_payments(conn, cond)
    else:
        rows = conn.execute(
            select(
                payment_t.c.member_id,
                payment_t.c.from_month,
                payment_t.c.to_month,
                payment_t.c.paid_on,
            )
            .where(*cond)
            .order_by(payment_t.c.member_id, payment_t.c.from_month)
        )
    for member_id, first, last, paid_on in rows:
        payments.setdefault(member_id, []).append(PaymentFact(first, last, paid_on))
    away: dict[int, list[tuple[date, date | None]]] = {}
    for r in conn.execute(
        select(event_t.c.member_id, event_t.c.date, event_t.c.end_date)
        .where(
            of_branches(event_t.c.branch_id),
            of_members(event_t.c.member_id),
            event_t.c.kind == MemberEventKind.away.value,
            event_t.c.voided_at.is_(None),
        )
        .order_by(event_t.c.member_id, event_t.c.date)
    ):
        away.setdefault(r.member_id, []).append((r.date, r.end_date))
    out: dict[int, dict[int, DuesRecord]] = {b: {} for b in starts}
    for m in conn.execute(
        select(
            member_t.c.id,
            member_t.c.branch_id,
            *MEMBERSHIP_COLUMNS,
            member_t.c.dues_paid_until,
        ).where(of_branches(member_t.c.branch_id), of_members(member_t.c.id))
    ):
        out.setdefault(m.branch_id, {})[m.id] = DuesRecord(
            member_no=m.member_no,
            name=m.name,
            standards=tuple(standards.get(m.id, ())),
            payments=tuple(payments.get(m.id, ())),
            legacy_paid_until=_legacy(m.dues_paid_until),
            join_date=m.join_date,
            entered_on=m.entered_on,
            left_on=m.left_on,
            away=tuple(away.get(m.id, ())),
            records_start=starts.get(m.branch_id),
        )
    return out


def _owing(conn: Connection, of_branches, paid_by: date) -> list[int]:
    """The members with a standard whose payments made by ``paid_by`` do not run without
    a gap from the first standard's month to the month before ``paid_by``'s: those who
    may have dues in arrears that day (the others cannot, whatever else the rules say of
    their months). One query; see ``_merged_payments`` for "without a gap"."""
    first, last = _month_index(payment_t.c.from_month), _month_index(payment_t.c.to_month)
    paid = (
        select(
            payment_t.c.member_id,
            func.min(first).label("fi"),
            func.max(last).label("li"),
            func.sum(last - first + 1).label("months"),
        )
        .where(
            of_branches(payment_t.c.branch_id),
            payment_t.c.voided_at.is_(None),
            payment_t.c.paid_on <= paid_by,
        )
        .group_by(payment_t.c.member_id)
        .subquery()
    )
    owed = (
        select(
            standard_t.c.member_id,
            func.min(_month_index(standard_t.c.from_month)).label("si"),
        )
        .where(of_branches(standard_t.c.branch_id))
        .group_by(standard_t.c.member_id)
        .subquery()
    )
    before = paid_by.year * 12 + paid_by.month - 1  # the month before paid_by's, as an index
    paid_up = and_(
        paid.c.months == paid.c.li - paid.c.fi + 1,
        paid.c.fi <= owed.c.si,
        paid.c.li >= before,
    )
    return list(
        conn.scalars(
            select(owed.c.member_id)
            .select_from(owed.outerjoin(paid, paid.c.member_id == owed.c.member_id))
            .where(or_(paid.c.member_id.is_(None), not_(paid_up)))
            .order_by(owed.c.member_id)
        )
    )


def _month_index(column):
    """``YYYY-MM`` as a month count (year × 12 + month), so that spans can be chained."""
    return cast(func.substr(column, 1, 4), Integer) * 12 + cast(func.substr(column, 6, 2), Integer)


def _merged_payments(conn: Connection, cond) -> list[tuple[int, str, str, date]]:
    """``(member id, first, last, paid on)`` of each member's payments chained into spans.

    The app refuses a payment for a month already paid (``dues.months_already_paid``), so
    a member's payments never overlap: they leave no gap exactly when their months add
    up to the months from the first to the last. Those members (nearly all) come as one
    span from one ``GROUP BY``; the payments of the others are read as they are."""
    first, last = _month_index(payment_t.c.from_month), _month_index(payment_t.c.to_month)
    out: list[tuple[int, str, str, date]] = []
    gapped: list[int] = []
    for r in conn.execute(
        select(
            payment_t.c.member_id,
            func.min(first).label("fi"),
            func.max(last).label("li"),
            func.sum(last - first + 1).label("months"),
            func.max(payment_t.c.paid_on).label("paid_on"),
        )
        .where(*cond)
        .group_by(payment_t.c.member_id)
    ):
        if int(r.months) == r.li - r.fi + 1:
            out.append((r.member_id, _key_of(r.fi), _key_of(r.li), r.paid_on))
        else:
            gapped.append(r.member_id)
    for chunk in range(0, len(gapped), 500):
        out += [
            (r.member_id, r.from_month, r.to_month, r.paid_on)
            for r in conn.execute(
                select(
                    payment_t.c.member_id,
                    payment_t.c.from_month,
                    payment_t.c.to_month,
                    payment_t.c.paid_on,
                ).where(*cond, payment_t.c.member_id.in_(gapped[chunk : chunk + 500]))
            )
        ]
    return out


def _key_of(index: int) -> str:
    """A month count (``_month_index``) back as ``YYYY-MM``."""
    return f"{(index - 1) // 12:04d}-{(index - 1) % 12 + 1:02d}"


def _legacy(text: str | None) -> str | None:
    """The roster's 党费交至 as ``YYYY-MM`` (older rows may hold another spelling)."""
    if not text:
        return None
    try:
        return parse_month(text)
    except InputError:
        return None


def _members_in(conn: Connection, branch_id: int, cond) -> list:
    return list(
        conn.execute(
            select(member_t.c.id, member_t.c.member_no, member_t.c.left_on)
            .where(member_t.c.branch_id == branch_id, cond)
            .order_by(member_t.c.sort_key, member_t.c.member_no)
        )
    )


def status(store: Store, branch_id: int, as_of: date) -> list[StatusRow]:
    """Every member in the branch on ``as_of``: standard, paid until, months in arrears and
    the amount owed, counting the payments made by that day."""
    from orglife_tui.data.membership import away_on

    with store.read_connection() as conn:
        records = dues_records(conn, branch_id, as_of)
        members = list(
            conn.execute(
                select(member_t.c.id, member_t.c.left_on, away_on(as_of).label("away"))
                .where(member_t.c.branch_id == branch_id, in_branch_on(as_of))
                .order_by(member_t.c.sort_key, member_t.c.member_no)
            )
        )
    return [
        StatusRow(
            member_no=records[m.id].member_no,
            name=records[m.id].name,
            state=state(records[m.id], as_of),
            away=bool(m.away),
            left_on=m.left_on,
        )
        for m in members
    ]


def member_status(store: Store, branch_id: int, member_no: str, as_of: date) -> DuesState:
    """One member's dues on ``as_of`` (whether or not in the branch that day)."""
    with store.read_connection() as conn:
        member = _member(conn, branch_id, member_no)
        return state(dues_records(conn, branch_id, as_of)[member.id], as_of)


def register(store: Store, branch_id: int, year: int, as_of: date) -> list[RegisterRow]:
    """The year's dues register as of ``as_of`` (at most 31 December of ``year``): every
    member in the branch during the year up to then, with what was paid for each month of
    the year (a payment's amount split evenly over its months, the remainder on the first),
    counting payments made by ``as_of``."""
    first, last = date(year, 1, 1), min(as_of, date(year, 12, 31))
    with store.read_connection() as conn:
        records = dues_records(conn, branch_id, last)
        members = _members_in(conn, branch_id, in_branch_during(first, last))
        payments: dict[int, list] = {}
        for r in conn.execute(
            select(payment_t)
            .where(
                payment_t.c.branch_id == branch_id,
                payment_t.c.voided_at.is_(None),
                payment_t.c.paid_on <= last,
                payment_t.c.from_month <= f"{year:04d}-12",
                payment_t.c.to_month >= f"{year:04d}-01",
            )
            .order_by(payment_t.c.paid_on, payment_t.c.id)
        ):
            payments.setdefault(r.member_id, []).append(r)
    months = [month_key(year, m) for m in range(1, 13)]
    rows = []
    for m in members:
        record = records[m.id]
        paid: dict[str, int] = {}
        for p in payments.get(m.id, ()):
            for month, fen in split_amount(p.from_month, p.to_month, p.amount_fen):
                if month[:4] == f"{year:04d}":
                    paid[month] = paid.get(month, 0) + fen
        rows.append(
            RegisterRow(
                member_no=record.member_no,
                name=record.name,
                state=state(record, last),
                paid=paid,
                owed_months=tuple(mo for mo in months if record.owed(mo)),
            )
        )
    return rows


def split_amount(first: str, last: str, fen: int) -> list[tuple[str, int]]:
    """A payment's amount over its months: evenly, the remainder on the earliest months."""
    share, rest = divmod(fen, month_count(first, last))
    return [
        (month, share + (1 if i < rest else 0))
        for i, month in enumerate(months_between(first, last))
    ]


def expected_amount(
    store: Store, branch_id: int, member_no: str, first: str, last: str
) -> int | None:
    """What the member's standards ask for ``first``..``last`` (None: no standard for some
    month of it)."""
    with store.read_connection() as conn:
        member = _member(conn, branch_id, member_no)
        record = dues_records(conn, branch_id)[member.id]
    total = 0
    for month in months_between(first, last):
        fen = record.standard_for(month)
        if fen is None:
            return None
        total += fen
    return total


# ---------------------------------------------------------------------------- late_dues


def sync_dues(store: Store, branch_id: int, scheme, scheme_version_id: int | None):
    """Bring the dues-derived entries (``late_dues``) in line with the dues records and the
    scheme, idempotently: one transaction, one ``ledger.sync`` audit row when anything
    changed. Returns ``ledger.SyncResult``."""
    with store.write_transaction() as conn:
        return sync_dues_in(store, conn, branch_id, scheme, scheme_version_id)


def sync_dues_in(
    store: Store, conn: Connection, branch_id: int, scheme, scheme_version_id: int | None
):
    """``sync_dues`` inside the caller's write transaction (``scheme use`` re-syncs in the
    transaction that puts the scheme in use)."""
    from orglife_tui.compliance.dues import late_months
    from orglife_tui.data.ledger.attendance import live_derived, write_derived
    from orglife_tui.data.ledger.links import _amount

    today = store.today()
    wanted: dict[tuple[int, str, date], tuple[float, str]] = {}
    items = {it.code: it for it in scheme.dues_items}
    if items:
        records = dues_records(conn, branch_id)
        for member_id, record in records.items():
            for item in items.values():
                grace = item.dues.grace_months
                for month, dated in late_months(record, grace, today):
                    wanted[(member_id, item.code, dated)] = (_amount(item.points), month)
    live = live_derived(conn, branch_id, DUES)
    reverse: list[tuple[dict, str]] = []
    kept: set[tuple[int, str, date]] = set()
    for entry in live:
        key = (entry["member_id"], entry["item_code"], _as_date(entry["entry_date"]))
        want = wanted.get(key)
        if want is None or key in kept:
            why = (
                "dues.ledger.note_changed"
                if entry["item_code"] in items
                else ("ledger.note.scheme_changed")
            )
            reverse.append((dict(entry), why))
        elif abs(float(entry["points"]) - want[0]) > 0.005:
            reverse.append((dict(entry), "ledger.note.scheme_changed"))
        else:
            kept.add(key)
    adds = [
        {
            "member_id": member_id,
            "item_code": code,
            "points": points,
            "hours": None,
            "entry_date": dated,
            "note": month,
            "source": DUES,
            "meeting_id": None,
            "scheme_version_id": scheme_version_id,
        }
        for (member_id, code, dated), (points, month) in sorted(
            wanted.items(), key=lambda kv: (kv[0][2], kv[0][0], kv[0][1])
        )
        if (member_id, code, dated) not in kept
    ]
    return write_derived(store, conn, branch_id, DUES, reverse, adds, scheme_version_id)


def _as_date(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


__all__ = [
    "DUES",
    "PaymentInput",
    "PaymentRow",
    "RegisterRow",
    "StandardRow",
    "StatusRow",
    "dues_records",
    "expected_amount",
    "get_payment",
    "list_payments",
    "list_standards",
    "member_status",
    "parse_amount",
    "parse_months",
    "record_payment",
    "record_payments",
    "register",
    "set_standard",
    "split_amount",
    "status",
    "sync_dues",
    "sync_dues_in",
    "void_payment",
    "yuan",
]

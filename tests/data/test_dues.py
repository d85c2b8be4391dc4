"""Party dues storage: standards, payments, voids, the status and register they give, the
compliance findings and the ``late_dues`` points they drive — on SQLite and PostgreSQL,
with a fixed clock (the branch's records start on 1 January 2025)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from orglife_tui.data import dues, ledger, schemes
from orglife_tui.data.dues import PaymentInput, parse_amount, yuan
from orglife_tui.data.errors import Conflict, NotFound, StoreError
from orglife_tui.data.membership import record_event
from orglife_tui.data.models import payment_t, standard_t
from orglife_tui.data.store import RowProblems
from orglife_tui.domain import Gender, InputError, MemberEventKind, MemberStatus
from orglife_tui.domain.records import MemberInput
from orglife_tui.scoring.scheme import default_scheme_text, parse_scheme
from orglife_tui.services import watch
from orglife_tui.services.points import after_dues_change, sync_branch


class Clock:
    """The store's "today", moved by the test."""

    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> date:
        return self.day


@pytest.fixture
def clock(store) -> Clock:
    c = Clock(date(2025, 1, 1))
    store.today = c
    return c


@pytest.fixture
def branch(store, clock):
    """Five members; the branch created on 1 January 2025 (its records start then); today
    1 July 2026. 001, 002 and 004 pay 12.50 a month from 2026-01; 003 has no standard."""
    b = store.resolve_branch("第一党支部")
    store.add_members(
        b.id,
        [
            MemberInput("001", "张伟", MemberStatus.full, Gender.male, join_date=date(1995, 7, 1)),
            MemberInput(
                "002", "王芳", MemberStatus.full, Gender.female, join_date=date(2010, 6, 1)
            ),
            MemberInput(
                "003", "李娜", MemberStatus.full, Gender.female, join_date=date(2012, 1, 1)
            ),
            MemberInput("004", "刘洋", MemberStatus.full, Gender.male, join_date=date(2015, 3, 1)),
            MemberInput(
                "005", "陈静", MemberStatus.probationary, Gender.female, join_date=date(2026, 3, 10)
            ),
        ],
    )
    clock.day = date(2026, 7, 1)
    for no in ("001", "002", "004"):
        dues.set_standard(store, b.id, no, "2026-01", 1250)
    dues.set_standard(store, b.id, "005", "2026-03", 500)
    return b


def pay(store, branch, no, first, last, fen, on, note=None):
    return dues.record_payment(store, branch.id, PaymentInput(no, on, first, last, fen, note))


def rows(store) -> tuple[list, list, int]:
    """Every dues row of the database and the number of audit entries."""
    with store.read_connection() as conn:
        standards = [tuple(r) for r in conn.execute(select(standard_t).order_by(standard_t.c.id))]
        payments = [tuple(r) for r in conn.execute(select(payment_t).order_by(payment_t.c.id))]
    return standards, payments, len(store.audit_entries(limit=1_000_000))


def last_audit(store, branch) -> tuple[str, dict]:
    entry = store.audit_entries(branch.id, limit=1)[0]
    return entry["action"], json.loads(entry["detail"])


def by_no(store, branch, as_of):
    return {r.member_no: r for r in dues.status(store, branch.id, as_of)}


# ---------------------------------------------------------------------------- amounts


@pytest.mark.parametrize(
    ("text", "fen"),
    [("12", 1200), ("12.5", 1250), ("12.50", 1250), ("¥1,200.05", 120005), ("３０元", 3000)],
)
def test_amounts_are_yuan_with_at_most_two_decimals(text, fen):
    assert parse_amount(text) == fen
    assert yuan(fen) == f"{fen // 100}.{fen % 100:02d}"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("12.345", "dues.problem.amount_precision"),
        ("-1", "dues.problem.negative_amount"),
        ("十元", "dues.problem.bad_amount"),
        ("1e3", "dues.problem.bad_amount"),
        ("", "problem.required"),
        ("99999999", "dues.problem.amount_too_large"),
    ],
)
def test_a_bad_amount_is_refused_with_its_reason(text, key):
    with pytest.raises(InputError) as exc:
        parse_amount(text)
    assert exc.value.key == key


# ---------------------------------------------------------------------------- standards


def test_a_standard_is_recorded_replaced_and_audited(store, branch):
    action, detail = last_audit(store, branch)
    assert action == "dues.standard" and detail["member_no"] == "005"
    row = dues.set_standard(store, branch.id, "001", "2026-01", 1500)
    assert (row.member_no, row.from_month, row.amount_fen) == ("001", "2026-01", 1500)
    action, detail = last_audit(store, branch)
    assert (action, detail["amount_fen"], detail["old_fen"]) == ("dues.standard", 1500, 1250)
    dues.set_standard(store, branch.id, "001", "2026-04", 0)  # exempt from April
    standards = [(r.from_month, r.amount_fen) for r in dues.list_standards(store, branch.id, "001")]
    assert standards == [("2026-01", 1500), ("2026-04", 0)]


@pytest.mark.parametrize(
    ("no", "month", "fen", "error", "key"),
    [
        ("099", "2026-01", 100, NotFound, "member_not_found"),
        ("001", "2026-13", 100, StoreError, "dues.bad_month"),
        ("001", "2026-01", -1, StoreError, "dues.negative_standard"),
    ],
)
def test_a_bad_standard_is_refused_and_writes_nothing(store, branch, no, month, fen, error, key):
    before = rows(store)
    with pytest.raises(error) as exc:
        dues.set_standard(store, branch.id, no, month, fen)
    assert exc.value.key == key
    assert rows(store) == before


# ---------------------------------------------------------------------------- payments


def test_a_payment_reads_back_and_is_audited(store, branch):
    row = pay(store, branch, "001", "2026-01", "2026-06", 7500, date(2026, 6, 30), " 上半年 ")
    assert (row.member_no, row.name, row.paid_on, row.months, row.amount_fen, row.note) == (
        "001",
        "张伟",
        date(2026, 6, 30),
        6,
        7500,
        "上半年",
    )
    assert not row.voided and row.operator == "tester"
    action, detail = last_audit(store, branch)
    assert action == "dues.pay"
    assert detail == {
        "id": row.id,
        "member_no": "001",
        "paid_on": "2026-06-30",
        "months": "2026-01..2026-06",
        "amount_fen": 7500,
    }


@pytest.mark.parametrize(
    ("payment", "key"),
    [
        (PaymentInput("099", date(2026, 6, 1), "2026-01", "2026-01", 1250), "member_not_found"),
        (PaymentInput("001", date(2026, 7, 2), "2026-01", "2026-01", 1250), "dues.paid_in_future"),
        (PaymentInput("001", date(2026, 6, 1), "2026-03", "2026-01", 1250), "dues.months_reversed"),
        (
            PaymentInput("001", date(2026, 6, 1), "2026-01", "2026-01", 0),
            "dues.amount_not_positive",
        ),
        (
            PaymentInput("005", date(2026, 3, 1), "2026-03", "2026-03", 500),
            "dues.paid_before_joined",
        ),
        (
            PaymentInput("005", date(2026, 6, 1), "2026-02", "2026-03", 500),
            "dues.months_before_joined",
        ),
        (
            PaymentInput("001", date(2026, 6, 1), "2026-01", "2029-01", 1250),
            "dues.months_too_far_ahead",
        ),
        (PaymentInput("001", date(2026, 6, 1), "1900-01", "1900-02", 1250), "dues.month_too_early"),
        (
            PaymentInput("001", date(2026, 6, 1), "2026-01", "2026-01", 1250, "交\u202e纳"),
            "dues.unsafe_text",
        ),
    ],
)
def test_a_bad_payment_is_refused_and_writes_nothing(store, branch, payment, key):
    before = rows(store)
    with pytest.raises(StoreError) as exc:
        dues.record_payment(store, branch.id, payment)
    assert exc.value.key == key
    assert rows(store) == before


def test_a_month_is_paid_once_a_void_frees_it(store, branch):
    first = pay(store, branch, "001", "2026-01", "2026-03", 3750, date(2026, 3, 1))
    with pytest.raises(StoreError) as exc:
        pay(store, branch, "001", "2026-03", "2026-04", 2500, date(2026, 4, 1))
    assert exc.value.key == "dues.months_already_paid"
    assert exc.value.params["month"] == "2026-03" and exc.value.params["by"] == first.id
    voided = dues.void_payment(store, branch.id, first.id, "金额录错")
    assert voided.voided and voided.void_reason == "金额录错"
    assert last_audit(store, branch) == (
        "dues.void",
        {"id": first.id, "member_no": "001", "reason": "金额录错"},
    )
    again = pay(store, branch, "001", "2026-03", "2026-04", 2500, date(2026, 4, 1))
    assert again.id != first.id
    listed = dues.list_payments(store, branch.id, "001")
    assert [(p.id, p.voided) for p in listed] == [(first.id, True), (again.id, False)]


def test_a_void_needs_a_reason_and_happens_once(store, branch):
    p = pay(store, branch, "001", "2026-01", "2026-01", 1250, date(2026, 1, 5))
    with pytest.raises(StoreError) as exc:
        dues.void_payment(store, branch.id, p.id, "  ")
    assert exc.value.key == "dues.void_reason_required"
    with pytest.raises(StoreError) as exc:
        dues.void_payment(store, branch.id, p.id, "重\x1b[2J复")
    assert exc.value.key == "dues.unsafe_text"
    dues.void_payment(store, branch.id, p.id, "重复")
    with pytest.raises(Conflict):
        dues.void_payment(store, branch.id, p.id, "重复")
    with pytest.raises(NotFound):
        dues.void_payment(store, branch.id, 9999, "没有")


def test_months_after_leaving_are_refused(store, branch, clock):
    record_event(store, branch.id, "004", MemberEventKind.transfer_out, date(2026, 6, 15))
    assert pay(store, branch, "004", "2026-01", "2026-06", 7500, date(2026, 6, 20)).months == 6
    with pytest.raises(StoreError) as exc:
        pay(store, branch, "004", "2026-07", "2026-07", 1250, date(2026, 6, 20))
    assert exc.value.key == "dues.member_left"


def test_payments_are_listed_by_member_and_by_year_they_cover(store, branch):
    pay(store, branch, "001", "2025-11", "2026-02", 5000, date(2025, 11, 3))
    pay(store, branch, "002", "2026-01", "2026-06", 7500, date(2026, 1, 3))
    pay(store, branch, "002", "2025-01", "2025-03", 3750, date(2025, 1, 3))
    assert [p.member_no for p in dues.list_payments(store, branch.id, year=2026)] == ["001", "002"]
    assert [p.from_month for p in dues.list_payments(store, branch.id, "002")] == [
        "2025-01",
        "2026-01",
    ]
    with pytest.raises(NotFound):
        dues.list_payments(store, branch.id, "099")


# ---------------------------------------------------------------------------- bulk


def test_many_payments_land_together_or_not_at_all(store, branch):
    good = PaymentInput("001", date(2026, 2, 1), "2026-01", "2026-02", 2500)
    clash = PaymentInput("001", date(2026, 3, 1), "2026-02", "2026-03", 2500)
    future = PaymentInput("002", date(2027, 1, 1), "2026-01", "2026-01", 1250)
    before = rows(store)
    with pytest.raises(RowProblems) as exc:
        dues.record_payments(store, branch.id, [good, clash, future])
    assert [(i, key) for i, key, _ in exc.value.problems] == [
        (1, "dues.months_paid_in_file"),
        (2, "dues.paid_in_future"),
    ]
    assert rows(store) == before
    ids = dues.record_payments(store, branch.id, [good], source="dues.csv")
    assert len(ids) == 1
    assert last_audit(store, branch) == (
        "dues.import",
        {"added": 1, "amount_fen": 2500, "source": "dues.csv"},
    )


# ---------------------------------------------------------------------------- status


def test_status_derives_paid_until_and_arrears_from_the_payments(store, branch):
    pay(store, branch, "001", "2026-01", "2026-03", 3750, date(2026, 2, 1))
    pay(store, branch, "001", "2026-05", "2026-12", 10000, date(2026, 5, 2))  # April is a gap
    pay(store, branch, "002", "2026-01", "2026-06", 7500, date(2026, 6, 30))
    status = by_no(store, branch, date(2026, 7, 1))
    assert list(status) == ["001", "002", "003", "004", "005"]  # natural order
    zhang = status["001"].state
    assert (zhang.paid_until, zhang.arrears, zhang.owed) == ("2026-03", ("2026-04",), 1250)
    assert status["002"].state.arrears == () and status["002"].state.paid_until == "2026-06"
    li = status["003"].state
    assert (li.has_record, li.arrears, li.standard) == (False, (), None)
    assert status["005"].state.arrears == ("2026-03", "2026-04", "2026-05", "2026-06")


def test_a_voided_payment_no_longer_counts(store, branch):
    p = pay(store, branch, "002", "2026-01", "2026-06", 7500, date(2026, 6, 30))
    assert by_no(store, branch, date(2026, 7, 1))["002"].state.paid_until == "2026-06"
    dues.void_payment(store, branch.id, p.id, "重复登记")
    wang = by_no(store, branch, date(2026, 7, 1))["002"].state
    assert wang.paid_until is None and len(wang.arrears) == 6 and wang.owed == 7500


def test_the_legacy_paid_until_is_the_baseline(store, branch):
    member = store.get_member(branch.id, "003")
    from dataclasses import replace

    store.update_member(branch.id, member.id, replace(member.as_input(), dues_paid_until="2026-02"))
    dues.set_standard(store, branch.id, "003", "2025-06", 1000)
    li = by_no(store, branch, date(2026, 7, 1))["003"].state
    assert (li.paid_until, li.arrears) == ("2026-02", ("2026-03", "2026-04", "2026-05", "2026-06"))


def test_a_departed_member_leaves_the_status_list_and_owes_nothing_after(store, branch, clock):
    record_event(store, branch.id, "004", MemberEventKind.transfer_out, date(2026, 4, 20))
    assert "004" in by_no(store, branch, date(2026, 4, 19))
    assert "004" not in by_no(store, branch, date(2026, 7, 1))
    state = dues.member_status(store, branch.id, "004", date(2026, 12, 1))
    assert state.arrears == ("2026-01", "2026-02", "2026-03", "2026-04")


def test_months_away_are_not_owed_and_the_member_shows_away(store, branch):
    record_event(
        store, branch.id, "002", MemberEventKind.away, date(2026, 3, 5), end=date(2026, 5, 31)
    )
    status = by_no(store, branch, date(2026, 4, 1))
    assert status["002"].away and not status["001"].away
    wang = by_no(store, branch, date(2026, 7, 1))["002"].state
    assert wang.arrears == ("2026-01", "2026-02", "2026-06")


# ---------------------------------------------------------------------------- register


def test_the_register_splits_payments_over_their_months_and_stops_at_its_day(store, branch, clock):
    pay(store, branch, "001", "2025-12", "2026-02", 3751, date(2025, 12, 1))  # 12.51 + 12.50 × 2
    clock.day = date(2027, 1, 10)
    pay(store, branch, "002", "2026-01", "2026-03", 3750, date(2027, 1, 5))
    rows_ = {r.member_no: r for r in dues.register(store, branch.id, 2026, date(2026, 12, 31))}
    assert rows_["001"].paid == {"2026-01": 1250, "2026-02": 1250}
    assert rows_["001"].total == 2500
    assert rows_["002"].paid == {}  # paid after the register's day
    assert rows_["005"].owed_months[0] == "2026-03"
    assert rows_["001"].state.arrears == tuple(f"2026-{m:02d}" for m in range(3, 12))


# ---------------------------------------------------------------------------- compliance


def test_the_findings_appear_on_the_right_members_on_the_right_days(store, branch, clock):
    pay(store, branch, "002", "2026-01", "2026-12", 15000, date(2026, 1, 5))

    def found(day: date) -> list[tuple[str, str, str]]:
        return [
            (f.subject, f.period, f.severity.value)
            for f in watch.check(store, branch.id, 2026, day)
            if f.rule == "dues_arrears"
        ]

    assert found(date(2026, 3, 31)) == []
    assert found(date(2026, 4, 1)) == [
        ("001", "2026-03", "warning"),
        ("004", "2026-03", "warning"),
    ]
    # 005 joined in March: three months in arrears on 1 June, not on 31 May
    assert ("005", "2026-05", "warning") in found(date(2026, 6, 1))
    assert all(s != "005" for s, _, _ in found(date(2026, 5, 31)))
    assert ("001", "2026-05", "warning") in found(date(2026, 6, 30))
    assert ("001", "2026-06", "violation") in found(date(2026, 7, 1))
    assert all(s != "002" and s != "003" for s, _, _ in found(date(2026, 7, 1)))


def test_away_months_and_a_departure_change_the_findings(store, branch, clock):
    record_event(
        store, branch.id, "001", MemberEventKind.away, date(2026, 2, 1), end=date(2026, 3, 31)
    )
    record_event(store, branch.id, "004", MemberEventKind.transfer_out, date(2026, 5, 10))
    findings = {
        f.subject: f
        for f in watch.check(store, branch.id, 2026, date(2026, 7, 1))
        if f.rule == "dues_arrears"
    }
    # 001: January, then April–June (February and March away): four months
    assert findings["001"].params["months"] == ("2026-01", "2026-04", "2026-05", "2026-06")
    assert findings["001"].severity.value == "warning"
    # 004 left on 10 May: January–May and nothing after
    assert findings["004"].params["count"] == 5 and findings["004"].period == "2026-05"


# ---------------------------------------------------------------------------- late_dues


def dues_entries(store, branch) -> list[tuple[str, str, float, str | None]]:
    return [
        (e.member_no, e.entry_date.isoformat(), e.points, e.reverses_id and "rev")
        for e in ledger.iter_entries(store, branch.id)
        if e.source == "dues"
    ]


def live(store, branch) -> dict[tuple[str, str], float]:
    out: dict[tuple[str, str], float] = {}
    for no, day, points, _ in dues_entries(store, branch):
        out[(no, day)] = out.get((no, day), 0) + points
    return {k: v for k, v in out.items() if v}


def test_late_dues_follow_the_dues_idempotently(store, branch, clock):
    # the default scheme: -1 for each month still unpaid two months after it
    first = after_dues_change(store, branch.id)
    assert (first.added, first.reversed) == (4 + 4 + 4 + 2, 0)
    assert live(store, branch)[("001", "2026-04-01")] == -1  # January, late on 1 April
    assert ("005", "2026-06-01") in live(store, branch)  # March, late on 1 June
    assert not after_dues_change(store, branch.id).changed  # nothing new: nothing written
    count = len(dues_entries(store, branch))

    # a payment dated before the deadline (recorded late) undoes January–March
    pay(store, branch, "001", "2026-01", "2026-03", 3750, date(2026, 3, 31))
    again = after_dues_change(store, branch.id)
    assert (again.added, again.reversed) == (0, 3)
    assert ("001", "2026-04-01") not in live(store, branch)
    assert ("001", "2026-07-01") in live(store, branch)  # April was never paid
    # a payment made after the deadline: the months were paid late, the points stay
    pay(store, branch, "002", "2026-01", "2026-06", 7500, date(2026, 7, 1))
    assert not after_dues_change(store, branch.id).changed
    assert len(dues_entries(store, branch)) == count + 3


def test_a_voided_payment_brings_its_late_months_back(store, branch, clock):
    p = pay(store, branch, "001", "2026-01", "2026-06", 7500, date(2026, 1, 10))
    after_dues_change(store, branch.id)
    assert not any(no == "001" for no, _ in live(store, branch))
    dues.void_payment(store, branch.id, p.id, "假账")
    result = after_dues_change(store, branch.id)
    assert result.added == 4
    assert sorted(d for no, d in live(store, branch) if no == "001") == [
        "2026-04-01",
        "2026-05-01",
        "2026-06-01",
        "2026-07-01",
    ]
    assert ledger.verify(store).ok


def test_time_passing_books_the_newly_late_months_and_the_cap_holds_the_total(store, branch, clock):
    after_dues_change(store, branch.id)
    clock.day = date(2026, 12, 1)
    info, scheme, result = sync_branch(store, branch.id)
    assert result.added == 3 * 5 + 5  # August–December for 001, 002, 004; 005 too
    from orglife_tui.data.scores import scoreboard

    board = {r.member_no: r for r in scoreboard(store, branch.id, 2026, scheme)}
    assert board["001"].items["late_dues"] == -6  # nine months late, capped at 6


def test_late_dues_cannot_be_booked_by_hand(store, branch):
    info, scheme = schemes.ensure_active(store, branch.id)
    with pytest.raises(StoreError) as exc:
        ledger.add_entry(store, branch.id, scheme, info.id, "001", "late_dues")
    assert exc.value.key == "dues.ledger.item_derived"
    assert "late_dues" not in {it.code for it in ledger.manual_items(scheme)}


def test_a_scheme_without_the_dues_derivation_reverses_every_dues_entry(store, branch, clock):
    after_dues_change(store, branch.id)
    assert live(store, branch)
    text = default_scheme_text().replace('derive = { dues = "arrears", grace_months = 2 }\n', "")
    info = schemes.activate(store, branch.id, text, parse_scheme(text))
    result = dues.sync_dues(store, branch.id, parse_scheme(text), info.id)
    assert result.added == 0 and result.reversed == 14
    assert live(store, branch) == {}
    assert ledger.verify(store).ok

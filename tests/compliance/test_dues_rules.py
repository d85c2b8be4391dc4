"""Party dues as pure rules: what is owed, paid until, in arrears, late — and the findings.

Dues for a month are paid within that month: the current month is never in arrears. Three
months in arrears are a reminder, six in a row the Party Constitution's Article 38 case.
Months away are neutral; nothing is owed before the member's first standard, before
joining, before the records start, in the month of a transfer in, or after leaving.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orglife_tui.compliance.dues import (
    DuesRecord,
    PaymentFact,
    arrears,
    arrears_runs,
    late_months,
    paid_until,
    state,
)
from orglife_tui.compliance.facts import BranchFacts, MemberFacts
from orglife_tui.compliance.rules import judge
from orglife_tui.domain import add_months_to_key, month_key_of, months_between
from orglife_tui.locale import set_language
from orglife_tui.scoring.policy import (
    AbsenceRule,
    LadderAction,
    Policy,
    Severity,
    SimpleRule,
    TalkRule,
)

QUIET = Policy(
    frequencies=(),
    yearly=(),
    absence=AbsenceRule((), enabled=False),
    talks=TalkRule(enabled=False),
    rectification=SimpleRule(enabled=False),
)


def record(**kw) -> DuesRecord:
    base = dict(
        member_no="001",
        name="张伟",
        standards=(("2026-01", 1250),),
        join_date=date(2000, 7, 1),
        records_start=date(2025, 1, 1),
    )
    base.update(kw)
    return DuesRecord(**base)


def paid(first: str, last: str, on: date) -> PaymentFact:
    return PaymentFact(first, last, on)


def months(first: str, last: str) -> tuple[str, ...]:
    out, y, m = [], int(first[:4]), int(first[5:])
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return tuple(out)


def findings(*records: DuesRecord, as_of: date, year: int | None = None, policy=QUIET):
    facts = BranchFacts(
        branch="支部",
        first=date(2024, 1, 1),
        last=as_of,
        record_start=None,
        groups=(),
        committee_size=0,
        members=tuple(MemberFacts(r.member_no, r.name, None, r.join_date, dues=r) for r in records),
    )
    return judge(facts, year or as_of.year, as_of, policy)


# ---------------------------------------------------------------------------- arrears


def test_the_current_month_is_never_in_arrears():
    r = record()
    assert arrears(r, date(2026, 3, 31)) == ("2026-01", "2026-02")
    assert arrears(r, date(2026, 4, 1)) == ("2026-01", "2026-02", "2026-03")
    assert arrears(r, date(2026, 1, 31)) == ()


def test_the_amount_owed_follows_the_standard_of_each_month():
    r = record(standards=(("2026-01", 1000), ("2026-03", 1500)))
    s = state(r, date(2026, 5, 2))
    assert s.arrears == months("2026-01", "2026-04")
    assert s.owed == 1000 + 1000 + 1500 + 1500
    assert s.standard == 1500


def test_a_member_without_a_standard_owes_nothing_even_with_a_legacy_paid_until():
    r = record(standards=(), legacy_paid_until="2025-06")
    s = state(r, date(2026, 12, 1))
    assert (s.arrears, s.owed, s.has_record, s.standard) == ((), 0, False, None)
    assert s.paid_until == "2025-06"
    assert findings(r, as_of=date(2026, 12, 1)) == []


def test_nothing_is_owed_before_joining_or_before_the_records_start():
    joined = record(standards=(("2020-01", 500),), join_date=date(2026, 3, 20))
    assert arrears(joined, date(2026, 6, 1)) == ("2026-03", "2026-04", "2026-05")
    late_start = record(standards=(("2020-01", 500),), records_start=date(2026, 4, 15))
    assert arrears(late_start, date(2026, 6, 1)) == ("2026-04", "2026-05")


def test_an_exempt_month_is_not_owed():
    r = record(standards=(("2026-01", 1250), ("2026-02", 0), ("2026-04", 1250)))
    assert arrears(r, date(2026, 6, 1)) == ("2026-01", "2026-04", "2026-05")


# ---------------------------------------------------------------------------- paid until


def test_paid_until_stops_at_the_first_gap():
    r = record(
        payments=(
            paid("2026-01", "2026-03", date(2026, 1, 5)),
            paid("2026-05", "2026-12", date(2026, 5, 5)),
        )
    )
    as_of = date(2027, 1, 10)
    assert paid_until(r, as_of) == "2026-03"
    assert arrears(r, as_of) == ("2026-04",)


def test_a_member_who_paid_ahead_is_paid_until_the_last_month_paid():
    r = record(payments=(paid("2026-01", "2026-12", date(2026, 1, 5)),))
    assert paid_until(r, date(2026, 2, 1)) == "2026-12"
    assert arrears(r, date(2026, 2, 1)) == ()


def test_the_legacy_paid_until_covers_everything_up_to_it():
    r = record(
        standards=(("2025-01", 1000),),
        legacy_paid_until="2025-12",
        payments=(paid("2026-01", "2026-02", date(2026, 1, 3)),),
    )
    assert paid_until(r, date(2026, 6, 1)) == "2026-02"
    assert arrears(r, date(2026, 6, 1)) == ("2026-03", "2026-04", "2026-05")
    nothing_paid = record(standards=(("2025-01", 1000),), legacy_paid_until="2025-10")
    assert paid_until(nothing_paid, date(2026, 1, 5)) == "2025-10"
    assert arrears(nothing_paid, date(2026, 1, 5)) == ("2025-11", "2025-12")


def test_a_payment_counts_only_from_the_day_it_was_made():
    r = record(payments=(paid("2026-01", "2026-06", date(2026, 5, 20)),))
    assert paid_until(r, date(2026, 5, 19)) is None
    assert arrears(r, date(2026, 5, 19)) == months("2026-01", "2026-04")
    assert paid_until(r, date(2026, 5, 20)) == "2026-06"
    assert arrears(r, date(2026, 5, 20)) == ()


# ---------------------------------------------------------------------------- away, in, out


def test_months_away_are_neither_owed_nor_break_a_run():
    # away from 10 May to 20 August: May–August are neutral
    r = record(away=((date(2026, 5, 10), date(2026, 8, 20)),))
    assert arrears(r, date(2026, 11, 1)) == (*months("2026-01", "2026-04"), "2026-09", "2026-10")
    (run,) = arrears_runs(r, date(2026, 11, 1))
    assert run.length == 6 and run.ongoing


def test_a_member_still_away_owes_nothing_meanwhile():
    r = record(away=((date(2026, 3, 1), None),))
    assert arrears(r, date(2026, 12, 1)) == ("2026-01", "2026-02")


def test_a_departed_member_owes_the_month_of_leaving_and_nothing_after():
    r = record(left_on=date(2026, 6, 15))
    assert arrears(r, date(2026, 12, 1)) == months("2026-01", "2026-06")
    on_the_first = record(left_on=date(2026, 7, 1))
    assert arrears(on_the_first, date(2026, 12, 1)) == months("2026-01", "2026-06")
    paid_up = record(
        left_on=date(2026, 6, 15), payments=(paid("2026-01", "2026-06", date(2026, 6, 1)),)
    )
    assert arrears(paid_up, date(2026, 12, 1)) == ()
    assert paid_until(paid_up, date(2026, 12, 1)) == "2026-06"


def test_a_member_transferred_in_owes_from_the_next_month_unless_in_on_the_first():
    mid = record(entered_on=date(2026, 3, 15))
    assert arrears(mid, date(2026, 6, 1)) == ("2026-04", "2026-05")
    first = record(entered_on=date(2026, 3, 1))
    assert arrears(first, date(2026, 6, 1)) == ("2026-03", "2026-04", "2026-05")


# ---------------------------------------------------------------------------- findings


def test_three_months_unpaid_is_a_reminder_from_the_first_of_the_fourth_month():
    behind = record()
    paying = record(
        member_no="002", name="王芳", payments=(paid("2026-01", "2026-12", date(2026, 1, 2)),)
    )
    assert findings(behind, paying, as_of=date(2026, 3, 31)) == []
    (f,) = findings(behind, paying, as_of=date(2026, 4, 1))
    assert (f.rule, f.period, f.subject, f.severity) == (
        "dues_arrears",
        "2026-03",
        "001",
        Severity.warning,
    )
    assert f.params["action"] is LadderAction.reminder_talk
    assert f.params["months"] == ("2026-01", "2026-02", "2026-03")
    assert f.key == "dues.finding.arrears"


def test_six_months_in_a_row_is_the_article_38_case_from_the_first_of_the_seventh_month():
    r = record()
    (before,) = findings(r, as_of=date(2026, 6, 30))
    assert before.params["count"] == 5 and before.severity is Severity.warning
    (f,) = findings(r, as_of=date(2026, 7, 1))
    assert (f.period, f.severity, f.params["count"]) == ("2026-06", Severity.violation, 6)
    assert f.params["action"] is LadderAction.general_meeting_case
    assert f.key == "dues.finding.case"


def test_the_case_names_article_38_in_both_languages():
    (f,) = findings(record(), as_of=date(2026, 7, 1))
    set_language("zh")
    try:
        assert "党章第三十八条" in f.message and "视为自行脱党" in f.message
        assert "2026年1月至6月" in f.message
    finally:
        set_language("en")
    assert "Article 38" in f.message and "6 months in a row" in f.message


def test_a_payment_recorded_later_does_not_change_an_earlier_as_of_day():
    r = record(payments=(paid("2026-01", "2026-06", date(2026, 7, 2)),))
    assert [f.params["count"] for f in findings(r, as_of=date(2026, 7, 1))] == [6]
    assert findings(r, as_of=date(2026, 7, 2)) == []


def test_away_months_put_the_case_off():
    r = record(away=((date(2026, 3, 1), date(2026, 4, 30)),))
    assert [f.severity for f in findings(r, as_of=date(2026, 7, 1))] == [Severity.warning]
    (f,) = findings(r, as_of=date(2026, 9, 1))
    assert f.params["months"] == ("2026-01", "2026-02", "2026-05", "2026-06", "2026-07", "2026-08")
    assert f.severity is Severity.violation


def test_a_departed_member_is_judged_up_to_leaving():
    r = record(left_on=date(2026, 5, 10))  # owes January–May, nothing after
    (f,) = findings(r, as_of=date(2026, 12, 1))
    assert (f.period, f.params["count"], f.severity) == ("2026-05", 5, Severity.warning)


def test_a_run_is_reported_in_the_year_of_its_last_month():
    r = record(standards=(("2025-10", 1000),))
    as_of = date(2026, 2, 1)  # October 2025 – January 2026: four months
    (f,) = findings(r, as_of=as_of, year=2026)
    assert f.period == "2026-01"
    assert findings(r, as_of=date(2025, 12, 31), year=2025) == []  # Oct, Nov: two months


def test_the_ladder_comes_from_the_policy_and_can_be_switched_off():
    from dataclasses import replace

    from orglife_tui.scoring.policy import LadderStep

    early = replace(
        QUIET, dues=AbsenceRule((LadderStep(2, LadderAction.warning_notice, Severity.warning),))
    )
    (f,) = findings(record(), as_of=date(2026, 3, 1), policy=early)
    assert f.params["action"] is LadderAction.warning_notice
    off = replace(QUIET, dues=AbsenceRule(QUIET.dues.ladder, enabled=False))
    assert findings(record(), as_of=date(2026, 12, 1), policy=off) == []
    assert not off.enabled("dues_arrears") and QUIET.enabled("dues_arrears")


# ---------------------------------------------------------------------------- late


@pytest.mark.parametrize(
    ("paid_on", "late"),
    [
        (None, True),
        (date(2026, 3, 31), False),
        (date(2026, 4, 1), True),
        (date(2026, 1, 10), False),
    ],
)
def test_a_month_is_late_when_unpaid_after_its_grace(paid_on, late):
    payments = (paid("2026-01", "2026-01", paid_on),) if paid_on else ()
    r = record(payments=payments)
    found = dict(late_months(r, 2, date(2026, 4, 1)))
    assert ("2026-01" in found) is late
    if late:
        assert found["2026-01"] == date(2026, 4, 1)
    assert "2026-02" not in found  # its grace runs to the end of April


def test_a_late_month_is_counted_only_once_its_day_has_come():
    r = record()
    assert late_months(r, 0, date(2026, 1, 31)) == []
    assert late_months(r, 0, date(2026, 2, 1)) == [("2026-01", date(2026, 2, 1))]
    assert [m for m, _ in late_months(r, 2, date(2026, 6, 1))] == ["2026-01", "2026-02", "2026-03"]


def test_no_late_month_is_counted_away_or_after_leaving():
    away = record(away=((date(2026, 2, 1), date(2026, 2, 28)),))
    assert [m for m, _ in late_months(away, 0, date(2026, 4, 1))] == ["2026-01", "2026-03"]
    left = record(left_on=date(2026, 3, 10))  # March is owed, but its deduction would fall after
    assert [m for m, _ in late_months(left, 0, date(2026, 12, 1))] == ["2026-01", "2026-02"]


def test_the_legacy_paid_until_is_never_late():
    r = record(standards=(("2025-01", 1000),), legacy_paid_until="2025-12")
    assert [m for m, _ in late_months(r, 0, date(2026, 2, 1))] == ["2026-01"]


# ---------------------------------------------------------------------------- the scheme

LATE = 'derive = { dues = "arrears", grace_months = 2 }\n'


def late_item(derive: str, category: str = "deduction", points: str = "-1") -> str:
    """The default scheme with its ``late_dues`` item's derivation (and category) replaced."""
    from orglife_tui.scoring.scheme import default_scheme_text

    text = default_scheme_text()
    assert LATE in text
    head, tail = text.split('code = "late_dues"', 1)
    item, rest = tail.split("[[items]]", 1)
    item = item.replace(LATE, derive).replace('category = "deduction"', f'category = "{category}"')
    item = item.replace("points = -1", f"points = {points}")
    return head + 'code = "late_dues"' + item + "[[items]]" + rest


def test_the_default_scheme_derives_late_dues_and_judges_arrears_at_3_and_6_months():
    from orglife_tui.scoring.scheme import default_scheme, summary_lines

    scheme = default_scheme()
    late = scheme.item("late_dues")
    assert late.dues is not None and late.dues.grace_months == 2 and late.derive is None
    assert late.automatic and scheme.dues_items == (late,)
    ladder = [(s.months, s.action, s.severity) for s in scheme.policy.dues.ladder]
    assert ladder == [
        (3, LadderAction.reminder_talk, Severity.warning),
        (6, LadderAction.general_meeting_case, Severity.violation),
    ]
    en = summary_lines(scheme, "en")
    assert any("auto from the dues: each month unpaid 2 month(s) after it" in line for line in en)
    assert "  dues_arrears                 3 months → reminder talk (warning)" in en


def test_a_dues_derivation_is_read_in_either_language_with_its_grace():
    from orglife_tui.scoring.scheme import parse_scheme

    scheme = parse_scheme(late_item('derive = { dues = "欠缴" }\n'), "s.toml")
    assert scheme.item("late_dues").dues.grace_months == 0
    manual = parse_scheme(late_item(""), "s.toml").item("late_dues")
    assert manual.dues is None and not manual.automatic


@pytest.mark.parametrize(
    ("derive", "category", "points", "expected"),
    [
        (
            'derive = { dues = "arrears", grace_months = 12 }\n',
            "deduction",
            "-1",
            "between 0 and 11",
        ),
        ('derive = { dues = "late" }\n', "deduction", "-1", "arrears, 欠缴, 欠交"),
        ('derive = { dues = "arrears", months = 2 }\n', "deduction", "-1", "months"),
        ('derive = { dues = "arrears" }\n', "bonus", "1", "must be a deduction"),
    ],
)
def test_a_bad_dues_derivation_is_refused_with_its_place(derive, category, points, expected):
    from orglife_tui.scoring.scheme import SchemeError, parse_scheme

    with pytest.raises(SchemeError) as info:
        parse_scheme(late_item(derive, category, points), "s.toml")
    lines = info.value.lines()
    assert len(lines) == 1
    assert lines[0].startswith("s.toml:") and "derive" in lines[0] and expected in lines[0]


def test_the_dues_rule_is_set_in_the_policy():
    from orglife_tui.scoring.scheme import default_scheme_text, parse_scheme

    text = default_scheme_text().replace(
        '{ months = 6, action = "general_meeting_case", severity = "violation" }, # 党章第三十八条',
        '{ months = 4, action = "general_meeting_case", severity = "violation" },',
    )
    steps = [s.months for s in parse_scheme(text, "s.toml").policy.dues.ladder]
    assert steps == [3, 4]
    off = text.replace(
        "[policy.rules.dues_arrears]\nenabled = true",
        "[policy.rules.dues_arrears]\nenabled = false",
    )
    assert not parse_scheme(off, "s.toml").policy.enabled("dues_arrears")


# --------------------------------------------------------------------------- unpaid spans

_MONTHS = [f"{y}-{m:02d}" for y in (2024, 2025) for m in range(1, 13)]
_month = st.sampled_from(_MONTHS)


@st.composite
def _records(draw) -> tuple[DuesRecord, date]:
    payments = []
    for _ in range(draw(st.integers(0, 5))):
        a, b = sorted((draw(_month), draw(_month)))
        paid_on = date(2024, 1, 1) + timedelta(days=draw(st.integers(0, 730)))
        payments.append(PaymentFact(a, b, paid_on))
    record = DuesRecord(
        "001",
        "张伟",
        standards=((draw(_month), 2000),),
        payments=tuple(payments),
        legacy_paid_until=draw(st.none() | _month),
        away=((date(2024, 9, 10), date(2024, 10, 5)),) if draw(st.booleans()) else (),
    )
    return record, date(2024, 1, 1) + timedelta(days=draw(st.integers(0, 760)))


@given(_records())
def test_months_in_arrears_are_the_owed_months_not_paid_month_by_month(drawn):
    """``arrears`` looks only at the gaps between the spans paid: the same months as asking
    ``owed`` and ``paid`` of every month since the first owed one."""
    record, as_of = drawn
    start = record.start()
    assert start is not None
    before = add_months_to_key(month_key_of(as_of), -1)
    expected = tuple(
        m for m in months_between(start, before) if record.owed(m) and not record.paid(m, as_of)
    )
    assert arrears(record, as_of) == expected

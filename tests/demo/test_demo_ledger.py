"""The demo's manual points entries: deterministic, dated in the record, sized on demand."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from orglife_tui.demo import ENTRIES_PER_MEMBER_YEAR, LEDGER_KINDS, generate
from orglife_tui.domain import MeetingType
from orglife_tui.services.points import DEMO_ITEM_CODES

# Its module-scoped fixtures are built once: the whole file runs on one xdist worker.
pytestmark = pytest.mark.xdist_group("test_demo_ledger")

TODAY = date(2026, 11, 26)


@pytest.fixture(scope="module")
def branch():
    return generate(members=60, years=2, seed=11, today=TODAY)


def test_entries_are_repeatable_in_date_order_and_within_the_record(branch):
    first = list(branch.ledger_entries())
    assert first == list(branch.ledger_entries())
    assert first != list(generate(members=60, years=2, seed=12, today=TODAY).ledger_entries())
    dates = [e.date for e in first]
    assert dates == sorted(dates)
    assert branch.first_day <= dates[0] and dates[-1] <= TODAY
    joined = {m.member_no: m.join_date for m in branch.members}
    assert all(e.date >= joined[e.member_no] for e in first)


def test_the_natural_volume_and_its_mix(branch):
    entries = list(branch.ledger_entries())
    assert len(entries) == branch.natural_ledger_entries()
    member_years = 60 * ((TODAY - branch.first_day).days / 365)
    assert 0.6 < len(entries) / member_years / ENTRIES_PER_MEMBER_YEAR < 1.1
    kinds = Counter(e.kind for e in entries)
    assert set(kinds) == set(LEDGER_KINDS)
    assert kinds["volunteer"] > kinds["commitment_broken"]
    assert all(e.hours for e in entries if e.kind == "volunteer")
    assert not any(e.hours for e in entries if e.kind != "volunteer")
    assert all(e.note for e in entries)
    reasons = [e for e in entries if e.reverse_reason]
    assert [e.kind for e in reasons] == ["report_in", "volunteer"]


def test_lectures_given_follow_the_lectures_held(branch):
    given = [e for e in branch.ledger_entries() if e.kind == "lecture_given"]
    names = {m.member_no: m.name for m in branch.members}
    lectures = {
        (m.date, m.lecturer)
        for m in branch.meetings
        if MeetingType.party_lecture in m.types and m.lecturer
    }
    assert given
    assert all((e.date, names[e.member_no]) in lectures for e in given)


@pytest.mark.parametrize("count", [0, 1, 777])
def test_an_exact_count_on_demand(branch, count):
    assert len(list(branch.ledger_entries(count))) == count


def test_every_kind_books_an_item_of_the_default_scheme_or_is_left_to_the_dues():
    from orglife_tui.scoring.scheme import default_scheme

    scheme = default_scheme()
    assert set(DEMO_ITEM_CODES) == set(LEDGER_KINDS)
    for code in DEMO_ITEM_CODES.values():
        item = scheme.item(code)
        assert item is not None and item.derive is None, code
        # dues paid late are derived from the dues records: never booked by hand
        assert (item.dues is not None) == (code == "late_dues"), code


def test_kinds_left_out_are_made_up_by_the_others(branch):
    kept = set(LEDGER_KINDS) - {"late_dues"}
    entries = list(branch.ledger_entries(300, kinds=kept))
    assert len(entries) == 300
    assert {e.kind for e in entries} <= kept
    assert list(branch.ledger_entries(300)) == list(branch.ledger_entries(300, set(LEDGER_KINDS)))

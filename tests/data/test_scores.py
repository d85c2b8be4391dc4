"""The scoreboard on SQLite and PostgreSQL: caps, clamping, reversals, veto, grades, ranks."""

from __future__ import annotations

from datetime import date

import pytest

from orglife_tui.data.scores import scoreboard, scoreboard_query
from orglife_tui.domain import MemberStatus
from orglife_tui.domain.records import MemberInput
from orglife_tui.scoring.model import Grade
from tests.points_helpers import add_entries, make_scheme, with_cap

FULL = MemberStatus.full
PROBATIONARY = MemberStatus.probationary


@pytest.fixture
def members(store, branch):
    store.add_members(
        branch.id,
        [
            MemberInput("001", "张伟", FULL, group="第一党小组"),
            MemberInput("002", "王芳", FULL, group="第一党小组"),
            MemberInput("003", "李娜", FULL, group="第二党小组"),
            MemberInput("004", "刘洋", FULL, group="第二党小组"),
            MemberInput("005", "陈静", PROBATIONARY, group="第二党小组"),
            MemberInput("006", "杨帆", FULL),
        ],
    )
    # A fixed clock late enough for every entry the tests book (points are never booked
    # ahead of today).
    store.today = lambda: date(2027, 12, 31)
    return branch


def by_no(rows):
    return {r.member_no: r for r in rows}


def test_members_without_entries_get_the_base_points_and_share_the_first_rank(store, members):
    rows = scoreboard(store, members.id, 2026, make_scheme())
    assert [r.member_no for r in rows] == ["001", "002", "003", "004", "005", "006"]
    for r in rows:
        assert (r.base, r.duty, r.bonus, r.deduction, r.total) == (60, 0, 0, 0, 60)
        assert r.rank == 1
        assert not r.vetoed
        assert r.items == {c: 0.0 for c in r.items} and len(r.items) == 6
    assert by_no(rows)["001"].grade is Grade.basically_qualified
    assert by_no(rows)["005"].grade is None  # probationary: scored, not graded
    assert by_no(rows)["001"].group == "第一党小组" and by_no(rows)["006"].group is None
    assert by_no(rows)["001"].name == "张伟"


def test_each_items_yearly_sum_is_capped_before_the_categories_add_up(store, members):
    entries = [("001", "attend", 1.0, f"2026-{m:02d}-10") for m in range(1, 13)] * 2  # 24 > 20
    entries += [("001", "lecture", 5.0, "2026-03-01")] * 3  # 15 > 10
    entries += [("001", "volunteer", 3.0, "2026-05-01")] * 2  # 6 < 8
    entries += [("002", "absent", -2.0, "2026-04-01")] * 7  # -14 beyond the cap of 10
    entries += [("002", "broken", -3.0, "2026-04-02")] * 2  # no cap
    add_entries(store, members.id, entries)
    rows = by_no(scoreboard(store, members.id, 2026, make_scheme()))
    a = rows["001"]
    assert a.items["attend"] == 20 and a.items["lecture"] == 10 and a.items["volunteer"] == 6
    assert (a.duty, a.bonus, a.deduction) == (20, 16, 0)
    assert a.total == 96 and a.grade is Grade.excellent and a.rank == 1
    b = rows["002"]
    assert b.items["absent"] == -10 and b.items["broken"] == -6
    assert b.deduction == -16 and b.total == 44 and b.grade is Grade.unqualified
    assert b.rank == 6


def test_the_total_is_clamped_to_floor_and_ceiling(store, members):
    scheme = make_scheme(base_points=90.0, floor=10.0, ceiling=100.0)
    add_entries(
        store,
        members.id,
        [("001", "attend", 1.0, "2026-01-05")] * 15 + [("002", "broken", -3.0, "2026-01-05")] * 40,
    )
    rows = by_no(scoreboard(store, members.id, 2026, scheme))
    assert rows["001"].duty == 15 and rows["001"].total == 100
    assert rows["002"].deduction == -120 and rows["002"].total == 10


def test_a_reversal_cancels_its_entry(store, members):
    (lecture, absent, veto) = add_entries(
        store,
        members.id,
        [
            ("003", "lecture", 5.0, "2026-06-01"),
            ("003", "absent", -2.0, "2026-06-02"),
            ("003", "veto", 0.0, "2026-06-03"),
        ],
    )
    before = by_no(scoreboard(store, members.id, 2026, make_scheme()))["003"]
    assert before.bonus == 5 and before.deduction == -2 and before.vetoed
    assert before.grade is Grade.unqualified
    add_entries(
        store,
        members.id,
        [
            ("003", "lecture", -5.0, "2026-06-01", lecture),
            ("003", "absent", 2.0, "2026-06-02", absent),
            ("003", "veto", 0.0, "2026-06-03", veto),
        ],
    )
    after = by_no(scoreboard(store, members.id, 2026, make_scheme()))["003"]
    assert (after.bonus, after.deduction, after.total, after.vetoed) == (0, 0, 60, False)
    assert after.items["lecture"] == 0 and after.grade is Grade.basically_qualified


def test_a_cap_applies_to_the_net_sum_after_reversals(store, members):
    ids = add_entries(store, members.id, [("004", "lecture", 5.0, "2026-02-01")] * 3)
    add_entries(store, members.id, [("004", "lecture", -5.0, "2026-02-01", ids[0])])
    row = by_no(scoreboard(store, members.id, 2026, make_scheme()))["004"]
    assert row.items["lecture"] == 10 and row.bonus == 10


def test_a_veto_makes_a_graded_member_unqualified_but_leaves_the_points(store, members):
    add_entries(
        store,
        members.id,
        [("001", "attend", 1.0, "2026-01-05")] * 20
        + [("001", "lecture", 5.0, "2026-01-05")] * 2
        + [("001", "veto", 0.0, "2026-09-09")],
    )
    row = by_no(scoreboard(store, members.id, 2026, make_scheme()))["001"]
    assert row.vetoed and row.total == 90 and row.grade is Grade.unqualified and row.rank == 1


def test_probationary_members_are_graded_by_their_stricter_cutoffs(store, members):
    scheme = make_scheme(graded_statuses=frozenset({FULL, PROBATIONARY}))
    add_entries(
        store,
        members.id,
        [(no, "attend", 1.0, "2026-03-03") for no in ("001", "005") for _ in range(20)]
        + [(no, "lecture", 5.0, "2026-03-03") for no in ("001", "005") for _ in range(2)],
    )
    rows = by_no(scoreboard(store, members.id, 2026, scheme))
    assert rows["001"].total == rows["005"].total == 90
    assert rows["001"].grade is Grade.excellent
    assert rows["005"].grade is Grade.qualified


def test_only_scored_statuses_appear(store, members):
    rows = scoreboard(store, members.id, 2026, make_scheme(scored_statuses=frozenset({FULL})))
    assert "005" not in by_no(rows) and len(rows) == 5
    assert scoreboard(store, members.id, 2026, make_scheme(scored_statuses=frozenset())) == []


def test_only_the_years_entries_count(store, members):
    add_entries(
        store,
        members.id,
        [
            ("001", "lecture", 5.0, "2025-12-31"),
            ("001", "attend", 1.0, "2026-01-01"),
            ("001", "attend", 1.0, "2026-12-31"),
            ("001", "lecture", 5.0, "2027-01-01"),
        ],
    )
    assert by_no(scoreboard(store, members.id, 2026, make_scheme()))["001"].total == 62
    assert by_no(scoreboard(store, members.id, 2025, make_scheme()))["001"].total == 65
    assert by_no(scoreboard(store, members.id, 2027, make_scheme()))["001"].total == 65


def test_ties_share_a_rank_and_the_next_rank_is_skipped(store, members):
    add_entries(
        store,
        members.id,
        [("002", "lecture", 5.0, "2026-01-01"), ("003", "lecture", 5.0, "2026-01-01")]
        + [("004", "attend", 1.0, "2026-01-01")] * 3
        + [("006", "absent", -2.0, "2026-01-01")],
    )
    rows = scoreboard(store, members.id, 2026, make_scheme())
    assert [(r.member_no, r.total, r.rank) for r in rows] == [
        ("002", 65, 1),
        ("003", 65, 1),
        ("004", 63, 3),
        ("001", 60, 4),
        ("005", 60, 4),
        ("006", 58, 6),
    ]


def test_filters_keep_the_branch_wide_rank(store, members):
    add_entries(store, members.id, [("003", "lecture", 5.0, "2026-01-01")])
    group2 = scoreboard(store, members.id, 2026, make_scheme(), group="第二党小组")
    assert [r.member_no for r in group2] == ["003", "004", "005"]
    assert [r.rank for r in group2] == [1, 2, 2]
    prob = scoreboard(store, members.id, 2026, make_scheme(), status=PROBATIONARY)
    assert [(r.member_no, r.rank) for r in prob] == [("005", 2)]
    assert scoreboard(store, members.id, 2026, make_scheme(), group="没有这个组") == []


def test_entries_of_other_branches_and_unknown_items_count_for_nothing(store, members):
    other = store.create_branch("第二党支部")
    store.add_members(other.id, [MemberInput("001", "别人", FULL)])
    add_entries(store, other.id, [("001", "lecture", 5.0, "2026-01-01")])
    add_entries(store, members.id, [("001", "retired_item", 50.0, "2026-01-01")])
    row = by_no(scoreboard(store, members.id, 2026, make_scheme()))["001"]
    assert row.total == 60 and "retired_item" not in row.items
    assert by_no(scoreboard(store, other.id, 2026, make_scheme()))["001"].total == 65


def test_changing_one_cap_changes_only_the_members_over_it(store, members):
    add_entries(
        store,
        members.id,
        [("001", "lecture", 5.0, "2026-01-01")] * 3  # 15: capped at 10, not at 20
        + [("002", "lecture", 5.0, "2026-01-01")] * 2  # 10: under either cap
        + [("003", "attend", 1.0, "2026-01-01")] * 25,
    )
    before = by_no(scoreboard(store, members.id, 2026, make_scheme()))
    after = by_no(scoreboard(store, members.id, 2026, with_cap(make_scheme(), "lecture", 20)))
    changed = {no for no in before if before[no].total != after[no].total}
    assert changed == {"001"}
    assert after["001"].total == 75 and after["001"].items["lecture"] == 15


def test_no_cap_at_all_and_a_scheme_without_items(store, members):
    add_entries(store, members.id, [("001", "lecture", 5.0, "2026-01-01")] * 4)
    uncapped = with_cap(make_scheme(), "lecture", None)
    assert by_no(scoreboard(store, members.id, 2026, uncapped))["001"].bonus == 20
    bare = scoreboard(store, members.id, 2026, make_scheme(items=()))
    assert {r.total for r in bare} == {60} and all(r.items == {} for r in bare)
    one = make_scheme(items=make_scheme().items[1:2])
    assert by_no(scoreboard(store, members.id, 2026, one))["001"].bonus == 10


def test_fractional_points_add_up_exactly(store, members):
    add_entries(store, members.id, [("006", "volunteer", 0.1, "2026-01-01")] * 30)
    row = by_no(scoreboard(store, members.id, 2026, make_scheme()))["006"]
    assert row.items["volunteer"] == 3.0 and row.total == 63.0


def test_one_query_one_row_per_member():
    sql = str(scoreboard_query(make_scheme(), 1, 2026))
    # the per-(member, item) sums come from the trigger-kept totals; one pivot per member
    assert sql.count("GROUP BY") == 1
    assert "ledger_total" in sql and "ledger_entry" not in sql


def test_points_to_a_day_count_only_the_entries_dated_up_to_it(store, members):
    """``until`` (an ``--as-of`` before the year's end): entries after the day are left out;
    a reversal goes with its original; the year's last day is the whole year."""
    (lecture, _, _) = add_entries(
        store,
        members.id,
        [
            ("001", "lecture", 5.0, "2026-03-01"),
            ("001", "lecture", 5.0, "2026-07-01"),
            ("002", "veto", 0.0, "2026-08-01"),
        ],
    )
    add_entries(store, members.id, [("001", "lecture", -5.0, "2026-03-01", lecture)])
    add_entries(store, members.id, [("001", "absent", -2.0, "2025-12-31")])  # last year
    scheme = make_scheme()
    june = by_no(scoreboard(store, members.id, 2026, scheme, until=date(2026, 6, 30)))
    assert (june["001"].bonus, june["001"].items["lecture"], june["001"].total) == (0, 0, 60)
    assert not june["002"].vetoed and june["002"].total == 60
    august = by_no(scoreboard(store, members.id, 2026, scheme, until=date(2026, 8, 1)))
    assert august["001"].bonus == 5 and august["002"].vetoed
    whole = scoreboard(store, members.id, 2026, scheme)
    assert scoreboard(store, members.id, 2026, scheme, until=date(2026, 12, 31)) == whole
    assert by_no(whole)["001"].total == 65 and by_no(whole)["001"].deduction == 0

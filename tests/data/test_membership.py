"""Membership as a history (issue 9 §2): each dated event, its refusals, voiding, the
archived view and the conversion watch, on SQLite and PostgreSQL, with a fixed today."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from orglife_tui.data.errors import Conflict, NotFound, StoreError
from orglife_tui.data.membership import (
    away_on,
    back_from_away,
    in_branch_on,
    member_events,
    probation_end,
    probation_watch,
    record_event,
    status_on,
    transfer_in_member,
    void_event,
)
from orglife_tui.data.models import audit_t, event_t, member_t
from orglife_tui.data.store import STANDING_ALL, STANDING_ARCHIVED, STANDING_CURRENT
from orglife_tui.domain import MemberEventKind, MemberStatus
from orglife_tui.domain.records import MemberInput

TODAY = date(2026, 6, 30)
K = MemberEventKind


@pytest.fixture
def branch(store):
    """Two full members, four probationary ones around the 30-day watch, one without a
    join date; today is 2026-06-30."""
    store.today = lambda: TODAY
    b = store.resolve_branch("第一党支部")
    store.add_members(
        b.id,
        [
            MemberInput(
                "001",
                "张伟",
                MemberStatus.full,
                join_date=date(2000, 7, 1),
                full_date=date(2001, 7, 1),
            ),
            MemberInput("002", "王芳", MemberStatus.full, join_date=date(2010, 7, 1)),
            # probation ends 2026-06-15: overdue by 15 days
            MemberInput("003", "李娜", MemberStatus.probationary, join_date=date(2025, 6, 15)),
            # ends 2026-07-20: 20 days left
            MemberInput("004", "刘洋", MemberStatus.probationary, join_date=date(2025, 7, 20)),
            # ends 2026-07-31: 31 days, beyond the watch
            MemberInput("005", "陈静", MemberStatus.probationary, join_date=date(2025, 7, 31)),
            # ends 2026-07-30: exactly 30 days, on the watch
            MemberInput("006", "赵磊", MemberStatus.probationary, join_date=date(2025, 7, 30)),
            MemberInput("007", "孙丽", MemberStatus.probationary),
        ],
    )
    return b


def counts(store) -> tuple[int, int]:
    """(member events, audit lines): a refusal leaves both as they were."""
    with store.read_connection() as conn:
        return (
            int(conn.scalar(select(func.count()).select_from(event_t)) or 0),
            int(conn.scalar(select(func.count()).select_from(audit_t)) or 0),
        )


def last_audit(store) -> tuple[str, str, dict]:
    entry = store.audit_entries(limit=1)[0]
    return entry["action"], entry["operator"], json.loads(entry["detail"])


def numbers(store, branch, standing: str) -> list[str]:
    return [m.member_no for m in store.list_members(branch.id, standing=standing)]


def in_branch(store, branch, on: date) -> list[str]:
    with store.read_connection() as conn:
        return list(
            conn.scalars(
                select(member_t.c.member_no)
                .where(member_t.c.branch_id == branch.id, in_branch_on(on))
                .order_by(member_t.c.sort_key)
            )
        )


# ---------------------------------------------------------------- each event


def test_transfer_out_moves_the_member_to_the_archive_from_that_day(store, branch):
    event = record_event(
        store, branch.id, "002", K.transfer_out, date(2026, 6, 1), place="市委党校"
    )
    assert (event.kind, event.place, event.member_no, event.operator) == (
        K.transfer_out,
        "市委党校",
        "002",
        "tester",
    )
    row = store.get_member(branch.id, "002")
    assert (row.left_on, row.left_kind) == (date(2026, 6, 1), "transfer_out")
    assert "002" in in_branch(store, branch, date(2026, 5, 31))
    assert "002" not in in_branch(store, branch, date(2026, 6, 1))
    assert "002" not in numbers(store, branch, STANDING_CURRENT)
    assert numbers(store, branch, STANDING_ARCHIVED) == ["002"]
    assert len(numbers(store, branch, STANDING_ALL)) == 7
    assert store.count_members(branch.id, standing=STANDING_CURRENT) == 6
    assert store.count_members(branch.id, standing=STANDING_ARCHIVED) == 1
    action, operator, detail = last_audit(store)
    assert (action, operator) == ("member.transfer_out", "tester")
    assert detail["member_no"] == "002" and detail["place"] == "市委党校"


def test_a_member_who_transfers_in_is_created_with_the_event_in_one_go(store, branch):
    member = MemberInput(
        "010",
        "周强",
        MemberStatus.full,
        join_date=date(2005, 7, 1),
        full_date=date(2006, 7, 1),
        group="第二党小组",
    )
    row = transfer_in_member(store, branch.id, member, date(2026, 3, 1), place="区教育局党支部")
    assert (row.join_date, row.full_date, row.entered_on) == (
        date(2005, 7, 1),
        date(2006, 7, 1),
        date(2026, 3, 1),
    )
    assert row.group == "第二党小组"
    (event,) = member_events(store, branch.id, "010")
    assert (event.kind, event.date, event.place) == (
        K.transfer_in,
        date(2026, 3, 1),
        "区教育局党支部",
    )
    assert "010" not in in_branch(store, branch, date(2026, 2, 28))
    assert "010" in in_branch(store, branch, date(2026, 3, 1))
    action, operator, detail = last_audit(store)
    assert (action, operator) == ("member.transfer_in", "tester")
    assert detail["name"] == "周强" and detail["place"] == "区教育局党支部"


@pytest.mark.parametrize(
    ("member", "on", "place", "key"),
    [
        (
            MemberInput("001", "重号", MemberStatus.full),
            date(2026, 3, 1),
            "某支部",
            "member_no_taken",
        ),
        (
            MemberInput("011", "未入党", MemberStatus.full, join_date=date(2026, 4, 1)),
            date(2026, 3, 1),
            "某支部",
            "event_before_joined",
        ),
        (
            MemberInput("011", "明天", MemberStatus.full),
            date(2026, 7, 1),
            "某支部",
            "event_in_future",
        ),
        (
            MemberInput("011", "无来处", MemberStatus.full),
            date(2026, 3, 1),
            " ",
            "membership.transfer_in_needs_from",
        ),
    ],
)
def test_a_refused_transfer_in_writes_nothing(store, branch, member, on, place, key):
    before = counts(store), store.count_members(branch.id)
    with pytest.raises(StoreError) as refused:
        transfer_in_member(store, branch.id, member, on, place=place)
    assert refused.value.key == key
    assert (counts(store), store.count_members(branch.id)) == before
    if key == "member_no_taken":
        assert isinstance(refused.value, Conflict)
        assert store.get_member(branch.id, "001").name == "张伟"


def test_conversion_makes_the_member_full_from_that_day(store, branch):
    record_event(store, branch.id, "003", K.conversion, date(2026, 6, 15))
    row = store.get_member(branch.id, "003")
    assert (row.status, row.full_date) == (MemberStatus.full, date(2026, 6, 15))
    with store.read_connection() as conn:
        stmt = select(status_on(date(2026, 6, 14)), status_on(date(2026, 6, 15))).where(
            member_t.c.member_no == "003", member_t.c.branch_id == branch.id
        )
        assert tuple(conn.execute(stmt).one()) == ("probationary", "full")
    assert last_audit(store)[:2] == ("member.conversion", "tester")


def test_conversion_is_refused_before_the_probation_year_ends(store, branch):
    with pytest.raises(StoreError) as refused:
        record_event(store, branch.id, "004", K.conversion, date(2026, 6, 30))
    assert refused.value.key == "membership.convert_before_end"
    assert "2026-07-20" in str(refused.value)


def test_an_extended_probation_carries_its_until_date_and_moves_the_conversion(store, branch):
    before = counts(store)
    with pytest.raises(StoreError) as refused:  # an extension without its end
        record_event(store, branch.id, "003", K.probation_extended, date(2026, 6, 20))
    assert refused.value.key == "membership.extend_needs_until"
    with pytest.raises(StoreError) as refused:  # more than a year beyond the ordinary end
        record_event(
            store, branch.id, "003", K.probation_extended, date(2026, 6, 20), end=date(2027, 6, 16)
        )
    assert refused.value.key == "membership.extend_too_long"
    with pytest.raises(StoreError) as refused:  # not beyond the ordinary end
        record_event(
            store, branch.id, "003", K.probation_extended, date(2026, 6, 10), end=date(2026, 6, 15)
        )
    assert refused.value.key == "membership.extend_not_later"
    assert counts(store) == before

    event = record_event(
        store,
        branch.id,
        "003",
        K.probation_extended,
        date(2026, 6, 20),
        end=date(2026, 12, 15),
        reason="需继续考察",
    )
    assert (event.end_date, event.reason) == (date(2026, 12, 15), "需继续考察")
    assert store.get_member(branch.id, "003").status is MemberStatus.probationary
    assert probation_end(store, branch.id, "003") == date(2026, 12, 15)
    with pytest.raises(StoreError) as refused:
        record_event(store, branch.id, "003", K.conversion, date(2026, 6, 30))
    assert refused.value.key == "membership.convert_before_end"
    assert "2026-12-15" in str(refused.value)


def test_away_and_back(store, branch):
    event = record_event(store, branch.id, "002", K.away, date(2026, 5, 1), place="深圳")
    assert event.end_date is None and event.place == "深圳"

    def away(on: date) -> bool:
        with store.read_connection() as conn:
            return bool(
                conn.scalar(
                    select(away_on(on)).where(
                        member_t.c.member_no == "002", member_t.c.branch_id == branch.id
                    )
                )
            )

    assert not away(date(2026, 4, 30)) and away(date(2026, 5, 1)) and away(date(2026, 6, 30))
    back = back_from_away(store, branch.id, "002", date(2026, 6, 10))
    assert (back.id, back.date, back.end_date) == (event.id, date(2026, 5, 1), date(2026, 6, 9))
    assert away(date(2026, 6, 9)) and not away(date(2026, 6, 10))
    action, operator, detail = last_audit(store)
    assert (action, operator) == ("member.back", "tester")
    assert (detail["old_end"], detail["new_end"]) == (None, "2026-06-09")
    # Away is not a departure: the member is still in the branch throughout.
    assert "002" in numbers(store, branch, STANDING_CURRENT)

    before = counts(store)
    with pytest.raises(StoreError) as refused:  # nothing open any more
        back_from_away(store, branch.id, "002", date(2026, 6, 20))
    assert refused.value.key == "membership.not_away"
    with pytest.raises(StoreError) as refused:
        back_from_away(store, branch.id, "002", date(2026, 7, 1))
    assert refused.value.key == "event_in_future"
    assert counts(store) == before


def test_a_planned_return_can_be_brought_forward(store, branch):
    record_event(
        store, branch.id, "002", K.away, date(2026, 5, 1), end=date(2026, 8, 31), place="深圳"
    )
    back = back_from_away(store, branch.id, "002", date(2026, 6, 1))
    assert back.end_date == date(2026, 5, 31)
    assert last_audit(store)[2]["old_end"] == "2026-08-31"


def test_death_and_removal_are_departures(store, branch):
    record_event(store, branch.id, "001", K.deceased, date(2026, 4, 2))
    record_event(store, branch.id, "002", K.removed, date(2026, 5, 6), reason="支部大会决定除名")
    archived = {m.member_no: m for m in store.list_members(branch.id, standing=STANDING_ARCHIVED)}
    assert {k: (m.left_on, m.left_kind) for k, m in archived.items()} == {
        "001": (date(2026, 4, 2), "deceased"),
        "002": (date(2026, 5, 6), "removed"),
    }
    (removal,) = member_events(store, branch.id, "002")
    assert removal.reason == "支部大会决定除名"
    assert last_audit(store)[:2] == ("member.removed", "tester")


# ---------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    ("member_no", "kind", "on", "extra", "key"),
    [
        ("002", K.transfer_out, date(2026, 7, 1), {"place": "x"}, "event_in_future"),
        ("002", K.deceased, date(2010, 6, 30), {}, "event_before_joined"),
        ("001", K.conversion, date(2026, 6, 1), {}, "member_not_probationary"),
        ("002", K.removed, date(2026, 6, 1), {"reason": "  "}, "membership.remove_needs_reason"),
        ("002", K.deceased, date(2026, 6, 1), {"end": date(2026, 6, 2)}, "event_end_only_away"),
        (
            "002",
            K.away,
            date(2026, 6, 1),
            {"end": date(2026, 5, 1), "place": "x"},
            "event_end_before_start",
        ),
        ("999", K.deceased, date(2026, 6, 1), {}, "member_not_found"),
    ],
)
def test_an_impossible_event_is_refused_and_writes_nothing(
    store, branch, member_no, kind, on, extra, key
):
    before = counts(store)
    with pytest.raises(StoreError) as refused:
        record_event(store, branch.id, member_no, kind, on, **extra)
    assert refused.value.key == key
    assert counts(store) == before
    if key == "member_not_found":
        assert isinstance(refused.value, NotFound)


def test_nothing_is_recorded_on_or_after_a_departure(store, branch):
    record_event(store, branch.id, "002", K.transfer_out, date(2026, 6, 1), place="市委党校")
    before = counts(store)
    for kind, on, extra in [
        (K.away, date(2026, 6, 1), {"place": "x"}),
        (K.away, date(2026, 5, 1), {"place": "x", "end": date(2026, 6, 5)}),
        (K.deceased, date(2026, 6, 20), {}),
        (K.deceased, date(2026, 5, 20), {}),  # a second departure, even back-dated
        (K.transfer_in, date(2026, 6, 20), {"place": "x"}),
    ]:
        with pytest.raises(StoreError) as refused:
            record_event(store, branch.id, "002", kind, on, **extra)
        assert refused.value.key == "member_already_left", kind
        assert "2026-06-01" in str(refused.value)
    assert counts(store) == before
    # What happened before the departure may still be filled in.
    earlier = record_event(
        store, branch.id, "002", K.away, date(2026, 3, 1), end=date(2026, 4, 30), place="广州"
    )
    assert earlier.end_date == date(2026, 4, 30)


def test_nothing_is_recorded_before_the_member_came_in(store, branch):
    transfer_in_member(
        store,
        branch.id,
        MemberInput("010", "周强", MemberStatus.full),
        date(2026, 3, 1),
        place="某支部",
    )
    with pytest.raises(StoreError) as refused:
        record_event(store, branch.id, "010", K.away, date(2026, 2, 1), place="x")
    assert refused.value.key == "event_before_entered"
    with pytest.raises(StoreError) as refused:
        record_event(store, branch.id, "010", K.transfer_in, date(2026, 4, 1), place="x")
    assert refused.value.key == "membership.already_entered"


def test_overlapping_periods_away_are_refused(store, branch):
    record_event(
        store, branch.id, "002", K.away, date(2026, 3, 1), end=date(2026, 4, 30), place="广州"
    )
    before = counts(store)
    for start, end in [
        (date(2026, 4, 30), None),  # an open period starting on the last day
        (date(2026, 1, 1), date(2026, 3, 1)),  # ending on the first day
        (date(2026, 3, 10), date(2026, 3, 20)),  # inside
    ]:
        with pytest.raises(StoreError) as refused:
            record_event(store, branch.id, "002", K.away, start, end=end, place="x")
        assert refused.value.key == "away_overlaps"
    assert counts(store) == before
    record_event(store, branch.id, "002", K.away, date(2026, 5, 1), place="深圳")  # next day: fine


# ---------------------------------------------------------------- voiding


def test_voiding_a_departure_brings_the_member_back_to_the_current_list(store, branch):
    event = record_event(store, branch.id, "002", K.transfer_out, date(2026, 6, 1), place="错登")
    voided = void_event(store, branch.id, event.id, "登记错了人")
    assert voided.voided and voided.void_reason == "登记错了人"
    row = store.get_member(branch.id, "002")
    assert (row.left_on, row.left_kind) == (None, None)
    assert "002" in numbers(store, branch, STANDING_CURRENT)
    assert numbers(store, branch, STANDING_ARCHIVED) == []
    # the voided event stays in the history, marked
    (kept,) = member_events(store, branch.id, "002")
    assert kept.voided and kept.kind is K.transfer_out
    action, operator, detail = last_audit(store)
    assert (action, operator) == ("member.void_event", "tester")
    assert detail["event_id"] == event.id and detail["reason"] == "登记错了人"
    assert detail["changes"]["left_on"] == {"old": "2026-06-01", "new": None}
    # and the member can leave again, properly this time
    record_event(store, branch.id, "002", K.transfer_out, date(2026, 6, 5), place="市委党校")
    assert store.get_member(branch.id, "002").left_on == date(2026, 6, 5)


def test_voiding_a_conversion_makes_the_member_probationary_again(store, branch):
    event = record_event(store, branch.id, "003", K.conversion, date(2026, 6, 15))
    void_event(store, branch.id, event.id, "支部大会尚未讨论")
    row = store.get_member(branch.id, "003")
    assert (row.status, row.full_date) == (MemberStatus.probationary, None)
    assert [p.member_no for p in probation_watch(store, branch.id)][0] == "003"


def test_voiding_an_extension_or_a_period_away_or_a_transfer_in(store, branch):
    ext = record_event(
        store, branch.id, "003", K.probation_extended, date(2026, 6, 20), end=date(2026, 12, 15)
    )
    void_event(store, branch.id, ext.id, "误登")
    assert probation_end(store, branch.id, "003") == date(2026, 6, 15)
    trip = record_event(store, branch.id, "002", K.away, date(2026, 5, 1), place="深圳")
    void_event(store, branch.id, trip.id, "误登")
    record_event(store, branch.id, "002", K.away, date(2026, 5, 2), place="广州")  # no overlap now
    row = transfer_in_member(
        store, branch.id, MemberInput("010", "周强", MemberStatus.full), date(2026, 3, 1), place="x"
    )
    (came,) = member_events(store, branch.id, "010")
    void_event(store, branch.id, came.id, "原本就在本支部")
    assert store.get_member(branch.id, row.member_no).entered_on is None


def test_voiding_is_refused_without_a_reason_twice_or_for_an_unknown_event(store, branch):
    event = record_event(store, branch.id, "002", K.deceased, date(2026, 6, 1))
    other = store.create_branch("第二党支部")
    before = counts(store)
    with pytest.raises(StoreError) as refused:
        void_event(store, branch.id, event.id, "  ")
    assert refused.value.key == "membership.void_needs_reason"
    with pytest.raises(NotFound) as missing:
        void_event(store, branch.id, 9999, "x")
    assert missing.value.key == "membership.event_not_found"
    with pytest.raises(NotFound):  # another branch's event is not this branch's to void
        void_event(store, other.id, event.id, "x")
    assert counts(store) == before
    void_event(store, branch.id, event.id, "误登")
    with pytest.raises(StoreError) as refused:
        void_event(store, branch.id, event.id, "again")
    assert refused.value.key == "membership.event_already_voided"


# ---------------------------------------------------------------- history and the watch


def test_history_lists_a_members_events_oldest_first(store, branch):
    record_event(
        store, branch.id, "002", K.away, date(2026, 3, 1), end=date(2026, 3, 31), place="A"
    )
    record_event(
        store, branch.id, "002", K.away, date(2026, 1, 1), end=date(2026, 1, 31), place="B"
    )
    record_event(store, branch.id, "001", K.deceased, date(2026, 2, 1))
    assert [e.place for e in member_events(store, branch.id, "002")] == ["B", "A"]
    assert len(member_events(store, branch.id)) == 3
    assert member_events(store, branch.id, "003") == []
    with pytest.raises(NotFound):
        member_events(store, branch.id, "999")


def test_the_conversion_watch_around_the_thirty_day_boundary(store, branch):
    watch = probation_watch(store, branch.id)
    assert [(p.member_no, p.ends_on, p.days_left) for p in watch] == [
        ("003", date(2026, 6, 15), -15),  # overdue
        ("004", date(2026, 7, 20), 20),
        ("006", date(2026, 7, 30), 30),  # exactly 30 days: on the watch
        ("007", None, None),  # no join date: the year is unknown, listed last
    ]
    assert "005" in [p.member_no for p in probation_watch(store, branch.id, 31)]
    assert [p.member_no for p in probation_watch(store, branch.id, 0)] == ["003", "007"]

    # a conversion takes the member off; an extension moves the date; a departure too
    record_event(store, branch.id, "003", K.conversion, date(2026, 6, 15))
    record_event(
        store, branch.id, "004", K.probation_extended, date(2026, 6, 25), end=date(2027, 1, 20)
    )
    record_event(store, branch.id, "007", K.transfer_out, date(2026, 6, 1), place="x")
    assert [p.member_no for p in probation_watch(store, branch.id)] == ["006"]
    (extended,) = [p for p in probation_watch(store, branch.id, 365) if p.member_no == "004"]
    assert (extended.ends_on, extended.extended, extended.days_left) == (
        date(2027, 1, 20),
        True,
        204,
    )


def test_a_leap_day_probation_ends_on_the_28th(store, branch):
    store.add_member(
        branch.id,
        MemberInput("020", "闰年", MemberStatus.probationary, join_date=date(2024, 2, 29)),
    )
    assert probation_end(store, branch.id, "020") == date(2025, 2, 28)

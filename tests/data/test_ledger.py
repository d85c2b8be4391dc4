"""The points ledger on SQLite and PostgreSQL: the chain, reversals, the attendance sync,
``verify`` and what it finds after an edit behind the program's back, concurrent writers."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, delete, select, text, update
from sqlalchemy.exc import DBAPIError

from orglife_tui.data import ledger
from orglife_tui.data.chain import GENESIS, link_hash
from orglife_tui.data.errors import Conflict, NotFound, StoreError
from orglife_tui.data.models import audit_t, ledger_t
from orglife_tui.domain import AttendanceStatus, MeetingType, MemberStatus
from orglife_tui.domain.records import AttendanceInput, MeetingInput, MemberInput
from orglife_tui.scoring.model import (
    Category,
    Cutoffs,
    Derivation,
    Item,
    Scheme,
    Unit,
)

ROOT = Path(__file__).resolve().parents[2]
P, L, A = AttendanceStatus.present, AttendanceStatus.leave, AttendanceStatus.absent

ITEMS = (
    Item(
        "attend",
        "参加组织生活",
        "Attended",
        Category.duty,
        1.0,
        derive=Derivation((MeetingType.themed_day, MeetingType.general_meeting), P),
    ),
    Item(
        "attend_lecture",
        "参加党课",
        "Attended a lecture",
        Category.duty,
        0.5,
        derive=Derivation((MeetingType.party_lecture,), P),
    ),
    Item(
        "absent",
        "无故缺席",
        "Unexcused absence",
        Category.deduction,
        -2.0,
        derive=Derivation(tuple(MeetingType), A),
    ),
    Item("volunteer", "志愿服务", "Volunteer service", Category.bonus, 0.5, Unit.hour, cap=10),
    Item("lecture", "讲党课", "Gave a Party lecture", Category.bonus, 3.0),
    Item("broken", "承诺未兑现", "Commitment not kept", Category.deduction, -3.0),
)


def make_scheme(items=ITEMS) -> Scheme:
    return Scheme(
        name="测试方案",
        version="1",
        base_points=80.0,
        floor=0.0,
        ceiling=100.0,
        items=tuple(items),
        cutoffs={MemberStatus.full: Cutoffs(90, 80, 60)},
        scored_statuses=frozenset({MemberStatus.full}),
        graded_statuses=frozenset({MemberStatus.full}),
    )


SCHEME = make_scheme()


def with_points(scheme: Scheme, code: str, points: float) -> Scheme:
    return replace(
        scheme,
        items=tuple(replace(i, points=points) if i.code == code else i for i in scheme.items),
    )


@pytest.fixture
def roster(store, branch):
    """Three members; a themed day that is also a lecture, a general meeting, a committee
    meeting; 001 present everywhere, 002 absent once, 003 on leave once."""
    store.add_members(
        branch.id,
        [
            MemberInput("001", "张建国", MemberStatus.full),
            MemberInput("002", "李秀英", MemberStatus.full),
            MemberInput("003", "王芳", MemberStatus.full),
        ],
    )
    # Entries and a corrected meeting date go back before the first meeting.
    store.set_records_start(branch.id, date(2025, 1, 1))
    store.add_meetings(
        branch.id,
        [
            MeetingInput(
                date(2026, 3, 10),
                (MeetingType.themed_day, MeetingType.party_lecture),
                "主题党日暨党课",
                meeting_no="M1",
            ),
            MeetingInput(
                date(2026, 4, 8), (MeetingType.general_meeting,), "党员大会", meeting_no="M2"
            ),
            MeetingInput(
                date(2026, 5, 6), (MeetingType.committee_meeting,), "支委会", meeting_no="M3"
            ),
        ],
    )
    store.import_attendance(
        branch.id,
        [
            AttendanceInput("M1", "001", P),
            AttendanceInput("M1", "002", P),
            AttendanceInput("M1", "003", L, "出差"),
            AttendanceInput("M2", "001", P),
            AttendanceInput("M2", "002", A),
            AttendanceInput("M2", "003", P),
            AttendanceInput("M3", "001", P),
        ],
    )
    return branch


def meeting_id(store, branch, no: str) -> int:
    return ledger.meeting_ids_for(store, branch.id, [no])[0]


def member_id(store, branch, no: str) -> int:
    return store.get_member(branch.id, no).id


def totals(store, branch) -> dict[str, float]:
    out: dict[str, float] = {}
    for e in ledger.iter_entries(store, branch.id):
        out[e.member_no] = round(out.get(e.member_no, 0.0) + e.points, 2)
    return out


def live(store, branch) -> set[tuple[str, str, str | None, float]]:
    """(member, item, meeting, points) of the entries neither reversed nor reversals."""
    return {
        (e.member_no, e.item_code, e.meeting_no, e.points)
        for e in ledger.iter_entries(store, branch.id)
        if e.reverses_id is None and e.reversed_by is None
    }


def sqlite_file(url: str) -> str:
    return url[len("sqlite:///") :]


# ---------------------------------------------------------------------------- appends


class TestAppend:
    def test_entries_chain_from_genesis_and_hash_their_fields(self, store, roster):
        assert ledger.head_hash(store, roster.id) == GENESIS
        a = ledger.add_entry(store, roster.id, SCHEME, None, "001", "lecture", note="讲党课")
        b = ledger.add_entry(store, roster.id, SCHEME, None, "002", "volunteer", hours=3)
        with store.read_connection() as conn:
            rows = conn.execute(select(ledger_t).order_by(ledger_t.c.id)).all()
        assert [r.id for r in rows] == [a.id, b.id]
        assert rows[0].prev_hash == GENESIS
        assert rows[1].prev_hash == rows[0].hash
        for r in rows:  # the documented field tuple, through the public link_hash
            assert r.hash == link_hash(r.prev_hash, ledger.ledger_fields(r))
        assert ledger.head_hash(store, roster.id) == b.hash == rows[1].hash

    def test_points_default_to_the_item_and_hours_multiply(self, store, roster):
        a = ledger.add_entry(store, roster.id, SCHEME, None, "001", "lecture")
        assert (a.points, a.hours, a.source, a.entry_date) == (3.0, None, "manual", store.today())
        v = ledger.add_entry(
            store,
            roster.id,
            SCHEME,
            None,
            "001",
            "volunteer",
            hours=2.5,
            entry_date=date(2026, 2, 1),
        )
        assert (v.points, v.hours, v.entry_date) == (1.25, 2.5, date(2026, 2, 1))
        o = ledger.add_entry(store, roster.id, SCHEME, None, "001", "lecture", points=1.5)
        assert o.points == 1.5
        d = ledger.add_entry(store, roster.id, SCHEME, None, "002", "broken", points=-1)
        assert d.points == -1.0
        (audit,) = [e for e in store.audit_entries(roster.id) if e["action"] == "ledger.add"][:1]
        assert '"member_no": "002"' in audit["detail"]

    @pytest.mark.parametrize(
        ("member", "item", "kwargs", "key"),
        [
            ("999", "lecture", {}, "member_not_found"),
            ("001", "nonesuch", {}, "ledger.unknown_item"),
            ("001", "attend", {}, "ledger.item_derived"),
            ("001", "volunteer", {}, "ledger.hours_required"),
            ("001", "lecture", {"hours": 2}, "ledger.hours_not_hourly"),
            ("001", "volunteer", {"hours": 0}, "ledger.bad_hours"),
            ("001", "volunteer", {"hours": float("nan")}, "ledger.bad_hours"),
            ("001", "lecture", {"points": -3}, "ledger.points_sign"),
            ("001", "broken", {"points": 2}, "ledger.points_sign"),
            ("001", "lecture", {"points": float("inf")}, "ledger.bad_points"),
        ],
    )
    def test_bad_entries_are_refused_with_a_clear_message(
        self, store, roster, member, item, kwargs, key
    ):
        with pytest.raises(StoreError) as info:
            ledger.add_entry(store, roster.id, SCHEME, None, member, item, **kwargs)
        assert info.value.key == key
        assert str(info.value) != key  # the catalog has the message
        assert ledger.count_entries(store, roster.id) == 0

    def test_the_unknown_item_message_lists_the_manual_items(self, store, roster):
        with pytest.raises(NotFound, match="volunteer, lecture, broken"):
            ledger.add_entry(store, roster.id, SCHEME, None, "001", "x")

    def test_triggers_refuse_update_and_delete(self, store, roster):
        a = ledger.add_entry(store, roster.id, SCHEME, None, "001", "lecture")
        with pytest.raises(DBAPIError), store.write_transaction() as conn:
            conn.execute(update(ledger_t).where(ledger_t.c.id == a.id).values(points=99))
        with pytest.raises(DBAPIError), store.write_transaction() as conn:
            conn.execute(delete(ledger_t).where(ledger_t.c.id == a.id))
        assert ledger.list_entries(store, roster.id)[0].points == 3.0


# ---------------------------------------------------------------------------- reversals


class TestReverse:
    def test_a_reversal_negates_and_links_and_keeps_the_date(self, store, roster):
        a = ledger.add_entry(
            store, roster.id, SCHEME, None, "001", "volunteer", hours=2, entry_date=date(2025, 6, 1)
        )
        r = ledger.reverse_entry(store, roster.id, a.id, "  登记有误  ")
        assert (r.points, r.hours, r.reverses_id, r.note) == (-1.0, -2.0, a.id, "登记有误")
        assert (r.member_no, r.item_code, r.entry_date) == ("001", "volunteer", date(2025, 6, 1))
        assert ledger.get_entry(store, roster.id, a.id).reversed_by == r.id
        assert totals(store, roster) == {"001": 0.0}
        assert any(e["action"] == "ledger.reverse" for e in store.audit_entries(roster.id))

    def test_reversal_rules(self, store, roster):
        a = ledger.add_entry(store, roster.id, SCHEME, None, "001", "lecture")
        r = ledger.reverse_entry(store, roster.id, a.id, "重复登记")
        with pytest.raises(Conflict) as twice:
            ledger.reverse_entry(store, roster.id, a.id, "再来一次")
        assert twice.value.key == "ledger.already_reversed"
        assert str(r.id) in str(twice.value)
        with pytest.raises(Conflict) as of_reversal:
            ledger.reverse_entry(store, roster.id, r.id, "冲正的冲正")
        assert of_reversal.value.key == "ledger.reverse_reversal"
        with pytest.raises(NotFound) as unknown:
            ledger.reverse_entry(store, roster.id, 9999, "没有")
        assert unknown.value.key == "ledger.entry_not_found"
        with pytest.raises(StoreError) as no_reason:
            ledger.reverse_entry(store, roster.id, a.id, "   ")
        assert no_reason.value.key == "ledger.reason_required"
        assert ledger.count_entries(store, roster.id) == 2

    def test_another_branchs_entry_is_not_found(self, store, roster):
        other = store.create_branch("第二党支部")
        store.add_members(other.id, [MemberInput("001", "赵六", MemberStatus.full)])
        theirs = ledger.add_entry(store, other.id, SCHEME, None, "001", "lecture")
        with pytest.raises(NotFound):
            ledger.reverse_entry(store, roster.id, theirs.id, "不是本支部的")
        with pytest.raises(NotFound):
            ledger.get_entry(store, roster.id, theirs.id)
        # each branch has a chain of its own
        ours = ledger.add_entry(store, roster.id, SCHEME, None, "001", "lecture")
        assert ledger.list_entries(store, roster.id)[0].id == ours.id
        report = ledger.verify(store)
        assert report.ok, report.breaks
        assert report.ledger_heads == {roster.id: ours.hash, other.id: theirs.hash}


# ---------------------------------------------------------------------------- reading


class TestRead:
    def test_lists_counts_months_and_running_totals(self, store, roster):
        days = [date(2025, 12, 30), date(2026, 1, 5), date(2026, 1, 20), date(2026, 3, 3)]
        for d in days:
            ledger.add_entry(store, roster.id, SCHEME, None, "001", "lecture", entry_date=d)
        ledger.add_entry(store, roster.id, SCHEME, None, "002", "broken", entry_date=days[1])
        assert ledger.count_entries(store, roster.id) == 5
        assert ledger.count_entries(store, roster.id, member_no="001") == 4
        assert ledger.count_entries(store, roster.id, member_no="001", year=2026) == 3
        page = ledger.list_entries(store, roster.id, member_no="001", year=2026, offset=1, limit=1)
        assert [e.entry_date for e in page] == [date(2026, 1, 20)]
        months = ledger.monthly_points(store, roster.id, "001", 2026)
        assert months[:3] == [6.0, 0.0, 3.0] and sum(months) == 9.0
        assert len(months) == 12
        assert ledger.running_total_before(store, roster.id, "001", page[0].id, 2026) == 3.0
        assert ledger.running_total_before(store, roster.id, "001", page[0].id) == 6.0
        with pytest.raises(NotFound):
            ledger.list_entries(store, roster.id, member_no="404")

    def test_iter_entries_pages_by_keyset(self, store, roster):
        ids = [
            ledger.add_entry(store, roster.id, SCHEME, None, no, "lecture").id
            for no in ("001", "002", "003") * 4
        ]
        got = list(ledger.iter_entries(store, roster.id, chunk=5))
        assert [e.id for e in got] == ids
        assert [
            e.id for e in ledger.iter_entries(store, roster.id, member_no="002", chunk=2)
        ] == ids[1::3]
        assert list(ledger.iter_entries(store, roster.id, year=1999)) == []


# ---------------------------------------------------------------------------- attendance sync


class TestSync:
    def test_sync_books_what_attendance_is_worth_and_twice_changes_nothing(self, store, roster):
        first = ledger.sync_attendance(store, roster.id, SCHEME, None)
        assert (first.added, first.reversed) == (7, 0)
        assert live(store, roster) == {
            ("001", "attend", "M1", 1.0),
            ("001", "attend_lecture", "M1", 0.5),
            ("002", "attend", "M1", 1.0),
            ("002", "attend_lecture", "M1", 0.5),
            ("001", "attend", "M2", 1.0),
            ("002", "absent", "M2", -2.0),
            ("003", "attend", "M2", 1.0),
        }
        entries = list(ledger.iter_entries(store, roster.id))
        assert all(e.source == "attendance" for e in entries)
        assert {e.entry_date for e in entries if e.meeting_no == "M1"} == {date(2026, 3, 10)}
        # leave scores nothing, a committee meeting earns no attendance points here
        assert totals(store, roster) == {"001": 2.5, "002": -0.5, "003": 1.0}
        syncs = [e for e in store.audit_entries(roster.id) if e["action"] == "ledger.sync"]
        assert len(syncs) == 1
        again = ledger.sync_attendance(store, roster.id, SCHEME, None)
        assert (again.added, again.reversed) == (0, 0)
        assert ledger.count_entries(store, roster.id) == 7
        assert len([e for e in store.audit_entries(roster.id) if e["action"] == "ledger.sync"]) == 1

    def test_an_attendance_change_is_reversed_and_rebooked(self, store, roster):
        ledger.sync_attendance(store, roster.id, SCHEME, None)
        m2 = meeting_id(store, roster, "M2")
        store.set_attendance(roster.id, m2, member_id(store, roster, "002"), P)
        store.set_attendance(roster.id, m2, member_id(store, roster, "003"), None)
        result = ledger.sync_attendance(store, roster.id, SCHEME, None, [m2])
        assert (result.added, result.reversed) == (1, 2)
        reversals = [e for e in ledger.iter_entries(store, roster.id) if e.reverses_id]
        assert {e.note for e in reversals} == {"attendance record changed"}
        assert {(e.member_no, e.item_code, e.points) for e in reversals} == {
            ("002", "absent", 2.0),
            ("003", "attend", -1.0),
        }
        assert totals(store, roster) == {"001": 2.5, "002": 2.5, "003": 0.0}
        assert ledger.sync_attendance(store, roster.id, SCHEME, None) == ledger.SyncResult(0, 0)
        # and back again: a new entry, the reversed one stays reversed
        store.set_attendance(roster.id, m2, member_id(store, roster, "003"), P)
        assert ledger.sync_attendance(store, roster.id, SCHEME, None) == ledger.SyncResult(1, 0)
        assert totals(store, roster)["003"] == 1.0
        assert ledger.verify(store).ok

    def test_meeting_and_member_limits(self, store, roster):
        m1, m2 = meeting_id(store, roster, "M1"), meeting_id(store, roster, "M2")
        only = ledger.sync_attendance(
            store, roster.id, SCHEME, None, [m1], member_ids=[member_id(store, roster, "002")]
        )
        assert only == ledger.SyncResult(2, 0)
        assert ledger.sync_attendance(store, roster.id, SCHEME, None, [m2]) == ledger.SyncResult(
            3, 0
        )
        assert ledger.sync_attendance(store, roster.id, SCHEME, None, []) == ledger.SyncResult(0, 0)
        assert ledger.sync_attendance(store, roster.id, SCHEME, None) == ledger.SyncResult(2, 0)

    def test_a_scheme_change_shows_as_reversals(self, store, roster):
        ledger.sync_attendance(store, roster.id, SCHEME, None)
        doubled = with_points(SCHEME, "attend", 2.0)
        result = ledger.sync_attendance(store, roster.id, doubled, None)
        assert (result.added, result.reversed) == (4, 4)
        notes = {e.note for e in ledger.iter_entries(store, roster.id) if e.reverses_id}
        assert notes == {"scheme changed"}
        assert totals(store, roster) == {"001": 4.5, "002": 0.5, "003": 2.0}
        # an item the scheme no longer derives is taken back
        dropped = replace(doubled, items=tuple(i for i in doubled.items if i.code != "absent"))
        assert ledger.sync_attendance(store, roster.id, dropped, None) == ledger.SyncResult(0, 1)
        assert totals(store, roster) == {"001": 4.5, "002": 2.5, "003": 2.0}
        assert ledger.sync_attendance(store, roster.id, dropped, None) == ledger.SyncResult(0, 0)
        assert ledger.verify(store).ok

    def test_a_meeting_moved_to_another_date_moves_its_points(self, store, roster):
        ledger.sync_attendance(store, roster.id, SCHEME, None)
        m2 = store.get_meeting(roster.id, meeting_id(store, roster, "M2"))
        store.update_meeting(roster.id, m2.id, replace(m2.as_input(), date=date(2025, 12, 30)))
        assert ledger.sync_attendance(store, roster.id, SCHEME, None) == ledger.SyncResult(3, 3)
        live_dates = {
            e.entry_date
            for e in ledger.iter_entries(store, roster.id)
            if e.meeting_no == "M2" and not e.reverses_id and not e.reversed_by
        }
        assert live_dates == {date(2025, 12, 30)}
        assert sum(ledger.monthly_points(store, roster.id, "001", 2026)) == 1.5

    def test_manual_entries_are_left_alone(self, store, roster):
        ledger.add_entry(store, roster.id, SCHEME, None, "003", "lecture")
        ledger.sync_attendance(store, roster.id, SCHEME, None)
        assert ledger.sync_attendance(store, roster.id, make_scheme(ITEMS[3:]), None) == (
            ledger.SyncResult(0, 7)
        )
        assert totals(store, roster) == {"001": 0.0, "002": 0.0, "003": 3.0}


class TestBulkLoad:
    def test_derived_and_manual_entries_merge_by_date(self, store, roster):
        manual = [
            ledger.NewEntry("003", "lecture", date(2026, 1, 15), note="讲党课"),
            ledger.NewEntry(
                "002",
                "volunteer",
                date(2026, 4, 1),
                hours=2,
                note="义务植树",
                reverse_reason="重复",
            ),
            ledger.NewEntry("001", "broken", date(2026, 12, 1), note="未兑现"),
        ]
        result = ledger.bulk_load(store, roster.id, SCHEME, None, manual)
        assert (result.derived, result.manual, result.reversed) == (7, 3, 1)
        entries = list(ledger.iter_entries(store, roster.id))
        booked = [e.entry_date for e in entries if not e.reverses_id]
        assert booked == sorted(booked)
        assert entries[-1].reverses_id is not None and entries[-1].note == "重复"
        assert ledger.sync_attendance(store, roster.id, SCHEME, None) == ledger.SyncResult(0, 0)
        assert ledger.verify(store).ok
        with pytest.raises(Conflict):
            ledger.bulk_load(store, roster.id, SCHEME, None, [])


# ---------------------------------------------------------------------------- verify


def _tamper(url: str, statements: list[str]) -> None:
    """Edit the database behind the program's back, triggers out of the way."""
    if url.startswith("sqlite"):
        con = sqlite3.connect(sqlite_file(url))
        try:
            for table in ("ledger_entry", "audit_log"):
                for verb in ("update", "delete"):
                    con.execute(f"DROP TRIGGER IF EXISTS {table}_no_{verb}")
            for sql in statements:
                con.execute(sql)
            con.commit()
        finally:
            con.close()
    else:
        engine = create_engine(url)
        try:
            with engine.begin() as conn:
                for table in ("ledger_entry", "audit_log"):
                    conn.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER ALL"))
                for sql in statements:
                    conn.execute(text(sql))
        finally:
            engine.dispose()


class TestVerify:
    def _fill(self, store, branch) -> list[int]:
        ledger.sync_attendance(store, branch.id, SCHEME, None)
        a = ledger.add_entry(store, branch.id, SCHEME, None, "001", "lecture")
        ledger.reverse_entry(store, branch.id, a.id, "讲错了人")
        ledger.add_entry(store, branch.id, SCHEME, None, "002", "volunteer", hours=4)
        return [e.id for e in ledger.iter_entries(store, branch.id)]

    def test_a_clean_database_verifies(self, store, roster):
        self._fill(store, roster)
        report = ledger.verify(store)
        assert report.ok and report.integrity_ok and report.breaks == []
        assert report.ledger_entries == 10
        assert report.audit_entries == len(store.audit_entries(limit=1000))
        assert report.ledger_heads == {roster.id: ledger.head_hash(store, roster.id)}

    def test_an_edited_entry_is_named(self, store, roster, db_url):
        ids = self._fill(store, roster)
        victim = ids[3]
        _tamper(db_url, [f"UPDATE ledger_entry SET points = points + 1 WHERE id = {victim}"])
        report = ledger.verify(store)
        assert not report.ok
        assert report.first_break == ledger.ChainBreak(
            "ledger_entry", victim, "verify.reason.hash_mismatch", roster.id
        )

    def test_a_deleted_entry_breaks_the_link_of_the_next(self, store, roster, db_url):
        ids = self._fill(store, roster)
        _tamper(db_url, [f"DELETE FROM ledger_entry WHERE id = {ids[1]}"])
        breaks = ledger.verify(store).breaks
        (found,) = [b for b in breaks if b.table == "ledger_entry"]
        assert (found.entry_id, found.reason) == (ids[2], "verify.reason.prev_mismatch")
        # the yearly totals still count the deleted entry, and say so
        assert [b.table for b in breaks if b is not found] == ["ledger_total"]

    def test_a_rewritten_reversal_is_named(self, store, roster, db_url):
        self._fill(store, roster)
        reversal = next(e for e in ledger.iter_entries(store, roster.id) if e.reverses_id)
        # rewrite the points and the hash, and the next entry's link: the chain holds,
        # the reversal no longer negates its original
        with store.read_connection() as conn:
            rows = conn.execute(
                select(ledger_t).where(ledger_t.c.id >= reversal.id).order_by(ledger_t.c.id)
            ).all()
        prev = rows[0].prev_hash
        statements = []
        for i, r in enumerate(rows):
            fields = dict(r._mapping)
            if i == 0:
                fields["points"] = -1.0
            digest = link_hash(prev, ledger.ledger_fields(fields))
            statements.append(
                f"UPDATE ledger_entry SET points = {fields['points']}, prev_hash = '{prev}', "
                f"hash = '{digest}' WHERE id = {r.id}"
            )
            prev = digest
        _tamper(db_url, statements)
        breaks = ledger.verify(store).breaks
        (found,) = [b for b in breaks if b.table == "ledger_entry"]
        assert (found.entry_id, found.reason) == (reversal.id, "verify.reason.bad_reversal")
        # and the yearly total no longer adds up to the rewritten points
        assert [b.table for b in breaks if b is not found] == ["ledger_total"]

    def test_an_edited_audit_row_is_named(self, store, roster, db_url):
        self._fill(store, roster)
        with store.read_connection() as conn:
            victim = conn.scalar(select(audit_t.c.id).order_by(audit_t.c.id).offset(2).limit(1))
        _tamper(db_url, [f"UPDATE audit_log SET operator = 'someone' WHERE id = {victim}"])
        report = ledger.verify(store)
        assert report.breaks == [
            ledger.ChainBreak("audit_log", victim, "verify.reason.hash_mismatch")
        ]

    def test_sqlite_integrity_check_runs(self, sqlite_store):
        report = ledger.verify(sqlite_store)
        assert report.integrity_ok and report.ok and report.ledger_entries == 0


# ---------------------------------------------------------------------------- two writers

WRITER = textwrap.dedent(
    """
    import pathlib, sys, time
    from orglife_tui.data import ledger
    from orglife_tui.data.store import Store
    from orglife_tui.services.points import active_scheme

    url, name, count, ready = sys.argv[1], sys.argv[2], int(sys.argv[3]), pathlib.Path(sys.argv[4])
    store = Store.open(url, operator=name)
    branch = store.resolve_branch(None)
    info, scheme = active_scheme(store, branch.id)
    (ready / name).touch()
    deadline = time.time() + 60
    while len(list(ready.iterdir())) < 2 and time.time() < deadline:
        time.sleep(0.005)
    first = time.time()
    for i in range(count):
        ledger.add_entry(store, branch.id, scheme, info.id, "001", "volunteer_service",
                         hours=1, note=f"{name}-{i}")
    print(first, time.time())
    store.close()
    """
)


def test_two_processes_appending_at_once_never_fork_the_chain(store, roster, db_url, tmp_path):
    from orglife_tui.services.points import active_scheme

    active_scheme(store, roster.id)  # the default scheme, activated before the race
    count = 50
    ready = tmp_path / "ready"
    ready.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, db_url, name, str(count), str(ready)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("secretary", "deputy")
    ]
    windows = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        windows.append(tuple(float(x) for x in out.split()))
    (a_start, a_end), (b_start, b_end) = windows
    assert a_start < b_end and b_start < a_end  # they wrote at the same time
    entries = list(ledger.iter_entries(store, roster.id))
    assert len(entries) == 2 * count
    notes = {e.note for e in entries}
    assert notes == {f"{n}-{i}" for n in ("secretary", "deputy") for i in range(count)}
    report = ledger.verify(store)
    assert report.ok, report.breaks
    assert report.ledger_heads[roster.id] == entries[-1].hash


def test_yearly_totals_follow_every_insert_and_verify_catches_a_forged_total(store, roster):
    """Migration 0003's trigger keeps the totals the scoreboard reads; verify checks them."""
    scheme = make_scheme()
    ledger.sync_attendance(store, roster.id, scheme, None)
    first = next(iter(ledger.iter_entries(store, roster.id)))
    ledger.reverse_entry(store, roster.id, first.id, "登记错误")
    with store.read_connection() as conn:
        kept = {
            (r.member_id, r.item_code): (round(r.points, 2), r.entries, r.reversals)
            for r in conn.execute(text("SELECT * FROM ledger_total WHERE year = 2026"))
        }
    expected: dict[tuple[int, str], tuple[float, int, int]] = {}
    for e in ledger.iter_entries(store, roster.id):
        key = (member_id(store, roster, e.member_no), e.item_code)
        p, n, r = expected.get(key, (0.0, 0, 0))
        expected[key] = (round(p + e.points, 2), n + 1, r + (e.reverses_id is not None))
    assert kept == expected
    assert ledger.verify(store).ok

    victim = member_id(store, roster, "002")
    with store.write_transaction() as conn:
        conn.execute(
            text("UPDATE ledger_total SET points = points + 5 WHERE member_id = :m"),
            {"m": victim},
        )
    report = ledger.verify(store)
    assert not report.ok
    assert [(b.table, b.entry_id) for b in report.breaks] == [("ledger_total", victim)]

"""The life meeting and the people in it, stored (issue 12 §5) — on SQLite and PostgreSQL:
the meeting's form and lecturer from the roster, the lecture's points derived from it, the
leader flag, the participants' records with their rectification items, posts and
commitments with the commitment points derived from the register."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from orglife_tui.data import commitments as cm
from orglife_tui.data import life_meeting as lm
from orglife_tui.data.errors import Conflict, NotFound, StoreError
from orglife_tui.data.models import ledger_t
from orglife_tui.data.rectification import get_item
from orglife_tui.domain import (
    AttendanceStatus,
    CommitmentStatus,
    MeetingForm,
    MeetingType,
    MemberStatus,
)
from orglife_tui.domain.records import MeetingInput, MemberInput, meeting_from_fields
from orglife_tui.services import points

LECTURE = MeetingInput(
    date(2025, 3, 20),
    (MeetingType.party_lecture,),
    "党章学习",
    "2025-001",
    lecturer="001",
    form=MeetingForm.lecture,
)
LIFE = MeetingInput(date(2025, 12, 20), (MeetingType.life_meeting,), "组织生活会", "2025-002")


@pytest.fixture
def roster(store, branch):
    store.add_members(
        branch.id,
        [
            MemberInput("001", "张书记", MemberStatus.full, leader=True),
            MemberInput("002", "李同志", MemberStatus.full),
            MemberInput("003", "王同志", MemberStatus.full),
        ],
    )
    return {m.member_no: m for m in store.list_members(branch.id)}


def live_entries(store, branch_id, item_code):
    """(member_no-less) live entries of an item: (member id, points, date, note)."""
    rev = ledger_t.alias("rev")
    with store.read_connection() as conn:
        return sorted(
            (r.member_id, r.points, r.entry_date, r.note)
            for r in conn.execute(
                select(ledger_t).where(
                    ledger_t.c.branch_id == branch_id,
                    ledger_t.c.item_code == item_code,
                    ledger_t.c.reverses_id.is_(None),
                    ~select(rev.c.id).where(rev.c.reverses_id == ledger_t.c.id).exists(),
                )
            )
        )


def last_audit(store, branch_id) -> tuple[str, dict]:
    entry = store.audit_entries(branch_id, limit=1)[0]
    return entry["action"], json.loads(entry["detail"])


# ---------------------------------------------------------------------------- meetings


def test_the_form_and_the_lecturer_from_the_roster_are_stored(store, branch, roster):
    row = store.add_meeting(branch.id, LECTURE)
    assert row.form is MeetingForm.lecture
    assert (row.lecturer_id, row.lecturer_no, row.lecturer) == (roster["001"].id, "001", "张书记")
    assert row.as_input() == LECTURE  # a form shows the member number, and saves it back


def test_a_lecturer_named_by_a_unique_name_is_the_member_and_anyone_else_is_text(
    store, branch, roster
):
    by_name = store.add_meeting(branch.id, replace(LECTURE, meeting_no=None, lecturer="李同志"))
    assert by_name.lecturer_no == "002"
    outside = store.add_meeting(
        branch.id, replace(LECTURE, meeting_no=None, lecturer="市委党校王教授")
    )
    assert (outside.lecturer_id, outside.lecturer) == (None, "市委党校王教授")


def test_the_form_is_read_in_both_languages_and_refused_when_unknown():
    fields = {"date": "2025-03-20", "type": "党课", "title": "t"}
    assert (
        meeting_from_fields({**fields, "meeting_form": "交流讨论"}).form is MeetingForm.discussion
    )
    assert meeting_from_fields({**fields, "meeting_form": "site_visit"}).form is (
        MeetingForm.site_visit
    )
    with pytest.raises(Exception) as refused:
        meeting_from_fields({**fields, "meeting_form": "聊天"})
    assert "unknown meeting form" in str(refused.value)


def test_the_lecture_earns_its_lecturer_points_that_follow_the_meeting(store, branch, roster):
    row = store.add_meeting(branch.id, LECTURE)
    points.after_meeting_change(store, branch.id, row.id)
    points.after_meeting_change(store, branch.id, row.id)  # idempotent
    assert live_entries(store, branch.id, "give_party_lecture") == [
        (roster["001"].id, 3.0, date(2025, 3, 20), None)
    ]
    moved = store.update_meeting(branch.id, row.id, replace(LECTURE, lecturer="002"))
    points.after_meeting_change(store, branch.id, moved.id)
    assert live_entries(store, branch.id, "give_party_lecture") == [
        (roster["002"].id, 3.0, date(2025, 3, 20), None)
    ]
    store.void_meeting(branch.id, row.id, "录重了")
    points.after_meeting_change(store, branch.id, row.id)
    assert live_entries(store, branch.id, "give_party_lecture") == []


def test_a_lecture_entry_is_never_typed(store, branch, roster):
    info, scheme = points.active_scheme(store, branch.id)
    for code, key in (
        ("give_party_lecture", "life.ledger.item_derived.lecturer"),
        ("commitment_kept", "life.ledger.item_derived.commitment_fulfilled"),
        ("commitment_broken", "life.ledger.item_derived.commitment_not_fulfilled"),
    ):
        with pytest.raises(StoreError) as refused:
            points.add_manual_entry(store, branch.id, scheme, info.id, "001", code)
        assert refused.value.key == key
    assert live_entries(store, branch.id, "give_party_lecture") == []


def test_the_leader_flag_is_kept_and_corrected(store, branch, roster):
    assert roster["001"].leader and not roster["002"].leader
    store.update_member(branch.id, roster["002"].id, replace(roster["002"].as_input(), leader=True))
    assert {m.member_no for m in store.list_members(branch.id) if m.leader} == {"001", "002"}


# ---------------------------------------------------------------------------- life meeting


def test_each_participants_record_is_kept_and_corrected_with_a_trace(store, branch, roster):
    life = store.add_meeting(branch.id, LIFE)
    for no in ("001", "002"):
        store.set_attendance(branch.id, life.id, roster[no].id, AttendanceStatus.present)
    assert [r.member_no for r in lm.life_records(store, branch.id, life.id)] == ["001", "002"]
    record = lm.LifeRecordInput("002", "理论学习不够", "联系群众不够", "建议书记多听意见")
    saved = lm.set_life_record(store, branch.id, life.id, record)
    assert saved.as_input() == record and saved.attendance is AttendanceStatus.present
    assert last_audit(store, branch.id)[0] == "life.record"
    lm.set_life_record(store, branch.id, life.id, replace(record, criticism_given=None))
    action, detail = last_audit(store, branch.id)
    assert detail["changes"] == {"criticism_given": {"old": "建议书记多听意见", "new": None}}
    # someone not marked at the meeting who has a record is a participant too
    lm.set_life_record(store, branch.id, life.id, lm.LifeRecordInput("003", "书面对照检查"))
    assert [r.member_no for r in lm.life_records(store, branch.id, life.id)] == [
        "001",
        "002",
        "003",
    ]


def test_a_participants_problem_goes_on_the_rectification_list(store, branch, roster):
    life = store.add_meeting(branch.id, LIFE)
    item_id = lm.add_problem(
        store, branch.id, life.id, "002", "理论学习不够", date(2026, 6, 30), "每月读一本书"
    )
    item = get_item(store, branch.id, item_id)
    assert (item.year, item.owner, item.meeting_no) == (2025, "李同志", "2025-002")
    (row,) = lm.life_records(store, branch.id, life.id)
    assert row.member_no == "002" and [i.problem for i in row.items] == ["理论学习不够"]


def test_only_a_live_life_meeting_has_participants_records(store, branch, roster):
    lecture = store.add_meeting(branch.id, LECTURE)
    with pytest.raises(Conflict) as refused:
        lm.set_life_record(store, branch.id, lecture.id, lm.LifeRecordInput("001", "x"))
    assert refused.value.key == "life.not_a_life_meeting"
    life = store.add_meeting(branch.id, LIFE)
    with pytest.raises(NotFound):
        lm.set_life_record(store, branch.id, life.id, lm.LifeRecordInput("999", "x"))
    with pytest.raises(StoreError) as unsafe:
        lm.set_life_record(store, branch.id, life.id, lm.LifeRecordInput("001", "a\x1b[2Jb"))
    assert unsafe.value.key == "text.control_chars"
    store.void_meeting(branch.id, life.id, "录错")
    with pytest.raises(Conflict) as voided:
        lm.life_records(store, branch.id, life.id)
    assert voided.value.key == "life.meeting_voided"


# ---------------------------------------------------------------------------- commitments


def test_posts_are_kept_per_member_and_year(store, branch, roster):
    post = cm.add_post(store, branch.id, cm.PostInput("002", 2025, "党员示范岗", "带头服务群众"))
    assert (post.member_no, post.name, post.post, post.duty) == (
        "002",
        "李同志",
        "党员示范岗",
        "带头服务群众",
    )
    cm.update_post(store, branch.id, post.id, cm.PostInput("002", 2025, "政策宣传岗"))
    assert [p.post for p in cm.list_posts(store, branch.id, 2025)] == ["政策宣传岗"]
    assert cm.list_posts(store, branch.id, 2024) == []
    with pytest.raises(StoreError) as empty:
        cm.add_post(store, branch.id, cm.PostInput("002", 2025, "  "))
    assert empty.value.key == "life.post_empty"


def test_commitment_points_follow_the_register(store, branch, roster):
    kept = cm.add_commitment(store, branch.id, cm.CommitmentInput("002", 2025, "结对帮扶一户"))
    broken = cm.add_commitment(store, branch.id, cm.CommitmentInput("003", 2025, "按时交纳党费"))
    assert kept.status is CommitmentStatus.planned
    cm.set_status(store, branch.id, kept.id, CommitmentStatus.fulfilled, on=date(2025, 11, 1))
    cm.set_status(store, branch.id, broken.id, CommitmentStatus.not_fulfilled, on=date(2025, 12, 1))
    points.after_commitment_change(store, branch.id)
    assert points.after_commitment_change(store, branch.id).added == 0  # idempotent
    assert live_entries(store, branch.id, "commitment_kept") == [
        (roster["002"].id, 2.0, date(2025, 11, 1), f"#{kept.id} 结对帮扶一户")
    ]
    assert live_entries(store, branch.id, "commitment_broken") == [
        (roster["003"].id, -3.0, date(2025, 12, 1), f"#{broken.id} 按时交纳党费")
    ]
    cm.set_status(store, branch.id, kept.id, CommitmentStatus.in_progress)
    assert points.after_commitment_change(store, branch.id).reversed == 1
    assert live_entries(store, branch.id, "commitment_kept") == []
    assert cm.year_counts(store, branch.id, 2025) == {
        "planned": 0,
        "in_progress": 1,
        "fulfilled": 0,
        "not_fulfilled": 1,
        "posts": 0,
    }


def test_a_commitment_is_evaluated_within_its_time(store, branch, roster):
    made = cm.add_commitment(store, branch.id, cm.CommitmentInput("002", 2025, "x"))
    for on, key in (
        (date(2024, 12, 31), "life.evaluated_before_year"),
        (date(2999, 1, 1), "life.evaluated_in_future"),
    ):
        with pytest.raises(StoreError) as refused:
            cm.set_status(store, branch.id, made.id, CommitmentStatus.fulfilled, on=on)
        assert refused.value.key == key
    with pytest.raises(NotFound):
        cm.add_commitment(store, branch.id, cm.CommitmentInput("999", 2025, "x"))
    with pytest.raises(StoreError) as empty:
        cm.add_commitment(store, branch.id, cm.CommitmentInput("002", 2025, ""))
    assert empty.value.key == "life.commitment_empty"

"""The store's operations, run on SQLite and PostgreSQL alike."""

import json
from datetime import date

import pytest

from orglife_tui.data.errors import Conflict, NotFound, StoreError
from orglife_tui.data.store import RowProblems, Store
from orglife_tui.domain import AttendanceStatus, CommitteePost, MeetingType, MemberStatus
from orglife_tui.domain.records import AttendanceInput, MeetingInput, MemberInput


def member(no: str, name: str = "王芳", **kw) -> MemberInput:
    kw.setdefault("status", MemberStatus.full)
    return MemberInput(member_no=no, name=name, **kw)


def meeting(day: date, *types: MeetingType, title: str = "学习会", **kw) -> MeetingInput:
    return MeetingInput(date=day, types=types or (MeetingType.themed_day,), title=title, **kw)


class TestBranches:
    def test_an_empty_database_gets_a_branch_named_by_the_caller(self, store):
        b = store.resolve_branch("第二党支部")
        assert b.name == "第二党支部"
        assert [x.name for x in store.branches()] == ["第二党支部"]

    def test_with_one_branch_the_name_may_be_left_out(self, store, branch):
        assert store.resolve_branch(None) == branch

    def test_with_several_branches_one_must_be_chosen(self, store, branch):
        store.create_branch("第二党支部")
        with pytest.raises(StoreError, match="several branches"):
            store.resolve_branch(None)
        assert store.resolve_branch("第二党支部").name == "第二党支部"

    def test_an_unknown_branch_name_lists_the_known_ones(self, store, branch):
        with pytest.raises(NotFound) as info:
            store.resolve_branch("不存在")
        assert "第一党支部" in str(info.value)

    def test_rename_keeps_the_records_and_refuses_a_taken_name(self, store, branch):
        store.add_member(branch.id, member("001"))
        renamed = store.rename_branch(branch.id, "机关第一党支部")
        assert store.list_members(renamed.id)[0].member_no == "001"
        store.create_branch("其他")
        with pytest.raises(Conflict):
            store.rename_branch(branch.id, "其他")

    def test_branches_keep_their_rosters_apart(self, store, branch):
        other = store.create_branch("第二党支部")
        store.add_member(branch.id, member("001", "甲"))
        store.add_member(other.id, member("001", "乙"))  # the same number in another branch
        assert [m.name for m in store.list_members(branch.id)] == ["甲"]
        assert [m.name for m in store.list_members(other.id)] == ["乙"]


class TestMembers:
    def test_every_field_round_trips(self, store, branch):
        m = member(
            "007",
            "李明",
            gender=None,
            birth_date=date(1980, 5, 1),
            join_date=date(2005, 7, 1),
            full_date=date(2006, 7, 1),
            group="第一党小组",
            post=CommitteePost.secretary,
            phone="13800001111",
            dues_paid_until="2026-10",
        )
        row = store.add_member(branch.id, m)
        assert row.as_input() == m
        assert store.groups(branch.id) == ["第一党小组"]

    def test_member_number_is_unique_in_the_branch(self, store, branch):
        store.add_member(branch.id, member("001"))
        with pytest.raises(Conflict, match="already in the branch"):
            store.add_member(branch.id, member("001", "另一人"))
        assert store.count_members(branch.id) == 1

    def test_a_bulk_add_with_one_clash_writes_nothing_and_names_the_row(self, store, branch):
        store.add_member(branch.id, member("002"))
        with pytest.raises(RowProblems) as info:
            store.add_members(branch.id, [member("001"), member("002"), member("001")])
        assert [(i, key) for i, key, _ in info.value.problems] == [
            (1, "member_no_taken"),
            (2, "member_no_duplicate"),
        ]
        assert [m.member_no for m in store.list_members(branch.id)] == ["002"]

    def test_update_existing_replaces_fields(self, store, branch):
        store.add_member(branch.id, member("001", "旧名"))
        added, updated = store.add_members(
            branch.id, [member("001", "新名"), member("002")], update_existing=True
        )
        assert (added, updated) == (1, 1)
        assert store.get_member(branch.id, "001").name == "新名"

    def test_edit_is_audited_with_old_and_new_values(self, store, branch):
        row = store.add_member(branch.id, member("001", "张三"))
        store.update_member(branch.id, row.id, member("001", "张叁", group="二组"))
        entry = store.audit_entries(branch.id, limit=1)[0]
        assert entry["action"] == "member.update"
        assert entry["operator"] == "tester"
        changes = json.loads(entry["detail"])["changes"]
        assert changes["name"] == {"old": "张三", "new": "张叁"}

    def test_identity_changes_are_audited_with_old_and_new_values(self, store, branch):
        """Issue 10 §4: a new member number or name is an audited event naming both."""
        row = store.add_member(branch.id, member("001", "张三"))
        store.update_member(branch.id, row.id, member("A01", "张叁"))
        entry = store.audit_entries(branch.id, limit=1)[0]
        detail = json.loads(entry["detail"])
        assert (entry["action"], detail["member_no"]) == ("member.update", "A01")
        assert detail["changes"]["member_no"] == {"old": "001", "new": "A01"}
        assert detail["changes"]["name"] == {"old": "张三", "new": "张叁"}
        # the same through an import that updates members in place
        store.add_members(branch.id, [member("A01", "张珊")], update_existing=True)
        entry = store.audit_entries(branch.id, limit=1)[0]
        assert entry["action"] == "member.import"
        assert json.loads(entry["detail"])["changes"] == [
            {"member_no": "A01", "changes": {"name": {"old": "张叁", "new": "张珊"}}}
        ]

    def test_edit_cannot_take_another_members_number(self, store, branch):
        store.add_member(branch.id, member("001"))
        row = store.add_member(branch.id, member("002"))
        with pytest.raises(Conflict):
            store.update_member(branch.id, row.id, member("001"))

    def test_search_matches_name_number_and_phone(self, store, branch):
        store.add_members(
            branch.id,
            [
                member("001", "张伟", phone="13911112222"),
                member("002", "李娜"),
                member("103", "王强"),
            ],
        )
        assert [m.name for m in store.list_members(branch.id, search="李")] == ["李娜"]
        assert [m.name for m in store.list_members(branch.id, search="10")] == ["王强"]
        assert [m.name for m in store.list_members(branch.id, search="1111")] == ["张伟"]
        assert store.count_members(branch.id, search="张") == 1

    def test_search_terms_are_literal(self, store, branch):
        """% and _ typed in the search box match themselves, not "anything"."""
        store.add_members(
            branch.id,
            [member("001", "张伟"), member("002", "李_娜"), member("003", "王%强")],
        )
        assert [m.name for m in store.list_members(branch.id, search="_")] == ["李_娜"]
        assert [m.name for m in store.list_members(branch.id, search="%")] == ["王%强"]
        assert store.list_members(branch.id, search="李%娜") == []
        assert store.count_members(branch.id, search="_") == 1

    def test_listing_pages_in_member_number_order(self, store, branch):
        store.add_members(branch.id, [member(f"{i:03d}") for i in range(10, 0, -1)])
        page = store.list_members(branch.id, offset=3, limit=3)
        assert [m.member_no for m in page] == ["004", "005", "006"]

    def test_unknown_member_is_not_found(self, store, branch):
        with pytest.raises(NotFound):
            store.get_member(branch.id, "999")


class TestMeetings:
    def test_numbers_are_assigned_per_year_and_kept_when_given(self, store, branch):
        a = store.add_meeting(branch.id, meeting(date(2025, 12, 1)))
        b = store.add_meeting(branch.id, meeting(date(2026, 1, 5)))
        c = store.add_meeting(branch.id, meeting(date(2026, 2, 5), meeting_no="特-1"))
        d = store.add_meeting(branch.id, meeting(date(2026, 3, 5)))
        assert [a.meeting_no, b.meeting_no, c.meeting_no, d.meeting_no] == [
            "2025-001",
            "2026-001",
            "特-1",
            "2026-002",
        ]

    def test_a_meeting_can_count_as_several_types_and_be_found_by_each(self, store, branch):
        store.add_meeting(
            branch.id, meeting(date(2026, 4, 1), MeetingType.themed_day, MeetingType.party_lecture)
        )
        store.add_meeting(branch.id, meeting(date(2026, 4, 2), MeetingType.committee_meeting))
        lectures = store.list_meetings(branch.id, meeting_type=MeetingType.party_lecture)
        assert [m.types for m in lectures] == [(MeetingType.party_lecture, MeetingType.themed_day)]

    def test_listing_by_date_range_is_oldest_first(self, store, branch):
        for day in (date(2026, 5, 20), date(2026, 5, 1), date(2026, 6, 1)):
            store.add_meeting(branch.id, meeting(day))
        may = store.list_meetings(branch.id, date(2026, 5, 1), date(2026, 5, 31))
        assert [m.date.day for m in may] == [1, 20]
        assert store.meeting_months(branch.id) == ["2026-06", "2026-05"]

    def test_edit_changes_types_and_fields_and_is_audited(self, store, branch):
        m = store.add_meeting(branch.id, meeting(date(2026, 4, 1), title="初稿"))
        edited = store.update_meeting(
            branch.id,
            m.id,
            meeting(date(2026, 4, 2), MeetingType.general_meeting, title="定稿", place="会议室"),
        )
        assert (edited.title, edited.place, edited.types) == (
            "定稿",
            "会议室",
            (MeetingType.general_meeting,),
        )
        assert edited.meeting_no == m.meeting_no
        assert store.audit_entries(branch.id, limit=1)[0]["action"] == "meeting.update"

    def test_a_meeting_names_an_existing_group_never_a_new_one(self, store, branch):
        store.add_member(branch.id, member("001", group="第一党小组"))
        with pytest.raises(Conflict, match="No party group named 第一小组"):
            store.add_meeting(branch.id, meeting(date(2026, 1, 1), group="第一小组"))
        ok = store.add_meeting(branch.id, meeting(date(2026, 1, 1), group="第一党小组"))
        with pytest.raises(NotFound):
            store.update_meeting(branch.id, ok.id, meeting(date(2026, 1, 1), group="第二党小组"))
        assert store.groups(branch.id) == ["第一党小组"]

    def test_duplicate_meeting_numbers_are_refused(self, store, branch):
        store.add_meeting(branch.id, meeting(date(2026, 1, 1), meeting_no="M1"))
        with pytest.raises(Conflict):
            store.add_meeting(branch.id, meeting(date(2026, 1, 2), meeting_no="M1"))


class TestAttendance:
    @pytest.fixture
    def setup(self, store, branch):
        store.add_members(
            branch.id,
            [
                member("001", "甲", group="一组"),
                member("002", "乙", group="一组"),
                member("003", "丙", group="二组"),
            ],
        )
        general = store.add_meeting(
            branch.id, meeting(date(2026, 3, 1), MeetingType.general_meeting)
        )
        group_one = store.add_meeting(
            branch.id, meeting(date(2026, 3, 2), MeetingType.group_meeting, group="一组")
        )
        ids = {m.member_no: m.id for m in store.list_members(branch.id)}
        return general, group_one, ids

    def test_the_sheet_lists_everyone_unmarked_at_first(self, store, branch, setup):
        general, _, _ = setup
        sheet = store.attendance_sheet(branch.id, general.id)
        assert [(x.member_no, x.status) for x in sheet] == [
            ("001", None),
            ("002", None),
            ("003", None),
        ]

    def test_a_group_meeting_lists_its_group(self, store, branch, setup):
        _, group_one, _ = setup
        assert [x.member_no for x in store.attendance_sheet(branch.id, group_one.id)] == [
            "001",
            "002",
        ]

    def test_a_committee_meeting_lists_the_committee(self, store, branch, setup):
        store.add_member(branch.id, member("004", "丁", post=CommitteePost.secretary))
        store.add_member(branch.id, member("005", "戊", post=CommitteePost.group_leader))
        committee = store.add_meeting(
            branch.id, meeting(date(2026, 3, 3), MeetingType.committee_meeting)
        )
        assert [x.member_no for x in store.attendance_sheet(branch.id, committee.id)] == ["004"]

    def test_members_who_joined_after_the_meeting_are_not_expected(self, store, branch, setup):
        general, _, _ = setup
        store.add_member(branch.id, member("009", "新", join_date=date(2026, 6, 1)))
        assert "009" not in [x.member_no for x in store.attendance_sheet(branch.id, general.id)]

    def test_marks_are_set_changed_cleared_and_counted(self, store, branch, setup):
        general, _, ids = setup
        store.set_attendance(branch.id, general.id, ids["001"], AttendanceStatus.present)
        store.set_attendance(branch.id, general.id, ids["002"], AttendanceStatus.leave, "出差")
        store.set_attendance(branch.id, general.id, ids["003"], AttendanceStatus.absent)
        row = store.get_meeting(branch.id, general.id)
        assert (row.present, row.leave, row.absent) == (1, 1, 1)
        store.set_attendance(branch.id, general.id, ids["003"], AttendanceStatus.present)
        store.set_attendance(branch.id, general.id, ids["001"], None)
        sheet = {
            x.member_no: (x.status, x.reason) for x in store.attendance_sheet(branch.id, general.id)
        }
        assert sheet == {
            "001": (None, None),
            "002": (AttendanceStatus.leave, "出差"),
            "003": (AttendanceStatus.present, None),
        }
        actions = [e["action"] for e in store.audit_entries(branch.id)]
        assert actions.count("attendance.set") == 5

    def test_leave_without_a_reason_is_refused(self, store, branch, setup):
        general, _, ids = setup
        with pytest.raises(StoreError, match="reason"):
            store.set_attendance(branch.id, general.id, ids["001"], AttendanceStatus.leave, "  ")
        assert store.get_meeting(branch.id, general.id).leave == 0

    def test_setting_the_same_mark_twice_leaves_one_trace(self, store, branch, setup):
        general, _, ids = setup
        for _ in range(2):
            store.set_attendance(branch.id, general.id, ids["001"], AttendanceStatus.present)
        actions = [e["action"] for e in store.audit_entries(branch.id)]
        assert actions.count("attendance.set") == 1

    def test_bulk_marks_with_an_unknown_member_write_nothing(self, store, branch, setup):
        general, _, _ = setup
        marks = [
            AttendanceInput(general.meeting_no, "001", AttendanceStatus.present),
            AttendanceInput(general.meeting_no, "404", AttendanceStatus.present),
            AttendanceInput("nope", "002", AttendanceStatus.present),
        ]
        with pytest.raises(RowProblems) as info:
            store.import_attendance(branch.id, marks)
        assert [(i, key) for i, key, _ in info.value.problems] == [
            (1, "member_not_found"),
            (2, "meeting_not_found"),
        ]
        assert store.get_meeting(branch.id, general.id).present == 0

    def test_bulk_marks_replace_earlier_marks(self, store, branch, setup):
        general, _, ids = setup
        store.set_attendance(branch.id, general.id, ids["001"], AttendanceStatus.absent)
        store.import_attendance(
            branch.id,
            [
                AttendanceInput(general.meeting_no, "001", AttendanceStatus.leave, "病假"),
                AttendanceInput(general.meeting_no, "002", AttendanceStatus.present),
            ],
        )
        row = store.get_meeting(branch.id, general.id)
        assert (row.present, row.leave, row.absent) == (1, 1, 0)


def test_summary_counts_members_and_this_months_meetings(store, branch):
    store.add_members(
        branch.id,
        [
            member("001", group="一组"),
            member("002", status=MemberStatus.probationary, group="二组"),
            member("003"),
        ],
    )
    # Oldest first: the first meeting sets the records start, earlier ones would be refused.
    store.add_meeting(branch.id, meeting(date(2025, 11, 3)))
    store.add_meeting(branch.id, meeting(date(2026, 11, 3), title="十一月主题党日"))
    store.add_meeting(branch.id, meeting(date(2026, 10, 3)))
    s = store.summary(branch.id, today=date(2026, 11, 26))
    assert (s.full_members, s.probationary_members, s.groups) == (2, 1, 2)
    assert [m.title for m in s.meetings_this_month] == ["十一月主题党日"]
    assert s.meetings_this_year == 2


def test_every_write_leaves_an_audit_row_with_the_operator(db_url):
    store = Store.open(db_url, operator="secretary-li")
    try:
        b = store.resolve_branch("支部")
        store.add_member(b.id, member("001"))
        entries = store.audit_entries(b.id)
        assert [e["action"] for e in entries] == ["member.add", "branch.create"]
        assert {e["operator"] for e in entries} == {"secretary-li"}
    finally:
        store.close()


class TestContextManager:
    """``with Store.open(url) as store:`` closes the store on the way out, error or not."""

    @pytest.fixture
    def closed(self, monkeypatch) -> list[Store]:
        calls: list[Store] = []
        real_close = Store.close

        def close(self: Store) -> None:
            calls.append(self)
            real_close(self)

        monkeypatch.setattr(Store, "close", close)
        return calls

    def test_the_block_gets_the_store_and_leaving_it_closes_the_store(self, db_url, closed):
        with Store.open(db_url, operator="tester") as store:
            assert isinstance(store, Store) and closed == []
            store.resolve_branch("第一党支部")
        assert closed == [store]
        with Store.open(db_url, operator="tester") as again:  # what was written stays
            assert [b.name for b in again.branches()] == ["第一党支部"]

    def test_an_error_inside_the_block_closes_the_store_and_is_not_swallowed(self, db_url, closed):
        with pytest.raises(NotFound), Store.open(db_url, operator="tester") as store:
            store.resolve_branch("第一党支部")
            store.get_member(store.resolve_branch(None).id, "999")
        assert closed == [store]


class TestRehearsal:
    """``Store.rehearsal()``: the writes run, checks and all, and none is kept (an import's
    dry run is the import rehearsed)."""

    def test_a_rehearsed_write_is_rolled_back_and_an_ordinary_one_is_kept(self, store, branch):
        audit = store.audit_entries(branch.id)
        with store.rehearsal():
            store.add_members(branch.id, [member("001", "张伟")])
            assert store.list_members(branch.id) == []  # rolled back at the transaction's end
        assert store.audit_entries(branch.id) == audit
        store.add_members(branch.id, [member("001", "张伟")])
        assert [m.name for m in store.list_members(branch.id)] == ["张伟"]

    def test_a_refusal_inside_a_rehearsal_is_raised_as_outside(self, store, branch):
        store.add_members(branch.id, [member("001", "张伟")])
        with store.rehearsal(), pytest.raises(RowProblems):
            store.add_members(branch.id, [member("001", "李娜")])
        assert [m.name for m in store.list_members(branch.id)] == ["张伟"]

    def test_a_rehearsal_in_one_thread_leaves_another_threads_writes_alone(self, store, branch):
        import threading

        inside = threading.Event()
        done = threading.Event()

        def rehearse() -> None:
            with store.rehearsal():
                inside.set()
                done.wait(5)

        thread = threading.Thread(target=rehearse)
        thread.start()
        try:
            assert inside.wait(5)
            store.add_members(branch.id, [member("001", "张伟")])  # this thread: kept
        finally:
            done.set()
            thread.join()
        assert [m.name for m in store.list_members(branch.id)] == ["张伟"]

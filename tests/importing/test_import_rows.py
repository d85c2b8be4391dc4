"""Importing members, meetings and attendance: every row or none, each problem on its row.

Every test runs on SQLite and on PostgreSQL (the ``store`` fixture).
"""

from __future__ import annotations

from datetime import date

import pytest
from import_helpers import snapshot, write_csv, write_xlsx

from orglife_tui.domain import AttendanceStatus, CommitteePost, Gender, MeetingType, MemberStatus
from orglife_tui.importing import ImportFailed, import_file
from orglife_tui.locale import set_language

MEMBER_HEADER = [
    "编号",
    "姓名",
    "性别",
    "出生日期",
    "入党日期",
    "转正日期",
    "类别",
    "党小组",
    "职务",
    "联系电话",
]


def refused(store, branch, kind, path, **kw) -> list[str]:
    """The problem lines of an import that must fail, checking that it changed nothing."""
    before = snapshot(store, branch.id)
    with pytest.raises(ImportFailed) as exc:
        import_file(store, branch.id, kind, path, display=path.name, **kw)
    assert snapshot(store, branch.id) == before
    return exc.value.lines()


# ---------------------------------------------------------------------------- members


def test_members_with_chinese_headers(store, branch, tmp_path):
    path = write_csv(
        tmp_path / "members.csv",
        [
            MEMBER_HEADER,
            [
                "001",
                "张建国",
                "男",
                "1968-03-12",
                "1992/7/1",
                "1993年7月1日",
                "正式党员",
                "第一党小组",
                "书记",
                "13805710231",
            ],
            [
                "002",
                "孙雨欣",
                "女",
                "2001-07-19",
                "2025-11-20",
                "",
                "预备党员",
                "第二党小组",
                "",
                "",
            ],
        ],
    )
    summary = import_file(store, branch.id, "members", path)
    assert (summary.added, summary.updated, summary.rows) == (2, 0, 2)
    assert summary.message() == f"{path}: members added: 2, updated: 0, unchanged: 0."
    first, second = store.list_members(branch.id)
    assert (first.member_no, first.name, first.gender, first.status, first.post) == (
        "001",
        "张建国",
        Gender.male,
        MemberStatus.full,
        CommitteePost.secretary,
    )
    assert (first.birth_date, first.join_date, first.full_date) == (
        date(1968, 3, 12),
        date(1992, 7, 1),
        date(1993, 7, 1),
    )
    assert (first.group, first.phone) == ("第一党小组", "13805710231")
    assert (second.status, second.full_date, second.post, second.phone) == (
        MemberStatus.probationary,
        None,
        None,
        None,
    )
    assert store.groups(branch.id) == ["第一党小组", "第二党小组"]


def test_members_with_english_headers_in_any_order_and_a_bom(store, branch, tmp_path):
    path = write_csv(
        tmp_path / "m.csv",
        [
            ["Status", "phone", "NAME", "member_no", "join_date", "group", "gender"],
            ["full", "0571-8888 1234", "李秀英", "002", "1998-06-28", "第一党小组", "female"],
        ],
        bom=True,
    )
    assert import_file(store, branch.id, "members", path).added == 1
    (m,) = store.list_members(branch.id)
    assert (m.member_no, m.name, m.gender, m.join_date, m.phone, m.group) == (
        "002",
        "李秀英",
        Gender.female,
        date(1998, 6, 28),
        "0571-8888 1234",
        "第一党小组",
    )


def test_members_from_xlsx_with_date_and_number_cells(store, branch, tmp_path):
    path = write_xlsx(
        tmp_path / "m.xlsx",
        [
            [
                "编号(member_no)",
                "姓名(name)",
                "类别(status)",
                "入党日期(join_date)",
                "联系电话(phone)",
                "党费交至",
            ],
            [1.0, "张伟", "正式党员", date(2001, 7, 1), 13800138000, date(2026, 6, 1)],
            [2, "李娜", "正式", date(2003, 7, 1), 13900139000.0, "2026-05"],
        ],
        formats={"A3": "000"},
    )
    assert import_file(store, branch.id, "members", path).added == 2
    rows = [
        (m.member_no, m.join_date, m.phone, m.dues_paid_until)
        for m in store.list_members(branch.id)
    ]
    assert rows == [  # natural order: 1 before 002
        ("1", date(2001, 7, 1), "13800138000", "2026-06"),
        ("002", date(2003, 7, 1), "13900139000", "2026-05"),
    ]


def test_bad_member_rows_are_each_reported_and_nothing_is_written(seeded, tmp_path):
    store, branch = seeded
    path = write_csv(
        tmp_path / "members.csv",
        [
            MEMBER_HEADER,
            [
                "010",
                "赵磊",
                "男",
                "1988-12-30",
                "2012-11-15",
                "2013-11-15",
                "正式党员",
                "第二党小组",
                "",
                "",
            ],
            ["011", "钱多", "男", "1990-13-01", "", "", "正式党员", "", "", ""],
            ["012", "孙丽", "女", "", "", "", "积极分子", "", "", ""],
            ["", "", "", "", "", "", "", "", "", ""],
            ["010", "赵磊磊", "男", "", "", "", "正式党员", "", "", ""],
            ["002", "李娜", "女", "", "2010/07/01", "", "正式党员", "", "", ""],
            ["013", "周", "人", "1990-1-1", "1985-01-01", "", "正式党员", "", "班长", "电话"],
        ],
    )
    assert refused(store, branch, "members", path) == [
        "members.csv:3: birth date: there is no date '1990-13-01'",
        "members.csv:4: status: unknown status '积极分子' (full/probationary, 正式党员/预备党员)",
        "members.csv:6: Member number 010 appears more than once (first on row 2).",
        "members.csv:8: gender: unknown gender '人' (male/男, female/女)",
        "members.csv:8: post: unknown post '班长' (secretary/书记, deputy_secretary/副书记, "
        "organization/组织委员, publicity/宣传委员, discipline/纪检委员, committee_member/委员, "
        "group_leader/党小组长)",
        "members.csv:8: phone: '电话' is not a phone number (digits, spaces, hyphens, a leading +)",
    ]


def test_a_bad_date_format_names_the_accepted_ones(seeded, tmp_path):
    store, branch = seeded
    path = write_csv(
        tmp_path / "m.csv",
        [["编号", "姓名", "类别", "入党日期"], ["020", "吴婷", "正式", "20/06/2020"]],
    )
    assert refused(store, branch, "members", path) == [
        "m.csv:2: join date: cannot read '20/06/2020' as a date "
        "(use YYYY-MM-DD, YYYY/MM/DD or YYYY年M月D日)"
    ]


def test_inconsistent_dates_are_refused(seeded, tmp_path):
    store, branch = seeded
    path = write_csv(
        tmp_path / "m.csv",
        [
            ["编号", "姓名", "类别", "出生日期", "入党日期", "转正日期"],
            ["020", "吴婷", "正式", "2000-01-01", "2010-01-01", ""],
            ["021", "郑洁", "预备", "1990-01-01", "2025-01-01", "2026-01-01"],
        ],
    )
    assert refused(store, branch, "members", path) == [
        "m.csv:2: join date: joined the Party before the age of 18",
        "m.csv:3: full-member date: a probationary member has no full-member date",
    ]


def test_duplicates_found_by_the_store_are_mapped_to_spreadsheet_rows(seeded, tmp_path):
    """No row is bad on its own: the Store's one transaction refuses them, by index."""
    store, branch = seeded
    path = write_csv(
        tmp_path / "m.csv",
        [
            ["编号", "姓名", "类别"],
            ["010", "赵磊", "正式"],
            [],
            ["001", "张伟", "正式"],
            ["010", "赵磊", "正式"],
        ],
    )
    assert refused(store, branch, "members", path) == [
        "m.csv:5: Member number 010 appears more than once (first on row 2).",
    ]


def test_a_row_with_a_number_already_in_the_branch_is_that_member_again(seeded, tmp_path):
    store, branch = seeded
    path = write_csv(tmp_path / "m.csv", [["编号", "姓名", "类别"], [], ["003", "王芳", "预备"]])
    summary = import_file(store, branch.id, "members", path)
    assert (summary.added, summary.updated, summary.unchanged) == (0, 0, 1)


def test_update_changes_existing_members_and_keeps_columns_the_file_leaves_out(seeded, tmp_path):
    store, branch = seeded
    path = write_csv(
        tmp_path / "m.csv",
        [
            ["编号", "姓名", "类别", "党小组"],
            ["001", "张伟", "正式党员", "第二党小组"],
            ["002", "李娜", "正式党员", ""],
            ["004", "赵六", "预备党员", "第一党小组"],
        ],
    )
    summary = import_file(store, branch.id, "members", path)
    assert (summary.added, summary.updated) == (1, 2)
    members = {m.member_no: m for m in store.list_members(branch.id)}
    assert members["001"].group == "第二党小组"
    assert members["001"].phone == "13800000001"  # no phone column: kept
    assert members["002"].join_date == date(2010, 7, 1)  # no join date column: kept
    assert members["002"].group is None  # a blank cell clears
    assert members["004"].status is MemberStatus.probationary


def test_a_roster_updates_without_any_option_and_deletes_nobody(seeded, tmp_path):
    """A roster import is how an updated roster comes in (issue 9 §1): no --update."""
    store, branch = seeded
    path = write_csv(
        tmp_path / "m.csv",
        [["编号", "姓名", "类别"], ["001", "张伟", "正式"], ["004", "赵六", "正式"]],
    )
    summary = import_file(store, branch.id, "members", path)
    assert (summary.added, summary.updated, summary.unchanged) == (1, 0, 1)
    assert summary.not_in_file == (("002", "李娜"), ("003", "王芳"))
    assert [m.member_no for m in store.list_members(branch.id)] == ["001", "002", "003", "004"]


def test_problems_in_chinese(seeded, tmp_path):
    store, branch = seeded
    set_language("zh")
    path = write_csv(
        tmp_path / "m.csv",
        [
            ["编号", "姓名", "类别", "出生日期"],
            ["001", "张伟", "正式", ""],
            ["009", "", "预备", "1990.02.30"],
        ],
    )
    assert refused(store, branch, "members", path) == [
        "m.csv:3: 姓名：必填",
        "m.csv:3: 出生日期：日期“1990.02.30”不存在",
    ]


# ---------------------------------------------------------------------------- meetings


def test_meetings_are_numbered_and_typed(seeded, tmp_path):
    store, branch = seeded
    path = write_csv(
        tmp_path / "meetings.csv",
        [
            ["日期", "类型", "主题", "党小组", "地点", "主持人", "记录人", "授课人"],
            [
                "2026年4月10日",
                "主题党日；党课",
                "清明祭英烈",
                "",
                "烈士陵园",
                "张伟",
                "李娜",
                "张伟",
            ],
            ["2026/04/15", "党小组会", "学习党章", "第二党小组", "", "王芳", "", ""],
        ],
    )
    summary = import_file(store, branch.id, "meetings", path)
    assert summary.numbers == ("2026-002", "2026-003")
    assert summary.message() == f"{path}: meetings added: 2 (2026-002 … 2026-003)."
    m = {x.meeting_no: x for x in store.list_meetings(branch.id)}
    assert m["2026-002"].types == (MeetingType.party_lecture, MeetingType.themed_day)
    assert (m["2026-002"].date, m["2026-002"].place, m["2026-002"].lecturer) == (
        date(2026, 4, 10),
        "烈士陵园",
        "张伟",
    )
    assert (m["2026-003"].group, m["2026-003"].types) == (
        "第二党小组",
        (MeetingType.group_meeting,),
    )


def test_bad_meeting_rows(seeded, tmp_path):
    store, branch = seeded
    path = write_csv(
        tmp_path / "meetings.csv",
        [
            ["meeting_no", "date", "type", "title"],
            ["A-1", "2026-04-31", "党课", "党课"],
            ["A-2", "2026-05-01", "茶话会", "联欢"],
            ["A-1", "2026-05-02", "党课", ""],
            ["2026-001", "2026-05-03", "支部委员会", "支委会"],
            ["A-3", "", "", "无日期"],
        ],
    )
    assert refused(store, branch, "meetings", path) == [
        "meetings.csv:2: date: there is no date '2026-04-31'",
        "meetings.csv:3: type: unknown meeting type in '茶话会'",
        "meetings.csv:4: title: required",
        "meetings.csv:4: Meeting number A-1 appears more than once (first on row 2).",
        "meetings.csv:5: Meeting number 2026-001 is already used.",
        "meetings.csv:6: date: required",
        "meetings.csv:6: type: required",
    ]


def test_taken_meeting_number_found_by_the_store(seeded, tmp_path):
    store, branch = seeded
    path = write_csv(
        tmp_path / "meetings.csv",
        [
            ["会议编号", "日期", "类型", "主题"],
            ["2026-009", "2026-05-01", "党课", "党课"],
            ["2026-001", "2026-05-03", "支委会", "支委会"],
        ],
    )
    assert refused(store, branch, "meetings", path) == [
        "meetings.csv:3: Meeting number 2026-001 is already used."
    ]


# ---------------------------------------------------------------------------- attendance


def marks(store, branch, meeting_no="2026-001"):
    (meeting,) = [m for m in store.list_meetings(branch.id) if m.meeting_no == meeting_no]
    return {
        line.member_no: (line.status, line.reason)
        for line in store.attendance_sheet(branch.id, meeting.id)
        if line.status is not None
    }


def test_attendance_marks(seeded, tmp_path):
    store, branch = seeded
    path = write_csv(
        tmp_path / "att.csv",
        [
            ["会议编号", "编号", "姓名", "出勤情况", "原因"],
            ["2026-001", "001", "张伟", "出席", ""],
            ["2026-001", "002", "李  娜", "请假", "出差"],
            ["2026-001", "003", "", "absent", ""],
        ],
    )
    summary = import_file(store, branch.id, "attendance", path)
    assert summary.message() == f"{path}: attendance marks recorded: 3."
    assert marks(store, branch) == {
        "001": (AttendanceStatus.present, None),
        "002": (AttendanceStatus.leave, "出差"),
        "003": (AttendanceStatus.absent, None),
    }
    # Importing again replaces a member's mark at that meeting; others stay.
    again = write_csv(
        tmp_path / "again.csv",
        [["meeting_no", "member_no", "status"], ["2026-001", "003", "present"]],
    )
    import_file(store, branch.id, "attendance", again)
    assert marks(store, branch)["003"] == (AttendanceStatus.present, None)
    assert marks(store, branch)["002"] == (AttendanceStatus.leave, "出差")


def test_attendance_for_unknown_meetings_and_members_found_by_the_store(seeded, tmp_path):
    store, branch = seeded
    path = write_csv(
        tmp_path / "att.csv",
        [
            ["会议编号", "编号", "出勤"],
            ["2026-001", "001", "出席"],
            ["2026-099", "002", "出席"],
            ["2026-001", "099", "缺席"],
            ["2026-001", "001", "缺席"],
        ],
    )
    assert refused(store, branch, "attendance", path) == [
        "att.csv:3: No meeting with number 2026-099.",
        "att.csv:4: No member with number 099.",
        "att.csv:5: Member 001 is marked twice for meeting 2026-001 (first on row 2).",
    ]


def test_every_attendance_problem_shows_in_one_run(seeded, tmp_path):
    """A row that is bad on its own does not hide the others' unknown meetings or members."""
    store, branch = seeded
    path = write_csv(
        tmp_path / "att.csv",
        [
            ["会议编号", "编号", "出勤", "原因"],
            ["2026-001", "001", "请假", ""],
            ["2026-099", "002", "出席", ""],
            ["2026-001", "099", "迟到", ""],
            ["2026-001", "001", "缺席", ""],
        ],
    )
    assert refused(store, branch, "attendance", path) == [
        "att.csv:2: reason: leave needs a reason",
        "att.csv:3: No meeting with number 2026-099.",
        "att.csv:4: status: unknown attendance '迟到' (present/leave/absent, 出席/请假/缺席)",
        "att.csv:4: No member with number 099.",
        "att.csv:5: Member 001 is marked twice for meeting 2026-001 (first on row 2).",
    ]


def test_a_name_that_disagrees_with_the_roster_is_refused(seeded, tmp_path):
    store, branch = seeded
    path = write_csv(
        tmp_path / "att.csv",
        [["会议编号", "编号", "姓名", "出勤"], ["2026-001", "002", "王芳", "出席"]],
    )
    assert refused(store, branch, "attendance", path) == [
        "att.csv:2: Member 002 is 李娜, not 王芳."
    ]


def test_a_member_number_that_lost_its_leading_zeros_gets_a_hint(seeded, tmp_path):
    store, branch = seeded
    path = write_xlsx(
        tmp_path / "att.xlsx", [["会议编号", "编号", "出勤"], ["2026-001", 2, "出席"]]
    )
    assert refused(store, branch, "attendance", path) == [
        "att.xlsx:2: No member with number 2 (did you mean 002? Excel drops leading zeros)."
    ]


def test_missing_required_column_refuses_the_file(seeded, tmp_path):
    store, branch = seeded
    path = write_csv(
        tmp_path / "att.csv", [["会议编号", "姓名", "出勤"], ["2026-001", "张伟", "出席"]]
    )
    assert refused(store, branch, "attendance", path) == [
        "att.csv:1: Missing required column member_no(编号)."
    ]

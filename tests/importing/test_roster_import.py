"""A branch roster as it comes (issue 9 §1), imported in one go, on SQLite and PostgreSQL.

The files are built here the way real rosters look: title rows above the header (merged
across the sheet in a workbook), a running number 序号 and no member number, columns the
app does not keep (民族, 籍贯, 学历, 身份证号, 行政职务, 备注), ordinary members' post written
党员 or left blank, dates in every form people type, and a CSV saved by a Chinese Excel
(GB18030). Each member's post, status, group and dates are checked, and ID numbers are
looked for everywhere in the database afterwards.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from pathlib import Path

import pytest
from import_helpers import snapshot, write_csv
from sqlalchemy import select
from sqlmodel import SQLModel

from orglife_tui.data.membership import member_events
from orglife_tui.data.models import member_t
from orglife_tui.domain import CommitteePost, Gender, MemberEventKind, MemberStatus
from orglife_tui.importing import ImportFailed, import_file
from orglife_tui.locale import set_language

TODAY = date(2026, 11, 26)
HEADER = [
    "序号", "姓名", "性别", "民族", "出生日期", "籍贯", "学历", "身份证号", "入党日期",
    "转正日期", "人员类别", "所在党小组", "党内职务", "行政职务", "手机号", "备注",
]  # fmt: skip
SKIPPED = "民族, 籍贯, 学历, 身份证号, 行政职务, 备注"
# Made-up resident ID numbers: they must never reach the database.
IDS = [f"33010219{700101 + i:06d}{i % 10}" for i in range(12)]

F, P = MemberStatus.full, MemberStatus.probationary
SEC, ORG, PUB, DIS, LEAD = (
    CommitteePost.secretary,
    CommitteePost.organization,
    CommitteePost.publicity,
    CommitteePost.discipline,
    CommitteePost.group_leader,
)
G1, G2 = "第一党小组", "第二党小组"

# (姓名, 性别, birth cell, join cell, full cell, 人员类别, post cell, phone cell) and what
# each must become: (number, gender, birth, join, full, status, post).
ROSTER = [
    ("张建国", "男", "1968.03.12", "1992/7/1", "1993年7月1日", "正式党员", "支部书记、党小组长",
     13805710231),
    ("李秀英", "女", date(1975, 11, 5), datetime(1998, 6, 28), "1999-06-28", "正式党员",
     "组织委员", "13906521187"),
    ("王志强", "男", "1982年1月", "20060510", "2007.5.10", "正式党员", "宣传委员", None),
    ("刘芳", "女", "19860914", "2010-12-1", "2011年12月1日", "正式党员", "纪检委员", None),
    ("陈伟", "男", 29040, "2003.07.01", "2004/07/01", "正式党员", "党小组长", None),
    ("杨丽", "女", "1990/8/23", "2014年6月20日", "2015-06-20", "正式党员", "党员", None),
    ("赵磊", "男", "1988-12-30", "2012.11.15", "2013.11.15", "正式", "普通党员", None),
    ("黄静", "女", "1993年2月17日", "2017/5/4", "2018/5/4", "正式党员", "无", None),
    ("周斌", "男", "1972.06.06", "1996.07.01", "1997.07.01", "正式党员", "-", None),
    ("吴婷", "女", "1996-10-09", "2020-06-30", "2021-06-30", "正式党员", None, None),
    ("徐浩然", "男", "1999-03-25", "2025-06-28", None, "预备党员", "/", None),
    ("孙雨欣", "女", "2001年7月19日", "2025年11月20日", "", "预备党员", "", None),
]  # fmt: skip
EXPECTED = [
    ("001", Gender.male, date(1968, 3, 12), date(1992, 7, 1), date(1993, 7, 1), F, SEC, G1),
    ("002", Gender.female, date(1975, 11, 5), date(1998, 6, 28), date(1999, 6, 28), F, ORG, G1),
    ("003", Gender.male, date(1982, 1, 1), date(2006, 5, 10), date(2007, 5, 10), F, PUB, G1),
    ("004", Gender.female, date(1986, 9, 14), date(2010, 12, 1), date(2011, 12, 1), F, DIS, G1),
    ("005", Gender.male, date(1979, 7, 4), date(2003, 7, 1), date(2004, 7, 1), F, LEAD, G1),
    ("006", Gender.female, date(1990, 8, 23), date(2014, 6, 20), date(2015, 6, 20), F, None, G1),
    ("007", Gender.male, date(1988, 12, 30), date(2012, 11, 15), date(2013, 11, 15), F, None, G2),
    ("008", Gender.female, date(1993, 2, 17), date(2017, 5, 4), date(2018, 5, 4), F, None, G2),
    ("009", Gender.male, date(1972, 6, 6), date(1996, 7, 1), date(1997, 7, 1), F, None, G2),
    ("010", Gender.female, date(1996, 10, 9), date(2020, 6, 30), date(2021, 6, 30), F, None, G2),
    ("011", Gender.male, date(1999, 3, 25), date(2025, 6, 28), None, P, None, G2),
    ("012", Gender.female, date(2001, 7, 19), date(2025, 11, 20), None, P, None, G2),
]


def roster_rows(serial_from: int = 1) -> list[list[object]]:
    rows = []
    for i, (name, sex, birth, joined, full, status, post, phone) in enumerate(ROSTER):
        group = G1 if i < 6 else G2
        rows.append(
            [serial_from + i, name, sex, "汉族", birth, "浙江杭州", "本科", IDS[i], joined, full,
             status, group, post, "科员" if i % 3 else "", phone, "" if i % 4 else "退役军人"]
        )  # fmt: skip
    return rows


def member_state(store, branch_id):
    return [
        (m.member_no, m.gender, m.birth_date, m.join_date, m.full_date, m.status, m.post, m.group)
        for m in store.list_members(branch_id)
    ]


def no_id_numbers_anywhere(store) -> None:
    """Every row of every table, the audit log included, is free of the ID numbers."""
    with store.read_connection() as conn:
        for table in SQLModel.metadata.sorted_tables:
            text = repr(conn.execute(select(table)).all())
            for number in IDS:
                assert number not in text, table.name


def write_gb18030_csv(path: Path, rows) -> Path:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode("gb18030"))
    return path


def write_roster_xlsx(path: Path, rows) -> Path:
    """A workbook as a secretary keeps it: a merged title and date line, a blank row, the
    header on row 4, each party group written once in a cell merged down its members."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "花名册"
    sheet.append(["第一党支部党员花名册"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet.append(["截至2026年11月"])
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(HEADER))
    sheet.append([])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    group_col = HEADER.index("所在党小组") + 1
    for i in range(len(rows)):  # the member's group: written once per group, merged down
        if i not in (0, 6):
            sheet.cell(5 + i, group_col).value = None
    sheet.merge_cells(start_row=5, start_column=group_col, end_row=10, end_column=group_col)
    sheet.merge_cells(start_row=11, start_column=group_col, end_row=16, end_column=group_col)
    sheet.cell(5 + 4, HEADER.index("出生日期") + 1).number_format = "General"  # a serial
    book.save(path)
    return path


# ---------------------------------------------------------------------------- first import


def as_text(rows) -> list[list[str]]:
    """The cells as a CSV holds them (a datetime as Excel writes it: with its midnight)."""
    return [["" if c is None else str(c) for c in r] for r in rows]


def test_a_gb18030_csv_with_a_title_row_and_only_a_serial_number(store, branch, tmp_path):
    rows = as_text(roster_rows())
    rows[4][4] = "29040"  # an Excel serial, as a CSV written from a number cell holds it
    path = write_gb18030_csv(
        tmp_path / "花名册.csv",
        [["第一党支部党员花名册", "", ""], ["截至2026年11月"], HEADER, *rows, [""] * 16],
    )
    summary = import_file(store, branch.id, "members", path, display="花名册.csv", today=TODAY)
    assert (summary.added, summary.updated, summary.unchanged) == (12, 0, 0)
    assert summary.message() == "花名册.csv: members added: 12, updated: 0, unchanged: 0."
    assert summary.notices() == [
        f"花名册.csv: columns not kept, skipped: {SKIPPED}.",
        "花名册.csv: no 编号 column; new members are numbered by their 序号 (1 → 001), "
        "members already in the branch keep their numbers.",
    ]
    assert summary.details() == []  # a first import lists nobody
    assert member_state(store, branch.id) == EXPECTED
    assert store.list_members(branch.id)[0].phone == "13805710231"
    no_id_numbers_anywhere(store)


def test_an_xlsx_with_merged_title_rows_extra_columns_and_every_date_form(store, branch, tmp_path):
    path = write_roster_xlsx(tmp_path / "花名册.xlsx", roster_rows())
    summary = import_file(store, branch.id, "members", path, display="花名册.xlsx", today=TODAY)
    assert summary.added == 12
    assert summary.skipped == tuple(SKIPPED.split(", "))
    assert member_state(store, branch.id) == EXPECTED  # groups from the merged cells
    assert store.groups(branch.id) == [G1, G2]
    no_id_numbers_anywhere(store)


def test_the_notice_is_in_the_users_language(store, branch, tmp_path):
    path = write_csv(
        tmp_path / "m.csv", [["编号", "姓名", "类别", "民族"], ["001", "张伟", "正式", "汉"]]
    )
    set_language("zh")
    summary = import_file(store, branch.id, "members", path, display="m.csv", today=TODAY)
    assert summary.notices() == ["m.csv：以下列不保存，已跳过：民族。"]
    assert summary.message() == "m.csv：新增党员 1 名，更新 0 名，未变 0 名。"


def test_strict_refuses_the_columns_it_would_skip(store, branch, tmp_path):
    path = write_roster_xlsx(tmp_path / "m.xlsx", roster_rows())
    before = snapshot(store, branch.id)
    with pytest.raises(ImportFailed) as exc:
        import_file(store, branch.id, "members", path, display="m.xlsx", strict=True, today=TODAY)
    assert snapshot(store, branch.id) == before
    assert [(p.row, p.key, p.params["header"]) for p in exc.value.problems] == [
        (4, "import.unknown_column", h) for h in SKIPPED.split(", ")
    ]


@pytest.mark.parametrize(
    "header",
    [
        ["编号", "姓名", "类别", "手机"],
        ["党员编号", "姓名", "党员类别", "手机号码"],
        ["编号", "姓名", "党员身份", "联系电话"],
        ["编号", "姓名", "人员类别", "电话"],
    ],
)
def test_header_aliases(store, branch, tmp_path, header):
    path = write_csv(tmp_path / "m.csv", [header, ["001", "张伟", "正式党员", "13800000001"]])
    assert import_file(store, branch.id, "members", path, today=TODAY).added == 1
    (m,) = store.list_members(branch.id)
    assert (m.status, m.phone) == (F, "13800000001")


def test_other_aliases_for_groups_posts_and_dates(store, branch, tmp_path):
    path = write_csv(
        tmp_path / "m.csv",
        [
            [
                "党员编号",
                "姓名",
                "类别",
                "所属党小组",
                "支部职务",
                "出生年月",
                "入党时间",
                "转正时间",
            ],
            [
                "001",
                "张伟",
                "正式党员",
                "第一党小组",
                "支部副书记",
                "1980.05",
                "2001.7.1",
                "2002.7.1",
            ],
        ],
    )
    import_file(store, branch.id, "members", path, today=TODAY)
    (m,) = store.list_members(branch.id)
    assert (m.group, m.post, m.birth_date, m.join_date, m.full_date) == (
        "第一党小组",
        CommitteePost.deputy_secretary,
        date(1980, 5, 1),  # 出生年月: the first of the month
        date(2001, 7, 1),
        date(2002, 7, 1),
    )


def test_a_join_date_without_its_day_is_refused_by_name(store, branch, tmp_path):
    path = write_csv(
        tmp_path / "m.csv",
        [["编号", "姓名", "类别", "入党日期"], ["001", "张伟", "正式", "2001年7月"]],
    )
    with pytest.raises(ImportFailed) as exc:
        import_file(store, branch.id, "members", path, display="m.csv", today=TODAY)
    assert exc.value.lines() == [
        "m.csv:2: join date: '2001年7月' has no day; write the whole date (YYYY-MM-DD)"
    ]


def test_an_id_number_in_the_phone_column_is_refused_without_being_shown(store, branch, tmp_path):
    path = write_csv(
        tmp_path / "m.csv", [["编号", "姓名", "类别", "电话"], ["001", "张伟", "正式", IDS[0]]]
    )
    before = snapshot(store, branch.id)
    with pytest.raises(ImportFailed) as exc:
        import_file(store, branch.id, "members", path, display="m.csv", today=TODAY)
    assert exc.value.lines() == [
        "m.csv:2: phone: this looks like an ID number, not a phone number (ID numbers are not kept)"
    ]
    assert snapshot(store, branch.id) == before


def test_a_serial_that_is_no_number_is_refused(store, branch, tmp_path):
    path = write_csv(
        tmp_path / "m.csv",
        [
            ["序号", "姓名", "类别"],
            ["1", "张伟", "正式"],
            ["一", "李娜", "正式"],
            ["", "王芳", "正式"],
        ],
    )
    with pytest.raises(ImportFailed) as exc:
        import_file(store, branch.id, "members", path, display="m.csv", today=TODAY)
    assert exc.value.lines() == [
        "m.csv:3: 序号 '一' is not a number; add a 编号 (member number) column.",
        "m.csv:4: 序号 is blank and the file has no 编号 column: this member would have no number.",
    ]


def test_serial_numbers_are_padded_to_the_widest(store, branch, tmp_path):
    rows = [[str(n), f"党员{n}", "正式"] for n in (1, 2, 10, 1000)]
    path = write_csv(tmp_path / "m.csv", [["序号", "姓名", "类别"], *rows])
    import_file(store, branch.id, "members", path, today=TODAY)
    assert [m.member_no for m in store.list_members(branch.id)] == ["0001", "0002", "0010", "1000"]


# ---------------------------------------------------------------------------- re-import


def edited_roster() -> list[list[object]]:
    """The roster a year on: 王志强 moved to the second group, 黄静 has a new phone, 徐浩然
    was converted, 周斌 transferred out (no longer on the roster), and 钱进 transferred in."""
    rows = roster_rows()
    rows[2][HEADER.index("所在党小组")] = G2
    rows[7][HEADER.index("手机号")] = "15158030000"
    rows[10][HEADER.index("转正日期")] = "2026-06-28"
    rows[10][HEADER.index("人员类别")] = "正式党员"
    del rows[8]
    return rows


def with_numbers_and_transfer(rows, transfer=("2026-03-01", "城东社区党支部")):
    """The rows with an 编号 column (the 序号 kept), the transfer-in columns and 钱进."""
    header = ["编号", *HEADER, "转入日期", "原所在支部"]
    out = [header]
    for r in rows:
        out.append([f"{r[0]:03d}", *r, "", ""])
    out.append(
        ["013", 13, "钱进", "男", "汉族", "1990-01-01", "", "", IDS[11][:-1] + "X", "2015-07-01",
         "2016-07-01", "正式党员", G1, "", "", "", "", *transfer]
    )  # fmt: skip
    return out


def test_reimporting_an_edited_roster_updates_adds_and_reports(store, branch, tmp_path):
    first = write_csv(tmp_path / "v1.csv", with_numbers_and_transfer(roster_rows())[:-1])
    import_file(store, branch.id, "members", first, today=TODAY)
    audit_before = len(store.audit_entries(branch.id, limit=1000))
    path = write_csv(tmp_path / "v2.csv", with_numbers_and_transfer(edited_roster()))
    summary = import_file(store, branch.id, "members", path, display="v2.csv", today=TODAY)

    assert (summary.added, summary.updated, summary.unchanged) == (1, 3, 8)
    assert summary.message() == "v2.csv: members added: 1, updated: 3, unchanged: 8."
    assert summary.details() == [
        "  added: 013 钱进",
        "  updated 003 王志强: party group 第一党小组 → 第二党小组",
        "  updated 008 黄静: phone (blank) → 15158030000",
        "  updated 011 徐浩然: status probationary → full; full-member date (blank) → 2026-06-28",
        "  transferred in: 013 on 2026-03-01 from 城东社区党支部",
        "  not in the file (kept): 009 周斌",
    ]
    members = {m.member_no: m for m in store.list_members(branch.id)}
    assert len(members) == 13  # nobody deleted
    assert (members["003"].group, members["008"].phone) == (G2, "15158030000")
    assert (members["011"].status, members["011"].full_date) == (F, date(2026, 6, 28))
    assert members["013"].group == G1

    (event,) = member_events(store, branch.id, "013")
    assert (event.kind, event.date, event.place, event.operator) == (
        MemberEventKind.transfer_in,
        date(2026, 3, 1),
        "城东社区党支部",
        "tester",
    )
    with store.read_connection() as conn:
        entered = dict(conn.execute(select(member_t.c.member_no, member_t.c.entered_on)).all())
    assert entered["013"] == date(2026, 3, 1) and entered["001"] is None

    entries = store.audit_entries(branch.id, limit=1000)
    assert len(entries) == audit_before + 2  # the transfer-in and the import
    detail = json.loads(next(e for e in entries if e["action"] == "member.import")["detail"])
    assert detail["source"] == "v2.csv"
    assert detail["added"] == [
        {"member_no": "013", "name": "钱进", "transfer_in": "2026-03-01", "from": "城东社区党支部"}
    ]
    assert detail["updated"][2] == {
        "member_no": "011",
        "changes": {
            "full_date": {"old": None, "new": "2026-06-28"},
            "status": {"old": "probationary", "new": "full"},
        },
    }
    assert (detail["unchanged"], detail["not_in_file"]) == (8, 1)
    no_id_numbers_anywhere(store)


def test_reimporting_the_same_roster_changes_nothing(store, branch, tmp_path):
    path = write_roster_xlsx(tmp_path / "m.xlsx", roster_rows())
    import_file(store, branch.id, "members", path, today=TODAY)
    before = store.list_members(branch.id)
    summary = import_file(store, branch.id, "members", path, today=TODAY)
    assert (summary.added, summary.updated, summary.unchanged) == (0, 0, 12)
    assert summary.details() == []
    assert store.list_members(branch.id) == before


def test_a_serial_only_roster_matches_people_by_name_and_birth_date(store, branch, tmp_path):
    """The 序号 moves when a row is inserted: members are found by who they are."""
    v1 = write_gb18030_csv(tmp_path / "v1.csv", [HEADER, *as_text(roster_rows())])
    import_file(store, branch.id, "members", v1, today=TODAY)
    rows = as_text(roster_rows())
    rows[7][HEADER.index("手机号")] = "15158030000"
    del rows[1]  # 李秀英 left the roster: everybody after her moves up one 序号
    for i, r in enumerate(rows):
        r[0] = str(i + 1)
    v2 = write_gb18030_csv(tmp_path / "v2.csv", [HEADER, *rows])
    summary = import_file(store, branch.id, "members", v2, today=TODAY)
    assert (summary.added, summary.updated, summary.unchanged) == (0, 1, 10)
    assert [c.member_no for c in summary.changes] == ["008"]  # 黄静 keeps her number
    assert summary.not_in_file == (("002", "李秀英"),)


def test_a_serial_number_held_by_somebody_else_refuses_the_file(store, branch, tmp_path):
    path = write_csv(
        tmp_path / "v1.csv",
        [["序号", "姓名", "类别"], ["1", "张伟", "正式"], ["2", "李娜", "正式"]],
    )
    import_file(store, branch.id, "members", path, today=TODAY)
    before = snapshot(store, branch.id)
    path = write_csv(
        tmp_path / "v2.csv",
        [["序号", "姓名", "类别"], ["1", "张伟", "正式"], ["2", "王芳", "预备"]],
    )
    with pytest.raises(ImportFailed) as exc:
        import_file(store, branch.id, "members", path, display="v2.csv", today=TODAY)
    assert exc.value.lines() == [
        "v2.csv:3: 序号 gives member number 002, which is 李娜 in the branch, not 王芳: a "
        "running number cannot tell members apart. Add a 编号 column with each member's number."
    ]
    assert snapshot(store, branch.id) == before


def test_a_member_renumbered_elsewhere_is_found_by_name_and_birth_date(store, branch, tmp_path):
    header = ["编号", "姓名", "类别", "出生日期", "联系电话"]
    v1 = write_csv(tmp_path / "v1.csv", [header, ["001", "张伟", "正式", "1980-01-02", ""]])
    import_file(store, branch.id, "members", v1, today=TODAY)
    v2 = write_csv(tmp_path / "v2.csv", [header, ["A17", "张伟", "正式", "1980/1/2", ""]])
    summary = import_file(store, branch.id, "members", v2, today=TODAY)
    assert (summary.added, summary.updated) == (0, 1)
    assert summary.details() == ["  updated A17 张伟: member number 001 → A17"]
    assert [m.member_no for m in store.list_members(branch.id)] == ["A17"]
    # the new number is an audited event with the old one (issue 10 §4) …
    entry = store.audit_entries(branch.id, limit=1)[0]
    assert json.loads(entry["detail"])["updated"] == [
        {"member_no": "A17", "changes": {"member_no": {"old": "001", "new": "A17"}}}
    ]
    # … and so is a new name, the number kept
    v3 = write_csv(tmp_path / "v3.csv", [header, ["A17", "张玮", "正式", "1980-01-02", ""]])
    assert import_file(store, branch.id, "members", v3, today=TODAY).updated == 1
    entry = store.audit_entries(branch.id, limit=1)[0]
    assert json.loads(entry["detail"])["updated"] == [
        {"member_no": "A17", "changes": {"name": {"old": "张伟", "new": "张玮"}}}
    ]


def test_numbers_that_moved_between_people_are_refused(store, branch, tmp_path):
    header = ["编号", "姓名", "类别", "出生日期"]
    v1 = write_csv(
        tmp_path / "v1.csv",
        [header, ["001", "张伟", "正式", "1980-01-02"], ["002", "李娜", "正式", "1981-02-03"]],
    )
    import_file(store, branch.id, "members", v1, today=TODAY)
    before = snapshot(store, branch.id)
    v2 = write_csv(tmp_path / "v2.csv", [header, ["001", "李娜", "正式", "1981-02-03"]])
    with pytest.raises(ImportFailed) as exc:
        import_file(store, branch.id, "members", v2, display="v2.csv", today=TODAY)
    assert exc.value.lines() == [
        "v2.csv:2: Member number 001 is 张伟 in the branch, and 李娜 is member 002: the numbers "
        "seem to have changed. Correct the 编号 column, or renumber the members first."
    ]
    assert snapshot(store, branch.id) == before


def test_one_member_on_two_rows_is_refused(store, branch, tmp_path):
    header = ["编号", "姓名", "类别", "出生日期"]
    v1 = write_csv(tmp_path / "v1.csv", [header, ["001", "张伟", "正式", "1980-01-02"]])
    import_file(store, branch.id, "members", v1, today=TODAY)
    v2 = write_csv(
        tmp_path / "v2.csv",
        [header, ["001", "张伟", "正式", "1980-01-02"], ["005", "张伟", "正式", "1980-01-02"]],
    )
    with pytest.raises(ImportFailed) as exc:
        import_file(store, branch.id, "members", v2, display="v2.csv", today=TODAY)
    assert exc.value.lines() == ["v2.csv:3: This row is the same member as row 2 (001 张伟)."]


def test_transfer_in_dates_are_checked(store, branch, tmp_path):
    header = ["编号", "姓名", "类别", "入党日期", "转入日期", "原支部"]
    path = write_csv(
        tmp_path / "m.csv",
        [
            header,
            ["001", "张伟", "正式", "2001-07-01", "2027-01-01", "甲支部"],
            ["002", "李娜", "正式", "2001-07-01", "2000-01-01", "乙支部"],
            ["003", "王芳", "正式", "2001-07-01", "2026年3月", ""],
            ["004", "赵六", "正式", "2001-07-01", "45352", ""],  # a serial: 2024-03-01
        ],
    )
    before = snapshot(store, branch.id)
    with pytest.raises(ImportFailed) as exc:
        import_file(store, branch.id, "members", path, display="m.csv", today=TODAY)
    assert exc.value.lines() == [
        "m.csv:2: transfer-in date: a date lies in the future",
        "m.csv:3: transfer-in date: transferred in before joining the Party",
        "m.csv:4: transfer-in date: '2026年3月' has no day; write the whole date (YYYY-MM-DD)",
    ]
    assert snapshot(store, branch.id) == before


def test_a_transfer_in_date_for_a_member_already_here_is_history(store, branch, tmp_path):
    header = ["编号", "姓名", "类别", "转入日期", "原支部"]
    import_file(
        store,
        branch.id,
        "members",
        write_csv(tmp_path / "v1.csv", [header, ["001", "张伟", "正式", "", ""]]),
        today=TODAY,
    )
    v2 = write_csv(tmp_path / "v2.csv", [header, ["001", "张伟", "正式", "2026-03-01", "甲"]])
    summary = import_file(store, branch.id, "members", v2, today=TODAY)
    assert (summary.unchanged, summary.transfers) == (1, ())
    assert member_events(store, branch.id) == []

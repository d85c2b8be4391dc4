"""Matching a header row to the columns of an import."""

from __future__ import annotations

import pytest

from orglife_tui.importing import COLUMNS, ImportFailed, Sheet, column_key, map_sheet
from orglife_tui.importing.columns import (
    IGNORED,
    SERIAL,
    column_letter,
    looks_like_header,
    normalise,
)
from orglife_tui.locale import set_language

MEMBERS_ACCEPTED = (
    "member_no(编号), name(姓名), gender(性别), birth_date(出生日期), join_date(入党日期), "
    "full_date(转正日期), status(类别), group(党小组), post(职务), phone(联系电话), "
    "dues_paid_until(党费交至), leader(领导干部), transfer_in_date(转入日期), "
    "transfer_in_from(原所在支部)"
)


def sheet(header, *rows, file="m.csv"):
    return Sheet(
        file=file,
        header_row=1,
        header=list(header),
        rows=[(i + 2, list(r)) for i, r in enumerate(rows)],
    )


def problems(kind, header, *rows, strict=False):
    with pytest.raises(ImportFailed) as exc:
        map_sheet(sheet(header, *rows), kind, strict=strict)
    return exc.value.lines()


@pytest.mark.parametrize(
    "header, key",
    [
        ("member_no", "member_no"),
        ("Member No", "member_no"),
        ("MEMBER-NO", "member_no"),
        (" member_no ", "member_no"),
        ("编号", "member_no"),
        ("党员编号", "member_no"),
        ("编号(member_no)", "member_no"),
        ("编号（member_no）", "member_no"),
        ("member_no (编号)", "member_no"),
        ("【编号】", None),
        ("*姓名", "name"),
        ("姓名：", "name"),
        ("ｎａｍｅ", "name"),
        ("出生日期", "birth_date"),
        ("Birth Date", "birth_date"),
        ("dues_paid_until", "dues_paid_until"),
        ("党费交至", "dues_paid_until"),
        ("联系电话(手机)", "phone"),  # one half known, the other a remark
        ("序号", IGNORED),
        ("电化", None),
        ("会议编号", None),  # not a column of the roster
        ("", None),
    ],
)
def test_member_headers(header, key):
    assert column_key("members", header) == key


def test_attendance_and_meeting_headers():
    assert column_key("attendance", "编号") == "member_no"
    assert column_key("attendance", "会议编号") == "meeting_no"
    assert column_key("attendance", "出勤情况") == "status"
    assert column_key("attendance", "状态") == "status"
    assert column_key("attendance", "原因") == "reason"
    assert column_key("meetings", "编号") == "meeting_no"
    assert column_key("meetings", "类型(type)") == "type"
    assert column_key("meetings", "Recorder") == "recorder"


def test_two_halves_naming_different_columns_are_ambiguous():
    with pytest.raises(ValueError):
        column_key("members", "编号(name)")


def test_no_two_columns_of_a_kind_share_a_name():
    for kind, columns in COLUMNS.items():
        names = [normalise(n) for col in columns for n in col.names()]
        assert len(names) == len(set(names)), kind


def test_columns_in_any_order_are_mapped_by_name():
    table = map_sheet(sheet(["类别", "姓名", "member_no"], ["正式党员", "张伟", "001"]), "members")
    assert table.keys == ("status", "name", "member_no")
    assert [(r.number, r.values) for r in table.rows] == [
        (2, {"status": "正式党员", "name": "张伟", "member_no": "001"})
    ]


def test_missing_cells_at_the_end_of_a_row_are_blank():
    table = map_sheet(sheet(["编号", "姓名", "类别", "电话"], ["001", "张伟"]), "members")
    assert table.rows[0].values == {"member_no": "001", "name": "张伟", "status": "", "phone": ""}


def test_a_serial_number_column_is_read_past():
    table = map_sheet(
        sheet(["序号", "编号", "姓名", "类别"], ["1", "001", "张伟", "正式"], ["2"]), "members"
    )
    assert table.keys == ("member_no", "name", "status")
    assert [r.number for r in table.rows] == [2]  # row 3 holds only its serial number


def test_missing_required_columns_are_one_problem_each_for_the_file():
    assert problems("members", ["编号", "性别"], ["001", "男"]) == [
        "m.csv:1: Missing required column name(姓名).",
        "m.csv:1: Missing required column status(类别).",
    ]


def test_unknown_column_lists_the_accepted_names():
    assert problems("members", ["编号", "姓名", "类别", "电化"], strict=True) == [
        f"m.csv:1: Unknown column '电化' (column D). Accepted columns: {MEMBERS_ACCEPTED}."
    ]


def test_unknown_column_in_chinese():
    set_language("zh")
    (line,) = problems("attendance", ["会议编号", "编号", "出勤", "签到"])
    assert line == (
        "m.csv:1: 无法识别的列“签到”（第 D 列）。可用的列：meeting_no(会议编号)、member_no(编号)、"
        "status(出勤)、reason(原因)、name(姓名)。"
    )


def test_a_column_given_twice_is_refused():
    assert problems("members", ["编号", "姓名", "类别", "党员编号"]) == [
        "m.csv:1: Column '党员编号' (column D) repeats '编号' (column A)."
    ]


def test_ambiguous_header_is_refused():
    assert problems("members", ["编号(name)", "姓名", "类别"]) == [
        "m.csv:1: Column '编号(name)' (column A) names two different columns: "
        "member_no(编号), name(姓名).",
        "m.csv:1: Missing required column member_no(编号).",
    ]


def test_values_under_a_blank_header_are_refused_but_an_empty_blank_column_is_fine():
    assert problems("members", ["编号", "", "姓名", "类别"], ["001", "x", "张伟", "正式"]) == [
        "m.csv:1: Column B holds values but has no header."
    ]
    table = map_sheet(sheet(["编号", "", "姓名", "类别"], ["001", "", "张伟", "正式"]), "members")
    assert table.rows[0].values == {"member_no": "001", "name": "张伟", "status": "正式"}


def test_a_value_right_of_the_header_is_a_row_problem():
    table = map_sheet(
        sheet(["编号", "姓名", "类别"], ["001", "张伟", "正式", "", "多余"]), "members"
    )
    assert [p.line() for p in table.problems] == [
        "m.csv:2: A value in column E, right of the last header."
    ]


def test_a_header_without_rows_has_nothing_to_import():
    assert problems("members", ["编号", "姓名", "类别"]) == [
        "m.csv: The file has a header but no data rows; nothing to import."
    ]


@pytest.mark.parametrize(
    "index, letter", [(0, "A"), (25, "Z"), (26, "AA"), (27, "AB"), (701, "ZZ"), (702, "AAA")]
)
def test_column_letters(index, letter):
    assert column_letter(index) == letter


def test_a_roster_skips_the_columns_it_does_not_keep_and_names_them():
    table = map_sheet(
        sheet(
            ["序号", "姓名", "民族", "编号", "身份证号", "类别"],
            ["1", "张伟", "汉", "001", "x", "正式"],
        ),
        "members",
    )
    assert table.keys == ("name", "member_no", "status")
    assert table.skipped == ("民族", "身份证号")
    assert table.rows[0].values == {"name": "张伟", "member_no": "001", "status": "正式"}


def test_a_repeated_optional_roster_column_is_skipped_a_repeated_required_one_refused():
    table = map_sheet(
        sheet(["编号", "姓名", "类别", "手机号", "联系电话"], ["001", "张伟", "正式", "1", "2"]),
        "members",
    )
    assert (table.keys, table.skipped) == (("member_no", "name", "status", "phone"), ("联系电话",))
    assert problems("members", ["编号", "姓名", "类别", "党员姓名"], ["001", "a", "正式", "b"]) == [
        "m.csv:1: Column '党员姓名' (column D) repeats '姓名' (column B)."
    ]


def test_other_imports_still_refuse_unknown_columns():
    assert problems("meetings", ["日期", "类型", "主题", "备忘"], ["2026-01-01", "党课", "x", "y"])[
        0
    ].startswith("m.csv:1: Unknown column '备忘' (column D).")


def test_a_serial_number_is_the_member_number_only_without_one():
    only = map_sheet(sheet(["序号", "姓名", "类别"], ["1", "张伟", "正式"], ["2"]), "members")
    assert only.keys == (SERIAL, "name", "status")
    assert [r.number for r in only.rows] == [2]  # row 3 holds only its serial number
    both = map_sheet(
        sheet(["序号", "编号", "姓名", "类别"], ["1", "001", "张伟", "正式"]), "members"
    )
    assert both.keys == ("member_no", "name", "status")


@pytest.mark.parametrize(
    "cells, header",
    [
        (["第一党支部党员花名册"], False),
        (["截至2026年11月", "", "填表人：张伟"], False),
        (["序号", "姓名", "性别"], True),
        (["姓名", "民族"], False),  # one known column
        (["性别", "出生日期", "籍贯"], False),  # no required column
        (["出生\n日期", "党员姓名"], True),
    ],
)
def test_what_looks_like_a_roster_header(cells, header):
    assert looks_like_header("members", cells) is header

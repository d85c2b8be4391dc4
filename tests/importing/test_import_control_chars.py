"""Text from outside never carries what a terminal would act on (issue 10 §2): a name or any
other field with an escape sequence, BEL, BS, CR or a bidi override is refused at import
and at form entry, naming the row and the field; nothing is written. A CSV file holding a
control character (ESC, BEL, BS, DEL …), UTF-8 or GBK, is refused whole, naming the row
and the column."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_helpers import snapshot, write_csv

from orglife_tui.domain.records import FieldErrors, meeting_from_fields, member_from_fields
from orglife_tui.importing import ImportFailed, import_file, read_table
from orglife_tui.locale import set_language

ATTACKS = {
    "clear screen": "张\x1b[2J伟",
    "window title": "\x1b]0;owned\x07李娜",
    "bell": "王\x07芳",
    "backspace": "admin\x08\x08\x08\x08\x08张伟",
    "carriage return": "张伟\r李娜",
    "right-to-left override": "张\u202e伟",
    "isolate": "张\u2066伟\u2069",
    "C1 CSI": "张\x9b2J伟",
    "delete": "张\x7f伟",
}


@pytest.mark.parametrize("name", list(ATTACKS.values()), ids=list(ATTACKS))
def test_a_member_name_with_a_control_sequence_is_refused_by_the_form(name):
    with pytest.raises(FieldErrors) as refused:
        member_from_fields({"member_no": "001", "name": name, "status": "正式党员"})
    assert [p[0] for p in refused.value.problems] == ["name"]
    assert "control" in str(refused.value)


def test_meeting_minutes_may_span_lines_but_carry_no_escape():
    fields = {"date": "2026-03-05", "type": "主题党日", "title": "学习", "minutes": "一、\n\t二、"}
    assert meeting_from_fields(fields).minutes == "一、\n\t二、"
    with pytest.raises(FieldErrors):
        meeting_from_fields({**fields, "minutes": "一\x1b[2J"})
    with pytest.raises(FieldErrors):
        meeting_from_fields({**fields, "title": "学习\n党章"})  # a title is one line


def members_csv(path: Path, name: str, encoding: str = "utf-8") -> Path:
    """A roster CSV whose second member (row 3) is called ``name``."""
    text = f"编号,姓名,类别\r\n001,张伟,正式党员\r\n002,{name},正式党员\r\n"
    path.write_bytes(text.encode(encoding))
    return path


# A control character in a CSV file refuses the file whole, naming the row and column: in a
# GBK file it was once taken for a sign of another encoding ("neither UTF-8 nor GBK").
IN_FILE = {
    "en": "m.csv:3: Column B holds a control character (U+001B), which a roster or record "
    "file may not contain (only tabs and line breaks); delete it, save the file and import "
    "it again.",
    "zh": "m.csv:3: 第 B 列含有控制字符（U+001B），党员名册和记录文件中不允许出现控制字符"
    "（制表符和换行除外）；请删除该字符，保存文件后重新导入。",
}


@pytest.mark.parametrize("lang", list(IN_FILE))
@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_a_csv_with_an_escape_in_a_name_is_refused_whole_saying_so(
    store, branch, tmp_path, encoding, lang
):
    path = members_csv(tmp_path / "m.csv", ATTACKS["clear screen"], encoding)
    before = snapshot(store, branch.id)
    set_language(lang)
    with pytest.raises(ImportFailed) as refused:
        import_file(store, branch.id, "members", path, display="m.csv")
    assert refused.value.lines() == [IN_FILE[lang]]
    assert snapshot(store, branch.id) == before
    assert store.list_members(branch.id) == []


CONTROLS = ["clear screen", "window title", "bell", "backspace", "delete"]
# Every control in every encoding a CSV is read in; GBK has no C1 controls, and a GB18030
# one stays "neither UTF-8 nor GBK" (no spreadsheet writes it; junk bytes may decode to it).
CASES = [(a, e) for a in CONTROLS for e in ("utf-8", "gbk", "gb18030")] + [("C1 CSI", "utf-8")]


@pytest.mark.parametrize("attack, encoding", CASES)
def test_every_control_character_in_a_csv_is_named_with_its_place(tmp_path, attack, encoding):
    name = ATTACKS[attack]
    path = members_csv(tmp_path / "m.csv", name, encoding)
    with pytest.raises(ImportFailed) as refused:
        read_table(path, "members", "m.csv")
    [problem] = refused.value.problems
    first = next(c for c in name if c < " " or "\x7f" <= c <= "\x9f")
    assert (problem.row, problem.key) == (3, "import.control_in_file")
    assert problem.params == {"column": "B", "char": f"U+{ord(first):04X}"}


def test_a_c1_control_in_gb18030_bytes_is_still_no_text(tmp_path):
    path = members_csv(tmp_path / "m.csv", ATTACKS["C1 CSI"], "gb18030")
    with pytest.raises(ImportFailed) as refused:
        read_table(path, "members", "m.csv")
    assert [p.key for p in refused.value.problems] == ["import.not_text"]


def test_a_control_character_in_a_column_not_kept_refuses_the_file_too(tmp_path):
    path = tmp_path / "m.csv"
    path.write_bytes("编号,姓名,类别,籍贯\n001,张伟,正式党员,山东\x1b[2J\n".encode("gbk"))
    with pytest.raises(ImportFailed) as refused:
        read_table(path, "members", "m.csv")
    [problem] = refused.value.problems
    assert (problem.row, problem.params["column"]) == (2, "D")


@pytest.mark.parametrize("attack", ["carriage return", "right-to-left override", "isolate"])
def test_a_name_breaking_lines_or_turning_text_is_refused_naming_row_and_field(
    store, branch, tmp_path, attack
):
    """A line break or a direction mark is no control character a CSV cannot hold: the
    name's own check refuses it, naming the row and the field."""
    path = write_csv(
        tmp_path / "m.csv",
        [
            ["编号", "姓名", "类别"],
            ["001", "张伟", "正式党员"],
            ["002", ATTACKS[attack], "正式党员"],
        ],
    )
    with pytest.raises(ImportFailed) as refused:
        import_file(store, branch.id, "members", path)
    [problem] = refused.value.problems
    assert (problem.row, problem.field, problem.key) == (3, "name", "problem.control_chars")
    assert store.list_members(branch.id) == []


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_the_same_roster_without_the_escape_imports(store, branch, tmp_path, encoding):
    """GBK text is still told from other bytes: a real GBK file, with a DOS end-of-file
    mark after its last row, imports."""
    path = members_csv(tmp_path / "m.csv", "李娜", encoding)
    path.write_bytes(path.read_bytes() + b"\x1a")
    summary = import_file(store, branch.id, "members", path)
    assert summary.added == 2
    names = [(m.member_no, m.name) for m in store.list_members(branch.id)]
    assert names == [("001", "张伟"), ("002", "李娜")]

"""Text from outside never carries what a terminal would act on (issue 10 §2): a name or any
other field with an escape sequence, BEL, BS, CR or a bidi override is refused at import
and at form entry, naming the row and the field; nothing is written."""

from __future__ import annotations

import pytest
from import_helpers import write_csv

from orglife_tui.domain.records import FieldErrors, meeting_from_fields, member_from_fields
from orglife_tui.importing import ImportFailed, import_file

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


def test_an_import_with_such_a_name_is_refused_whole_naming_row_and_field(store, branch, tmp_path):
    path = write_csv(
        tmp_path / "m.csv",
        [
            ["编号", "姓名", "类别"],
            ["001", "张伟", "正式党员"],
            ["002", ATTACKS["clear screen"], "正式党员"],
        ],
    )
    with pytest.raises(ImportFailed) as refused:
        import_file(store, branch.id, "members", path)
    [problem] = refused.value.problems
    assert (problem.row, problem.field, problem.key) == (3, "name", "problem.control_chars")
    assert problem.params == {"chars": "U+001B"}
    assert store.list_members(branch.id) == []

"""The talk writers over plain rows: what a redacted talk shows, Markdown that stays text."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date

from orglife_tui.domain import TalkForm, TalkType, label
from orglife_tui.domain.talks import TalkerRow, TalkRow
from orglife_tui.export.talks import TALK_COLUMNS, TalkExport, json_document, markdown, write_csv
from orglife_tui.locale import set_language

OPEN = TalkRow(
    id=1,
    date=date(2025, 3, 2),
    member_no="003",
    member_name="赵志远",
    type=TalkType.reminder,
    form=TalkForm.group,
    talkers=(TalkerRow("朱海波", "secretary", "001"),),
    content="第一行 *强调*\n| 第二行 # 不是标题",
    follow_up_date=date(2025, 4, 1),
    absence_from="2024-12",
    absence_step="reminder_talk",
)
REDACTED = TalkRow(
    id=2,
    date=date(2025, 5, 1),
    member_no="004",
    member_name="谭晶",
    type=TalkType.care,
    talkers=(TalkerRow("王局长", "上级党委", None),),
    trigger="家访",
    confidential=True,
    redacted=True,
)


def test_markdown_keeps_typed_text_as_text_and_marks_left_out_content():
    text = markdown(TalkExport(branch="第一党支部", lang="en", rows=[OPEN, REDACTED], year=2025))
    assert text.startswith("# Heart-to-heart talks of 第一党支部, 2025\n")
    assert "Talks: 2." in text and "1 of them confidential: their content is left out." in text
    assert "第一行 \\*强调\\*  \n\\| 第二行 \\# 不是标题" in text  # no markup, line break kept
    assert "- **Form**: group" in text
    assert "- **Absence case**: 2024-12 · reminder talk" in text
    redacted_part = text.split("## 2.")[1]
    assert "*(confidential; shown only with --include-confidential)*" in redacted_part
    assert "**Content**" not in redacted_part


def test_an_empty_export_says_so():
    set_language("zh")
    text = markdown(TalkExport(branch="第一党支部", lang="zh", rows=[]))
    assert text.startswith("# 第一党支部谈心谈话记录") and "尚无谈话记录。" in text


def test_csv_in_english_and_json_in_any_language_carry_stable_keys():
    export = TalkExport(branch="第一党支部", lang="en", rows=[OPEN, REDACTED])
    buf = io.StringIO()
    assert write_csv(buf, export) == 2
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert list(rows[0]) == list(TALK_COLUMNS)
    assert (rows[0]["type"], rows[0]["form"], rows[0]["redacted"]) == ("reminder", "group", "0")
    assert (rows[1]["trigger"], rows[1]["content"], rows[1]["redacted"]) == ("家访", "", "1")
    doc = json_document(replace(export, lang="zh"))
    assert doc["confidential_included"] is False
    assert doc["talks"][1]["talkers"] == [{"name": "王局长", "post": "上级党委", "member_no": None}]
    assert doc["talks"][0]["type"] == "reminder"


def test_csv_in_chinese_has_chinese_headers_and_values():
    set_language("zh")
    export = TalkExport(branch="第一党支部", lang="zh", rows=[OPEN, REDACTED])
    buf = io.StringIO()
    write_csv(buf, export)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert list(rows[0])[:4] == ["编号", "谈话日期", "党员编号", "谈话对象"]
    assert rows[0]["谈话类型"] == label(OPEN.type, "zh")
    assert rows[0]["谈话形式"] == label(OPEN.form, "zh")
    assert (rows[0]["保密内容未导出"], rows[1]["保密内容未导出"]) == ("否", "是")


HIDDEN = replace(REDACTED, id=3, confidential=False, texts_hidden=True)
"""A talk whose texts the exporting user cannot see (no ``talk_text`` row for them)."""


def test_a_talk_whose_texts_are_hidden_says_so_in_every_format():
    set_language("zh")
    export = TalkExport(branch="第一党支部", lang="zh", rows=[OPEN, HIDDEN])
    buf = io.StringIO()
    write_csv(buf, export)
    rows = list(csv.reader(io.StringIO(buf.getvalue().lstrip("\ufeff"))))
    content = TALK_COLUMNS.index("content")
    assert rows[0][-1] == "内容不可见"
    assert rows[2][content] == "保密内容：仅谈话人和支部书记可见"
    assert rows[2][-1] == "是" and rows[1][-1] == "否"
    doc = json_document(export)
    assert (doc["talks"][1]["content"], doc["talks"][1]["texts_hidden"]) == (None, True)
    hidden_part = markdown(export).split("## 3.")[1]
    assert "*保密内容：仅谈话人和支部书记可见*" in hidden_part
    assert "--include-confidential" not in hidden_part

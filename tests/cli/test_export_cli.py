"""`orglife-tui export scores|ledger|publicity`: every format opens, traced to its scheme."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from orglife_tui.data import schemes
from orglife_tui.data.ledger import add_entry, reverse_entry
from orglife_tui.data.store import Store
from orglife_tui.domain import MemberStatus
from orglife_tui.domain.records import MemberInput
from orglife_tui.scoring.scheme import default_scheme_text, parse_scheme
from tests.cli_run import invoke_cli

HAND_DUES = default_scheme_text().replace('derive = { dues = "arrears", grace_months = 2 }\n', "")

YEAR = 2026
BRANCH = "第一党支部"


@pytest.fixture(autouse=True)
def _after_the_year(monkeypatch):
    """Today is early the next year: the year's points and bands are final (the part-year
    tables are specified in tests/cli/test_export_bands_cli.py)."""
    monkeypatch.setenv("ORGLIFE_TODAY", f"{YEAR + 1}-01-04")


def run(*args: str, lang: str = "en"):
    argv = ["--lang", lang, *args]
    return invoke_cli(argv, catch_exceptions=False)


@pytest.fixture
def scored(db_url):
    """Four members; entries under the default scheme, one of them reversed, one a veto."""
    store = Store.open(db_url, operator="tester")
    b = store.resolve_branch(BRANCH)
    store.add_members(
        b.id,
        [
            MemberInput("001", "张伟", MemberStatus.full, group="第一党小组"),
            MemberInput("002", "李娜", MemberStatus.probationary, group="第二党小组"),
            MemberInput("003", "王芳", MemberStatus.full, group="第二党小组"),
            MemberInput("004", "欧阳|明", MemberStatus.full),
        ],
    )
    # late_dues booked by hand, as a branch that keeps its dues elsewhere has it (the
    # default scheme derives it from the dues records and refuses it by hand)
    info = schemes.activate(store, b.id, HAND_DUES, parse_scheme(HAND_DUES, "hand_dues.toml"))
    _, scheme = schemes.ensure_active(store, b.id)
    store.set_records_start(b.id, date(YEAR - 1, 1, 1))  # the entries go back a year

    def add(no, code, **kw):
        return add_entry(store, b.id, scheme, info.id, no, code, **kw)

    for month in (3, 6, 9):  # 3 × 3 = 9 points, capped at 6 by the default scheme
        add("001", "give_party_lecture", entry_date=date(YEAR, month, 1), note="讲授“党章”")
    add("001", "volunteer_service", hours=4, entry_date=date(YEAR, 5, 1))
    add("002", "commitment_broken", entry_date=date(YEAR, 4, 1))
    wrong = add("003", "late_dues", entry_date=date(YEAR, 2, 1))
    reverse_entry(store, b.id, wrong.id, "录入错误")
    add("003", "give_party_lecture", entry_date=date(YEAR, 7, 1))
    add("004", "serious_violation", entry_date=date(YEAR, 8, 8))
    add("004", "community_report_in", entry_date=date(YEAR - 1, 12, 31))  # last year
    store.close()
    return db_url


def export(db_url, *args, lang="en"):
    return run("--db", db_url, "export", *args, lang=lang)


def scores_json(db_url) -> dict:
    result = export(db_url, "scores", "--year", str(YEAR), "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def metadata(wb) -> dict:
    """The key/value rows of a workbook's metadata sheet (the column legend included)."""
    return {r[0]: r[1] for r in wb["metadata"].iter_rows(values_only=True) if len(r) > 1 and r[0]}


# ---------------------------------------------------------------------------- scores


def test_scores_csv_has_a_bom_and_opens_in_the_csv_module_with_chinese_intact(scored):
    result = export(scored, "scores", "--year", str(YEAR), "--format", "csv")
    assert result.exit_code == 0, result.output
    raw = result.stdout_bytes
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    header = list(rows[0])
    for key in ("member_no", "name", "status", "base", "bonus", "deduction", "total"):
        assert key in header
    assert header[:12] == [
        "member_no",
        "name",
        "status",
        "group",
        "base",
        "duty",
        "bonus",
        "deduction",
        "vetoed",
        "total",
        "band",
        "rank",
    ]
    assert "give_party_lecture" in header and "serious_violation" in header
    by_no = {r["member_no"]: r for r in rows}
    assert by_no["001"]["name"] == "张伟" and by_no["001"]["group"] == "第一党小组"
    assert by_no["004"]["name"] == "欧阳|明"
    zhang = by_no["001"]
    assert zhang["give_party_lecture"] == "6"  # 9, capped at 6
    assert zhang["volunteer_service"] == "2"  # 4 hours × 0.5
    assert (zhang["base"], zhang["bonus"], zhang["deduction"], zhang["total"]) == (
        "60",
        "8",
        "0",
        "68",
    )
    assert zhang["band"] == "basically_qualified" and zhang["rank"] == "1"
    assert by_no["002"]["deduction"] == "-3" and by_no["002"]["status"] == "probationary"
    assert by_no["003"]["late_dues"] == "0" and by_no["003"]["total"] == "63"  # reversed
    assert by_no["004"]["vetoed"] == "1" and by_no["004"]["band"] == "unqualified"
    assert by_no["004"]["community_report_in"] == "0"  # dated last year
    assert [r["member_no"] for r in rows] == ["001", "003", "004", "002"]  # by rank


def test_scores_csv_to_a_file_is_the_same_bytes_and_says_where_it_went(scored, tmp_path):
    target = tmp_path / "积分.csv"
    result = export(scored, "scores", "--year", str(YEAR), "-f", "csv", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "Wrote 4 row(s)" in result.stderr
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as f:
        assert [r["name"] for r in csv.DictReader(f)] == ["张伟", "王芳", "欧阳|明", "李娜"]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_scores_json_carries_the_scheme_year_and_branch(scored):
    doc = scores_json(scored)
    store = Store.open(scored, operator="tester")
    info, scheme = schemes.ensure_active(store, store.resolve_branch(BRANCH).id)
    store.close()
    assert doc["scheme"] == {"name": info.name, "version": info.version, "sha256": info.sha256}
    assert len(doc["scheme"]["sha256"]) == 64
    assert doc["year"] == YEAR and doc["branch"] == BRANCH and doc["generated_at"]
    assert [i["code"] for i in doc["items"]] == [i.code for i in scheme.items]
    zhang = doc["rows"][0]
    assert zhang["member_no"] == "001" and zhang["name"] == "张伟"
    assert zhang["total"] == 68 and zhang["rank"] == 1 and zhang["band"] == "basically_qualified"
    assert zhang["items"]["give_party_lecture"] == 6
    assert zhang["vetoed"] is False
    assert doc["rows"][-1]["status"] == "probationary"


def test_scores_xlsx_has_a_scores_sheet_and_a_metadata_sheet(scored, tmp_path):
    target = tmp_path / "scores.xlsx"
    result = export(scored, "scores", "--year", str(YEAR), "-f", "xlsx", "-o", str(target))
    assert result.exit_code == 0, result.output
    wb = load_workbook(target, read_only=True)
    assert wb.sheetnames == ["scores", "metadata"]
    rows = list(wb["scores"].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert header[:3] == ("member_no", "name", "status")
    assert len(body) == 4
    zhang = dict(zip(header, body[0]))
    assert zhang["name"] == "张伟" and zhang["total"] == 68 and zhang["rank"] == 1
    assert zhang["give_party_lecture"] == 6
    meta = metadata(wb)
    doc = scores_json(scored)
    assert meta["scheme_name"] == doc["scheme"]["name"]
    assert meta["scheme_version"] == doc["scheme"]["version"]
    assert meta["scheme_sha256"] == doc["scheme"]["sha256"]
    assert meta["branch"] == BRANCH and meta["year"] == YEAR
    assert meta["give_party_lecture"].startswith("Item: Give a Party lecture")
    wb.close()


def test_scores_xlsx_speaks_chinese_with_lang_zh(scored, tmp_path):
    """Under zh the sheet is for people: Chinese headers and values, a frozen header, columns
    sized to their text, points as numbers; the legend ties each name to its JSON key."""
    target = tmp_path / "scores.xlsx"
    result = export(
        scored, "scores", "--year", str(YEAR), "-f", "xlsx", "-o", str(target), lang="zh"
    )
    assert result.exit_code == 0, result.output
    assert "已写入 4 行" in result.stderr
    wb = load_workbook(target)
    assert wb.sheetnames == ["积分表", "metadata"]
    ws = wb["积分表"]
    rows = list(ws.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert header[:4] == ("党员编号", "姓名", "党员类别", "党小组")
    assert "讲授党课" in header and "give_party_lecture" not in header
    by_name = {r[1]: dict(zip(header, r)) for r in body}
    zhang, li = by_name["张伟"], by_name["李娜"]
    assert zhang["党员类别"] == "正式党员" and zhang["触发一票否决"] == "否"
    assert zhang["总分"] == 68 and zhang["排名"] == 1 and zhang["讲授党课"] == 6
    assert zhang["积分档次"] in ("优秀", "合格", "基本合格", "不合格")
    assert li["党员类别"] == "预备党员"
    assert ws.freeze_panes == "C2"
    assert ws["A1"].font.bold
    assert ws.cell(row=2, column=header.index("总分") + 1).number_format == "0.0#"
    # A column of Chinese names is wider than its two-character header alone would make it.
    assert ws.column_dimensions["B"].width >= 6
    meta_rows = list(wb["metadata"].iter_rows(values_only=True))
    legend = {r[0]: r[1:] for r in meta_rows if r and r[0]}
    assert legend["党员编号"] == ("党员编号", "member_no")
    assert legend["讲授党课"] == ("项目：讲授党课（加分，上限 6）", "give_party_lecture")
    wb.close()


def test_scores_csv_speaks_chinese_with_lang_zh_and_json_keeps_keys(scored):
    result = export(scored, "scores", "--year", str(YEAR), "-f", "csv", lang="zh")
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert rows[0][:3] == ["党员编号", "姓名", "党员类别"]
    assert [r[2] for r in rows[1:]] == ["正式党员", "正式党员", "正式党员", "预备党员"]
    assert {r[8] for r in rows[1:]} <= {"是", "否"}
    doc = json.loads(export(scored, "scores", "--year", str(YEAR), "-f", "json", lang="zh").stdout)
    assert doc["rows"][0]["status"] == "full" and "give_party_lecture" in doc["rows"][0]["items"]


def test_the_configured_language_chooses_the_export_language(scored, tmp_path, monkeypatch):
    """Under a bare C locale the export is Chinese; ``config set lang en`` switches it."""
    monkeypatch.setenv("LANG", "C.UTF-8")
    target = tmp_path / "scores.xlsx"

    def first_header_cell() -> str:
        argv = ["--db", scored, "export", "scores", "--year", str(YEAR), "-f", "xlsx"]
        result = invoke_cli([*argv, "-o", str(target)])
        assert result.exit_code == 0, result.output
        wb = load_workbook(target, read_only=True)
        try:
            return next(wb.worksheets[0].iter_rows(values_only=True))[0]
        finally:
            wb.close()

    assert first_header_cell() == "党员编号"
    assert invoke_cli(["config", "set", "lang", "en"]).exit_code == 0
    assert first_header_cell() == "member_no"


def test_xlsx_is_refused_on_the_terminal(scored):
    result = export(scored, "scores", "--year", str(YEAR), "--format", "xlsx")
    assert result.exit_code == 2
    assert "-o FILE" in result.stderr
    result = export(scored, "publicity", "--year", str(YEAR), "--format", "xlsx", "-o", "-")
    assert result.exit_code == 2


def test_an_unknown_format_or_status_is_refused(scored):
    assert export(scored, "scores", "--format", "pdf").exit_code == 2
    result = export(scored, "scores", "--status", "retired")
    assert result.exit_code == 2 and "--status" in result.stderr


def test_scores_filters_by_group_and_status_keep_the_branch_rank(scored):
    result = export(scored, "scores", "--year", str(YEAR), "-f", "json", "--group", "第二党小组")
    doc = json.loads(result.stdout)
    assert [(r["member_no"], r["rank"]) for r in doc["rows"]] == [("003", 2), ("002", 4)]
    result = export(scored, "scores", "--year", str(YEAR), "-f", "json", "--status", "预备党员")
    assert [r["member_no"] for r in json.loads(result.stdout)["rows"]] == ["002"]


def test_changing_one_cap_changes_exactly_the_affected_members_totals(scored, tmp_path):
    before = {r["member_no"]: r["total"] for r in scores_json(scored)["rows"]}
    text = default_scheme_text()
    marker = 'code = "give_party_lecture"'
    head, tail = text.split(marker, 1)
    assert "cap = 6" in tail.split("[[items]]", 1)[0]
    changed = head + marker + tail.replace("cap = 6", "cap = 12", 1)
    changed = changed.replace('version = "2026.1"', 'version = "2026.1-cap12"', 1)
    path = tmp_path / "my.toml"
    path.write_text(changed, encoding="utf-8")
    used = run("--db", scored, "scheme", "use", str(path))
    assert used.exit_code == 0, used.output
    doc = scores_json(scored)
    assert doc["scheme"]["version"] == "2026.1-cap12"
    after = {r["member_no"]: r["total"] for r in doc["rows"]}
    assert {no for no in before if before[no] != after[no]} == {"001"}
    assert after["001"] == before["001"] + 3  # the third lecture counts now


# ---------------------------------------------------------------------------- ledger


def test_ledger_csv_lists_every_entry_with_reversals_linked(scored):
    result = export(scored, "ledger", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8-sig"))))
    assert len(rows) == 10
    assert [int(r["id"]) for r in rows] == sorted(int(r["id"]) for r in rows)
    late = next(r for r in rows if r["item_code"] == "late_dues" and not r["reverses_id"])
    reversal = next(r for r in rows if r["reverses_id"] == late["id"])
    assert late["reversed_by"] == reversal["id"]
    assert float(reversal["points"]) == -float(late["points"]) and reversal["note"] == "录入错误"
    lecture = next(r for r in rows if r["item_code"] == "give_party_lecture")
    assert lecture["item_name"] == "Give a Party lecture" and lecture["note"] == "讲授“党章”"
    assert lecture["member_name"] == "张伟" and len(lecture["hash"]) == 64


def test_ledger_filters_by_year_and_member_and_refuses_an_unknown_member(scored):
    rows = json.loads(export(scored, "ledger", "--year", str(YEAR), "-f", "json").stdout)
    assert len(rows["entries"]) == 9 and rows["year"] == YEAR
    mine = json.loads(export(scored, "ledger", "--member", "001", "-f", "json").stdout)
    assert {e["member_no"] for e in mine["entries"]} == {"001"} and len(mine["entries"]) == 4
    assert mine["entries"][0]["entry_date"] == f"{YEAR}-03-01"
    assert len(mine["ledger_head_hash"]) == 64
    refused = export(scored, "ledger", "--member", "999")
    assert refused.exit_code == 1 and "999" in refused.stderr


def test_ledger_json_of_an_empty_selection_is_valid(scored):
    doc = json.loads(export(scored, "ledger", "--year", "2001", "-f", "json").stdout)
    assert doc["entries"] == []


def test_ledger_xlsx_opens_with_its_metadata(scored, tmp_path):
    target = tmp_path / "ledger.xlsx"
    result = export(scored, "ledger", "-f", "xlsx", "-o", str(target), lang="zh")
    assert result.exit_code == 0, result.output
    wb = load_workbook(target, read_only=True)
    assert wb.sheetnames == ["积分台账", "metadata"]
    rows = list(wb["积分台账"].iter_rows(values_only=True))
    assert rows[0][:3] == ("记录号", "日期", "党员编号") and len(rows) == 11
    entry = dict(zip(rows[0], rows[1]))
    assert entry["积分项目"] == "讲授党课" and entry["姓名"] == "张伟"
    assert entry["日期"] == datetime(YEAR, 3, 1) and entry["分值"] == 3
    meta = metadata(wb)
    assert meta["branch"] == BRANCH and meta["entries"] == 10
    wb.close()


def test_a_ledger_longer_than_a_sheet_continues_on_the_next(scored, tmp_path, monkeypatch):
    from orglife_tui.export import ledger as out

    monkeypatch.setattr(out, "XLSX_MAX_ROWS", 5)  # header + 4 entries a sheet
    target = tmp_path / "ledger.xlsx"
    assert export(scored, "ledger", "-f", "xlsx", "-o", str(target)).exit_code == 0
    wb = load_workbook(target, read_only=True)
    assert wb.sheetnames == ["ledger", "ledger (2)", "ledger (3)", "metadata"]
    ids = [
        r[0] for name in wb.sheetnames[:3] for r in list(wb[name].iter_rows(values_only=True))[1:]
    ]
    assert len(ids) == 10 and ids == sorted(ids)
    assert next(wb["ledger (3)"].iter_rows(values_only=True))[0] == "id"
    wb.close()


def test_control_characters_in_a_note_do_not_break_the_workbook(db_url, tmp_path, monkeypatch):
    store = Store.open(db_url, operator="tester")
    b = store.resolve_branch(BRANCH)
    store.add_members(b.id, [MemberInput("001", "张伟", MemberStatus.full)])
    info, scheme = schemes.ensure_active(store, b.id)
    # a note stored before such characters were refused at entry (old data)
    with monkeypatch.context() as m:
        m.setattr("orglife_tui.data.ledger.entries.refuse_unsafe_text", lambda *a, **k: None)
        add_entry(store, b.id, scheme, info.id, "001", "commitment_kept", note="复制来的\x0b备注")
    store.close()
    target = tmp_path / "ledger.xlsx"
    assert export(db_url, "ledger", "-f", "xlsx", "-o", str(target)).exit_code == 0
    rows = list(load_workbook(target, read_only=True)["ledger"].iter_rows(values_only=True))
    assert rows[1][10] == "复制来的 备注"


# ---------------------------------------------------------------------------- publicity


def test_publicity_markdown_in_chinese_is_ready_to_print(scored, tmp_path):
    target = tmp_path / "公示.md"
    result = export(
        scored,
        "publicity",
        "--year",
        str(YEAR),
        "--start",
        "2027-01-04",
        "--format",
        "md",
        "-o",
        str(target),
        lang="zh",
    )
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith(f"# {BRANCH}{YEAR}年度党员积分情况公示")
    assert "公示期：2027年1月4日至2027年1月10日（共 7 天）" in text
    assert "如对公示内容有异议" in text
    assert "| 排名 | 编号 | 姓名 | 党小组 | 积分 | 积分档次 |" in text
    assert "| 1 | 001 | 张伟 | 第一党小组 | 68 | 基本合格 |" in text
    # the veto mark is escaped like any cell text: a viewer shows it as a plain *
    assert "| 3 | 004 | 欧阳\\|明 |  | 60 | 不合格\\* |" in text
    assert "| 4 | 002 | 李娜 | 第二党小组 | 57 | 不合格 |" in text
    assert "一票否决" in text
    doc = scores_json(scored)
    assert doc["scheme"]["sha256"] in text


def test_publicity_markdown_in_english_goes_to_stdout_with_its_window(scored):
    result = export(
        scored, "publicity", "--year", str(YEAR), "--start", "2027-01-04", "--days", "5"
    )
    assert result.exit_code == 0, result.output
    assert "Publicity period: 2027-01-04 to 2027-01-08 (5 days)." in result.stdout
    assert "raise it with the branch committee" in result.stdout
    assert "| Rank | No. | Name | Party group | Points | Points band |" in result.stdout


def test_publicity_xlsx_is_laid_out_for_printing(scored, tmp_path):
    target = tmp_path / "publicity.xlsx"
    result = export(
        scored,
        "publicity",
        "--year",
        str(YEAR),
        "--start",
        "2027-01-04",
        "-f",
        "xlsx",
        "-o",
        str(target),
        lang="zh",
    )
    assert result.exit_code == 0, result.output
    wb = load_workbook(target)
    ws = wb.worksheets[0]
    assert ws.title == "公示" and wb.sheetnames[1] == "metadata"
    cells = [c for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    assert cells[0] == f"{BRANCH}{YEAR}年度党员积分情况公示"
    assert "公示期：2027年1月4日至2027年1月10日（共 7 天）。" in cells
    assert any("如对公示内容有异议" in str(c) for c in cells)
    table = [r for r in ws.iter_rows(values_only=True) if r[1] in ("编号", "001", "002")]
    assert table[0] == ("排名", "编号", "姓名", "党小组", "积分", "积分档次")
    assert table[1] == (1, "001", "张伟", "第一党小组", 68, "基本合格")
    assert ws.print_title_rows is not None and ws.page_setup.fitToWidth == 1
    meta = metadata(wb)
    assert meta["publicity_start"] == "2027-01-04" and meta["publicity_end"] == "2027-01-10"
    assert len(meta["scheme_sha256"]) == 64


def test_a_bad_start_date_is_refused(scored):
    result = export(scored, "publicity", "--start", "2027-02-30")
    assert result.exit_code == 2 and "--start" in result.stderr


# ---------------------------------------------------------------------------- atomic writes


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_failed_export_leaves_neither_half_a_file_nor_a_temporary(
    scored, tmp_path, monkeypatch, error
):
    from orglife_tui.export import scores as out

    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "scores.csv"
    target.write_text("the old file\n", encoding="utf-8")

    def broken(stream, table):
        stream.write("member_no,name\n001,张")
        stream.flush()
        raise error

    monkeypatch.setattr(out, "write_csv", broken)
    result = export(scored, "scores", "--year", str(YEAR), "-o", str(target))
    assert result.exit_code == (1 if isinstance(error, OSError) else 130)
    if isinstance(error, OSError):
        assert "No space left on device" in result.stderr
    assert target.read_text(encoding="utf-8") == "the old file\n"
    assert [p.name for p in folder.iterdir()] == ["scores.csv"]


def test_an_export_to_a_directory_or_a_missing_folder_is_refused(scored, tmp_path):
    result = export(scored, "scores", "-o", str(tmp_path))
    assert result.exit_code == 1 and "is a directory" in result.stderr
    result = export(scored, "scores", "-o", str(tmp_path / "nope" / "s.csv"))
    assert result.exit_code == 1 and "does not exist" in result.stderr


def test_a_written_file_gets_the_users_usual_mode(scored, tmp_path):
    target = tmp_path / "s.json"
    old = os.umask(0o022)
    try:
        assert export(scored, "scores", "-f", "json", "-o", str(target)).exit_code == 0
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o644


# ---------------------------------------------------------------------------- no Textual


def test_export_does_not_import_textual(tmp_path):
    db = tmp_path / "a.db"
    code = (
        "import sys\n"
        "from orglife_tui.cli.main import main\n"
        "db, scores, ledger = sys.argv[1:4]\n"
        "for args in (['scores', '-o', scores], ['ledger', '-f', 'json', '-o', ledger]):\n"
        "    sys.argv = ['orglife-tui', '--db', db, 'export', *args]\n"
        "    try:\n        main()\n    except SystemExit as exc:\n        assert not exc.code, exc.code\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
        "print('CLEAN')"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(db), str(tmp_path / "s.csv"), str(tmp_path / "l.json")],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    assert "CLEAN" in out.stdout

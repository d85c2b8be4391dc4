"""Part-year honesty in ``export scores`` and ``export publicity`` (issue 12 §4): before
the year has closed the points run to a day (截至 MM-DD) and no points band is given,
unless ``--provisional`` asks for bands, which are then marked 暂定 / provisional. At or
after the year's end the bands are final. The clock is fixed (``ORGLIFE_TODAY``)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from openpyxl import load_workbook

from orglife_tui.data import schemes
from orglife_tui.data.ledger import add_entry
from orglife_tui.data.store import Store
from orglife_tui.domain import MemberStatus
from orglife_tui.domain.records import MemberInput
from tests.cli_run import invoke_cli

YEAR = 2026
BRANCH = "第一党支部"


@pytest.fixture
def scored(db_url, monkeypatch):
    """Two full members on 18 March: 张伟 gave a lecture (63), 王芳 missed a meeting (58)."""
    monkeypatch.setenv("ORGLIFE_TODAY", f"{YEAR}-03-18")
    store = Store.open(db_url, operator="tester")
    b = store.resolve_branch(BRANCH)
    store.add_members(
        b.id,
        [
            MemberInput("001", "张伟", MemberStatus.full),
            MemberInput("002", "王芳", MemberStatus.full),
        ],
    )
    store.set_records_start(b.id, date(YEAR - 1, 1, 1))
    info, scheme = schemes.ensure_active(store, b.id)
    add_entry(
        store, b.id, scheme, info.id, "001", "give_party_lecture", entry_date=date(YEAR, 3, 1)
    )
    add_entry(store, b.id, scheme, info.id, "002", "commitment_broken", entry_date=date(YEAR, 3, 2))
    store.close()
    return db_url


def export(db_url, *args, lang="en"):
    return invoke_cli(["--lang", lang, "--db", db_url, "export", *args], catch_exceptions=False)


def scores_csv(db_url, *args) -> dict[str, dict[str, str]]:
    result = export(db_url, "scores", "-f", "csv", *args)
    assert result.exit_code == 0, result.output
    return {r["member_no"]: r for r in csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff")))}


def scores_json(db_url, *args) -> dict:
    result = export(db_url, "scores", "-f", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_mid_year_scores_are_points_to_date_without_a_band(scored):
    rows = scores_csv(scored)
    assert (rows["001"]["total"], rows["001"]["band"]) == ("63", "")
    assert (rows["002"]["total"], rows["002"]["band"]) == ("57", "")
    doc = scores_json(scored)
    assert doc["year"] == YEAR and doc["as_of"] == f"{YEAR}-03-18"
    assert doc["provisional"] is False
    assert [r["band"] for r in doc["rows"]] == [None, None]


def test_provisional_bands_are_given_and_marked(scored, tmp_path):
    doc = scores_json(scored, "--provisional")
    assert doc["provisional"] is True
    assert [r["band"] for r in doc["rows"]] == ["basically_qualified", "unqualified"]
    target = tmp_path / "scores.xlsx"
    result = export(scored, "scores", "--provisional", "-f", "xlsx", "-o", str(target), lang="zh")
    assert result.exit_code == 0, result.output
    wb = load_workbook(target, read_only=True)
    header = next(wb.worksheets[0].iter_rows(values_only=True))
    assert "积分档次（暂定）" in header
    legend = {r[2]: r[1] for r in wb["metadata"].iter_rows(values_only=True) if len(r) > 2}
    assert legend["band"] == "积分档次（暂定）"
    meta = {r[0]: r[1] for r in wb["metadata"].iter_rows(values_only=True) if len(r) > 1 and r[0]}
    assert meta["as_of"] == f"{YEAR}-03-18" and meta["provisional"] is True
    assert meta["note"] == "积分统计截至 03-18：年度尚未结束，积分档次为暂定。"
    wb.close()


def test_at_the_years_end_the_bands_are_final(scored):
    doc = scores_json(scored, "--as-of", f"{YEAR}-12-31", "--provisional")
    assert doc["provisional"] is False  # a closed year's bands are not provisional
    assert [r["band"] for r in doc["rows"]] == ["basically_qualified", "unqualified"]
    rows = scores_csv(scored, "--year", str(YEAR - 1))  # a past year stands closed
    assert {r["band"] for r in rows.values()} == {"basically_qualified"}  # base points


def test_an_as_of_earlier_in_the_year_takes_the_bands_away(scored):
    doc = scores_json(scored, "--year", str(YEAR - 1), "--as-of", f"{YEAR - 1}-06-30")
    assert doc["as_of"] == f"{YEAR - 1}-06-30" and doc["rows"][0]["band"] is None


def test_a_bad_as_of_is_refused_by_name(scored):
    result = export(scored, "scores", "--as-of", "2026-02-30")
    assert result.exit_code == 2 and "--as-of" in result.stderr


def test_mid_year_publicity_says_to_which_day_and_has_no_band_column(scored):
    result = export(scored, "publicity", lang="zh")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "积分统计截至 03-18：年度尚未结束，不评定积分档次。" in text
    assert "| 排名 | 编号 | 姓名 | 党小组 | 积分 |\n" in text
    assert "| 1 | 001 | 张伟 |  | 63 |\n" in text
    assert "积分档次 |" not in text and "不合格" not in text


def test_provisional_publicity_marks_its_band_column(scored):
    result = export(scored, "publicity", "--provisional")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "Points to 03-18: the year has not ended, so each points band is provisional." in text
    assert "| Rank | No. | Name | Party group | Points | Points band (provisional) |" in text
    assert "| 2 | 002 | 王芳 |  | 57 | Unqualified |" in text
    # the record keeps the choice: the same notice again, by number, is the same
    again = export(scored, "publicity", "--id", "1")
    assert again.exit_code == 0 and again.stdout == text


def test_publicity_after_the_year_has_its_bands(scored, monkeypatch):
    monkeypatch.setenv("ORGLIFE_TODAY", f"{YEAR + 1}-01-04")
    result = export(scored, "publicity", "--year", str(YEAR), lang="zh")
    assert result.exit_code == 0, result.output
    assert "| 排名 | 编号 | 姓名 | 党小组 | 积分 | 积分档次 |" in result.stdout
    assert "积分统计截至" not in result.stdout


def test_an_as_of_counts_the_points_to_that_day(scored):
    """王芳's broken commitment is dated 2 March: as of 1 March she still has her base."""
    doc = scores_json(scored, "--as-of", f"{YEAR}-03-01")
    totals = {r["member_no"]: r["total"] for r in doc["rows"]}
    assert totals == {"001": 63, "002": 60}
    result = export(scored, "publicity", "--as-of", f"{YEAR}-03-01")
    assert result.exit_code == 0, result.output
    assert "Points to 03-01" in result.stdout and "| 1 | 002 | 王芳 |  | 60 |" not in result.stdout
    assert "| 2 | 002 | 王芳 |  | 60 |" in result.stdout


def test_mid_year_publicity_sheet_has_the_note_and_five_columns(scored, tmp_path):
    target = tmp_path / "公示.xlsx"
    result = export(scored, "publicity", "-f", "xlsx", "-o", str(target), lang="zh")
    assert result.exit_code == 0, result.output
    wb = load_workbook(target)
    ws = wb.worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    note = "积分统计截至 03-18：年度尚未结束，不评定积分档次。"
    assert any(r[0] == note for r in rows)
    header = next(r for r in rows if r[1] == "编号")
    assert header == ("排名", "编号", "姓名", "党小组", "积分")
    meta = {r[0]: r[1] for r in wb["metadata"].iter_rows(values_only=True) if r[0]}
    assert meta["points_as_of"] == f"{YEAR}-03-18" and meta["provisional"] is False

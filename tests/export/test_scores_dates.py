"""``orglife-tui export scores`` of a year lists the members of that year, with their status
at its end and the day a member left during it (issue 9 §2; tests/membership_year.py)."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

import pytest
from openpyxl import load_workbook

from tests import membership_year as my
from tests.cli_run import invoke_cli


def run(*args: str):
    argv = ["--lang", "en", *args]
    return invoke_cli(argv, catch_exceptions=False)


@pytest.fixture
def db(db_url, monkeypatch, prebuilt) -> str:
    monkeypatch.setenv("ORGLIFE_TODAY", my.TODAY.isoformat())
    prebuilt(db_url, my.build, my.open_store)
    return db_url


def _csv(db: str, year: int) -> dict[str, dict[str, str]]:
    result = run("--db", db, "export", "scores", "--year", str(year), "-f", "csv")
    assert result.exit_code == 0, result.output
    rows = csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff")))
    return {r["member_no"]: r for r in rows}


def test_the_csv_says_who_left_during_the_year_and_how(db):
    rows = _csv(db, my.YEAR)
    assert sorted(rows) == ["001", "002", "003", "004", "005", "006", "007", "008"]
    left = {no: (r["left_on"], r["left_kind"]) for no, r in rows.items() if r["left_on"]}
    assert left == {"004": ("2026-06-15", "transfer_out"), "007": ("2026-10-08", "deceased")}
    assert rows[my.CONVERTED]["status"] == "full"


def test_last_years_csv_is_that_years_roster(db):
    rows = _csv(db, my.PREVIOUS)
    assert sorted(rows) == ["001", "002", "003", "004", "005", "006", "007"]
    assert all(r["left_on"] == "" and r["left_kind"] == "" for r in rows.values())
    assert rows[my.CONVERTED]["status"] == "probationary"
    assert rows[my.CONVERTED]["band"] == "basically_qualified"  # a past year: final


def test_json_and_xlsx_carry_the_same_columns(db, tmp_path):
    result = run("--db", db, "export", "scores", "--year", str(my.YEAR), "-f", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    by_no = {r["member_no"]: r for r in doc["rows"]}
    assert (by_no["004"]["left_on"], by_no["004"]["left_kind"]) == ("2026-06-15", "transfer_out")
    assert by_no["001"]["left_on"] is None
    out = tmp_path / "scores.xlsx"
    result = run(
        "--db", db, "export", "scores", "--year", str(my.YEAR), "-f", "xlsx", "-o", str(out)
    )
    assert result.exit_code == 0, result.output
    ws = load_workbook(out)["scores"]
    header, *body = ws.iter_rows(values_only=True)
    assert header[12:14] == ("left_on", "left_kind")
    cells = {row[0]: row[12:14] for row in body}
    # A date is a date in the workbook (openpyxl reads it back as a datetime).
    assert cells["007"] == (datetime(2026, 10, 8), "deceased")
    row_007 = 2 + [row[0] for row in body].index("007")
    assert ws.cell(row=row_007, column=13).number_format == "yyyy-mm-dd"
    legend = [row[0] for row in load_workbook(out)["metadata"].iter_rows(values_only=True)]
    assert "left_on" in legend and "left_kind" in legend

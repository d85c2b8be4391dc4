"""A past year's report stays as it was when later events are recorded (issue 9 §2), and the
year of the events reports its members on their dates: tests/membership_year.py, through
``orglife-tui export report`` as a secretary runs it, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from orglife_tui.services.year_report import year_report
from tests import membership_year as my
from tests.cli_run import invoke_cli


def run(*args: str, lang: str = "en"):
    argv = ["--lang", lang, *args]
    return invoke_cli(argv, catch_exceptions=False)


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setenv("ORGLIFE_TODAY", my.TODAY.isoformat())


HEAD = re.compile(r"\b[0-9a-f]{64}\b")


def _heads_out(value: object) -> object:
    """The report with the heads it was made from blanked: they are the state of the
    database when it was made (issue 10 §4), so later work moves them; nothing else moves."""
    return HEAD.sub("<head>", value) if isinstance(value, str) else value


def _exports(db: str, tmp_path: Path, tag: str) -> dict[str, object]:
    """The previous year's report: Markdown in both languages, the workbook's cells."""
    out: dict[str, object] = {}
    for lang in ("en", "zh"):
        result = run("--db", db, "export", "report", "--year", str(my.PREVIOUS), lang=lang)
        assert result.exit_code == 0, result.output
        assert len(HEAD.findall(result.stdout)) == 4  # two heads, and the anchor of both
        out[f"md-{lang}"] = _heads_out(result.stdout)
    path = tmp_path / f"{tag}.xlsx"
    result = run(
        "--db", db, "export", "report", "--year", str(my.PREVIOUS), "-f", "xlsx", "-o", str(path)
    )
    assert result.exit_code == 0, result.output
    wb = load_workbook(path)
    out["xlsx"] = {
        ws.title: [tuple(_heads_out(v) for v in row) for row in ws.iter_rows(values_only=True)]
        for ws in wb.worksheets
    }
    return out


def test_last_years_report_is_unchanged_by_this_years_events(db_url, tmp_path):
    store = my.open_store(db_url)
    try:
        branch = my.build_previous_year(store)
    finally:
        store.close()
    before = _exports(db_url, tmp_path, "before")
    store = my.open_store(db_url)
    try:
        my.record_the_year(store, branch)
    finally:
        store.close()
    after = _exports(db_url, tmp_path, "after")
    assert after["md-en"] == before["md-en"]
    assert after["md-zh"] == before["md-zh"]
    assert after["xlsx"] == before["xlsx"]
    md = str(after["md-en"])
    # the seven members of 2025, 005 graded as the probationary member he then was: 82
    # points are "basically qualified" under the probationary cut-offs ("qualified" if full)
    assert "| Members due | 7 |" in md and "| Members covered | 7 |" in md
    assert "| Points band: Basically qualified | 7 |" in md and "Points band: Qualified" not in md


def test_the_year_of_the_events_reports_its_members_on_their_dates(db_url):
    store = my.open_store(db_url)
    try:
        branch = my.build(store)
        report = year_report(store, branch, my.YEAR)
    finally:
        store.close()
    assert report.as_of == my.TODAY
    # due a talk: in the branch on 31 December and there before October (008 came in November)
    assert (report.talks.due, report.talks.covered) == (5, 4)
    assert [g.member_no for g in report.talks.gaps] == [my.AWAY]
    cases = {c.member_no: c for c in report.absences}
    assert list(cases) == [my.AWAY]
    assert cases[my.AWAY].months == ("2026-03", "2026-04", "2026-09")
    assert report.points is not None and report.points.scored == 8  # everyone of the year

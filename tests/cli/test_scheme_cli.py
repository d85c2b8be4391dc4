"""`orglife-tui scheme check|use|show`: a refused scheme prints FILE:LINE:COLUMN problems,
exits 1 and leaves the active scheme as it was; a good one is summarised, stored, shown."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from orglife_tui.data import schemes
from orglife_tui.data.store import Store
from orglife_tui.domain import AttendanceStatus, MeetingType, MemberStatus
from orglife_tui.domain.records import MeetingInput, MemberInput
from orglife_tui.scoring.scheme import default_scheme_text, parse_scheme, scheme_hash
from tests.cli_run import invoke_cli


def run(*args: str, lang: str = "en", input: bytes | str | None = None):
    argv = ["--lang", lang, *args]
    return invoke_cli(argv, input=input, catch_exceptions=False)


def write(path: Path, text: str, bom: bool = False) -> str:
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return str(path)


def copy_of_default(tmp_path: Path, name: str = "my.toml", cap: int = 12, version="2026.2"):
    text = default_scheme_text().replace('version = "2026.1"', f'version = "{version}"', 1)
    text = text.replace("cap = 12                       # 每月一次", f"cap = {cap}  # 每月一次", 1)
    return write(tmp_path / name, text), text


BAD = """[scheme]
name = "坏方案"
version = 3

[points]
base = 80
floor = 0
ceiling = 100
"""


def state(db: str):
    """What `scheme show` and `--versions` say: must not change on a refused `use`."""
    shown = run("--db", db, "scheme", "show")
    listed = run("--db", db, "scheme", "show", "--versions")
    assert shown.exit_code == listed.exit_code == 0, shown.output + listed.output
    return shown.stdout, listed.stdout


# ---------------------------------------------------------------------------- check


def test_check_prints_the_items_and_caps_and_the_hash(tmp_path):
    file, text = copy_of_default(tmp_path, cap=7)
    result = run("scheme", "check", file)
    assert result.exit_code == 0, result.output
    out = result.stdout.splitlines()
    assert out[0] == "Scheme 党员积分量化考评默认方案, version 2026.2 (calendar year)"
    themed = next(line for line in out if line.split()[:1] == ["attend_themed_day"])
    assert themed.split()[1:5] == ["duty", "+1", "each", "7"]
    assert f"SHA-256: {scheme_hash(text)}" in out
    assert out[-1] == f"{file}: no problems."
    assert result.stderr == ""


def test_check_in_chinese(tmp_path):
    file, _ = copy_of_default(tmp_path)
    result = run("scheme", "check", file, lang="zh")
    assert result.exit_code == 0
    assert "积分项目（13 项）：" in result.stdout
    assert result.stdout.splitlines()[-1] == f"{file}：未发现问题。"


def test_check_refuses_with_every_problem_on_stderr(tmp_path):
    file = write(tmp_path / "bad.toml", BAD)
    result = run("scheme", "check", file)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{file}: required table [statuses] is missing",
        f"{file}: required table [[items]] is missing",
        f"{file}:3:1: scheme.version: expected text in quotes, found a number",
        f"{file}: 3 problem(s).",
    ]


def test_check_reports_a_syntax_error_with_line_and_column(tmp_path):
    file = write(tmp_path / "syntax.toml", '[scheme]\nname = "x\n')
    result = run("scheme", "check", file, lang="zh")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{file}:2:10: TOML 语法错误：非法字符 '\\n'",
        f"{file}：共 1 个问题。",
    ]


def test_check_accepts_a_bom_and_standard_input(tmp_path):
    _, text = copy_of_default(tmp_path)
    bom = write(tmp_path / "bom.toml", text, bom=True)
    assert run("scheme", "check", bom).exit_code == 0
    piped = run("scheme", "check", "-", input=text.encode("utf-8"))
    assert piped.exit_code == 0, piped.output
    assert piped.stdout.splitlines()[-1] == "-: no problems."


def test_check_refuses_a_missing_or_non_utf8_file(tmp_path):
    missing = str(tmp_path / "nope.toml")
    result = run("scheme", "check", missing)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{missing}: cannot read the file: No such file or directory"
    )
    gbk = tmp_path / "gbk.toml"
    gbk.write_bytes('[scheme]\nname = "党员积分"\n'.encode("gbk"))
    result = run("scheme", "check", str(gbk))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{gbk}: the file is not UTF-8 text (save it as UTF-8)"
    )


def test_check_does_not_touch_a_database(tmp_path):
    file, _ = copy_of_default(tmp_path)
    db = tmp_path / "never.db"
    assert run("--db", f"sqlite:///{db}", "scheme", "check", file).exit_code == 0
    assert not db.exists()


# ---------------------------------------------------------------------------- use / show


def test_use_stores_the_version_and_show_reports_it(db_url, tmp_path):
    file, text = copy_of_default(tmp_path, cap=9)
    result = run("--db", db_url, "scheme", "use", file)
    assert result.exit_code == 0, result.output
    sha = scheme_hash(text)
    assert result.stdout.splitlines()[0] == (
        f"Scheme 党员积分量化考评默认方案 version 2026.2 is now in use (SHA-256 {sha})."
    )
    shown = run("--db", db_url, "scheme", "show")
    assert shown.exit_code == 0
    lines = shown.stdout.splitlines()
    assert lines[0].startswith("Active scheme (version #") and "by " in lines[0]
    assert lines[1] == f"SHA-256: {sha}"
    themed = next(line for line in lines if line.split()[:1] == ["attend_themed_day"])
    assert themed.split()[4] == "9"
    source = run("--db", db_url, "scheme", "show", "--source")
    assert source.stdout == text


def test_a_refused_use_leaves_the_active_scheme_untouched(db_url, tmp_path):
    file, _ = copy_of_default(tmp_path)
    assert run("--db", db_url, "scheme", "use", file).exit_code == 0
    before = state(db_url)
    bad = write(tmp_path / "bad.toml", BAD)
    result = run("--db", db_url, "scheme", "use", bad)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == (
        f"{bad}: 3 problem(s); the scheme was not put in use."
    )
    assert f"{bad}:3:1: scheme.version: expected text in quotes, found a number" in (
        result.stderr.splitlines()
    )
    syntax = write(tmp_path / "syntax.toml", "[scheme\n")
    assert run("--db", db_url, "scheme", "use", syntax).exit_code == 1
    assert state(db_url) == before


def test_every_version_used_is_listed_with_its_hash(db_url, tmp_path):
    first, t1 = copy_of_default(tmp_path, "a.toml", cap=12, version="2026.1")
    second, t2 = copy_of_default(tmp_path, "b.toml", cap=6, version="2026.2")
    for f in (first, second, first):
        assert run("--db", db_url, "scheme", "use", f).exit_code == 0
    result = run("--db", db_url, "scheme", "show", "--versions")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["#", "put", "in", "use", "name", "version", "by", "SHA-256"]
    assert [line.split()[0] for line in lines[1:]] == ["3", "2", "1"]
    assert lines[1].endswith(f"{scheme_hash(t1)}  (active)")
    assert lines[2].endswith(scheme_hash(t2))
    assert lines[3].endswith(scheme_hash(t1))


def test_using_the_active_file_again_adds_no_version(db_url, tmp_path):
    file, text = copy_of_default(tmp_path)
    assert run("--db", db_url, "scheme", "use", file).exit_code == 0
    again = run("--db", db_url, "scheme", "use", file)
    assert again.exit_code == 0
    assert again.stdout.splitlines()[0] == (
        f"Scheme 党员积分量化考评默认方案 version 2026.2 is already in use "
        f"(SHA-256 {scheme_hash(text)})."
    )
    listed = run("--db", db_url, "scheme", "show", "--versions").stdout.splitlines()
    assert len(listed) == 2


def test_reusing_a_version_label_for_other_text_is_warned_about(db_url, tmp_path):
    first, t1 = copy_of_default(tmp_path, "a.toml", cap=12)
    second, _ = copy_of_default(tmp_path, "b.toml", cap=5)  # same name and version
    assert run("--db", db_url, "scheme", "use", first).exit_code == 0
    result = run("--db", db_url, "scheme", "use", second)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "Note: version 2026.2 of 党员积分量化考评默认方案 was used before with different "
        f"text (SHA-256 {scheme_hash(t1)[:12]}); consider raising the version."
    ]


def test_show_before_any_use_describes_the_default_without_storing_it(db_url):
    result = run("--db", db_url, "scheme", "show")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("No scheme has been put in use yet")
    assert lines[1] == f"SHA-256: {scheme_hash(default_scheme_text())}"
    assert run("--db", db_url, "scheme", "show", "--versions").stdout == (
        "No scheme has been put in use yet.\n"
    )


def test_show_default_prints_the_bundled_toml_to_copy(tmp_path):
    result = run("scheme", "show", "--default")
    assert result.exit_code == 0
    assert result.stdout == default_scheme_text()
    assert parse_scheme(result.stdout).version == "2026.1"


def test_show_options_are_exclusive():
    result = run("scheme", "show", "--default", "--versions")
    assert result.exit_code == 2
    assert "cannot be combined" in result.stderr


def test_show_in_chinese(db_url, tmp_path):
    file, _ = copy_of_default(tmp_path)
    run("--db", db_url, "scheme", "use", file)
    result = run("--db", db_url, "scheme", "show", lang="zh")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("在用积分方案（第 1 号版本，")
    assert lines[1].startswith("SHA-256：")
    assert "  正式党员  90 / 80 / 60" in lines


# ---------------------------------------------------------------------------- attendance


@pytest.fixture
def attended(db_url):
    """001 present and 002 on leave at a themed day that is also a Party lecture."""
    store = Store.open(db_url, operator="tester")
    b = store.resolve_branch("第一党支部")
    store.add_members(
        b.id,
        [
            MemberInput("001", "张伟", MemberStatus.full, join_date=date(2001, 7, 1)),
            MemberInput("002", "李娜", MemberStatus.full, join_date=date(2005, 7, 1)),
        ],
    )
    m = store.add_meeting(
        b.id,
        MeetingInput(
            date(2026, 3, 5), (MeetingType.themed_day, MeetingType.party_lecture), "主题党日"
        ),
    )
    ids = {x.member_no: x.id for x in store.list_members(b.id)}
    store.set_attendance(b.id, m.id, ids["001"], AttendanceStatus.present)
    store.set_attendance(b.id, m.id, ids["002"], AttendanceStatus.leave, "出差")
    store.close()
    return db_url


def test_use_brings_attendance_points_in_line_with_the_new_scheme(attended, tmp_path, monkeypatch):
    from orglife_tui.data import ledger

    calls = []

    def fake_sync(store, conn, branch_id, scheme, version_id, *args, **kwargs):
        calls.append((branch_id, scheme.version, version_id))
        return ledger.SyncResult(added=2, reversed=1)

    monkeypatch.setattr(ledger, "sync_attendance_in", fake_sync)
    file, _ = copy_of_default(tmp_path)
    result = run("--db", attended, "scheme", "use", file)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == (
        "Attendance points brought up to date: 2 added, 1 reversed."
    )
    store = Store.open(attended, operator="tester")
    try:
        branch = store.resolve_branch(None)
        info, _ = schemes.active(store, branch.id)
    finally:
        store.close()
    assert calls == [(branch.id, "2026.2", info.id)]


def test_a_use_whose_resync_fails_half_way_changes_nothing(attended, tmp_path, monkeypatch):
    """The scheme and the re-sync of its points are one transaction (issue 10 §4): the
    attendance points are written, then the dues re-sync fails; the scheme is not in use
    and no entry or audit event is left."""
    from orglife_tui.data import dues, ledger
    from orglife_tui.data.errors import StoreError

    def snapshot() -> tuple:
        store = Store.open(attended, operator="tester")
        try:
            branch = store.resolve_branch(None)
            found = schemes.active(store, branch.id)
            return (
                found[0].id if found else None,
                ledger.count_entries(store, branch.id),
                len(store.audit_entries(limit=1000)),
            )
        finally:
            store.close()

    written = []
    real = ledger.sync_attendance_in

    def attendance_then_count(*args, **kwargs):
        result = real(*args, **kwargs)
        written.append(result.added)
        return result

    def broken(*args, **kwargs):
        raise StoreError("scheme.version_not_found", id=0)

    before = snapshot()
    monkeypatch.setattr(ledger, "sync_attendance_in", attendance_then_count)
    monkeypatch.setattr(dues, "sync_dues_in", broken)
    file, _ = copy_of_default(tmp_path)
    result = run("--db", attended, "scheme", "use", file)
    assert result.exit_code == 1
    assert written and written[0] > 0  # the attendance points were written, then undone
    assert snapshot() == before
    monkeypatch.undo()
    again = run("--db", attended, "scheme", "use", file)
    assert again.exit_code == 0, again.output
    assert f"{written[0]} added" in again.stdout


def test_use_scores_attendance_through_the_real_ledger(attended, tmp_path):
    from orglife_tui.data import ledger

    file, _ = copy_of_default(tmp_path)
    result = run("--db", attended, "scheme", "use", file)
    assert result.exit_code == 0, result.output
    store = Store.open(attended, operator="tester")
    try:
        branch = store.resolve_branch(None)
        try:
            entries = ledger.list_entries(store, branch.id)
        except NotImplementedError:
            pytest.skip("the ledger is not implemented yet")
    finally:
        store.close()
    assert result.stdout.splitlines()[-1] == (
        "Attendance points brought up to date: 2 added, 0 reversed."
    )
    assert sorted((e.member_no, e.item_code, e.points) for e in entries) == [
        ("001", "attend_party_lecture", 1.0),
        ("001", "attend_themed_day", 1.0),
    ]
    # a second `use` of the same file changes nothing
    again = run("--db", attended, "scheme", "use", file)
    assert again.stdout.splitlines()[-1] == (
        "Attendance points brought up to date: 0 added, 0 reversed."
    )

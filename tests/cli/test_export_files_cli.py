"""Export targets from the command line (issue 10 §5), on both databases: confidential talk
texts go to owner-only files, devices and pipes are refused with one line."""

from __future__ import annotations

import os
import stat
from datetime import date

import pytest

from orglife_tui.data.store import Store
from orglife_tui.domain import CommitteePost, MemberStatus
from orglife_tui.domain.records import MemberInput
from tests.cli_run import invoke_cli

YEAR = 2025


def run(*args: str):
    argv = ["--lang", "en", *args]
    return invoke_cli(argv, catch_exceptions=False)


@pytest.fixture
def talked(db_url, monkeypatch):
    monkeypatch.setenv("ORGLIFE_TODAY", f"{YEAR}-12-01")
    store = Store.open(db_url, operator="tester")
    b = store.resolve_branch("第一党支部")
    store.add_members(
        b.id,
        [
            MemberInput("001", "朱海波", MemberStatus.full, post=CommitteePost.secretary),
            MemberInput("004", "谭晶", MemberStatus.full),
        ],
    )
    store.set_records_start(b.id, date(YEAR, 1, 1))
    store.close()
    added = run(
        "--db", db_url, "talks", "add", "--member", "004", "--date", f"{YEAR}-05-01",
        "--talker", "001", "--confidential", "--content", "家庭困难",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    return db_url


@pytest.mark.parametrize("fmt", ["csv", "json", "md", "xlsx"])
def test_confidential_talks_are_written_owner_only_over_a_looser_file(talked, tmp_path, fmt):
    target = tmp_path / f"talks.{fmt}"
    target.write_bytes(b"old")
    os.chmod(target, 0o644)
    old_umask = os.umask(0)
    try:
        result = run(
            "--db", talked, "export", "talks", "--format", fmt, "--include-confidential",
            "-o", str(target),
        )  # fmt: skip
    finally:
        os.umask(old_umask)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    if fmt != "xlsx":
        assert "家庭困难" in target.read_text(encoding="utf-8-sig")


def test_talks_without_confidential_texts_keep_the_files_mode(talked, tmp_path):
    target = tmp_path / "talks.csv"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    result = run("--db", talked, "export", "talks", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640
    assert "家庭困难" not in target.read_text(encoding="utf-8-sig")


def test_a_device_or_a_pipe_as_target_is_refused_with_one_line(talked, tmp_path):
    result = run("--db", talked, "export", "talks", "-o", "/dev/null")
    assert result.exit_code == 1
    assert "not a regular file (a device)" in result.stderr
    assert result.stderr.count("\n") == 1
    fifo = tmp_path / "p.json"
    os.mkfifo(fifo)
    result = run("--db", talked, "export", "talks", "-f", "json", "-o", str(fifo))
    assert result.exit_code == 1 and "named pipe" in result.stderr
    assert "Traceback" not in result.output

"""Opening a database from the command line (issue 10 §5): notices on stderr, one clear
line for a file of another program or a read-only database, never a traceback."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat

import pytest

from orglife_tui.data.store import Store
from tests.cli_run import invoke_cli


def run(*args: str, lang: str = "en"):
    argv = ["--lang", lang, *args]
    return invoke_cli(argv, catch_exceptions=False)


@pytest.fixture
def made(tmp_path):
    path = tmp_path / "branch.db"
    store = Store.open(f"sqlite:///{path}", operator="t")
    store.resolve_branch("第一党支部")
    store.close()
    return path


def test_a_looser_file_is_tightened_and_the_cli_says_so(made):
    os.chmod(made, 0o664)
    result = run("--db", str(made), "branch", "list")
    assert result.exit_code == 0
    assert result.stdout == "第一党支部\n"
    assert "was readable by others (mode 0664); it is now 0600" in result.stderr
    assert stat.S_IMODE(os.stat(made).st_mode) == 0o600
    again = run("--db", str(made), "branch", "list")
    assert again.stderr == ""  # said once: the file is private now


def test_another_programs_database_is_refused_in_one_line(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (body TEXT)")
    con.commit()
    con.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    for lang, words in (("en", "another program"), ("zh", "其他程序")):
        result = run("--db", str(path), "members", "list", lang=lang)
        assert result.exit_code == 1
        assert words in result.stderr and result.stderr.count("\n") == 1
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_read_only_database_reads_and_refuses_changes_in_one_line(made):
    os.chmod(made, 0o400)
    listed = run("--db", str(made), "branch", "list")
    assert listed.exit_code == 0 and listed.stdout == "第一党支部\n"
    assert "is read-only (the file is not writable)" in listed.stderr
    added = run("--db", str(made), "branch", "add", "新支部")
    assert added.exit_code == 1
    assert "The database is read-only (the file is not writable): nothing was changed." in (
        added.stderr
    )
    assert "Traceback" not in added.output and "Unexpected" not in added.stderr
    zh = run("--db", str(made), "branch", "add", "新支部", lang="zh")
    assert zh.exit_code == 1 and "数据库为只读" in zh.stderr

"""Crash reports (issue 10 §5): one line for the user, the details in an owner-only file in
the ``crash`` folder of the data directory, where the guide says."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from orglife_tui.config import data_dir
from orglife_tui.crash import crash_dir, report_crash


def test_a_crash_report_is_owner_only_in_the_data_directory(monkeypatch):
    old = os.umask(0)
    try:
        line = report_crash(ValueError("boom at 张伟"))
        again = report_crash(ValueError("boom again"))  # the same second: a file of its own
    finally:
        os.umask(old)
    files = sorted(crash_dir().iterdir())
    assert crash_dir() == data_dir() / "crash"
    assert len(files) == 2
    assert str(files[0]) in line + again and str(files[1]) in line + again
    assert stat.S_IMODE(os.stat(crash_dir()).st_mode) == 0o700
    for f in files:
        assert stat.S_IMODE(os.stat(f).st_mode) == 0o600
    assert "ValueError: boom at 张伟" in line and "\n" not in line


def test_the_guide_names_the_folder_the_program_uses():
    guide = (Path(__file__).parents[2] / "docs" / "guide.md").read_text(encoding="utf-8")
    assert "`crash` folder of the data directory" in guide


def test_an_unexpected_error_in_a_command_ends_in_one_line_and_a_report(monkeypatch, capsys):
    from orglife_tui.cli import main as cli

    def broken(*_a, **_k):
        raise RuntimeError("surprise")

    monkeypatch.setattr(cli, "build_app", broken)
    monkeypatch.setattr(sys, "argv", ["orglife-tui", "where"])
    with pytest.raises(SystemExit) as info:
        cli.main()
    assert info.value.code == 70
    err = capsys.readouterr().err
    assert "RuntimeError: surprise" in err and str(crash_dir()) in err
    (report,) = crash_dir().iterdir()
    assert stat.S_IMODE(os.stat(report).st_mode) == 0o600

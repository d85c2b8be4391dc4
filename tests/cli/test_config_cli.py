"""`orglife-tui config get|set|unset|path` and what the settings do (issue 12 §2): the
language, database and branch a secretary sets once, an option or the environment still
winning, and a broken file named in a clear message, never a traceback."""

from __future__ import annotations

import stat
import sys

import pytest

from orglife_tui.cli import main as cli_main
from orglife_tui.config import config_path, read_config, sqlite_url
from tests.cli_run import invoke_cli


def _ui_launch(monkeypatch, argv: list[str]) -> tuple[str, str | None, str]:
    """(db URL, branch, language) the bare command would start the UI with."""
    calls: list[tuple[str, str | None, str]] = []
    monkeypatch.setattr(cli_main, "run_ui", lambda *args: calls.append(args))
    monkeypatch.setattr(sys, "argv", ["orglife-tui", *argv])
    cli_main.main()
    assert len(calls) == 1
    return calls[0]


def test_set_get_unset_and_path():
    assert invoke_cli(["config", "path"]).output.strip() == str(config_path())
    assert "Nothing is set" in invoke_cli(["config", "get"]).output
    result = invoke_cli(["config", "set", "branch", "第一党支部"])
    assert result.exit_code == 0 and str(config_path()) in result.output
    invoke_cli(["config", "set", "lang", "en"])
    assert invoke_cli(["config", "get", "branch"]).output == "第一党支部\n"
    assert invoke_cli(["config", "get"]).output == "lang = en\nbranch = 第一党支部\n"
    assert stat.S_IMODE(config_path().stat().st_mode) == 0o600
    assert invoke_cli(["config", "unset", "branch"]).exit_code == 0
    assert read_config() == {"lang": "en"}
    missing = invoke_cli(["config", "get", "branch"])
    assert missing.exit_code == 1 and "branch is not set" in missing.stderr


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["config", "set", "colour", "red"], "unknown setting colour"),
        (["config", "get", "colour"], "the settings are lang, db, branch"),
        (["config", "unset", "colour"], "unknown setting colour"),
        (["config", "set", "lang", "fr"], "unsupported language fr"),
        (["config", "set", "db", "://nowhere"], "neither a database URL nor a file path"),
        (["config", "set", "branch", "  "], "branch cannot be empty"),
    ],
)
def test_a_bad_key_or_value_is_a_usage_error_and_writes_nothing(argv, says):
    result = invoke_cli(argv)
    assert result.exit_code == 2 and says in result.stderr
    assert "Traceback" not in result.output
    assert not config_path().exists()


def test_a_database_password_is_masked_in_listings():
    url = "postgresql+psycopg://secretary:s3cret@db.example/orglife"
    result = invoke_cli(["config", "set", "db", url])
    assert result.exit_code == 0 and "s3cret" not in result.output
    assert "s3cret" not in invoke_cli(["config", "get"]).output
    assert invoke_cli(["config", "get", "db"]).output.strip() == url


def test_a_relative_db_is_stored_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    invoke_cli(["config", "set", "db", "branch.db"])
    assert read_config()["db"] == str(tmp_path / "branch.db")
    assert sqlite_url(tmp_path / "branch.db") in invoke_cli(["where"]).output


def test_a_broken_file_is_named_and_left_as_it_is():
    config_path().parent.mkdir(parents=True)
    config_path().write_text('lang = "en', encoding="utf-8")
    for argv in (
        ["where"],
        ["members", "list"],
        ["config", "get"],
        ["config", "set", "lang", "zh"],
    ):
        result = invoke_cli(argv)
        assert result.exit_code == 1, argv
        assert str(config_path()) in result.stderr and "not valid TOML" in result.stderr
        assert "Traceback" not in result.output
    assert config_path().read_text(encoding="utf-8") == 'lang = "en'
    # The path is still told, so that the file can be found and mended.
    assert invoke_cli(["config", "path"]).output.strip() == str(config_path())


def test_a_broken_file_stops_the_ui_with_a_message(monkeypatch, capsys):
    config_path().parent.mkdir(parents=True)
    config_path().write_text("lang = 3", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["orglife-tui"])
    monkeypatch.setattr(cli_main, "run_ui", lambda *args: pytest.fail("the UI started"))
    with pytest.raises(SystemExit) as exit_:
        cli_main.main()
    assert exit_.value.code == 1
    assert str(config_path()) in capsys.readouterr().err


def test_a_bare_c_locale_opens_the_ui_in_chinese_until_the_config_says_english(monkeypatch):
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert _ui_launch(monkeypatch, [])[2] == "zh"
    assert invoke_cli(["config", "set", "lang", "en"]).exit_code == 0
    assert _ui_launch(monkeypatch, [])[2] == "en"
    assert _ui_launch(monkeypatch, ["--lang", "zh"])[2] == "zh"  # the option still wins


def test_the_commands_speak_chinese_under_a_bare_c_locale(monkeypatch):
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert "没有任何设置" in invoke_cli(["config", "get"]).output
    invoke_cli(["config", "set", "lang", "en"])
    assert "Config file" in invoke_cli(["where"]).output
    assert "配置文件" in invoke_cli(["--lang", "zh", "where"]).output


def test_the_ui_takes_db_and_branch_from_the_config_after_options_and_environment(
    tmp_path, monkeypatch
):
    invoke_cli(["config", "set", "db", str(tmp_path / "file.db")])
    invoke_cli(["config", "set", "branch", "第一党支部"])
    assert _ui_launch(monkeypatch, [])[:2] == (sqlite_url(tmp_path / "file.db"), "第一党支部")
    monkeypatch.setenv("ORGLIFE_DB", str(tmp_path / "env.db"))
    monkeypatch.setenv("ORGLIFE_BRANCH", "第二党支部")
    assert _ui_launch(monkeypatch, [])[:2] == (sqlite_url(tmp_path / "env.db"), "第二党支部")
    got = _ui_launch(monkeypatch, ["--db", str(tmp_path / "opt.db"), "--branch", "第三党支部"])
    assert got[:2] == (sqlite_url(tmp_path / "opt.db"), "第三党支部")


def test_commands_use_the_configured_database_and_branch(tmp_path):
    db = tmp_path / "cfg.db"
    invoke_cli(["config", "set", "db", str(db)])
    assert invoke_cli(["branch", "add", "第一党支部"]).exit_code == 0
    invoke_cli(["branch", "add", "第二党支部"])
    assert db.exists()
    ambiguous = invoke_cli(["members", "list"])
    assert ambiguous.exit_code == 1
    invoke_cli(["config", "set", "branch", "第二党支部"])
    assert invoke_cli(["members", "list"]).exit_code == 0

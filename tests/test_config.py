"""The config file (config.py): read, checked, written atomically and owner-only, and the
order in which an option, the environment, the file and the default decide a setting."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from orglife_tui.config import (
    ConfigError,
    ConfigValueError,
    check_config_value,
    config_path,
    read_config,
    resolve_settings,
    sqlite_url,
    write_config,
)


def _english() -> str:
    return "en"


def test_the_config_file_lives_in_the_test_home_not_the_real_one(tmp_path_factory):
    assert "home" in str(config_path()) and config_path().name == "config.toml"
    assert not str(config_path()).startswith(str(Path.home() / ".config"))


def test_a_missing_file_sets_nothing():
    assert read_config() == {}


def test_what_is_written_is_read_back_owner_only(tmp_path):
    path = tmp_path / "sub" / "config.toml"
    values = {"lang": "zh", "db": 'C:\\data\\"quoted" 党支部.db', "branch": "第一党支部"}
    write_config(values, path)
    assert read_config(path) == values
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["config.toml"]  # no temporary file left


def test_writing_replaces_the_whole_file(tmp_path):
    path = tmp_path / "config.toml"
    write_config({"lang": "en", "branch": "b"}, path)
    write_config({"lang": "zh"}, path)
    assert read_config(path) == {"lang": "zh"}


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('lang = "', "config.error.not_toml"),
        ("lang = 3", "config.error.not_text"),
        ('colour = "red"', "config.error.unknown_key"),
        ('lang = "fr"', "config.error.bad_lang"),
        ('branch = ""', "config.error.empty"),
        ('branch = "a\\u001b[2Jb"', "config.error.control"),
        ('db = "://x"', "config.error.bad_db"),
    ],
)
def test_a_broken_file_is_refused_naming_itself(tmp_path, text, problem):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        read_config(path)
    assert caught.value.path == path and caught.value.key == problem


def test_a_file_that_is_not_utf8_or_not_readable_is_refused(tmp_path):
    path = tmp_path / "config.toml"
    path.write_bytes(b'lang = "\xff"')
    with pytest.raises(ConfigError) as caught:
        read_config(path)
    assert caught.value.key == "config.error.not_utf8"
    path.unlink()
    path.mkdir()  # a directory where the file should be
    with pytest.raises(ConfigError) as caught:
        read_config(path)
    assert caught.value.key == "config.error.unreadable"


def test_values_are_checked_and_a_db_path_made_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert check_config_value("lang", " zh ") == "zh"
    assert check_config_value("db", "branch.db") == str(tmp_path / "branch.db")
    url = "postgresql+psycopg://u@h/db"
    assert check_config_value("db", url) == url
    assert check_config_value("branch", "第一党支部") == "第一党支部"
    for name, value, problem in [
        ("lang", "fr", "config.error.bad_lang"),
        ("colour", "red", "config.error.unknown_key"),
        ("branch", "  ", "config.error.empty"),
        ("branch", "x\u202ey", "config.error.control"),
    ]:
        with pytest.raises(ConfigValueError) as caught:
            check_config_value(name, value)
        assert caught.value.key == problem


def test_an_option_beats_the_environment_beats_the_file_beats_the_default(tmp_path):
    path = tmp_path / "config.toml"
    write_config({"lang": "zh", "db": str(tmp_path / "file.db"), "branch": "file"}, path)
    env = {"ORGLIFE_DB": str(tmp_path / "env.db"), "ORGLIFE_BRANCH": "env"}
    given = resolve_settings(str(tmp_path / "opt.db"), "opt", "en", _english, env, path)
    assert (given.db_url, given.branch, given.lang) == (
        sqlite_url(tmp_path / "opt.db"),
        "opt",
        "en",
    )
    from_env = resolve_settings(None, None, None, _english, env, path)
    assert (from_env.db_url, from_env.branch, from_env.lang) == (
        sqlite_url(tmp_path / "env.db"),
        "env",
        "zh",
    )
    from_file = resolve_settings(None, None, None, _english, {}, path)
    assert (from_file.db_url, from_file.branch) == (sqlite_url(tmp_path / "file.db"), "file")
    default = resolve_settings(None, None, None, _english, {}, tmp_path / "none.toml")
    assert (default.branch, default.lang) == (None, "en")
    assert default.db_url.endswith("orglife.db")


def test_a_broken_file_is_not_read_when_the_options_say_everything(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("not toml", encoding="utf-8")
    settings = resolve_settings("x.db", "b", "zh", _english, {}, path)
    assert settings.lang == "zh"
    with pytest.raises(ConfigError):
        resolve_settings("x.db", "b", None, _english, {}, path)

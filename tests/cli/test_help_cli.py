"""Every command builds and shows its help in both languages: the options are declared with
``Annotated`` and their help texts are translated when the app is built, so a name an
annotation cannot resolve would only show up here (or in front of a user)."""

import pytest
from click.testing import CliRunner as ClickRunner
from typer.main import get_command
from typer.testing import CliRunner

from orglife_tui.cli.main import _early_language, build_app
from orglife_tui.locale import LANGUAGES


def _command_paths(command, path=()):
    yield path
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        yield from _command_paths(sub, (*path, name))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_command_shows_its_help(lang):
    _early_language(["--lang", lang])
    # One Click command for every path: building it (Typer's get_command) is what costs.
    command = get_command(build_app())
    paths = list(_command_paths(command))
    assert len(paths) > 50
    runner = ClickRunner()
    for path in paths:
        result = runner.invoke(command, ["--lang", lang, *path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        assert "Usage" in result.output


def test_help_texts_follow_the_language():
    _early_language(["--lang", "zh"])
    zh = CliRunner().invoke(build_app(), ["--lang", "zh", "export", "scores", "--help"])
    _early_language(["--lang", "en"])
    en = CliRunner().invoke(build_app(), ["--lang", "en", "export", "scores", "--help"])
    assert zh.output != en.output
    assert "--format" in zh.output and "--format" in en.output


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ("terminal UI", "config file", "ORGLIFE_DB", "'where'", "Commands")),
        ("zh", ("终端界面", "配置文件", "ORGLIFE_DB", "“where”", "民主评议党员")),
    ],
)
def test_the_root_help_describes_the_whole_tool(lang, words):
    """What the tool is, the UI by default, where settings and data come from, the commands."""
    _early_language(["--lang", lang])
    result = CliRunner().invoke(build_app(), ["--lang", lang, "--help"])
    assert result.exit_code == 0
    for word in words:
        assert word in result.output, word
    for command in ("config", "export", "import", "appraisal", "verify"):
        assert f"\n  {command} " in result.output, command

"""The command line run in-process as ``main()`` runs it: the language is chosen before the
app is built (the help texts are translated then), and the Click command is built once per
language and reused, since building it is most of what a call to a small command costs.

A call that answers prompts goes through Typer's own runner: Typer prompts through the
Click it vendors, whose prompt functions only that runner replaces."""

from __future__ import annotations

from functools import cache
from typing import Any

import click
from click.testing import CliRunner
from typer.main import get_command
from typer.testing import CliRunner as TyperRunner

from orglife_tui.cli.main import _early_language, build_app
from orglife_tui.locale import get_language

_runner = CliRunner()


@cache
def _command(lang: str) -> click.Command:
    return get_command(build_app())


def invoke_cli(argv: list[str], input: str | bytes | None = None, **kwargs: Any) -> Any:
    """``orglife-tui ARGV`` (``input`` typed at its prompts); other keyword arguments go to
    the runner's ``invoke``. The result has ``exit_code``, ``output``, ``stdout``, ``stderr``."""
    _early_language(argv)
    if input is not None:
        return TyperRunner().invoke(build_app(), argv, input=input, **kwargs)
    return _runner.invoke(_command(get_language()), argv, **kwargs)

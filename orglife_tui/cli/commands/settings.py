"""`config …`: the config file holding the language, database and branch (issue 12 §2).

Thin: check the value (``config.check_config_value``), read and write the file
(``config.read_config`` / ``write_config``), print. A file that cannot be used is named
and left as it is: ``set`` and ``unset`` never write over what they could not read.
"""

from __future__ import annotations

from typing import Annotated

import typer

from orglife_tui.cli.commands.common import fail
from orglife_tui.locale import t, visible


def _key(name: str) -> str:
    """A setting's name, or a usage error (exit 2) naming the ones there are."""
    from orglife_tui.config import CONFIG_KEYS

    if name not in CONFIG_KEYS:
        problem = t("config.error.unknown_key", name=name, known=", ".join(CONFIG_KEYS))
        raise fail(t("config.bad_value", name=name, problem=problem), code=2)
    return name


def _stored() -> dict[str, str]:
    """The file's settings, or exit 1 with the message naming the file."""
    from orglife_tui.cli.main import config_problem
    from orglife_tui.config import ConfigError, read_config

    try:
        return read_config()
    except ConfigError as exc:
        raise fail(config_problem(exc)) from None


def _save(values: dict[str, str]) -> str:
    """Write the file; exit 1 saying why when it cannot be written. Its path, as text."""
    from orglife_tui.cli.main import config_problem
    from orglife_tui.config import ConfigError, config_path, write_config

    path = config_path()
    try:
        write_config(values, path)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        problem = ConfigError(path, "config.error.unwritable", reason=reason)
        raise fail(config_problem(problem)) from None
    return str(path)


def _shown(name: str, value: str) -> str:
    """A setting as a listing shows it: a database URL's password masked (``config get
    db`` alone prints it as stored, for scripts)."""
    from orglife_tui.config import redact_url

    return redact_url(value) if name == "db" else value


def register(app: typer.Typer) -> None:
    """Add the ``config`` group."""
    config_app = typer.Typer(help=t("config.cli.help"), no_args_is_help=True)
    app.add_typer(config_app, name="config")

    @config_app.command("get", help=t("config.cli.get.help"))
    def get(
        name: Annotated[str | None, typer.Argument(metavar="KEY", help=t("config.cli.key"))] = None,
    ) -> None:
        from orglife_tui.config import CONFIG_KEYS, config_path

        if name is not None:
            _key(name)
        values = _stored()
        if name is None:
            if not values:
                typer.echo(t("config.empty", path=str(config_path())))
            for key in CONFIG_KEYS:
                if key in values:
                    typer.echo(f"{key} = {visible(_shown(key, values[key]))}")
            return
        if name not in values:
            typer.echo(t("config.not_set", name=name), err=True)
            raise typer.Exit(1)
        typer.echo(visible(values[name]))

    @config_app.command("set", help=t("config.cli.set.help"))
    def set_(
        name: Annotated[str, typer.Argument(metavar="KEY", help=t("config.cli.key"))],
        value: Annotated[str, typer.Argument(metavar="VALUE", help=t("config.cli.value"))],
    ) -> None:
        from orglife_tui.config import ConfigValueError, check_config_value

        _key(name)
        try:
            checked = check_config_value(name, value)
        except ConfigValueError as exc:
            problem = t(exc.key, **exc.detail)
            raise fail(t("config.bad_value", name=name, problem=problem), code=2) from None
        values = _stored()
        values[name] = checked
        path = _save(values)
        typer.echo(t("config.set", name=name, value=_shown(name, checked), path=path))

    @config_app.command("unset", help=t("config.cli.unset.help"))
    def unset(
        name: Annotated[str, typer.Argument(metavar="KEY", help=t("config.cli.key"))],
    ) -> None:
        _key(name)
        values = _stored()
        if name not in values:
            typer.echo(t("config.unset_absent", name=name))
            return
        del values[name]
        path = _save(values)
        typer.echo(t("config.unset", name=name, path=path))

    @config_app.command("path", help=t("config.cli.path.help"))
    def path() -> None:
        from orglife_tui.config import config_path

        typer.echo(str(config_path()))

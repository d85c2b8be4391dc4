"""The `orglife-tui` command: the terminal UI when called bare, subcommands otherwise.

This module is what starts: it picks the language, builds the Typer app of cli/app.py
for the one command it runs, and guards against the unexpected. Called bare (nothing but
``--db``, ``--branch`` and ``--lang``, which fall back on the environment, then on the
config file, as the root's options do) it starts the terminal UI without building the
command line at all: Typer, and the pydantic its option parsing loads, cost the UI's first
paint a quarter of a second (issue 11 §4). Anything else, a mistake included, goes
through Typer, which checks it and says what is wrong.

The launches of the Textual apps (``run_ui``, ``run_kiosk``) are here, the one place the
command line reaches the UI, and import it only when they run.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from orglife_tui.locale import LANGUAGES, detect_language, set_language, t

if TYPE_CHECKING:
    import typer

    from orglife_tui.config import ConfigError
    from orglife_tui.data.store import BranchInfo, Store
    from orglife_tui.domain.access import Access

# The root's options that take a value, and the environment variables the root reads
# when they are not given (cli/app.py declares them for Typer).
ROOT_VALUE_OPTIONS = ("--db", "--branch", "--lang")


def build_app(command: str | None = None) -> typer.Typer:
    """The Typer app (cli/app.py), with only ``command``'s modules built when it is given."""
    from orglife_tui.cli.app import build_app as build

    return build(command)


def _early_language(argv: list[str]) -> None:
    """Pick the language before the app (and its help texts) is built.

    A peek, not a rewrite: the help texts are translated while the app is built, before
    Click parses anything, so ``--lang`` (wherever it stands) is read here first; Click
    still parses and checks it afterwards."""
    lang = None
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    set_language(lang if lang in LANGUAGES else configured_language() or detect_language())


def configured_language() -> str | None:
    """The config file's ``lang``, None when it sets none or cannot be read (the command
    that needs the file says what is wrong with it; the language of that message must not
    depend on it)."""
    from orglife_tui.config import ConfigError, read_config

    try:
        return read_config().get("lang")
    except ConfigError:
        return None


def config_problem(exc: ConfigError) -> str:
    """The message for a config file that cannot be used, naming it."""
    return t("config.broken", path=str(exc.path), problem=t(exc.key, **exc.detail))


def command_of(argv: list[str]) -> str | None:
    """The top-level command named in ``argv`` (None: the UI, or the root's help)."""
    args = iter(argv)
    for arg in args:
        if arg in ROOT_VALUE_OPTIONS:
            next(args, None)
        elif not arg.startswith("-"):
            return arg
    return None


def ui_options(argv: list[str]) -> tuple[str | None, str | None, str | None] | None:
    """(db, branch, language) given when ``argv`` asks for the terminal UI and nothing
    else: only ``--db``, ``--branch`` and ``--lang`` (a known language), each with its
    value (None for one not given). None for anything else, which Typer then parses (and
    refuses, if it is wrong)."""
    given: dict[str, str] = {}
    args = iter(argv)
    for arg in args:
        name, equals, value = arg.partition("=")
        if name not in ROOT_VALUE_OPTIONS:
            return None
        if not equals:
            following = next(args, None)
            if following is None:
                return None
            value = following
        given[name] = value
    lang = given.get("--lang")
    if lang is not None and lang not in LANGUAGES:
        return None
    # The environment and the config file stand in for what is missing when the UI starts.
    return given.get("--db"), given.get("--branch"), lang


def run_ui(db_url: str, branch_name: str | None, lang: str) -> None:
    """Open the store and run the terminal UI on the branch (a ``StoreError`` when the
    database or the branch cannot be opened). What opening found (a mode tightened,
    read-only) is said on stderr, and by the app once it runs."""
    from orglife_tui.config import clock
    from orglife_tui.data.accounts import access_of
    from orglife_tui.data.errors import NotPermitted
    from orglife_tui.data.store import Store
    from orglife_tui.domain.access import Home
    from orglife_tui.tui.app import run_app

    store = Store.open(db_url, today=clock())
    try:
        for notice in store.notices:
            sys.stderr.write(notice + "\n")
        store.on_wait = _tell_waiting  # until the app runs and tells it on the screen
        access = access_of(store)
        branch = _home_branch(store, access, branch_name)
        if access.home(branch.id) is Home.NONE:
            raise NotPermitted("users.no_role_here", name=access.account, branch=branch.name)
        run_app(store, branch, lang, access)
    finally:
        store.close()


def _home_branch(store: Store, access: Access, name: str | None) -> BranchInfo:
    """The branch the UI opens on: the one asked for, else the only one, else (for a login
    with roles in several branches, an observer) the first where it has a role."""
    from orglife_tui.data.errors import StoreError

    try:
        return store.resolve_branch(name)
    except StoreError:
        mine = access.branch_ids()
        if name is not None or mine is None:
            raise
        for branch in store.branches():
            if branch.id in mine:
                return branch
        raise


def _tell_waiting(seconds: float) -> None:
    from orglife_tui.data.engine import seconds_text

    sys.stderr.write(t("db.waiting", seconds=seconds_text(seconds)) + "\n")


def run_kiosk(store: Store, branch: BranchInfo, lang: str, session_id: int) -> None:
    from orglife_tui.tui.app import run_kiosk as run

    run(store, branch, lang, session_id)


def _start_ui(db: str | None, branch: str | None, lang: str | None) -> None:
    """``orglife-tui [--db …] [--branch …] [--lang …]``: as the root callback does it."""
    from orglife_tui.config import ConfigError, resolve_settings
    from orglife_tui.data.errors import StoreError

    try:
        settings = resolve_settings(db, branch, lang, detect_language)
    except ConfigError as exc:
        sys.stderr.write(t("cli.error", message=config_problem(exc)) + "\n")
        sys.exit(1)
    set_language(settings.lang)
    try:
        run_ui(settings.db_url, settings.branch, settings.lang)
    except StoreError as exc:  # as the commands' handles_errors: one line, status 1
        sys.stderr.write(t("cli.error", message=str(exc)) + "\n")
        sys.exit(1)


def main() -> None:
    argv = sys.argv[1:]
    _early_language(argv)
    try:
        ui = ui_options(argv)
        if ui is not None:
            _start_ui(*ui)
        else:
            build_app(command_of(argv))(args=argv, prog_name="orglife-tui")
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # the last guard: a short line for the user, the details in a file
        from orglife_tui.crash import report_crash

        sys.stderr.write(report_crash(exc) + "\n")
        sys.exit(70)

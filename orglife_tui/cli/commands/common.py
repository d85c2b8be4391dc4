"""What every subcommand shares: the global options, opening the store, errors, output."""

from __future__ import annotations

import functools
import inspect
import io
import json
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date
from enum import Enum
from typing import Any, ParamSpec, TypeVar

import typer

from orglife_tui.config import resolve_db_url, sqlite_path
from orglife_tui.data.errors import StoreError
from orglife_tui.export.cells import csv_writer
from orglife_tui.export.sheet import for_people, header, shown
from orglife_tui.locale import get_language, t, visible

P = ParamSpec("P")
R = TypeVar("R")
E = TypeVar("E", bound=Enum)
F = TypeVar("F", bound=Callable[..., Any])

FORMATS = ("table", "csv", "json")


@dataclass
class Globals:
    db: str | None
    branch: str | None
    lang: str

    @property
    def db_url(self) -> str:
        return resolve_db_url(self.db)


def globals_of(ctx: typer.Context) -> Globals:
    root = ctx.find_root()
    obj = root.obj
    if not isinstance(obj, Globals):  # a subcommand invoked without the root callback (tests)
        obj = Globals(db=None, branch=None, lang="en")
        root.obj = obj
    return obj


def today() -> date:
    """Today for a command: ``ORGLIFE_TODAY`` when set (scripts, tests), else the system's."""
    from orglife_tui.config import clock

    fixed = clock()
    return fixed() if fixed else date.today()


def _tell_waiting(seconds: float) -> None:
    from orglife_tui.data.engine import seconds_text

    typer.echo(t("db.waiting", seconds=seconds_text(seconds)), err=True)


def open_store(ctx: typer.Context):
    """The store of ``--db``: what opening found (a mode tightened, read-only) is said on
    stderr, and a write that waits for another writer says so there too."""
    from orglife_tui.config import clock
    from orglife_tui.data.store import Store

    store = Store.open(globals_of(ctx).db_url, today=clock())
    for notice in store.notices:
        typer.echo(notice, err=True)
    store.on_wait = _tell_waiting
    return store


def open_branch(ctx: typer.Context, default_name: str | None = None):
    """The store and the selected branch (created on an empty database)."""
    store = open_store(ctx)
    kwargs = {"default_name": default_name} if default_name else {}
    try:
        branch = store.resolve_branch(globals_of(ctx).branch, **kwargs)
    except BaseException:
        store.close()
        raise
    return store, branch


def open_existing_branch(ctx: typer.Context):
    """The store and the selected branch, refusing (exit 1, nothing written) when the
    database has no branch yet: a command that records a branch's data must not invent
    the branch. A SQLite file that does not exist is not even created."""
    path = sqlite_path(globals_of(ctx).db_url)
    if path is not None and not path.exists():
        raise fail(t("cli.no_branch"))
    store = open_store(ctx)
    try:
        if not store.branches():
            restricted = store.restricted
            raise fail(
                t("users.no_branch", name=store.operator) if restricted else t("cli.no_branch")
            )
        branch = store.resolve_branch(globals_of(ctx).branch)
    except BaseException:
        store.close()
        raise
    return store, branch


def on_branch(ctx: typer.Context, operation: Callable[..., R], /, *args: Any, **kwargs: Any) -> R:
    """``operation(store, branch_id, *args, **kwargs)`` on the selected branch, the store
    closed after it: the one data operation most commands run. A database without a branch
    is refused as ``open_existing_branch`` refuses it."""
    store, branch = open_existing_branch(ctx)
    with store:
        return operation(store, branch.id, *args, **kwargs)


def fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(t("cli.error", message=message), err=True)
    return typer.Exit(code)


def field_errors(errors: Any) -> typer.Exit:
    """A record's refused fields (``records.FieldErrors``): every problem on one line,
    usage status 2."""
    sep = "；" if get_language() == "zh" else "; "
    return fail(sep.join(errors.messages()), code=2)


def date_option(text: str, option: str | None = None) -> date:
    """A date typed on the command line; a bad one is a usage error (exit 2) saying why,
    after the option's name when given."""
    from orglife_tui.domain import InputError, parse_date

    try:
        return parse_date(text)
    except InputError as exc:
        message = t(exc.key, value=text)
        raise fail(f"{option}: {message}" if option else message, code=2) from None


def enum_option(enum: type[E], text: str, bad_key: str) -> E:
    """A value of ``enum`` typed on the command line (any accepted spelling); another one is
    a usage error (exit 2): the catalog message ``bad_key`` with the value and the accepted
    ones."""
    from orglife_tui.domain import InputError, accepted_values, parse_enum

    try:
        return parse_enum(enum, text)
    except InputError:
        raise fail(t(bad_key, value=text, accepted=accepted_values(enum)), code=2) from None


def import_refused(exc: Any, file: str) -> typer.Exit:
    """A refused import (``importing.ImportFailed``): each refused row on stderr, then the
    count; exit status 1."""
    for line in exc.lines():
        typer.echo(line, err=True)
    typer.echo(t("import.failed", count=len(exc.problems), file=file), err=True)
    return typer.Exit(1)


def points_follow(sync: Callable[[], Any], failed_key: str) -> None:
    """Let the points follow a change (``sync`` runs the points sync) and say what moved. A
    failed sync leaves the change saved, says so with ``failed_key`` (how to catch up) and
    exits 1."""
    try:
        result = sync()
    except StoreError as exc:
        typer.echo(t(failed_key, message=str(exc)), err=True)
        typer.echo(t("cli.points_sync_hint"), err=True)
        raise typer.Exit(1) from None
    say_points_moved(result)


def say_points_moved(result: Any) -> None:
    """What a points sync added and reversed, when it changed anything."""
    if result.changed:
        typer.echo(t("ledger.points_updated", added=result.added, reversed=result.reversed))


# The option that supplies what a refusal asks for: the messages are shared with the TUI,
# which names no option, so the command line adds it.
OPTION_ASKED = {
    "appraisal.reason_needed": "--reason",
    "dues.void_reason_required": "--reason",
    "ledger.hours_required": "--hours",
    "ledger.reason_required": "--reason",
    "membership.extend_needs_until": "--until",
    "orders.reason_required": "--reason",
    "rectification.done_needs_note": "--note",
}


def with_option(exc: StoreError) -> str:
    """The refusal's message, naming the option that answers it where there is one."""
    text = str(exc)
    option = OPTION_ASKED.get(exc.key)
    if option is None:
        return text
    if text.endswith("。"):
        return f"{text[:-1]}（{option}）。"
    return f"{text.rstrip('.')} ({option})."


def handles_errors(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn refused operations into one clear line on stderr and exit status 1."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except StoreError as exc:
            raise fail(with_option(exc)) from None

    return wrapper


def option_group(param: str, options: Mapping[str, Any]) -> Callable[[F], F]:
    """Declare a group of options once for every command that takes it.

    Typer reads a command's options from its signature: the decorated command's parameter
    ``param`` stands for ``options`` (name → ``Annotated`` type, each defaulting to None)
    at its place in ``--help``, and receives their values as one dict. Build ``options``
    when the command is registered, so that their help is in the chosen language."""

    def decorate(command: F) -> F:
        own = inspect.signature(command, eval_str=True)
        if param not in own.parameters or set(options) & set(own.parameters):
            raise TypeError(f"{command.__name__}: no parameter {param!r}, or a name taken twice")
        params: list[inspect.Parameter] = []
        for p in own.parameters.values():
            if p.name == param:
                params.extend(
                    inspect.Parameter(name, p.kind, default=None, annotation=annotation)
                    for name, annotation in options.items()
                )
            else:
                params.append(p)

        @functools.wraps(command)
        def wrapper(**kwargs: Any) -> Any:
            group = {name: kwargs.pop(name) for name in options}
            return command(**kwargs, **{param: group})

        # inspect.signature (and so Typer) reads __signature__, which mypy does not know
        wrapper.__signature__ = own.replace(parameters=params)  # type: ignore[attr-defined]  # see above
        return wrapper  # type: ignore[return-value]  # the wrapper stands for the command

    return decorate


def check_format(fmt: str, allowed: Sequence[str] = FORMATS) -> str:
    if fmt not in allowed:
        raise fail(t("cli.bad_format", fmt=fmt, allowed="|".join(allowed)), code=2)
    return fmt


def row_dict(record: Any) -> dict[str, Any]:
    """A dataclass record as a dict of its fields, values as they are: ``asdict`` copies
    every value deeply, which costs a listing of thousands of rows a third of a second."""
    return {f.name: getattr(record, f.name) for f in fields(record)}


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "value"):  # enums go out as their stable English keys
        return value.value
    return value


# JSON escapes C0 controls itself; C1 controls and bidi overrides it leaves raw (ensure_ascii
# is off so that Chinese stays readable): escaped here, the output stays the same JSON.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def json_text(data: Any) -> str:
    """``data`` as indented JSON that is safe to print to a terminal."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def _column_name(prefix: str, key: str) -> str:
    """A CSV column's name for people: its catalog label, the key where there is none."""
    from orglife_tui.locale import has

    return t(f"{prefix}{key}") if has(f"{prefix}{key}") else key


def _shown_cell(value: Any) -> Any:
    """A CSV cell for people: labels for codes (several joined by 、), 是/否, ISO dates."""
    lang = get_language()
    if isinstance(value, (list, tuple)):
        return "、".join(str(_shown_cell(v)) for v in value)
    if isinstance(value, date):
        return value.isoformat()
    return shown(value, lang)


def emit(
    fmt: str,
    keys: Sequence[str],
    rows: Sequence[dict[str, Any]],
    table_row: Callable[[dict[str, Any]], Sequence[str]] | None = None,
    empty_message: str | None = None,
    col_prefix: str = "col.",
) -> None:
    """Print rows as a table for people, CSV in the interface language, or JSON with stable
    English keys.

    The table's headers are the catalog messages ``{col_prefix}{key}``; so are the CSV's
    under zh (a key without one stays a key), whose values are labels (export/sheet.py);
    under en the CSV keeps the keys and codes, as JSON always does."""
    if fmt == "json":
        data = [{k: _plain(r.get(k)) for k in keys} for r in rows]
        typer.echo(json_text(data))
    elif fmt == "csv":
        lang = get_language()
        buf = io.StringIO()
        writer = csv_writer(buf, lineterminator="\n")
        writer.writerow(header(keys, lang, lambda k: _column_name(col_prefix, k)))
        cell = _shown_cell if for_people(lang) else _plain
        for r in rows:
            writer.writerow(["" if r.get(k) is None else cell(r.get(k)) for k in keys])
        # Piped or redirected, CSV is data and stays exact; on a terminal it is shown.
        sys.stdout.write(visible(buf.getvalue()) if sys.stdout.isatty() else buf.getvalue())
    else:
        if not rows and empty_message:
            typer.echo(empty_message)
            return
        from rich.table import Table

        table = Table(box=None, pad_edge=False, show_edge=False)
        for k in keys:
            table.add_column(t(f"{col_prefix}{k}"), overflow="fold")
        for r in rows:
            cells = (
                table_row(r)
                if table_row
                else ["" if r.get(k) is None else str(_plain(r.get(k))) for k in keys]
            )
            table.add_row(*(visible(str(c)) for c in cells))
        print_table(table)


def print_table(table: Any) -> None:
    """Print a Rich table of stored text as typed: no markup (``[/]`` in a name would end
    the command with a traceback, ``[link=…]`` plant a link), no emoji codes, no
    highlighting."""
    from rich.console import Console

    Console(
        soft_wrap=False,
        width=max(_terminal_width(), 80),
        markup=False,
        emoji=False,
        highlight=False,
    ).print(table)


def _terminal_width() -> int:
    import shutil

    return shutil.get_terminal_size((120, 24)).columns

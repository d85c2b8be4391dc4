"""The Typer app of `orglife-tui`: the root options, the listings, and the commands of
cli/commands/ (``cli.main`` runs it, or the terminal UI when called bare).

Thin: parse, call the store, print. The Textual app is imported only when the UI starts,
so `orglife-tui members list` and the exports stay quick over SSH.
"""

from __future__ import annotations

from importlib import import_module
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from orglife_tui import __version__
from orglife_tui.cli.commands.common import (
    Globals,
    check_format,
    emit,
    fail,
    globals_of,
    handles_errors,
    open_branch,
    open_store,
    row_dict,
)
from orglife_tui.domain import MeetingType, MemberEventKind, label, parse_enum, parse_month
from orglife_tui.domain.records import MEMBER_FIELDS
from orglife_tui.export.sheet import for_people
from orglife_tui.locale import LANGUAGES, detect_language, get_language, set_language, t, visible

MEMBER_TABLE_KEYS = ("member_no", "name", "gender", "status", "group", "post", "join_date", "phone")
# The archived (历史党员) and whole listings add when each member came and left, and how.
LEFT_KEYS = ("entered_on", "left_on", "left_kind")
ARCHIVED_TABLE_KEYS = ("member_no", "name", "status", "group", "join_date", *LEFT_KEYS)
MEETING_KEYS = (
    "meeting_no",
    "date",
    "types",
    "title",
    "group",
    "place",
    "host",
    "form",
    "lecturer",
    "present",
    "leave",
    "absent",
)

# ``meetings list --voided``: the columns of a voided meeting (headers ``corrections.col.*``).
VOIDED_MEETING_KEYS = ("meeting_no", "date", "types", "title", "voided_on", "void_reason")

# The modules of cli/commands/ that add commands, in the order they are added, with the
# top-level names each adds to (tests/cli/test_lazy_cli.py checks these against what the
# modules register). ``main`` builds only the modules of the command it runs: building
# the whole tree of about ninety Click commands costs every run a tenth of a second.
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "demo": ("demo",),
    "importing": ("import",),
    "scheme": ("scheme",),
    "ledger": ("ledger", "verify"),
    "export": ("export",),
    "talks": ("talks",),
    "plan": ("plan",),
    "rectification": ("rectification",),
    "check": ("check",),
    "overview": ("overview",),
    "appraisal": ("appraisal",),
    "kiosk": ("kiosk",),
    "membership": ("members",),
    "records": ("members", "meetings", "attendance", "branch"),
    "dues": ("dues",),
    "settings": ("config",),
    "life": ("life", "posts", "commitments"),
    "users": ("users",),
    "orders": ("orders",),
}
# The commands written in this file.
OWN_COMMANDS = ("where", "branch", "members", "meetings")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"orglife-tui {__version__}")
        raise typer.Exit()


def _choose_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise fail(t("cli.bad_lang", lang=lang), code=2)
    set_language(lang)
    return lang


def _set_global(ctx: typer.Context, param: typer.CallbackParam, value: str | None) -> None:
    """A global option given after a subcommand: it overrides the root's value."""
    if value is None:
        return
    g = globals_of(ctx)
    if param.name == "lang":
        g.lang = _choose_language(value)
    else:
        setattr(g, str(param.name), value)


def _global_option_params() -> list[Any]:
    """``--db``/``--branch``/``--lang`` as Click parameters that every subcommand accepts too,
    so that ``members list --db x.db`` works as people type it. Typer builds them from a
    signature like any other option; they are hidden (the root's help lists them) and not
    passed to the command's function (their callback writes ``Globals``)."""

    def probe(
        db: Annotated[str | None, typer.Option("--db", hidden=True, callback=_set_global)] = None,
        branch: Annotated[
            str | None, typer.Option("--branch", hidden=True, callback=_set_global)
        ] = None,
        lang: Annotated[
            str | None, typer.Option("--lang", hidden=True, callback=_set_global)
        ] = None,
    ) -> None: ...

    holder = typer.Typer(add_completion=False)
    holder.command()(probe)
    params = typer.main.get_command(holder).params
    for param in params:
        param.expose_value = False
    return params


class RootGroup(TyperGroup):
    """The root command: hands the global options to every command below it."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        extra = _global_option_params()
        pending = list(self.commands.values())
        while pending:
            command = pending.pop()
            command.params.extend(extra)
            pending.extend(getattr(command, "commands", {}).values())


def build_app(command: str | None = None) -> typer.Typer:
    """The Typer app, with help texts in the language chosen before it is built.

    With ``command`` (the top-level command about to run) only the modules adding to that
    command are built; any other value, or none, builds every command."""
    known = {n for names in COMMAND_MODULES.values() for n in names} | set(OWN_COMMANDS)
    everything = command is None or command not in known
    app = typer.Typer(
        name="orglife-tui",
        cls=RootGroup,
        help=t("cli.help"),
        no_args_is_help=False,
        add_completion=False,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )

    @app.callback(invoke_without_command=True)
    def root(
        ctx: typer.Context,
        db: Annotated[
            str | None,
            typer.Option("--db", help=t("cli.opt.db"), envvar="ORGLIFE_DB", show_envvar=False),
        ] = None,
        branch: Annotated[
            str | None,
            typer.Option(
                "--branch", help=t("cli.opt.branch"), envvar="ORGLIFE_BRANCH", show_envvar=False
            ),
        ] = None,
        lang: Annotated[str | None, typer.Option("--lang", help=t("cli.opt.lang"))] = None,
        version: Annotated[
            bool, typer.Option("--version", callback=_version, is_eager=True)
        ] = False,
    ) -> None:
        ctx.obj = _globals(ctx, db, branch, lang)
        if ctx.invoked_subcommand is None:
            _run_tui(ctx)

    @app.command("where", help=t("cli.where.help"))
    def where(ctx: typer.Context) -> None:
        from orglife_tui.config import config_dir, config_path, data_dir, redact_url

        g = globals_of(ctx)
        typer.echo(f"{t('cli.where.db')}: {redact_url(g.db_url)}")
        typer.echo(f"{t('cli.where.config')}: {config_dir()}")
        typer.echo(f"{t('cli.where.config_file')}: {config_path()}")
        typer.echo(f"{t('cli.where.data')}: {data_dir()}")

    branch_app = typer.Typer(help=t("cli.branch.help"), no_args_is_help=True)
    app.add_typer(branch_app, name="branch")

    @branch_app.command("list", help=t("cli.branch.list.help"))
    @handles_errors
    def branch_list(ctx: typer.Context) -> None:
        store = open_store(ctx)
        try:
            for b in store.branches():
                typer.echo(visible(b.name))
        finally:
            store.close()

    @branch_app.command("add", help=t("cli.branch.add.help"))
    @handles_errors
    def branch_add(ctx: typer.Context, name: str) -> None:
        store = open_store(ctx)
        try:
            b = store.create_branch(name)
            typer.echo(t("branch_created", name=b.name))
        finally:
            store.close()

    @branch_app.command("rename", help=t("cli.branch.rename.help"))
    @handles_errors
    def branch_rename(ctx: typer.Context, new_name: str) -> None:
        store, branch = open_branch(ctx)
        try:
            b = store.rename_branch(branch.id, new_name)
            typer.echo(t("branch_renamed", name=b.name))
        finally:
            store.close()

    members_app = typer.Typer(help=t("cli.members.help"), no_args_is_help=True)
    app.add_typer(members_app, name="members")

    @members_app.command("list", help=t("cli.members.list.help"))
    @handles_errors
    def members_list(
        ctx: typer.Context,
        fmt: Annotated[str, typer.Option("--format", "-f", help=t("cli.opt.format"))] = "table",
        search: Annotated[
            str | None, typer.Option("--search", "-s", help=t("cli.opt.search"))
        ] = None,
        archived: Annotated[
            bool, typer.Option("--archived", help=t("membership.cli.opt.archived"))
        ] = False,
        everyone: Annotated[bool, typer.Option("--all", help=t("membership.cli.opt.all"))] = False,
    ) -> None:
        from orglife_tui.data.store import STANDING_ALL, STANDING_ARCHIVED, STANDING_CURRENT

        check_format(fmt)
        if archived and everyone:
            raise fail(t("membership.cli.archived_or_all"), code=2)
        standing = STANDING_ALL if everyone else STANDING_ARCHIVED if archived else STANDING_CURRENT
        store, branch = open_branch(ctx)
        try:
            members = store.list_members(branch.id, search=search, standing=standing)
        finally:
            store.close()
        lang = get_language()
        rows = [row_dict(m) for m in members]
        if standing == STANDING_CURRENT:
            keys = MEMBER_FIELDS if fmt != "table" else MEMBER_TABLE_KEYS
            prefix = "col."
        else:  # who left, when and how (历史党员)
            keys = (*MEMBER_FIELDS, *LEFT_KEYS) if fmt != "table" else ARCHIVED_TABLE_KEYS
            prefix = "membership.col."
        emit(
            fmt,
            keys,
            rows,
            table_row=lambda r: (
                [
                    r["member_no"],
                    r["name"],
                    label(r["gender"], lang),
                    label(r["status"], lang),
                    r["group"] or "",
                    label(r["post"], lang),
                    r["join_date"].isoformat() if r["join_date"] else "",
                    r["phone"] or "",
                ]
                if standing == STANDING_CURRENT
                else [
                    r["member_no"],
                    r["name"],
                    label(r["status"], lang),
                    r["group"] or "",
                    r["join_date"].isoformat() if r["join_date"] else "",
                    r["entered_on"].isoformat() if r["entered_on"] else "",
                    r["left_on"].isoformat() if r["left_on"] else "",
                    label(MemberEventKind(r["left_kind"]), lang) if r["left_kind"] else "",
                ]
            ),
            empty_message=t(
                "cli.no_members" if standing != STANDING_ARCHIVED else "membership.cli.no_archived"
            ),
            col_prefix=prefix,
        )

    meetings_app = typer.Typer(help=t("cli.meetings.help"), no_args_is_help=True)
    app.add_typer(meetings_app, name="meetings")

    @meetings_app.command("list", help=t("cli.meetings.list.help"))
    @handles_errors
    def meetings_list(
        ctx: typer.Context,
        fmt: Annotated[str, typer.Option("--format", "-f", help=t("cli.opt.format"))] = "table",
        year: Annotated[int | None, typer.Option("--year", help=t("cli.opt.year"))] = None,
        month: Annotated[str | None, typer.Option("--month", help=t("cli.opt.month"))] = None,
        mtype: Annotated[str | None, typer.Option("--type", help=t("cli.opt.type"))] = None,
        voided: Annotated[
            bool, typer.Option("--voided", help=t("corrections.cli.opt.voided"))
        ] = False,
    ) -> None:
        from datetime import date

        from orglife_tui.domain import InputError, month_bounds, split_month_key

        check_format(fmt)
        start = end = None
        try:
            if month:
                start, end = month_bounds(*split_month_key(parse_month(month)))
            elif year:
                start, end = date(year, 1, 1), date(year, 12, 31)
            meeting_type = parse_enum(MeetingType, mtype) if mtype else None
        except InputError as exc:
            raise fail(str(exc), code=2) from None
        store, branch = open_branch(ctx)
        try:
            meetings = store.list_meetings(branch.id, start, end, meeting_type, voided=voided)
        finally:
            store.close()
        lang = get_language()
        sep = "、" if lang == "zh" else ", "
        rows = [row_dict(m) for m in meetings]
        if fmt == "json" or (fmt == "csv" and not for_people(lang)):  # zh CSV shows labels
            for r in rows:
                r["types"] = ";".join(t_.value for t_ in r["types"])
        if voided:
            for r in rows:
                r["voided_on"] = r["voided_at"].date() if r["voided_at"] else None
            emit(
                fmt,
                VOIDED_MEETING_KEYS,
                rows,
                table_row=lambda r: [
                    r["meeting_no"],
                    r["date"].isoformat(),
                    sep.join(label(x, lang) for x in r["types"]),
                    r["title"],
                    r["voided_on"].isoformat() if r["voided_on"] else "",
                    r["void_reason"] or "",
                ],
                empty_message=t("corrections.no_voided"),
                col_prefix="corrections.col.",
            )
            return
        emit(
            fmt,
            MEETING_KEYS,
            rows,
            table_row=lambda r: [
                r["meeting_no"],
                r["date"].isoformat(),
                sep.join(label(x, lang) for x in r["types"]),
                r["title"],
                r["group"] or "",
                r["place"] or "",
                r["host"] or "",
                label(r["form"], lang),
                r["lecturer"] or "",
                str(r["present"]),
                str(r["leave"]),
                str(r["absent"]),
            ],
            empty_message=t("cli.no_meetings"),
        )

    for module, names in COMMAND_MODULES.items():
        if not everything and command not in names:
            continue
        register = import_module(f"orglife_tui.cli.commands.{module}").register
        if module == "kiosk":
            register(app, _run_kiosk)
        elif module == "membership":
            register(members_app)
        elif module == "records":
            register(app, members_app, meetings_app, branch_app)
        else:
            register(app)
    return app


def _globals(ctx: typer.Context, db: str | None, branch: str | None, lang: str | None) -> Globals:
    """The root's options (Typer has put ``ORGLIFE_DB`` and ``ORGLIFE_BRANCH`` in for missing
    ones), the config file filling what they leave open. A config file that cannot be used
    stops every command but ``config`` itself (which is how it is repaired) with a message
    naming it."""
    from orglife_tui.cli.main import config_problem
    from orglife_tui.config import ConfigError, read_config

    stored: dict[str, str] = {}
    if db is None or branch is None or lang is None:
        try:
            stored = read_config()
        except ConfigError as exc:
            if ctx.invoked_subcommand != "config":
                raise fail(config_problem(exc)) from None
    return Globals(
        db=db or stored.get("db"),
        branch=branch or stored.get("branch"),
        lang=_choose_language(lang or stored.get("lang") or detect_language()),
    )


@handles_errors
def _run_tui(ctx: typer.Context) -> None:
    from orglife_tui.cli.main import run_ui

    g = globals_of(ctx)
    run_ui(g.db_url, g.branch, g.lang)


def _run_kiosk(store, branch, lang: str, session_id: int) -> None:
    from orglife_tui.cli.main import run_kiosk

    run_kiosk(store, branch, lang, session_id)

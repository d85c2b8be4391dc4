"""`orglife-tui scheme check|use|show`: the points scheme as a TOML file the secretary edits.

``check`` and ``use`` read the file and check it before the database is opened; any problem
is printed to stderr as ``FILE:LINE:COLUMN: path: reason`` (``FILE: path: reason`` where the
position is not known) and the command exits 1 with the active scheme untouched.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from orglife_tui.cli.commands.common import fail, handles_errors, open_branch
from orglife_tui.locale import get_language, t, visible


def register(app: typer.Typer) -> None:
    scheme_app = typer.Typer(help=t("scheme.cli.help"), no_args_is_help=True)
    app.add_typer(scheme_app, name="scheme")

    @scheme_app.command("check", help=t("scheme.cli.check.help"))
    def scheme_check(
        file: Annotated[str, typer.Argument(metavar="FILE", help=t("scheme.cli.arg.file"))],
    ) -> None:
        from orglife_tui.scoring.scheme import scheme_hash, summary_lines

        text, scheme = _read_and_check(file, "scheme.cli.check_failed")
        for line in summary_lines(scheme, get_language()):
            typer.echo(line)
        typer.echo(t("scheme.cli.hash", sha256=scheme_hash(text)))
        typer.echo(t("scheme.cli.ok", file=file))

    @scheme_app.command("use", help=t("scheme.cli.use.help"))
    @handles_errors
    def scheme_use(
        ctx: typer.Context,
        file: Annotated[str, typer.Argument(metavar="FILE", help=t("scheme.cli.arg.file"))],
    ) -> None:
        run_use(ctx, file)

    @scheme_app.command("show", help=t("scheme.cli.show.help"))
    @handles_errors
    def scheme_show(
        ctx: typer.Context,
        default: Annotated[
            bool, typer.Option("--default", help=t("scheme.cli.opt.default"))
        ] = False,
        versions: Annotated[
            bool, typer.Option("--versions", help=t("scheme.cli.opt.versions"))
        ] = False,
        source: Annotated[bool, typer.Option("--source", help=t("scheme.cli.opt.source"))] = False,
    ) -> None:
        if default + versions + source > 1:
            raise fail(t("scheme.cli.exclusive"), code=2)
        if default:
            from orglife_tui.scoring.scheme import default_scheme_text

            typer.echo(default_scheme_text(), nl=False)
            return
        run_show(ctx, versions=versions, source=source)


def read_scheme_file(file: str) -> str:
    """The file's text (``-``: standard input); a leading BOM is dropped.

    Raises ``SchemeError`` when the file cannot be read or is not UTF-8.
    """
    from orglife_tui.scoring.scheme import SchemeError, SchemeProblem

    try:
        if file == "-":
            data = typer.get_binary_stream("stdin").read()
        else:
            with open(file, "rb") as fh:
                data = fh.read()
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise SchemeError(
            [SchemeProblem(file, "scheme.problem.unreadable", {"reason": reason})]
        ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SchemeError([SchemeProblem(file, "scheme.problem.not_utf8")]) from None


def _read_and_check(file: str, failed_key: str):
    """(text, Scheme), or every problem on stderr and exit status 1."""
    from orglife_tui.scoring.scheme import SchemeError, parse_scheme

    try:
        text = read_scheme_file(file)
        return text, parse_scheme(text, file)
    except SchemeError as exc:
        for line in exc.lines():
            typer.echo(line, err=True)
        typer.echo(t(failed_key, file=file, count=len(exc.problems)), err=True)
        raise typer.Exit(1) from None


def run_use(ctx: typer.Context, file: str) -> None:
    from orglife_tui.data import schemes
    from orglife_tui.scoring.scheme import scheme_hash

    text, scheme = _read_and_check(file, "scheme.cli.refused")
    sha = scheme_hash(text)
    store, branch = open_branch(ctx)
    with store:
        used_before = schemes.versions(store, branch.id)
        in_use = bool(used_before) and used_before[0].sha256 == sha
        for old in [] if in_use else used_before:
            if (old.name, old.version) == (scheme.name, scheme.version) and old.sha256 != sha:
                typer.echo(
                    t(
                        "scheme.cli.same_version",
                        name=old.name,
                        version=old.version,
                        sha256=old.sha256[:12],
                    ),
                    err=True,
                )
                break
        # the scheme and the re-sync of its points: one transaction
        used = schemes.use(store, branch.id, text, scheme)
    info = used.info
    key = "scheme.cli.used" if used.new else "scheme.cli.already"
    typer.echo(t(key, name=info.name, version=info.version, sha256=sha))
    typer.echo(t("scheme.cli.synced", added=used.added, reversed=used.reversed))


def run_show(ctx: typer.Context, versions: bool = False, source: bool = False) -> None:
    from orglife_tui.data import schemes
    from orglife_tui.scoring.scheme import (
        default_scheme,
        default_scheme_text,
        scheme_hash,
        summary_lines,
    )

    store, branch = open_branch(ctx)
    with store:
        if versions:
            _print_versions(schemes.versions(store, branch.id))
            return
        found = schemes.active(store, branch.id)
        if source:
            text = (
                default_scheme_text()
                if found is None
                else schemes.source_of(store, branch.id, found[0].id)
            )
            # Redirected, the source stays exact; on a terminal a bidi override in a
            # comment (allowed by TOML) is shown, not obeyed.
            typer.echo(visible(text) if sys.stdout.isatty() else text, nl=False)
            return
    lang = get_language()
    if found is None:
        typer.echo(t("scheme.cli.none_active"))
        scheme, sha = default_scheme(), scheme_hash(default_scheme_text())
    else:
        info, scheme = found
        typer.echo(
            t("scheme.cli.active", id=info.id, at=_when(info.activated_at), operator=info.operator)
        )
        sha = info.sha256
    typer.echo(t("scheme.cli.hash", sha256=sha))
    for line in summary_lines(scheme, lang):
        typer.echo(visible(line))


def _when(at) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M")


def _print_versions(rows) -> None:
    from rich.cells import cell_len

    if not rows:
        typer.echo(t("scheme.cli.no_versions"))
        return
    keys = ("id", "activated_at", "name", "version", "operator", "sha256")
    table = [[t(f"scheme.cli.col.{k}") for k in keys]]
    for r in rows:
        table.append(
            [
                str(r.id),
                _when(r.activated_at),
                visible(r.name),
                visible(r.version),
                visible(r.operator),
                r.sha256,
            ]
        )
    widths = [max(cell_len(row[i]) for row in table) for i in range(len(keys))]
    for n, row in enumerate(table):
        line = "  ".join(c + " " * (w - cell_len(c)) for c, w in zip(row, widths)).rstrip()
        if n == 1:
            line += "  " + t("scheme.cli.active_mark")
        typer.echo(line)

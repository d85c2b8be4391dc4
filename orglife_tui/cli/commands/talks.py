"""`orglife-tui talks add|list|show|follow-up`: heart-to-heart talk records (谈心谈话).

Thin: the typed options go through ``talk_records.talk_from_fields`` (the same rules as the
TUI form), the write through ``data.talks``. Listings leave the texts of confidential talks
out unless ``--include-confidential`` is given; including them is written to the audit log
before anything is printed.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from orglife_tui.cli.commands.common import (
    check_format,
    date_option,
    emit,
    enum_option,
    field_errors,
    handles_errors,
    on_branch,
    open_existing_branch,
    today,
)
from orglife_tui.domain.talks import TALK_COLUMNS
from orglife_tui.locale import get_language, t, visible

LIST_KEYS = TALK_COLUMNS
TABLE_KEYS = ("id", "date", "member", "type", "form", "talkers", "follow_up_date", "content")
# How much of a talk's content the table shows.
SNIPPET = 24


def register(app: typer.Typer) -> None:
    talks_app = typer.Typer(help=t("talks.cli.help"), no_args_is_help=True)
    app.add_typer(talks_app, name="talks")

    @talks_app.command("add", help=t("talks.cli.add.help"))
    @handles_errors
    def talks_add(
        ctx: typer.Context,
        member: Annotated[str, typer.Option("--member", help=t("talks.cli.opt.member"))],
        when: Annotated[str | None, typer.Option("--date", help=t("talks.cli.opt.date"))] = None,
        kind: Annotated[str, typer.Option("--type", help=t("talks.cli.opt.type"))] = "routine",
        form: Annotated[str | None, typer.Option("--form", help=t("talks.cli.opt.form"))] = None,
        # repeatable: a list; the value is a fresh list per call, never shared
        talker: Annotated[
            list[str] | None,
            typer.Option("--talker", metavar="NO|NAME/POST", help=t("talks.cli.opt.talker")),
        ] = None,
        place: Annotated[str | None, typer.Option("--place", help=t("talks.cli.opt.place"))] = None,
        recorder: Annotated[
            str | None, typer.Option("--recorder", help=t("talks.cli.opt.recorder"))
        ] = None,
        trigger: Annotated[
            str | None, typer.Option("--trigger", help=t("talks.cli.opt.trigger"))
        ] = None,
        content: Annotated[
            str | None, typer.Option("--content", help=t("talks.cli.opt.content"))
        ] = None,
        problems: Annotated[
            str | None, typer.Option("--problems", help=t("talks.cli.opt.problems"))
        ] = None,
        difficulties: Annotated[
            str | None, typer.Option("--difficulties", help=t("talks.cli.opt.difficulties"))
        ] = None,
        opinions: Annotated[
            str | None, typer.Option("--opinions", help=t("talks.cli.opt.opinions"))
        ] = None,
        actions: Annotated[
            str | None, typer.Option("--actions", help=t("talks.cli.opt.actions"))
        ] = None,
        deadline: Annotated[
            str | None, typer.Option("--deadline", help=t("talks.cli.opt.deadline"))
        ] = None,
        follow_up: Annotated[
            str | None, typer.Option("--follow-up", help=t("talks.cli.opt.follow_up"))
        ] = None,
        follow_up_result: Annotated[
            str | None, typer.Option("--follow-up-result", help=t("talks.cli.opt.follow_up_result"))
        ] = None,
        confidential: Annotated[
            bool, typer.Option("--confidential", help=t("talks.cli.opt.confidential"))
        ] = False,
        absence_from: Annotated[
            str | None, typer.Option("--absence-from", help=t("talks.cli.opt.absence_from"))
        ] = None,
        absence_step: Annotated[
            str | None, typer.Option("--absence-step", help=t("talks.cli.opt.absence_step"))
        ] = None,
    ) -> None:
        from orglife_tui.data.talks import add_talk
        from orglife_tui.domain.records import FieldErrors
        from orglife_tui.domain.talks import talk_from_fields

        values = {
            "member_no": member,
            "date": when or today().isoformat(),
            "type": kind,
            "form": form,
            "talkers": "; ".join(talker or ()),
            "place": place,
            "recorder": recorder,
            "trigger": trigger,
            "content": content,
            "problems": problems,
            "difficulties": difficulties,
            "opinions": opinions,
            "actions": actions,
            "action_deadline": deadline,
            "follow_up_date": follow_up,
            "follow_up_result": follow_up_result,
            "confidential": "yes" if confidential else "no",
            "absence_from": absence_from,
            "absence_step": absence_step,
        }
        try:
            talk = talk_from_fields(values, today=today())
        except FieldErrors as errors:
            raise field_errors(errors) from None
        row = on_branch(ctx, add_talk, talk)
        typer.echo(
            t(
                "talks.added",
                id=row.id,
                date=row.date.isoformat(),
                member_no=row.member_no,
                name=row.member_name,
                type=_label(row.type),
            )
        )

    @talks_app.command("list", help=t("talks.cli.list.help"))
    @handles_errors
    def talks_list(
        ctx: typer.Context,
        year: Annotated[
            int | None, typer.Option("--year", min=1900, max=2999, help=t("talks.cli.opt.year"))
        ] = None,
        member: Annotated[
            str | None, typer.Option("--member", help=t("talks.cli.opt.member_filter"))
        ] = None,
        kind: Annotated[
            str | None, typer.Option("--type", help=t("talks.cli.opt.type_filter"))
        ] = None,
        search: Annotated[
            str | None, typer.Option("--search", help=t("talks.cli.opt.search"))
        ] = None,
        fmt: Annotated[str, typer.Option("--format", "-f", help=t("cli.opt.format"))] = "table",
        include: Annotated[
            bool,
            typer.Option("--include-confidential", help=t("talks.cli.opt.include_confidential")),
        ] = False,
        limit: Annotated[
            int | None, typer.Option("--limit", min=1, help=t("talks.cli.opt.limit"))
        ] = None,
    ) -> None:
        from orglife_tui.data.talks import list_talks, note_confidential_read

        check_format(fmt)
        talk_type = _parse_type(kind)
        store, branch = open_existing_branch(ctx)
        with store:
            rows = list_talks(
                store,
                branch.id,
                year=year,
                member_no=member,
                type=talk_type,
                search=search,
                limit=limit,
                include_confidential=include,
            )
            if include:
                count = sum(1 for r in rows if r.confidential)
                note_confidential_read(store, branch.id, "talks.list", count)
        if fmt == "table":
            _print_table(rows)
        else:
            emit(fmt, LIST_KEYS, [_record(r, structured=fmt == "json") for r in rows])

    @talks_app.command("show", help=t("talks.cli.show.help"))
    @handles_errors
    def talks_show(
        ctx: typer.Context,
        talk_id: Annotated[int, typer.Argument(metavar="ID", help=t("talks.cli.arg.id"))],
        include: Annotated[
            bool,
            typer.Option("--include-confidential", help=t("talks.cli.opt.include_confidential")),
        ] = False,
    ) -> None:
        from orglife_tui.data.talks import get_talk, note_confidential_read

        store, branch = open_existing_branch(ctx)
        with store:
            row = get_talk(store, branch.id, talk_id)
            if include and row.confidential:
                note_confidential_read(store, branch.id, "talks.show", 1)
                row = get_talk(store, branch.id, talk_id, include_confidential=True)
        for name, value in _show_lines(row):
            typer.echo(f"{name}{t('talks.show.separator')}{visible(value)}")

    @talks_app.command("follow-up", help=t("talks.cli.follow_up.help"))
    @handles_errors
    def talks_follow_up(
        ctx: typer.Context,
        talk_id: Annotated[int, typer.Argument(metavar="ID", help=t("talks.cli.arg.id"))],
        when: Annotated[str, typer.Option("--date", help=t("talks.cli.opt.follow_up_on"))],
        result: Annotated[str, typer.Option("--result", help=t("talks.cli.opt.result"))],
    ) -> None:
        from orglife_tui.data.talks import record_follow_up

        on = date_option(when, "--date")
        row = on_branch(ctx, record_follow_up, talk_id, on, result)
        typer.echo(
            t(
                "talks.followed_up",
                id=row.id,
                date=on.isoformat(),
                member_no=row.member_no,
                name=row.member_name,
            )
        )


# ---------------------------------------------------------------------------- parsing


def _parse_type(text: str | None):
    from orglife_tui.domain import TalkType

    return enum_option(TalkType, text, "talks.bad_type_option") if text else None


# ---------------------------------------------------------------------------- output


def _label(value) -> str:
    from orglife_tui.domain import label

    return label(value, get_language())


def _record(row, structured: bool) -> dict[str, Any]:
    """A talk with stable English keys and values; talkers as objects in JSON."""
    from dataclasses import asdict

    from orglife_tui.domain.talks import talkers_text

    record = {key: getattr(row, key) for key in LIST_KEYS if key != "talkers"}
    if structured:
        record["talkers"] = [asdict(k) for k in row.talkers]
    else:
        record["talkers"] = talkers_text(row.talkers)
    return record


def _snippet(text: str | None) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= SNIPPET else flat[: SNIPPET - 1] + "…"


def _print_table(rows) -> None:
    from rich.table import Table

    from orglife_tui.cli.commands.common import print_table
    from orglife_tui.domain.talks import talkers_label

    if not rows:
        typer.echo(t("talks.none"))
        return
    lang = get_language()
    table = Table(box=None, pad_edge=False, show_edge=False)
    for key in TABLE_KEYS:
        table.add_column(t(f"talks.col.{key}"), overflow="fold")
    for r in rows:
        if r.texts_hidden:
            content = t("talk_text.hidden_short")
        elif r.redacted:
            content = t("talks.redacted_short")
        else:
            content = _snippet(r.content or r.trigger)
        if r.confidential and not r.redacted:
            content = f"{t('talks.confidential_mark')} {content}"
        table.add_row(
            str(r.id),
            r.date.isoformat(),
            visible(f"{r.member_no} {r.member_name}"),
            _label(r.type),
            _label(r.form),
            visible(talkers_label(r.talkers, lang)),
            r.follow_up_date.isoformat() if r.follow_up_date else "",
            visible(content),
        )
    print_table(table)


def _show_lines(row) -> list[tuple[str, str]]:
    """``talks show``: one line per field that holds something, in the form's order."""
    from orglife_tui.domain.talks import step_label, talkers_label

    lang = get_language()
    lines = [
        (t("talks.col.id"), str(row.id)),
        (t("talks.col.date"), row.date.isoformat()),
        (t("talks.col.member"), f"{row.member_no} {row.member_name}"),
        (t("talks.col.type"), _label(row.type)),
        (t("talks.col.form"), _label(row.form)),
        (t("talks.col.talkers"), talkers_label(row.talkers, lang)),
    ]
    for name in ("place", "recorder", "trigger"):
        if getattr(row, name):
            lines.append((t(f"talks.col.{name}"), getattr(row, name)))
    if row.texts_hidden:
        lines.append((t("talks.col.content"), t("talk_text.hidden")))
    elif row.redacted:
        lines.append((t("talks.col.content"), t("talks.redacted")))
    for name in ("content", "problems", "difficulties", "opinions", "actions"):
        if getattr(row, name):
            lines.append((t(f"talks.col.{name}"), getattr(row, name)))
    for name in ("action_deadline", "follow_up_date"):
        if getattr(row, name):
            lines.append((t(f"talks.col.{name}"), getattr(row, name).isoformat()))
    if row.follow_up_result:
        lines.append((t("talks.col.follow_up_result"), row.follow_up_result))
    lines.append(
        (t("talks.col.confidential"), t("talks.yes") if row.confidential else t("talks.no"))
    )
    if row.absence_from:
        lines.append((t("talks.col.absence_from"), row.absence_from))
    if row.absence_step:
        lines.append((t("talks.col.absence_step"), step_label(row.absence_step, lang)))
    return lines

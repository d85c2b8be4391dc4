"""`orglife-tui plan add|list|edit|remove|import`: the annual organizational-life plan.

Thin: parse, call ``orglife_tui.data.plans``, print. Every command that writes refuses a
database without a branch (it never creates one) and writes nothing when refused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, TypedDict

import typer

from orglife_tui.cli.commands.common import (
    check_format,
    emit,
    fail,
    handles_errors,
    open_existing_branch,
    today,
)
from orglife_tui.locale import get_language, t

if TYPE_CHECKING:
    from orglife_tui.domain import MeetingType


class _PlanChanges(TypedDict, total=False):
    """The fields of a ``PlanInput`` that ``plan edit`` changes."""

    year: int
    month: int | None
    meeting_type: MeetingType
    topic: str
    note: str | None


LIST_KEYS = (
    "id",
    "year",
    "month",
    "meeting_type",
    "topic",
    "note",
    "held",
    "held_meeting_no",
    "held_date",
)
TABLE_KEYS = ("id", "month", "meeting_type", "topic", "held", "note")


def register(app: typer.Typer) -> None:
    plan_app = typer.Typer(help=t("plan.cli.help"), no_args_is_help=True)
    app.add_typer(plan_app, name="plan")

    @plan_app.command("add", help=t("plan.cli.add.help"))
    @handles_errors
    def plan_add(
        ctx: typer.Context,
        year: Annotated[int, typer.Option("--year", help=t("plan.cli.opt.year"))],
        month: Annotated[int | None, typer.Option("--month", help=t("plan.cli.opt.month"))] = None,
        *,  # keyword-only: required options after one with a default, in the help's order
        mtype: Annotated[str, typer.Option("--type", help=t("plan.cli.opt.type"))],
        topic: Annotated[str, typer.Option("--topic", help=t("plan.cli.opt.topic"))],
        note: Annotated[str | None, typer.Option("--note", help=t("plan.cli.opt.note"))] = None,
    ) -> None:
        from orglife_tui.data.plans import PlanInput, add_plan_item

        item = PlanInput(
            year=year, meeting_type=_meeting_type(mtype), topic=topic, month=month, note=note
        )
        store, branch = open_existing_branch(ctx)
        try:
            row = add_plan_item(store, branch.id, item)
        finally:
            store.close()
        typer.echo(t("plan.added", id=row.id, when=_when(row), type=_type(row), topic=row.topic))

    @plan_app.command("list", help=t("plan.cli.list.help"))
    @handles_errors
    def plan_list(
        ctx: typer.Context,
        year: Annotated[
            int | None, typer.Option("--year", help=t("plan.cli.opt.list_year"))
        ] = None,
        fmt: Annotated[str, typer.Option("--format", "-f", help=t("cli.opt.format"))] = "table",
    ) -> None:
        from orglife_tui.data.plans import list_plan

        check_format(fmt)
        year = year if year is not None else today().year
        store, branch = open_existing_branch(ctx)
        try:
            rows = list_plan(store, branch.id, year)
        finally:
            store.close()
        records = [_record(r) for r in rows]
        emit(
            fmt,
            LIST_KEYS if fmt != "table" else TABLE_KEYS,
            records,
            table_row=lambda r: [
                str(r["id"]),
                _month_label(r["month"]),
                _type(r["row"]),
                r["topic"],
                _held_label(r["row"]),
                r["note"] or "",
            ],
            empty_message=t("plan.none", year=year),
            col_prefix="plan.col.",
        )
        if fmt == "table" and rows:
            held = sum(r.held for r in rows)
            typer.echo(t("plan.totals", year=year, planned=len(rows), held=held))

    @plan_app.command("edit", help=t("plan.cli.edit.help"))
    @handles_errors
    def plan_edit(
        ctx: typer.Context,
        item_id: Annotated[int, typer.Argument(metavar="ID", help=t("plan.cli.arg.id"))],
        year: Annotated[int | None, typer.Option("--year", help=t("plan.cli.opt.year"))] = None,
        month: Annotated[int | None, typer.Option("--month", help=t("plan.cli.opt.month"))] = None,
        whole_year: Annotated[
            bool, typer.Option("--whole-year", help=t("plan.cli.opt.whole_year"))
        ] = False,
        mtype: Annotated[str | None, typer.Option("--type", help=t("plan.cli.opt.type"))] = None,
        topic: Annotated[str | None, typer.Option("--topic", help=t("plan.cli.opt.topic"))] = None,
        note: Annotated[
            str | None, typer.Option("--note", help=t("plan.cli.opt.note_edit"))
        ] = None,
    ) -> None:
        from dataclasses import replace

        from orglife_tui.data.plans import get_plan_item, update_plan_item

        if whole_year and month is not None:
            raise fail(t("plan.cli.month_and_whole_year"), code=2)
        meeting_type = _meeting_type(mtype) if mtype is not None else None
        store, branch = open_existing_branch(ctx)
        try:
            item = get_plan_item(store, branch.id, item_id).as_input()
            changes: _PlanChanges = {}
            if year is not None:
                changes["year"] = year
            if month is not None or whole_year:
                changes["month"] = month
            if meeting_type is not None:
                changes["meeting_type"] = meeting_type
            if topic is not None:
                changes["topic"] = topic
            if note is not None:
                changes["note"] = note or None
            row = update_plan_item(store, branch.id, item_id, replace(item, **changes))
        finally:
            store.close()
        typer.echo(t("plan.updated", id=row.id, when=_when(row), type=_type(row), topic=row.topic))

    @plan_app.command("remove", help=t("plan.cli.remove.help"))
    @handles_errors
    def plan_remove(
        ctx: typer.Context,
        item_id: Annotated[int, typer.Argument(metavar="ID", help=t("plan.cli.arg.id"))],
    ) -> None:
        from orglife_tui.data.plans import get_plan_item, remove_plan_item

        store, branch = open_existing_branch(ctx)
        try:
            row = get_plan_item(store, branch.id, item_id)
            remove_plan_item(store, branch.id, item_id)
        finally:
            store.close()
        typer.echo(t("plan.removed", id=row.id, when=_when(row), type=_type(row), topic=row.topic))

    @plan_app.command("import", help=t("plan.cli.import.help"))
    @handles_errors
    def plan_import(
        ctx: typer.Context,
        file: Annotated[str, typer.Argument(metavar="FILE", help=t("import.cli.arg.file"))],
    ) -> None:
        from orglife_tui.importing import ImportFailed, read_table
        from orglife_tui.importing.plans import import_plan

        try:
            table = read_table(file, "plan")  # a bad file is refused before the database
            store, branch = open_existing_branch(ctx)
            try:
                summary = import_plan(store, branch.id, table)
            finally:
                store.close()
        except ImportFailed as exc:
            for line in exc.lines():
                typer.echo(line, err=True)
            typer.echo(t("import.failed", count=len(exc.problems), file=file), err=True)
            raise typer.Exit(1) from None
        typer.echo(summary.message())


# ---------------------------------------------------------------------------- helpers


def _meeting_type(text: str):
    from orglife_tui.domain import InputError, MeetingType, accepted_values, parse_enum

    try:
        return parse_enum(MeetingType, text)
    except InputError:
        raise fail(
            t("plan.cli.bad_type", value=text, accepted=accepted_values(MeetingType)), code=2
        ) from None


def _type(row) -> str:
    from orglife_tui.domain import label

    return label(row.meeting_type, get_language())


def _month_label(month: int | None) -> str:
    return t("plan.whole_year") if month is None else t("plan.month", month=month)


def _when(row) -> str:
    if row.month is None:
        return t("plan.when_year", year=row.year)
    return t("plan.when_month", year=row.year, month=row.month)


def _held_label(row) -> str:
    if row.held_meeting_no is None:
        return t("plan.not_held")
    return t("plan.held_by", meeting_no=row.held_meeting_no, date=row.held_date.isoformat())


def _record(row) -> dict[str, object]:
    return {
        "id": row.id,
        "year": row.year,
        "month": row.month,
        "meeting_type": row.meeting_type,
        "topic": row.topic,
        "note": row.note,
        "held": row.held,
        "held_meeting_no": row.held_meeting_no,
        "held_date": row.held_date,
        "row": row,
    }

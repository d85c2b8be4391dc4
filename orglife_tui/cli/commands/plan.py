"""`orglife-tui plan add|list|edit|remove|import`: the annual organizational-life plan.

Thin: parse, call ``orglife_tui.data.plans``, print.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, TypedDict

import typer

from orglife_tui.cli.commands.common import (
    check_format,
    emit,
    enum_option,
    fail,
    handles_errors,
    import_refused,
    on_branch,
    open_existing_branch,
    today,
)
from orglife_tui.cli.commands.importing import DryRun, say_dry_run
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
        row = on_branch(ctx, add_plan_item, item)
        typer.echo(_said("plan.added", row))

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
        rows = on_branch(ctx, list_plan, year)
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
        with store:
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
        typer.echo(_said("plan.updated", row))

    @plan_app.command("remove", help=t("plan.cli.remove.help"))
    @handles_errors
    def plan_remove(
        ctx: typer.Context,
        item_id: Annotated[int, typer.Argument(metavar="ID", help=t("plan.cli.arg.id"))],
    ) -> None:
        from orglife_tui.data.plans import get_plan_item, remove_plan_item

        store, branch = open_existing_branch(ctx)
        with store:
            row = get_plan_item(store, branch.id, item_id)
            remove_plan_item(store, branch.id, item_id)
        typer.echo(_said("plan.removed", row))

    @plan_app.command("import", help=t("plan.cli.import.help"))
    @handles_errors
    def plan_import(
        ctx: typer.Context,
        file: Annotated[str, typer.Argument(metavar="FILE", help=t("import.cli.arg.file"))],
        dry_run: DryRun = False,
    ) -> None:
        from orglife_tui.importing import ImportFailed, read_table
        from orglife_tui.importing.plans import import_plan

        if dry_run:
            say_dry_run(ctx, "plan", file)
            return

        try:
            table = read_table(file, "plan")  # a bad file is refused before the database
            summary = on_branch(ctx, import_plan, table)
        except ImportFailed as exc:
            raise import_refused(exc, file) from None
        typer.echo(summary.message())


# ---------------------------------------------------------------------------- helpers


def _meeting_type(text: str):
    from orglife_tui.domain import MeetingType

    return enum_option(MeetingType, text, "plan.cli.bad_type")


def _said(key: str, row) -> str:
    """The line that confirms a change to a plan item: which, when, what type and topic."""
    return t(key, id=row.id, when=_when(row), type=_type(row), topic=row.topic)


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

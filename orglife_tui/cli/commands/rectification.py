"""`orglife-tui rectification add|list|edit|status`: the rectification list (整改清单).

Thin: parse, call ``orglife_tui.data.rectification``, print.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, TypedDict

import typer

from orglife_tui.cli.commands.common import (
    check_format,
    date_option,
    emit,
    enum_option,
    handles_errors,
    on_branch,
    open_existing_branch,
    today,
)
from orglife_tui.locale import get_language, t


class _ItemChanges(TypedDict, total=False):
    """The fields of a ``RectificationInput`` that ``rectification edit`` changes."""

    year: int
    problem: str
    owner: str
    deadline: date
    measure: str | None
    meeting_no: str | None


LIST_KEYS = (
    "id",
    "year",
    "problem",
    "measure",
    "owner",
    "deadline",
    "status",
    "closed_on",
    "closing_note",
    "meeting_no",
    "overdue",
)
TABLE_KEYS = ("id", "year", "problem", "owner", "deadline", "status", "overdue", "closed_on")


def register(app: typer.Typer) -> None:
    rect_app = typer.Typer(help=t("rectification.cli.help"), no_args_is_help=True)
    app.add_typer(rect_app, name="rectification")

    @rect_app.command("add", help=t("rectification.cli.add.help"))
    @handles_errors
    def rect_add(
        ctx: typer.Context,
        year: Annotated[int, typer.Option("--year", help=t("rectification.cli.opt.year"))],
        problem: Annotated[str, typer.Option("--problem", help=t("rectification.cli.opt.problem"))],
        owner: Annotated[str, typer.Option("--owner", help=t("rectification.cli.opt.owner"))],
        deadline: Annotated[
            str, typer.Option("--deadline", help=t("rectification.cli.opt.deadline"))
        ],
        measure: Annotated[
            str | None, typer.Option("--measure", help=t("rectification.cli.opt.measure"))
        ] = None,
        meeting: Annotated[
            str | None, typer.Option("--meeting", help=t("rectification.cli.opt.meeting"))
        ] = None,
    ) -> None:
        from orglife_tui.data.rectification import RectificationInput, add_item

        item = RectificationInput(
            year=year,
            problem=problem,
            owner=owner,
            deadline=date_option(deadline),
            measure=measure,
            meeting_no=meeting,
        )
        row = on_branch(ctx, add_item, item)
        typer.echo(_said("rectification.added", row))

    @rect_app.command("list", help=t("rectification.cli.list.help"))
    @handles_errors
    def rect_list(
        ctx: typer.Context,
        year: Annotated[
            int | None, typer.Option("--year", help=t("rectification.cli.opt.list_year"))
        ] = None,
        status: Annotated[
            str | None, typer.Option("--status", help=t("rectification.cli.opt.status"))
        ] = None,
        overdue: Annotated[
            bool, typer.Option("--overdue", help=t("rectification.cli.opt.overdue"))
        ] = False,
        as_of: Annotated[
            str | None, typer.Option("--as-of", help=t("rectification.cli.opt.as_of"))
        ] = None,
        fmt: Annotated[str, typer.Option("--format", "-f", help=t("cli.opt.format"))] = "table",
    ) -> None:
        from orglife_tui.data.rectification import list_items

        check_format(fmt)
        wanted = _status(status) if status is not None else None
        when = date_option(as_of) if as_of else today()
        rows = on_branch(ctx, list_items, year=year, status=wanted)
        if overdue:
            rows = [r for r in rows if r.overdue(when)]
        lang = get_language()
        from orglife_tui.domain import label

        emit(
            fmt,
            LIST_KEYS if fmt != "table" else TABLE_KEYS,
            [_record(r, when) for r in rows],
            table_row=lambda r: [
                str(r["id"]),
                str(r["year"]),
                r["problem"],
                r["owner"],
                r["deadline"].isoformat(),
                label(r["status"], lang),
                t("rectification.overdue_mark") if r["overdue"] else "",
                r["closed_on"].isoformat() if r["closed_on"] else "",
            ],
            empty_message=t("rectification.none"),
            col_prefix="rectification.col.",
        )

    @rect_app.command("edit", help=t("rectification.cli.edit.help"))
    @handles_errors
    def rect_edit(
        ctx: typer.Context,
        item_id: Annotated[int, typer.Argument(metavar="ID", help=t("rectification.cli.arg.id"))],
        year: Annotated[
            int | None, typer.Option("--year", help=t("rectification.cli.opt.year"))
        ] = None,
        problem: Annotated[
            str | None, typer.Option("--problem", help=t("rectification.cli.opt.problem"))
        ] = None,
        owner: Annotated[
            str | None, typer.Option("--owner", help=t("rectification.cli.opt.owner"))
        ] = None,
        deadline: Annotated[
            str | None, typer.Option("--deadline", help=t("rectification.cli.opt.deadline"))
        ] = None,
        measure: Annotated[
            str | None, typer.Option("--measure", help=t("rectification.cli.opt.measure_edit"))
        ] = None,
        meeting: Annotated[
            str | None, typer.Option("--meeting", help=t("rectification.cli.opt.meeting_edit"))
        ] = None,
    ) -> None:
        from dataclasses import replace

        from orglife_tui.data.rectification import get_item, update_item

        changes: _ItemChanges = {}
        if year is not None:
            changes["year"] = year
        if problem is not None:
            changes["problem"] = problem
        if owner is not None:
            changes["owner"] = owner
        if deadline is not None:
            changes["deadline"] = date_option(deadline)
        if measure is not None:
            changes["measure"] = measure or None
        if meeting is not None:
            changes["meeting_no"] = meeting or None
        store, branch = open_existing_branch(ctx)
        with store:
            item = get_item(store, branch.id, item_id).as_input()
            row = update_item(store, branch.id, item_id, replace(item, **changes))
        typer.echo(_said("rectification.updated", row))

    @rect_app.command("status", help=t("rectification.cli.status.help"))
    @handles_errors
    def rect_status(
        ctx: typer.Context,
        item_id: Annotated[int, typer.Argument(metavar="ID", help=t("rectification.cli.arg.id"))],
        status: Annotated[
            str, typer.Argument(metavar="STATUS", help=t("rectification.cli.arg.status"))
        ],
        note: Annotated[
            str | None, typer.Option("--note", help=t("rectification.cli.opt.note"))
        ] = None,
        on: Annotated[str | None, typer.Option("--on", help=t("rectification.cli.opt.on"))] = None,
    ) -> None:
        from orglife_tui.data.rectification import set_status

        wanted = _status(status)
        closed_on = date_option(on) if on else None
        row = on_branch(ctx, set_status, item_id, wanted, note=note, on=closed_on)
        from orglife_tui.domain import RectificationStatus, label

        shown = label(row.status, get_language())
        if row.status is RectificationStatus.done and row.closed_on is not None:
            typer.echo(
                t("rectification.closed", id=row.id, on=row.closed_on.isoformat(), status=shown)
            )
        else:
            typer.echo(t("rectification.status_set", id=row.id, status=shown))


# ---------------------------------------------------------------------------- helpers


def _status(text: str):
    from orglife_tui.domain import RectificationStatus

    return enum_option(RectificationStatus, text, "rectification.cli.bad_status")


def _said(key: str, row) -> str:
    return t(
        key, id=row.id, problem=row.problem, owner=row.owner, deadline=row.deadline.isoformat()
    )


def _record(row, as_of: date) -> dict[str, object]:
    return {
        "id": row.id,
        "year": row.year,
        "problem": row.problem,
        "measure": row.measure,
        "owner": row.owner,
        "deadline": row.deadline,
        "status": row.status,
        "closed_on": row.closed_on,
        "closing_note": row.closing_note,
        "meeting_no": row.meeting_no,
        "overdue": row.overdue(as_of),
    }

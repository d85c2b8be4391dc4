"""`orglife-tui life show|set|problem|link`: the organizational life meeting (组织生活会),
participant by participant; `orglife-tui posts add|list|edit` (设岗定责) and
`orglife-tui commitments add|list|edit|status` (承诺践诺).

Thin: parse, call ``orglife_tui.data.life_meeting`` / ``data.commitments``, print.
"""

from __future__ import annotations

from typing import Annotated

import typer

from orglife_tui.cli.commands.common import (
    check_format,
    date_option,
    emit,
    enum_option,
    handles_errors,
    on_branch,
    open_existing_branch,
    points_follow,
)
from orglife_tui.locale import get_language, t

LIFE_KEYS = (
    "member_no",
    "name",
    "attendance",
    "self_check",
    "criticism_received",
    "criticism_given",
    "items",
)
POST_KEYS = ("id", "year", "member_no", "name", "post", "duty")
COMMITMENT_KEYS = ("id", "year", "member_no", "name", "text", "status", "evaluated_on")

_Meeting = Annotated[
    str, typer.Argument(metavar="MEETING_NO", help=t("corrections.cli.arg.meeting_no"))
]
_Member = Annotated[
    str, typer.Argument(metavar="MEMBER_NO", help=t("corrections.cli.arg.member_no"))
]
_Format = Annotated[str, typer.Option("--format", "-f", help=t("cli.opt.format"))]


def register(app: typer.Typer) -> None:
    _register_life(app)
    _register_posts(app)
    _register_commitments(app)


# ---------------------------------------------------------------------------- life meeting


def _register_life(app: typer.Typer) -> None:
    life_app = typer.Typer(help=t("life.cli.help"), no_args_is_help=True)
    app.add_typer(life_app, name="life")

    @life_app.command("show", help=t("life.cli.show.help"))
    @handles_errors
    def life_show(ctx: typer.Context, meeting_no: _Meeting, fmt: _Format = "table") -> None:
        from orglife_tui.data.life_meeting import life_records

        check_format(fmt)
        store, branch = open_existing_branch(ctx)
        with store:
            meeting = store.get_meeting_by_no(branch.id, meeting_no)
            rows = life_records(store, branch.id, meeting.id)
        lang = get_language()
        from orglife_tui.domain import label

        records = [
            {
                "member_no": r.member_no,
                "name": r.name,
                "attendance": r.attendance,
                "self_check": r.self_check,
                "criticism_received": r.criticism_received,
                "criticism_given": r.criticism_given,
                "items": "; ".join(f"#{i.id} {i.problem}" for i in r.items),
            }
            for r in rows
        ]
        emit(
            fmt,
            LIFE_KEYS,
            records,
            table_row=lambda r: [
                r["member_no"],
                r["name"],
                label(r["attendance"], lang),
                r["self_check"] or "",
                r["criticism_received"] or "",
                r["criticism_given"] or "",
                r["items"],
            ],
            empty_message=t("life.cli.no_participants"),
            col_prefix="life.col.",
        )

    @life_app.command("set", help=t("life.cli.set.help"))
    @handles_errors
    def life_set(
        ctx: typer.Context,
        meeting_no: _Meeting,
        member_no: _Member,
        self_check: Annotated[
            str | None, typer.Option("--self-check", help=t("life.cli.opt.self_check"))
        ] = None,
        received: Annotated[
            str | None, typer.Option("--received", help=t("life.cli.opt.received"))
        ] = None,
        given: Annotated[str | None, typer.Option("--given", help=t("life.cli.opt.given"))] = None,
    ) -> None:
        from dataclasses import replace

        from orglife_tui.data.life_meeting import LifeRecordInput, life_records, set_life_record

        store, branch = open_existing_branch(ctx)
        with store:
            meeting = store.get_meeting_by_no(branch.id, meeting_no)
            old = next(
                (
                    r.as_input()
                    for r in life_records(store, branch.id, meeting.id)
                    if r.member_no == member_no.strip()
                ),
                LifeRecordInput(member_no.strip()),
            )
            # an option left out keeps the text recorded; an empty one clears it
            record = replace(
                old,
                self_check=old.self_check if self_check is None else self_check or None,
                criticism_received=old.criticism_received if received is None else received or None,
                criticism_given=old.criticism_given if given is None else given or None,
            )
            row = set_life_record(store, branch.id, meeting.id, record)
        typer.echo(
            t(
                "life.cli.saved",
                meeting_no=meeting.meeting_no,
                member_no=row.member_no,
                name=row.name,
            )
        )

    @life_app.command("problem", help=t("life.cli.problem.help"))
    @handles_errors
    def life_problem(
        ctx: typer.Context,
        meeting_no: _Meeting,
        member_no: _Member,
        problem: Annotated[str, typer.Option("--problem", help=t("rectification.cli.opt.problem"))],
        deadline: Annotated[
            str, typer.Option("--deadline", help=t("rectification.cli.opt.deadline"))
        ],
        measure: Annotated[
            str | None, typer.Option("--measure", help=t("rectification.cli.opt.measure"))
        ] = None,
    ) -> None:
        from orglife_tui.data.life_meeting import add_problem

        due = date_option(deadline, "--deadline")
        store, branch = open_existing_branch(ctx)
        with store:
            meeting = store.get_meeting_by_no(branch.id, meeting_no)
            item_id = add_problem(store, branch.id, meeting.id, member_no, problem, due, measure)
        typer.echo(t("life.cli.problem_added", id=item_id, member_no=member_no.strip()))

    @life_app.command("link", help=t("life.cli.link.help"))
    @handles_errors
    def life_link(
        ctx: typer.Context,
        meeting_no: _Meeting,
        member_no: _Member,
        item_id: Annotated[int, typer.Option("--item", help=t("life.cli.opt.item"))],
    ) -> None:
        from orglife_tui.data.life_meeting import link_item

        store, branch = open_existing_branch(ctx)
        with store:
            meeting = store.get_meeting_by_no(branch.id, meeting_no)
            link_item(store, branch.id, item_id, meeting.id, member_no)
        typer.echo(t("life.cli.linked", id=item_id, member_no=member_no.strip()))


# ---------------------------------------------------------------------------- posts


def _register_posts(app: typer.Typer) -> None:
    posts_app = typer.Typer(help=t("life.cli.posts.help"), no_args_is_help=True)
    app.add_typer(posts_app, name="posts")

    @posts_app.command("add", help=t("life.cli.posts_add.help"))
    @handles_errors
    def posts_add(
        ctx: typer.Context,
        member_no: _Member,
        year: Annotated[int, typer.Option("--year", help=t("life.cli.opt.year"))],
        post: Annotated[str, typer.Option("--post", help=t("life.cli.opt.post"))],
        duty: Annotated[str | None, typer.Option("--duty", help=t("life.cli.opt.duty"))] = None,
    ) -> None:
        from orglife_tui.data.commitments import PostInput, add_post

        row = on_branch(ctx, add_post, PostInput(member_no, year, post, duty))
        typer.echo(t("life.cli.post_added", id=row.id, member_no=row.member_no, post=row.post))

    @posts_app.command("edit", help=t("life.cli.posts_edit.help"))
    @handles_errors
    def posts_edit(
        ctx: typer.Context,
        post_id: Annotated[int, typer.Argument(metavar="ID", help=t("life.cli.arg.id"))],
        post: Annotated[str | None, typer.Option("--post", help=t("life.cli.opt.post"))] = None,
        duty: Annotated[str | None, typer.Option("--duty", help=t("life.cli.opt.duty"))] = None,
    ) -> None:
        from orglife_tui.data.commitments import PostInput, get_post, update_post

        store, branch = open_existing_branch(ctx)
        with store:
            old = get_post(store, branch.id, post_id)
            item = PostInput(
                old.member_no,
                old.year,
                old.post if post is None else post,
                old.duty if duty is None else duty or None,
            )
            row = update_post(store, branch.id, post_id, item)
        typer.echo(t("life.cli.post_updated", id=row.id, member_no=row.member_no, post=row.post))

    @posts_app.command("list", help=t("life.cli.posts_list.help"))
    @handles_errors
    def posts_list(
        ctx: typer.Context,
        year: Annotated[int | None, typer.Option("--year", help=t("life.cli.opt.year"))] = None,
        fmt: _Format = "table",
    ) -> None:
        from orglife_tui.data.commitments import list_posts

        check_format(fmt)
        rows = on_branch(ctx, list_posts, year)
        emit(
            fmt,
            POST_KEYS,
            [{k: getattr(r, k) for k in POST_KEYS} for r in rows],
            table_row=lambda r: [
                str(r["id"]),
                str(r["year"]),
                r["member_no"],
                r["name"],
                r["post"],
                r["duty"] or "",
            ],
            empty_message=t("life.cli.no_posts"),
            col_prefix="life.col.",
        )


# ---------------------------------------------------------------------------- commitments


def _register_commitments(app: typer.Typer) -> None:
    cm_app = typer.Typer(help=t("life.cli.commitments.help"), no_args_is_help=True)
    app.add_typer(cm_app, name="commitments")

    @cm_app.command("add", help=t("life.cli.commitments_add.help"))
    @handles_errors
    def commitments_add(
        ctx: typer.Context,
        member_no: _Member,
        year: Annotated[int, typer.Option("--year", help=t("life.cli.opt.year"))],
        text: Annotated[str, typer.Option("--text", help=t("life.cli.opt.text"))],
    ) -> None:
        from orglife_tui.data.commitments import CommitmentInput, add_commitment

        row = on_branch(ctx, add_commitment, CommitmentInput(member_no, year, text))
        typer.echo(t("life.cli.commitment_added", id=row.id, member_no=row.member_no))

    @cm_app.command("edit", help=t("life.cli.commitments_edit.help"))
    @handles_errors
    def commitments_edit(
        ctx: typer.Context,
        commitment_id: Annotated[int, typer.Argument(metavar="ID", help=t("life.cli.arg.id"))],
        text: Annotated[str, typer.Option("--text", help=t("life.cli.opt.text"))],
    ) -> None:
        from orglife_tui.data.commitments import (
            CommitmentInput,
            get_commitment,
            update_commitment,
        )
        from orglife_tui.services.points import after_commitment_change

        store, branch = open_existing_branch(ctx)
        with store:
            old = get_commitment(store, branch.id, commitment_id)
            row = update_commitment(
                store, branch.id, commitment_id, CommitmentInput(old.member_no, old.year, text)
            )
            typer.echo(t("life.cli.commitment_updated", id=row.id, member_no=row.member_no))
            # the entry's note names the commitment: its points follow the new text
            points_follow(
                lambda: after_commitment_change(store, branch.id), "corrections.points_failed"
            )

    @cm_app.command("status", help=t("life.cli.commitments_status.help"))
    @handles_errors
    def commitments_status(
        ctx: typer.Context,
        commitment_id: Annotated[int, typer.Argument(metavar="ID", help=t("life.cli.arg.id"))],
        status: Annotated[str, typer.Argument(metavar="STATUS", help=t("life.cli.arg.status"))],
        on: Annotated[str | None, typer.Option("--on", help=t("life.cli.opt.on"))] = None,
    ) -> None:
        from orglife_tui.data.commitments import set_status
        from orglife_tui.domain import CommitmentStatus, label
        from orglife_tui.services.points import after_commitment_change

        wanted = enum_option(CommitmentStatus, status, "life.cli.bad_status")
        when = date_option(on, "--on") if on else None
        store, branch = open_existing_branch(ctx)
        with store:
            row = set_status(store, branch.id, commitment_id, wanted, on=when)
            typer.echo(
                t("life.cli.status_set", id=row.id, status=label(row.status, get_language()))
            )
            points_follow(
                lambda: after_commitment_change(store, branch.id), "corrections.points_failed"
            )

    @cm_app.command("list", help=t("life.cli.commitments_list.help"))
    @handles_errors
    def commitments_list(
        ctx: typer.Context,
        year: Annotated[int | None, typer.Option("--year", help=t("life.cli.opt.year"))] = None,
        fmt: _Format = "table",
    ) -> None:
        from orglife_tui.data.commitments import list_commitments
        from orglife_tui.domain import label

        check_format(fmt)
        rows = on_branch(ctx, list_commitments, year)
        lang = get_language()
        emit(
            fmt,
            COMMITMENT_KEYS,
            [{k: getattr(r, k) for k in COMMITMENT_KEYS} for r in rows],
            table_row=lambda r: [
                str(r["id"]),
                str(r["year"]),
                r["member_no"],
                r["name"],
                r["text"],
                label(r["status"], lang),
                r["evaluated_on"].isoformat() if r["evaluated_on"] else "",
            ],
            empty_message=t("life.cli.no_commitments"),
            col_prefix="life.col.",
        )

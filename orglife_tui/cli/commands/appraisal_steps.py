"""The appraisal's steps around the ballot from the command line: `orglife-tui appraisal
self-assessment|import-self-assessments|comment|comments|uncomment|steps`.

Thin: parse, call ``orglife_tui.data.appraisal`` (``importing.self_assessments`` for a
file), print. Added under `appraisal` by ``commands.appraisal.register``.
"""

# No ``from __future__ import annotations``: Typer must find the parameters' aliases.

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer

from orglife_tui.cli.commands.common import (
    check_format,
    date_option,
    emit,
    fail,
    handles_errors,
    import_refused,
    on_branch,
    open_existing_branch,
)
from orglife_tui.cli.commands.importing import DryRun, say_dry_run
from orglife_tui.domain import natural_key
from orglife_tui.locale import get_language, t, visible

STEPS_KEYS = ("member_no", "name", "status", "self_assessment", "comments", "grade")
COMMENT_KEYS = ("id", "member_no", "name", "text")


def add_commands(appraisal_app: typer.Typer) -> None:
    """The steps' commands under `appraisal` (called by ``commands.appraisal.register``)."""
    SessionId = Annotated[int, typer.Argument(metavar="ID", help=t("appraisal.cli.arg.id"))]
    MemberNo = Annotated[
        str, typer.Argument(metavar="MEMBER_NO", help=t("appraisal.cli.arg.member_no"))
    ]
    Text = Annotated[str | None, typer.Option("--text", help=t("appraisal_steps.cli.opt.text"))]

    @appraisal_app.command("self-assessment", help=t("appraisal_steps.cli.self_assessment.help"))
    @handles_errors
    def self_assessment(
        ctx: typer.Context,
        session_id: SessionId,
        member_no: MemberNo,
        text: Text = None,
        file: Annotated[
            str | None,
            typer.Option("--file", metavar="FILE", help=t("appraisal_steps.cli.opt.file")),
        ] = None,
        given: Annotated[
            str | None, typer.Option("--date", help=t("appraisal_steps.cli.opt.date"))
        ] = None,
    ) -> None:
        from orglife_tui.data.appraisal import record_self_assessment

        if (text is None) == (file is None):
            raise fail(t("appraisal_steps.cli.text_or_file"), code=2)
        if file is not None:
            text = _read_text(file)
        assert text is not None
        given_on = date_option(given, "--date") if given else None
        row = on_branch(ctx, record_self_assessment, session_id, member_no, text, given_on)
        key = (
            "appraisal_steps.self_assessment_saved_late"
            if row.late
            else "appraisal_steps.self_assessment_saved"
        )
        typer.echo(t(key, member_no=row.member_no, name=row.name, date=row.given_on.isoformat()))

    @appraisal_app.command("import-self-assessments", help=t("appraisal_steps.cli.import.help"))
    @handles_errors
    def import_self_assessments(
        ctx: typer.Context,
        session_id: SessionId,
        file: Annotated[str, typer.Argument(metavar="FILE", help=t("import.cli.arg.file"))],
        dry_run: DryRun = False,
    ) -> None:
        from orglife_tui.importing import ImportFailed, read_table
        from orglife_tui.importing.self_assessments import import_self_assessments

        if dry_run:  # as the TUI's preview: the import rehearsed, nothing written
            say_dry_run(ctx, "self_assessments", file, session_id=session_id)
            return
        try:
            table = read_table(file, "self_assessments")  # a bad file: refused before the db
            store, branch = open_existing_branch(ctx)
            with store:
                summary = import_self_assessments(store, branch.id, session_id, table)
        except ImportFailed as exc:
            raise import_refused(exc, file) from None
        typer.echo(summary.message())

    @appraisal_app.command("comment", help=t("appraisal_steps.cli.comment.help"))
    @handles_errors
    def comment(
        ctx: typer.Context, session_id: SessionId, member_no: MemberNo, text: Text = None
    ) -> None:
        from orglife_tui.data.appraisal import add_peer_comment

        if text is None:
            raise fail(t("appraisal_steps.cli.text_or_file"), code=2)
        row = on_branch(ctx, add_peer_comment, session_id, member_no, text)
        typer.echo(
            t(
                "appraisal_steps.comment_saved",
                comment=row.id,
                member_no=row.member_no,
                name=row.name,
            )
        )

    @appraisal_app.command("uncomment", help=t("appraisal_steps.cli.uncomment.help"))
    @handles_errors
    def uncomment(
        ctx: typer.Context,
        session_id: SessionId,
        comment_id: Annotated[
            int, typer.Argument(metavar="COMMENT", help=t("appraisal_steps.cli.arg.comment"))
        ],
    ) -> None:
        from orglife_tui.data.appraisal import remove_peer_comment

        on_branch(ctx, remove_peer_comment, session_id, comment_id)
        typer.echo(t("appraisal_steps.comment_removed", comment=comment_id))

    @appraisal_app.command("comments", help=t("appraisal_steps.cli.comments.help"))
    @handles_errors
    def comments(
        ctx: typer.Context,
        session_id: SessionId,
        member_no: Annotated[
            str | None,
            typer.Argument(metavar="MEMBER_NO", help=t("appraisal.cli.arg.member_no")),
        ] = None,
        fmt: Annotated[str, typer.Option("--format", "-f", help=t("cli.opt.format"))] = "table",
    ) -> None:
        from orglife_tui.data.appraisal import peer_comments

        check_format(fmt)
        rows = on_branch(ctx, peer_comments, session_id, member_no)
        records = [
            {"id": c.id, "member_no": c.member_no, "name": c.name, "text": c.text} for c in rows
        ]
        emit(
            fmt,
            COMMENT_KEYS,
            records,
            empty_message=t("appraisal_steps.no_comments"),
            col_prefix="appraisal_steps.col.",
        )

    @appraisal_app.command("steps", help=t("appraisal_steps.cli.steps.help"))
    @handles_errors
    def steps(
        ctx: typer.Context,
        session_id: SessionId,
        fmt: Annotated[str, typer.Option("--format", "-f", help=t("cli.opt.format"))] = "table",
    ) -> None:
        from orglife_tui.data.appraisal import appraised
        from orglife_tui.domain import label

        check_format(fmt)
        rows = on_branch(ctx, appraised, session_id)
        lang = get_language()
        records = [
            {
                "member_no": p.member_no,
                "name": p.name,
                "status": p.status,
                "self_assessment": ("late" if p.late else "given") if p.self_assessed else None,
                "comments": p.comments,
                "grade": ("graded" if p.final else "waiting") if p.graded else None,
            }
            for p in rows
        ]
        emit(
            fmt,
            STEPS_KEYS,
            records,
            table_row=lambda r: [
                r["member_no"],
                r["name"],
                label(r["status"], lang),
                _given(r["self_assessment"]),
                str(r["comments"]),
                _graded(r["grade"]),
            ],
            col_prefix="appraisal_steps.col.",
        )


def _given(value: str | None) -> str:
    if value is None:
        return t("appraisal_steps.missing")
    return t("appraisal_steps.given_late" if value == "late" else "appraisal_steps.given")


def _graded(value: str | None) -> str:
    if value is None:
        return t("appraisal.not_graded_short")
    return t("appraisal_steps.graded" if value == "graded" else "appraisal_steps.waiting")


def _read_text(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise fail(t("appraisal_steps.cli.file_unreadable", path=path, reason=reason)) from None


# ---------------------------------------------------------------------------- the tally's steps


@dataclass(frozen=True)
class StepsData:
    """What `appraisal tally` shows of the steps around the ballot: each candidate's
    self-assessment and peer comments, and the members left out of the appraisal."""

    self_assessments: dict[str, Any]  # member_no -> appraisal.SelfAssessment
    comments: dict[str, list[str]]  # member_no -> texts
    not_rated: list[Any]  # appraisal.LeftOut

    def json(self) -> dict[str, Any]:
        numbers = sorted(set(self.self_assessments) | set(self.comments), key=natural_key)
        out: dict[str, Any] = {}
        for no in numbers:
            own = self.self_assessments.get(no)
            out[no] = {
                "self_assessment": None
                if own is None
                else {"text": own.text, "given_on": own.given_on.isoformat(), "late": own.late},
                "comments": self.comments.get(no, []),
            }
        return out

    def not_rated_json(self) -> list[dict[str, str]]:
        return [
            {"member_no": m.member_no, "name": m.name, "status": m.status.value}
            for m in self.not_rated
        ]

    def print_not_rated(self, result: Any) -> None:
        """Why each member without a grade has none, and who is not in the appraisal."""
        from orglife_tui.scoring.appraisal import why_not_graded

        for row in result.rows:
            why = why_not_graded(row.status, row.graded)
            if why is not None:
                typer.echo(
                    t(
                        "appraisal_steps.cli.why_line",
                        member_no=row.member_no,
                        name=row.name,
                        why=t(why),
                    )
                )
        if self.not_rated:
            people = t("import.list_sep").join(f"{m.member_no} {m.name}" for m in self.not_rated)
            typer.echo(t("appraisal_steps.not_rated_line", members=people))


def steps_data(store: Any, branch_id: int, session_id: int, scheme: Any) -> StepsData:
    from orglife_tui.data import appraisal

    comments: dict[str, list[str]] = {}
    for c in appraisal.peer_comments(store, branch_id, session_id):
        comments.setdefault(c.member_no, []).append(c.text)
    return StepsData(
        self_assessments=appraisal.self_assessments(store, branch_id, session_id),
        comments=comments,
        not_rated=appraisal.left_out(store, branch_id, session_id, scheme=scheme),
    )


def print_details(result: Any, steps: StepsData) -> None:
    """Per candidate, what the committee reads before grading: the self-assessment and the
    peer comments."""
    for row in result.rows:
        typer.echo("")
        typer.echo(t("appraisal_steps.cli.details_head", member_no=row.member_no, name=row.name))
        own = steps.self_assessments.get(row.member_no)
        if own is None:
            typer.echo(t("appraisal_steps.cli.details_no_self"))
        else:
            key = (
                "appraisal_steps.cli.details_self_late"
                if own.late
                else "appraisal_steps.cli.details_self"
            )
            typer.echo(t(key, date=own.given_on.isoformat()))
            typer.echo(_indented(own.text))
        comments = steps.comments.get(row.member_no, [])
        typer.echo(t("appraisal_steps.cli.details_comments", count=len(comments)))
        for text in comments:
            typer.echo(_indented(text, "  · "))


def _indented(text: str, first: str = "  ") -> str:
    lines = visible(text).splitlines() or [""]
    return "\n".join((first if i == 0 else "    ") + line for i, line in enumerate(lines))

"""`orglife-tui appraisal objection|follow-up|commendation …`: the appraisal after the
committee's decision (issue 12 §3) — objections during the notice window (公示), follow-ups
of 基本合格/不合格 (结果运用) and the commendation register (评先评优).

Thin: parse, call ``orglife_tui.data.appraisal.notice`` / ``follow_ups`` /
``commendations``, print. Dates default to today (``ORGLIFE_TODAY`` fixes it).
"""

# No ``from __future__ import annotations``: Typer reads the parameters' aliases as objects.

from datetime import date
from typing import Annotated, Any

import typer

from orglife_tui.cli.commands.common import (
    check_format,
    date_option,
    emit,
    enum_option,
    fail,
    handles_errors,
    on_branch,
    today,
)
from orglife_tui.locale import get_language, t, visible

OBJECTION_KEYS = (
    "id",
    "member_no",
    "name",
    "raised_on",
    "raised_by",
    "content",
    "answered_on",
    "outcome",
    "corrected_to",
    "answer",
)
OBJECTION_TABLE_KEYS = (
    "id",
    "member_no",
    "name",
    "raised_on",
    "raised_by",
    "content",
    "answered_on",
    "outcome",
)
FOLLOW_UP_KEYS = (
    "id",
    "session",
    "year",
    "member_no",
    "name",
    "grade",
    "measure",
    "decision",
    "due",
    "talk",
    "status",
    "done_on",
    "note",
)
FOLLOW_UP_TABLE_KEYS = (
    "id",
    "member_no",
    "name",
    "grade",
    "measure",
    "due",
    "status",
    "done_on",
)
COMMENDATION_KEYS = ("year", "session", "member_no", "name", "award", "note")


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _on(text: str | None, option: str) -> date:
    return today() if text is None else date_option(text, option)


def echo_state(ctx: typer.Context, session_id: int) -> None:
    """One line: the notice window and where the result stands (公示中 / 待答复异议 / 已确定)."""
    from orglife_tui.data.appraisal.notice import result_state

    state = on_branch(ctx, result_state, session_id, today())
    typer.echo(state_line(state))


def state_line(state: Any) -> str:
    from orglife_tui.domain import label

    lang = get_language()
    return t(
        "notice.state_line",
        status=label(state.status, lang),
        start=_day(state.window_start) or "—",
        end=_day(state.window_end) or "—",
        count=state.objections,
        open=state.open_objections,
    )


def register_after(appraisal_app: typer.Typer) -> None:
    SessionId = Annotated[int, typer.Argument(metavar="ID", help=t("appraisal.cli.arg.id"))]
    MemberNo = Annotated[
        str, typer.Argument(metavar="MEMBER_NO", help=t("appraisal.cli.arg.member_no"))
    ]
    Format = Annotated[str, typer.Option("--format", "-f", help=t("cli.opt.format"))]
    DateOpt = Annotated[
        str | None, typer.Option("--date", metavar="DATE", help=t("notice.cli.opt.date"))
    ]
    Note = Annotated[str | None, typer.Option("--note", help=t("follow_up.cli.opt.note"))]

    objection_app = typer.Typer(help=t("notice.cli.objection.help"), no_args_is_help=True)
    appraisal_app.add_typer(objection_app, name="objection")

    @objection_app.command("add", help=t("notice.cli.objection.add.help"))
    @handles_errors
    def objection_add(
        ctx: typer.Context,
        session_id: SessionId,
        member_no: MemberNo,
        content: Annotated[str, typer.Option("--content", help=t("notice.cli.opt.content"))],
        raised_by: Annotated[str | None, typer.Option("--by", help=t("notice.cli.opt.by"))] = None,
        on: DateOpt = None,
    ) -> None:
        from orglife_tui.data.appraisal.notice import add_objection

        row = on_branch(
            ctx,
            add_objection,
            session_id,
            member_no,
            _on(on, "--date"),
            content,
            raised_by=raised_by,
        )
        typer.echo(t("notice.objection_added", id=row.id, member_no=row.member_no))

    @objection_app.command("answer", help=t("notice.cli.objection.answer.help"))
    @handles_errors
    def objection_answer(
        ctx: typer.Context,
        objection_id: Annotated[
            int, typer.Argument(metavar="OBJECTION", help=t("notice.cli.arg.objection"))
        ],
        answer: Annotated[str, typer.Option("--answer", help=t("notice.cli.opt.answer"))],
        outcome_text: Annotated[str, typer.Option("--outcome", help=t("notice.cli.opt.outcome"))],
        grade_text: Annotated[
            str | None, typer.Option("--grade", help=t("notice.cli.opt.grade"))
        ] = None,
        reason: Annotated[
            str | None, typer.Option("--reason", help=t("appraisal.cli.opt.reason"))
        ] = None,
        on: DateOpt = None,
    ) -> None:
        from orglife_tui.data.appraisal.notice import answer_objection
        from orglife_tui.domain import ObjectionOutcome, label
        from orglife_tui.scoring.appraisal import parse_grade

        outcome = enum_option(ObjectionOutcome, outcome_text, "notice.cli.bad_outcome")
        grade = None
        if grade_text is not None:
            try:
                grade = parse_grade(grade_text)
            except ValueError:
                raise fail(t("appraisal.cli.bad_grade", grade=grade_text), code=2) from None
        row = on_branch(
            ctx,
            answer_objection,
            objection_id,
            answer,
            _on(on, "--date"),
            outcome,
            grade=grade,
            reason=reason,
        )
        typer.echo(
            t("notice.objection_answered", id=row.id, outcome=label(outcome, get_language()))
        )
        echo_state(ctx, row.session_id)

    @objection_app.command("list", help=t("notice.cli.objection.list.help"))
    @handles_errors
    def objection_list(ctx: typer.Context, session_id: SessionId, fmt: Format = "table") -> None:
        from orglife_tui.data.appraisal import grade_label
        from orglife_tui.data.appraisal.notice import list_objections
        from orglife_tui.domain import label

        check_format(fmt)
        rows = on_branch(ctx, list_objections, session_id)
        lang = get_language()
        records = [
            {
                "id": r.id,
                "member_no": r.member_no,
                "name": r.name,
                "raised_on": _day(r.raised_on),
                "raised_by": r.raised_by,
                "content": r.content,
                "answered_on": _day(r.answered_on),
                "outcome": None if r.outcome is None else r.outcome.value,
                "corrected_to": None if r.corrected_to is None else r.corrected_to.value,
                "answer": r.answer,
                "_row": r,
            }
            for r in rows
        ]
        if fmt == "table":
            echo_state(ctx, session_id)

        def cells(rec: dict[str, Any]) -> list[str]:
            r = rec["_row"]
            outcome = "" if r.outcome is None else label(r.outcome, lang)
            if r.corrected_to is not None:
                outcome += f" → {grade_label(r.corrected_to)}"
            return [
                str(r.id),
                visible(r.member_no),
                visible(r.name),
                r.raised_on.isoformat(),
                visible(r.raised_by) if r.raised_by else t("notice.anonymous"),
                visible(r.content),
                _day(r.answered_on) or t("notice.unanswered"),
                outcome,
            ]

        emit(
            fmt,
            OBJECTION_KEYS if fmt != "table" else OBJECTION_TABLE_KEYS,
            records,
            table_row=cells,
            empty_message=t("notice.no_objections"),
            col_prefix="notice.col.",
        )

    follow_app = typer.Typer(help=t("follow_up.cli.help"), no_args_is_help=True)
    appraisal_app.add_typer(follow_app, name="follow-up")

    @follow_app.command("add", help=t("follow_up.cli.add.help"))
    @handles_errors
    def follow_up_add(
        ctx: typer.Context,
        session_id: SessionId,
        member_no: MemberNo,
        measure_text: Annotated[
            str, typer.Option("--measure", help=t("follow_up.cli.opt.measure"))
        ],
        deadline: Annotated[
            str | None,
            typer.Option("--deadline", metavar="DATE", help=t("follow_up.cli.opt.deadline")),
        ] = None,
        talk_id: Annotated[
            int | None, typer.Option("--talk", metavar="N", help=t("follow_up.cli.opt.talk"))
        ] = None,
        decision: Annotated[
            str | None, typer.Option("--decision", help=t("follow_up.cli.opt.decision"))
        ] = None,
        effective: Annotated[
            str | None,
            typer.Option("--effective", metavar="DATE", help=t("follow_up.cli.opt.effective")),
        ] = None,
        note: Note = None,
    ) -> None:
        from orglife_tui.data.appraisal.follow_ups import FollowUpInput, add_follow_up
        from orglife_tui.domain import Disposal, FollowUpMeasure

        item = FollowUpInput(
            member_no,
            enum_option(FollowUpMeasure, measure_text, "follow_up.cli.bad_measure"),
            deadline=None if deadline is None else date_option(deadline, "--deadline"),
            talk_id=talk_id,
            disposal=None
            if decision is None
            else enum_option(Disposal, decision, "follow_up.cli.bad_decision"),
            effective_on=None if effective is None else date_option(effective, "--effective"),
            note=note,
        )
        row = on_branch(ctx, add_follow_up, session_id, item)
        typer.echo(t("follow_up.added", id=row.id, member_no=row.member_no))
        if row.event_id is not None:
            typer.echo(t("follow_up.removed", member_no=row.member_no, date=_day(row.done_on)))

    @follow_app.command("done", help=t("follow_up.cli.done.help"))
    @handles_errors
    def follow_up_done(
        ctx: typer.Context,
        follow_up_id: Annotated[
            int, typer.Argument(metavar="FOLLOW_UP", help=t("follow_up.cli.arg.id"))
        ],
        on: DateOpt = None,
        talk_id: Annotated[
            int | None, typer.Option("--talk", metavar="N", help=t("follow_up.cli.opt.talk"))
        ] = None,
        note: Note = None,
    ) -> None:
        from orglife_tui.data.appraisal.follow_ups import complete_follow_up

        row = on_branch(
            ctx, complete_follow_up, follow_up_id, _on(on, "--date"), note, talk_id=talk_id
        )
        typer.echo(t("follow_up.done", id=row.id, date=_day(row.done_on)))
        if row.event_id is not None:
            typer.echo(t("follow_up.removed", member_no=row.member_no, date=_day(row.done_on)))

    @follow_app.command("list", help=t("follow_up.cli.list.help"))
    @handles_errors
    def follow_up_list(
        ctx: typer.Context,
        year: Annotated[
            int | None, typer.Option("--year", min=1900, max=2999, help=t("follow_up.cli.opt.year"))
        ] = None,
        overdue: Annotated[
            bool, typer.Option("--overdue", help=t("follow_up.cli.opt.overdue"))
        ] = False,
        fmt: Format = "table",
    ) -> None:
        from orglife_tui.data.appraisal.follow_ups import list_follow_ups

        check_format(fmt)
        as_of = today()
        rows = on_branch(ctx, list_follow_ups, year=year)
        records = [follow_up_record(r, as_of) for r in rows]
        if overdue:
            records = [r for r in records if r["status"] == "overdue"]
        lang = get_language()
        emit(
            fmt,
            FOLLOW_UP_KEYS if fmt != "table" else FOLLOW_UP_TABLE_KEYS,
            records,
            table_row=lambda rec: follow_up_cells(rec["_row"], as_of, lang),
            empty_message=t("follow_up.none"),
            col_prefix="follow_up.col.",
        )

    commend_app = typer.Typer(help=t("commendation.cli.help"), no_args_is_help=True)
    appraisal_app.add_typer(commend_app, name="commendation")

    @commend_app.command("list", help=t("commendation.cli.list.help"))
    @handles_errors
    def commendation_list(
        ctx: typer.Context,
        year: Annotated[
            int | None,
            typer.Option("--year", min=1900, max=2999, help=t("commendation.cli.opt.year")),
        ] = None,
        fmt: Format = "table",
    ) -> None:
        from orglife_tui.data.appraisal.commendations import register

        check_format(fmt)
        rows = on_branch(ctx, register, year or today().year, today())
        records = [commendation_record(r) for r in rows]
        emit(
            fmt,
            COMMENDATION_KEYS,
            records,
            table_row=lambda rec: [
                str(rec["year"]),
                str(rec["session"]),
                visible(rec["member_no"]),
                visible(rec["name"]),
                visible(rec["award"] or ""),
                visible(rec["note"] or ""),
            ],
            empty_message=t("commendation.none"),
            col_prefix="commendation.col.",
        )

    @commend_app.command("set", help=t("commendation.cli.set.help"))
    @handles_errors
    def commendation_set(
        ctx: typer.Context,
        year: Annotated[int, typer.Argument(metavar="YEAR", help=t("commendation.cli.opt.year"))],
        member_no: MemberNo,
        award: Annotated[
            str | None, typer.Option("--award", help=t("commendation.cli.opt.award"))
        ] = None,
        note: Note = None,
    ) -> None:
        from orglife_tui.data.appraisal.commendations import annotate

        row = on_branch(ctx, annotate, year, member_no, award, note)
        typer.echo(t("commendation.saved", member_no=row.member_no, year=row.year))


def follow_up_record(r: Any, as_of: date) -> dict[str, Any]:
    """A follow-up as stable English keys and codes (CSV, JSON)."""
    return {
        "id": r.id,
        "session": r.session_id,
        "year": r.year,
        "member_no": r.member_no,
        "name": r.name,
        "grade": r.grade.value,
        "measure": r.measure.value,
        "decision": None if r.disposal is None else r.disposal.value,
        "due": _day(r.due),
        "talk": r.talk_id,
        "status": r.status(as_of).value,
        "done_on": _day(r.done_on),
        "note": r.note,
        "_row": r,
    }


def follow_up_cells(r: Any, as_of: date, lang: str) -> list[str]:
    """A follow-up as the table shows it, in the user's language."""
    from orglife_tui.data.appraisal import grade_label
    from orglife_tui.domain import label

    measure = label(r.measure, lang)
    if r.disposal is not None:
        measure += (
            f"（{label(r.disposal, lang)}）" if lang == "zh" else f" ({label(r.disposal, lang)})"
        )
    return [
        str(r.id),
        visible(r.member_no),
        visible(r.name),
        grade_label(r.grade),
        measure,
        _day(r.due) or "",
        label(r.status(as_of), lang),
        _day(r.done_on) or "",
    ]


def commendation_record(r: Any) -> dict[str, Any]:
    return {
        "year": r.year,
        "session": r.session_id,
        "member_no": r.member_no,
        "name": r.name,
        "award": r.award,
        "note": r.note,
    }

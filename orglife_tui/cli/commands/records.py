"""`members add`, `meetings add|void|edit`, `attendance set`, `branch set-start|show`: what the
TUI can add, for scripting, with the same checks (issue 9 §3–§4).

Thin: the typed text goes through ``records.*_from_fields`` (the rules the forms use) and
the store's operations; a change of attendance or of a meeting is followed by the points
sync, as on the attendance sheet.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated

import typer

from orglife_tui.cli.commands.common import (
    date_option,
    enum_option,
    fail,
    field_errors,
    handles_errors,
    open_existing_branch,
    option_group,
    points_follow,
)
from orglife_tui.locale import get_language, t


def _given(options: Mapping[str, str | None]) -> dict[str, str]:
    return {k: v for k, v in options.items() if v is not None}


def _labels(values, lang: str) -> str:
    from orglife_tui.domain import label

    return ("、" if lang == "zh" else ", ").join(label(v, lang) for v in values)


def _points_follow(store, branch_id: int, meeting_id: int, member_ids=None) -> None:
    """Let the points follow a change at one meeting (see ``common.points_follow``)."""
    from orglife_tui.services.points import after_attendance_change

    points_follow(
        lambda: after_attendance_change(store, branch_id, [meeting_id], member_ids),
        "corrections.points_failed",
    )


def register(
    app: typer.Typer, members_app: typer.Typer, meetings_app: typer.Typer, branch_app: typer.Typer
) -> None:
    """Add the record commands to their groups (``attendance`` is a group of its own)."""
    _register_members(members_app)
    _register_meetings(meetings_app)
    _register_attendance(app)
    _register_branch(branch_app)


# ---------------------------------------------------------------------------- members


def _register_members(members_app: typer.Typer) -> None:
    @members_app.command("add", help=t("corrections.cli.members_add.help"))
    @handles_errors
    def members_add(
        ctx: typer.Context,
        member_no: Annotated[
            str, typer.Argument(metavar="MEMBER_NO", help=t("corrections.cli.arg.member_no"))
        ],
        name: Annotated[
            str | None, typer.Option("--name", help=t("corrections.cli.opt.name"))
        ] = None,
        status: Annotated[
            str | None, typer.Option("--status", help=t("corrections.cli.opt.status"))
        ] = None,
        gender: Annotated[
            str | None, typer.Option("--gender", help=t("corrections.cli.opt.gender"))
        ] = None,
        birth_date: Annotated[
            str | None, typer.Option("--birth-date", help=t("corrections.cli.opt.birth_date"))
        ] = None,
        join_date: Annotated[
            str | None, typer.Option("--join-date", help=t("corrections.cli.opt.join_date"))
        ] = None,
        full_date: Annotated[
            str | None, typer.Option("--full-date", help=t("corrections.cli.opt.full_date"))
        ] = None,
        group: Annotated[
            str | None, typer.Option("--group", help=t("corrections.cli.opt.group"))
        ] = None,
        post: Annotated[
            str | None, typer.Option("--post", help=t("corrections.cli.opt.post"))
        ] = None,
        phone: Annotated[
            str | None, typer.Option("--phone", help=t("corrections.cli.opt.phone"))
        ] = None,
        leader: Annotated[
            str | None, typer.Option("--leader", help=t("life.cli.opt.leader"))
        ] = None,
    ) -> None:
        from orglife_tui.domain import label
        from orglife_tui.domain.records import FieldErrors, member_from_fields

        values = _given(
            {
                "member_no": member_no,
                "name": name,
                "status": status,
                "gender": gender,
                "birth_date": birth_date,
                "join_date": join_date,
                "full_date": full_date,
                "group": group,
                "post": post,
                "phone": phone,
                "leader": leader,
            }
        )
        store, branch = open_existing_branch(ctx)
        with store:
            try:
                record = member_from_fields(values, today=store.today())
            except FieldErrors as errors:
                raise field_errors(errors) from None
            row = store.add_member(branch.id, record)
        lang = get_language()
        sep = "，" if lang == "zh" else ", "
        typer.echo(
            t(
                "corrections.member_added",
                member_no=row.member_no,
                name=row.name,
                status=label(row.status, lang),
                group=sep + row.group if row.group else "",
                post=sep + label(row.post, lang) if row.post else "",
            )
        )


# ---------------------------------------------------------------------------- meetings


# The meeting's fields that `meetings add` and `meetings edit` both take, in the order
# --help lists them: (field of ``meeting_from_fields``, option, help key).
MEETING_OPTIONS = (
    ("date", "--date", "corrections.cli.opt.date"),
    ("type", "--type", "corrections.cli.opt.type"),
    ("title", "--title", "corrections.cli.opt.title"),
    ("group", "--group", "corrections.cli.opt.meeting_group"),
    ("place", "--place", "corrections.cli.opt.place"),
    ("host", "--host", "corrections.cli.opt.host"),
    ("recorder", "--recorder", "corrections.cli.opt.recorder"),
    ("lecturer", "--lecturer", "corrections.cli.opt.lecturer"),
    ("minutes", "--minutes", "corrections.cli.opt.minutes"),
    ("meeting_form", "--form", "life.cli.opt.form"),
)


def _register_meetings(meetings_app: typer.Typer) -> None:
    meeting_fields = option_group(
        "fields",
        {
            field: Annotated[str | None, typer.Option(flag, help=t(key))]
            for field, flag, key in MEETING_OPTIONS
        },
    )

    @meetings_app.command("add", help=t("corrections.cli.meetings_add.help"))
    @handles_errors
    @meeting_fields
    def meetings_add(
        ctx: typer.Context,
        fields: dict[str, str | None],
        number: Annotated[
            str | None, typer.Option("--no", help=t("corrections.cli.opt.no"))
        ] = None,
    ) -> None:
        from orglife_tui.domain.records import FieldErrors, meeting_from_fields

        values = _given({**fields, "meeting_no": number})
        try:
            record = meeting_from_fields(values)
        except FieldErrors as errors:
            raise field_errors(errors) from None
        store, branch = open_existing_branch(ctx)
        with store:
            start = store.records_start(branch.id)
            row = store.add_meeting(branch.id, record)
            moved = store.records_start(branch.id)
            # The lecturer picked from the roster earns the lecture's points.
            _points_follow(store, branch.id, row.id)
        _echo_meeting("corrections.meeting_added", row)
        if moved != start and moved is not None:
            typer.echo(t("corrections.start_moved", start=moved.isoformat()))

    @meetings_app.command("edit", help=t("corrections.cli.meetings_edit.help"))
    @handles_errors
    @meeting_fields
    def meetings_edit(
        ctx: typer.Context,
        meeting_no: Annotated[
            str, typer.Argument(metavar="MEETING_NO", help=t("corrections.cli.arg.meeting_no"))
        ],
        fields: dict[str, str | None],
        new_no: Annotated[
            str | None, typer.Option("--new-no", help=t("corrections.cli.opt.new_no"))
        ] = None,
    ) -> None:
        from orglife_tui.domain.records import FieldErrors, meeting_from_fields

        changes = _given({**fields, "meeting_no": new_no})
        if not changes:
            raise fail(t("corrections.cli.nothing_to_change"), code=2)
        store, branch = open_existing_branch(ctx)
        with store:
            old = store.get_meeting_by_no(branch.id, meeting_no)
            values = {**_meeting_texts(old), **changes}
            try:
                record = meeting_from_fields(values)
            except FieldErrors as errors:
                raise field_errors(errors) from None
            row = store.update_meeting(branch.id, old.id, record)
            if row.as_input() == old.as_input():
                typer.echo(t("corrections.meeting_unchanged", meeting_no=row.meeting_no))
                return
            _echo_meeting("corrections.meeting_updated", row)
            # A new date or new types change which attendance earns which points.
            _points_follow(store, branch.id, row.id)

    @meetings_app.command("void", help=t("corrections.cli.meetings_void.help"))
    @handles_errors
    def meetings_void(
        ctx: typer.Context,
        meeting_no: Annotated[
            str, typer.Argument(metavar="MEETING_NO", help=t("corrections.cli.arg.meeting_no"))
        ],
        reason: Annotated[
            str | None, typer.Option("--reason", help=t("corrections.cli.opt.reason"))
        ] = None,
    ) -> None:
        store, branch = open_existing_branch(ctx)
        with store:
            meeting = store.get_meeting_by_no(branch.id, meeting_no)
            row = store.void_meeting(branch.id, meeting.id, reason or "")
            typer.echo(
                t(
                    "corrections.meeting_voided_done",
                    meeting_no=row.meeting_no,
                    date=row.date.isoformat(),
                    title=row.title,
                    reason=row.void_reason,
                )
            )
            _points_follow(store, branch.id, row.id)


def _meeting_texts(m) -> dict[str, str]:
    """A stored meeting as the text a form holds, for ``meeting_from_fields``."""
    return {
        "date": m.date.isoformat(),
        "type": ";".join(x.value for x in m.types),
        "title": m.title,
        "group": m.group or "",
        "place": m.place or "",
        "host": m.host or "",
        "recorder": m.recorder or "",
        "lecturer": m.lecturer_no or m.lecturer or "",
        "minutes": m.minutes or "",
        "meeting_form": m.form.value if m.form else "",
        "meeting_no": m.meeting_no,
    }


def _echo_meeting(key: str, row) -> None:
    typer.echo(
        t(
            key,
            meeting_no=row.meeting_no,
            date=row.date.isoformat(),
            types=_labels(row.types, get_language()),
            title=row.title,
        )
    )


# ---------------------------------------------------------------------------- attendance


def _register_attendance(app: typer.Typer) -> None:
    attendance_app = typer.Typer(help=t("corrections.cli.attendance.help"), no_args_is_help=True)
    app.add_typer(attendance_app, name="attendance")

    @attendance_app.command("set", help=t("corrections.cli.attendance_set.help"))
    @handles_errors
    def attendance_set(
        ctx: typer.Context,
        meeting_no: Annotated[
            str, typer.Argument(metavar="MEETING_NO", help=t("corrections.cli.arg.meeting_no"))
        ],
        member_no: Annotated[
            str, typer.Argument(metavar="MEMBER_NO", help=t("corrections.cli.arg.member_no"))
        ],
        mark: Annotated[
            str | None, typer.Argument(metavar="MARK", help=t("corrections.cli.arg.mark"))
        ] = None,
        reason: Annotated[
            str | None, typer.Option("--reason", help=t("corrections.cli.opt.reason"))
        ] = None,
        clear: Annotated[
            bool, typer.Option("--clear", help=t("corrections.cli.opt.clear"))
        ] = False,
    ) -> None:
        from orglife_tui.domain import AttendanceStatus, label

        if clear == (mark is not None):
            raise fail(t("corrections.cli.mark_or_clear"), code=2)
        status = None
        if mark is not None:
            status = enum_option(AttendanceStatus, mark, "problem.unknown_attendance")
        store, branch = open_existing_branch(ctx)
        with store:
            meeting = store.get_meeting_by_no(branch.id, meeting_no)
            member = store.get_member(branch.id, member_no.strip())
            store.set_attendance(branch.id, meeting.id, member.id, status, reason)
            lang = get_language()
            where = {
                "member_no": member.member_no,
                "name": member.name,
                "meeting_no": meeting.meeting_no,
                "date": meeting.date.isoformat(),
                "title": meeting.title,
            }
            if status is None:
                typer.echo(t("corrections.mark_cleared", **where))
            else:
                line = t("corrections.mark_set", mark=label(status, lang), **where)
                if status is AttendanceStatus.leave and reason:
                    line += " " + t("corrections.mark_reason", reason=reason.strip())
                typer.echo(line)
            _points_follow(store, branch.id, meeting.id, [member.id])


# ---------------------------------------------------------------------------- branch


def _register_branch(branch_app: typer.Typer) -> None:
    @branch_app.command("set-start", help=t("corrections.cli.branch_set_start.help"))
    @handles_errors
    def branch_set_start(
        ctx: typer.Context,
        start: Annotated[str, typer.Argument(metavar="DATE", help=t("corrections.cli.arg.start"))],
    ) -> None:
        day = date_option(start)
        store, branch = open_existing_branch(ctx)
        with store:
            store.set_records_start(branch.id, day)
        typer.echo(t("corrections.start_set", branch=branch.name, start=day.isoformat()))

    @branch_app.command("show", help=t("corrections.cli.branch_show.help"))
    @handles_errors
    def branch_show(ctx: typer.Context) -> None:
        store, branch = open_existing_branch(ctx)
        with store:
            start = store.records_start(branch.id)
            members = store.count_members(branch.id)
            meetings = store.count_meetings(branch.id)
            voided = store.count_meetings(branch.id, voided=True)
        typer.echo(
            t(
                "corrections.branch_show",
                branch=branch.name,
                start=start.isoformat() if start else t("corrections.no_start"),
                members=members,
                meetings=meetings,
                voided=voided,
            )
        )

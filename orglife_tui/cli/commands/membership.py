"""`members transfer-out|transfer-in|convert|away|back|deceased|remove|history|void-event|
probation`: a member's dated events (issue 9 §2).

Thin: read the options, call ``data.membership``, print one line. Every check (dates
against the store's today, after departure, overlapping periods …) is the data layer's;
a refusal is one line on stderr and exit status 1, with nothing written.
"""

# No ``from __future__ import annotations``: the commands' parameters use aliases built in
# ``register`` (their help in the chosen language), and Typer must find them as objects.

from dataclasses import asdict
from datetime import date
from typing import Annotated

import typer

from orglife_tui.cli.commands.common import (
    check_format,
    emit,
    fail,
    handles_errors,
    on_branch,
    open_branch,
    open_existing_branch,
    with_option,
)
from orglife_tui.data.errors import StoreError
from orglife_tui.domain import InputError, MemberEventKind, label, parse_date
from orglife_tui.domain.records import FieldErrors, member_from_fields
from orglife_tui.locale import get_language, t

HISTORY_KEYS = ("id", "date", "kind", "end_date", "place", "reason", "operator", "voided")
HISTORY_EXPORT_KEYS = (
    "id",
    "member_no",
    "name",
    "date",
    "kind",
    "end_date",
    "place",
    "reason",
    "note",
    "operator",
    "voided",
    "void_reason",
)
PROBATION_KEYS = ("member_no", "name", "join_date", "ends_on", "extended", "days_left")
PROBATION_TABLE_KEYS = ("member_no", "name", "join_date", "ends_on", "days_left")


def _date(text: str, option: str) -> date:
    """A date typed on the command line; a bad one is a usage error (exit 2)."""
    try:
        return parse_date(text)
    except InputError:
        raise fail(t("membership.cli.bad_date", option=option, value=text), code=2) from None


def _optional_date(text: str | None, option: str) -> date | None:
    return None if text is None else _date(text, option)


def register(members_app: typer.Typer) -> None:
    """Add the membership-event commands to the ``members`` group."""
    # The parameters several commands share, declared once.
    MemberNo = Annotated[str, typer.Argument(metavar="NO", help=t("membership.cli.arg.no"))]
    EventDate = Annotated[str, typer.Option("--date", help=t("membership.cli.opt.date"))]
    Note = Annotated[str | None, typer.Option("--note", help=t("membership.cli.opt.note"))]

    def record(
        ctx: typer.Context, member_no: str, kind: MemberEventKind, on: date | None, **kw
    ) -> None:
        """Record the event (dated today when ``on`` is None) and confirm it in one line."""
        from orglife_tui.data.membership import record_event

        store, branch = open_existing_branch(ctx)
        with store:
            event = record_event(store, branch.id, member_no, kind, on or store.today(), **kw)
        typer.echo(_recorded(event))

    @members_app.command("transfer-out", help=t("membership.cli.transfer_out.help"))
    @handles_errors
    def transfer_out(
        ctx: typer.Context,
        member_no: MemberNo,
        on: EventDate,
        to: Annotated[str, typer.Option("--to", help=t("membership.cli.opt.to"))],
        note: Note = None,
    ) -> None:
        if not to.strip():
            raise fail(t("membership.transfer_out_needs_to"))
        when = _date(on, "--date")
        record(ctx, member_no, MemberEventKind.transfer_out, when, place=to, note=note)

    @members_app.command("transfer-in", help=t("membership.cli.transfer_in.help"))
    @handles_errors
    def transfer_in(
        ctx: typer.Context,
        member_no: MemberNo,
        name: Annotated[str, typer.Option("--name", help=t("membership.cli.opt.name"))],
        on: Annotated[str, typer.Option("--date", help=t("membership.cli.opt.date_in"))],
        from_: Annotated[str, typer.Option("--from", help=t("membership.cli.opt.from"))],
        join_date: Annotated[
            str | None, typer.Option("--join-date", help=t("membership.cli.opt.join"))
        ] = None,
        full_date: Annotated[
            str | None, typer.Option("--full-date", help=t("membership.cli.opt.full"))
        ] = None,
        status: Annotated[
            str | None, typer.Option("--status", help=t("membership.cli.opt.status"))
        ] = None,
        gender: Annotated[
            str | None, typer.Option("--gender", help=t("membership.cli.opt.gender"))
        ] = None,
        birth_date: Annotated[
            str | None, typer.Option("--birth-date", help=t("membership.cli.opt.birth"))
        ] = None,
        group: Annotated[
            str | None, typer.Option("--group", help=t("membership.cli.opt.group"))
        ] = None,
        phone: Annotated[
            str | None, typer.Option("--phone", help=t("membership.cli.opt.phone"))
        ] = None,
        note: Note = None,
    ) -> None:
        from orglife_tui.data.membership import transfer_in_member

        when = _date(on, "--date")
        values = {
            "member_no": member_no,
            "name": name,
            "status": status or "full",
            "gender": gender,
            "birth_date": birth_date,
            "join_date": join_date,
            "full_date": full_date,
            "group": group,
            "phone": phone,
        }
        store, branch = open_existing_branch(ctx)
        with store:
            try:
                member = member_from_fields(values, today=store.today())
            except FieldErrors as errors:
                raise fail(_field_problems(errors)) from None
            if not from_.strip():
                raise fail(t("membership.transfer_in_needs_from"))
            row = transfer_in_member(store, branch.id, member, when, place=from_, note=note)
        typer.echo(
            t(
                "membership.cli.transferred_in",
                member_no=row.member_no,
                name=row.name,
                date=when.isoformat(),
                place=from_.strip(),
                status=label(row.status, get_language()),
            )
        )

    @members_app.command("convert", help=t("membership.cli.convert.help"))
    @handles_errors
    def convert(
        ctx: typer.Context,
        member_no: MemberNo,
        on: Annotated[
            str | None, typer.Option("--date", help=t("membership.cli.opt.date_convert"))
        ] = None,
        extend: Annotated[
            bool, typer.Option("--extend", help=t("membership.cli.opt.extend"))
        ] = False,
        until: Annotated[
            str | None, typer.Option("--until", help=t("membership.cli.opt.until"))
        ] = None,
        reason: Annotated[
            str | None, typer.Option("--reason", help=t("membership.cli.opt.reason"))
        ] = None,
    ) -> None:
        if extend:
            if until is None:
                raise fail(with_option(StoreError("membership.extend_needs_until")), code=2)
            end = _date(until, "--until")
            when = _optional_date(on, "--date")  # the decision; today when left out
            record(ctx, member_no, MemberEventKind.probation_extended, when, end=end, reason=reason)
            return
        if until is not None:
            raise fail(t("membership.cli.until_without_extend"), code=2)
        if on is None:
            raise fail(t("membership.cli.convert_needs_date"), code=2)
        record(ctx, member_no, MemberEventKind.conversion, _date(on, "--date"), reason=reason)

    @members_app.command("away", help=t("membership.cli.away.help"))
    @handles_errors
    def away(
        ctx: typer.Context,
        member_no: MemberNo,
        start: Annotated[str, typer.Option("--from", help=t("membership.cli.opt.away_from"))],
        end: Annotated[
            str | None, typer.Option("--to", help=t("membership.cli.opt.away_to"))
        ] = None,
        *,  # keyword-only: a required option after one with a default, in the help's order
        where: Annotated[str, typer.Option("--where", help=t("membership.cli.opt.where"))],
        note: Note = None,
    ) -> None:
        if not where.strip():
            raise fail(t("membership.away_needs_where"))
        first = _date(start, "--from")
        last = _optional_date(end, "--to")
        record(ctx, member_no, MemberEventKind.away, first, end=last, place=where, note=note)

    @members_app.command("back", help=t("membership.cli.back.help"))
    @handles_errors
    def back(
        ctx: typer.Context,
        member_no: MemberNo,
        on: Annotated[str, typer.Option("--date", help=t("membership.cli.opt.date_back"))],
    ) -> None:
        from orglife_tui.data.membership import back_from_away

        when = _date(on, "--date")
        event = on_branch(ctx, back_from_away, member_no, when)
        typer.echo(
            t(
                "membership.cli.back_done",
                member_no=event.member_no,
                name=event.name,
                date=when.isoformat(),
                start=event.date.isoformat(),
                end=event.end_date.isoformat() if event.end_date else "",
            )
        )

    @members_app.command("deceased", help=t("membership.cli.deceased.help"))
    @handles_errors
    def deceased(
        ctx: typer.Context,
        member_no: MemberNo,
        on: EventDate,
        note: Note = None,
    ) -> None:
        record(ctx, member_no, MemberEventKind.deceased, _date(on, "--date"), note=note)

    @members_app.command("remove", help=t("membership.cli.remove.help"))
    @handles_errors
    def remove(
        ctx: typer.Context,
        member_no: MemberNo,
        on: EventDate,
        reason: Annotated[
            str, typer.Option("--reason", help=t("membership.cli.opt.remove_reason"))
        ],
        note: Note = None,
    ) -> None:
        record(
            ctx, member_no, MemberEventKind.removed, _date(on, "--date"), reason=reason, note=note
        )

    @members_app.command("history", help=t("membership.cli.history.help"))
    @handles_errors
    def history(
        ctx: typer.Context,
        member_no: MemberNo,
        fmt: Annotated[str, typer.Option("--format", "-f", help=t("cli.opt.format"))] = "table",
    ) -> None:
        from orglife_tui.data.membership import member_events

        check_format(fmt)
        store, branch = open_branch(ctx)
        with store:
            events = member_events(store, branch.id, member_no)
        lang = get_language()
        rows = [asdict(e) for e in events]
        emit(
            fmt,
            HISTORY_KEYS if fmt == "table" else HISTORY_EXPORT_KEYS,
            rows,
            table_row=lambda r: [
                str(r["id"]),
                r["date"].isoformat(),
                label(r["kind"], lang),
                r["end_date"].isoformat() if r["end_date"] else "",
                r["place"] or "",
                r["reason"] or "",
                r["operator"],
                t("membership.cli.voided", reason=r["void_reason"] or "") if r["voided"] else "",
            ],
            empty_message=t("membership.cli.no_events", member_no=member_no),
            col_prefix="membership.col.",
        )

    @members_app.command("void-event", help=t("membership.cli.void.help"))
    @handles_errors
    def void(
        ctx: typer.Context,
        event_id: Annotated[int, typer.Argument(metavar="ID", help=t("membership.cli.arg.id"))],
        reason: Annotated[str, typer.Option("--reason", help=t("membership.cli.opt.void_reason"))],
    ) -> None:
        from orglife_tui.data.membership import void_event

        event = on_branch(ctx, void_event, event_id, reason)
        typer.echo(
            t(
                "membership.cli.voided_done",
                id=event.id,
                kind=label(event.kind, get_language()),
                date=event.date.isoformat(),
                member_no=event.member_no,
                name=event.name,
            )
        )

    @members_app.command("probation", help=t("membership.cli.probation.help"))
    @handles_errors
    def probation(
        ctx: typer.Context,
        within: Annotated[
            int,
            typer.Option("--within", min=0, help=t("membership.cli.opt.within"), show_default=True),
        ] = 30,
        fmt: Annotated[str, typer.Option("--format", "-f", help=t("cli.opt.format"))] = "table",
    ) -> None:
        from orglife_tui.data.membership import probation_watch

        check_format(fmt)
        store, branch = open_branch(ctx)
        with store:
            watch = probation_watch(store, branch.id, within)
        emit(
            fmt,
            PROBATION_KEYS if fmt != "table" else PROBATION_TABLE_KEYS,
            [asdict(p) for p in watch],
            table_row=lambda r: [
                r["member_no"],
                r["name"],
                r["join_date"].isoformat() if r["join_date"] else "",
                _ends(r["ends_on"], r["extended"]),
                _days(r["days_left"]),
            ],
            empty_message=t("membership.cli.probation_none", days=within),
            col_prefix="membership.col.",
        )


def _ends(ends: date | None, extended: bool) -> str:
    if ends is None:
        return t("membership.probation.unknown")
    return (
        t("membership.probation.extended", date=ends.isoformat()) if extended else ends.isoformat()
    )


def _days(days: int | None) -> str:
    """Days left, or overdue, in words."""
    if days is None:
        return ""
    if days < 0:
        return t("membership.probation.overdue", days=-days)
    if days == 0:
        return t("membership.probation.today")
    return t("membership.probation.left", days=days)


def _recorded(event) -> str:
    """The one line that confirms an event: what, who, when (and where / until)."""
    lang = get_language()
    parts = {
        "kind": label(event.kind, lang),
        "member_no": event.member_no,
        "name": event.name,
        "date": event.date.isoformat(),
        "place": event.place or "",
        "end": event.end_date.isoformat() if event.end_date else "",
        "id": event.id,
    }
    key = {
        MemberEventKind.transfer_out: "membership.cli.recorded_to",
        MemberEventKind.away: (
            "membership.cli.recorded_away"
            if event.end_date
            else "membership.cli.recorded_away_open"
        ),
        MemberEventKind.probation_extended: "membership.cli.recorded_until",
    }.get(event.kind, "membership.cli.recorded")
    return t(key, **parts)


def _field_problems(errors: FieldErrors) -> str:
    """Each refused field of a new member, named as the option that carries it."""
    sep = t("tui.list_sep")
    return sep.join(
        f"--{name.replace('_', '-')}: {t(key, **params)}" for name, key, params in errors.problems
    )

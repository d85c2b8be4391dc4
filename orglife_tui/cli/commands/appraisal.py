"""`orglife-tui appraisal new|start|close|tally|grade|publish|reset|list`: the democratic
appraisal (民主评议党员) from the command line (the steps around the ballot, self-assessments
and peer comments: ``appraisal_steps``; after publication — objections, follow-ups,
commendations — ``appraisal_after``).

Thin: parse, call ``orglife_tui.data.appraisal``, print. Voters vote at the kiosk
(`orglife-tui kiosk ID`); these commands open and close the poll, show the tally once it
is closed (never while it is open: then only "k of n voted", in `appraisal list`), record
the committee's grades and publish them. Every command refuses a database without a
branch and writes nothing when refused.
"""

# No ``from __future__ import annotations``: the commands' parameters use aliases built in
# ``register`` (their help in the chosen language), and Typer must find them as objects.

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from orglife_tui.cli.commands.common import (
    check_format,
    date_option,
    emit,
    fail,
    handles_errors,
    on_branch,
    open_existing_branch,
    print_table,
    today,
)
from orglife_tui.locale import get_language, t, visible

LIST_KEYS = (
    "id",
    "year",
    "state",
    "voted",
    "voters",
    "candidates",
    "ballots",
    "fingerprint",
    "created_at",
    "started_at",
    "closed_at",
    "published_at",
    "result",
)
LIST_TABLE_KEYS = ("id", "year", "state", "turnout", "candidates", "fingerprint")
TALLY_TABLE_KEYS = (
    "member_no",
    "name",
    "excellent",
    "qualified",
    "basically_qualified",
    "unqualified",
    "abstain",
    "points",
    "combined",
    "proposed",
    "final",
    "flags",
)
# How much of a fingerprint the session list shows (the full one: `appraisal tally`).
SHORT_FINGERPRINT = 16


def register(app: typer.Typer) -> None:
    appraisal_app = typer.Typer(help=t("appraisal.cli.help"), no_args_is_help=True)
    app.add_typer(appraisal_app, name="appraisal")
    SessionId = Annotated[int, typer.Argument(metavar="ID", help=t("appraisal.cli.arg.id"))]
    # Where the teller's PIN and the two tally passwords are read from instead of typed.
    PinFile = Annotated[
        str | None,
        typer.Option("--teller-pin-file", metavar="FILE", help=t("appraisal.cli.opt.pin_file")),
    ]
    TellerFile = Annotated[
        str | None,
        typer.Option(
            "--teller-password-file",
            metavar="FILE",
            help=t("appraisal.cli.opt.teller_password_file"),
        ),
    ]
    ScrutineerFile = Annotated[
        str | None,
        typer.Option(
            "--scrutineer-password-file",
            metavar="FILE",
            help=t("appraisal.cli.opt.scrutineer_password_file"),
        ),
    ]

    @appraisal_app.command("new", help=t("appraisal.cli.new.help"))
    @handles_errors
    def appraisal_new(
        ctx: typer.Context,
        year: Annotated[int, typer.Option("--year", help=t("appraisal.cli.opt.year"))],
    ) -> None:
        from orglife_tui.data.appraisal import new_session

        row = on_branch(ctx, new_session, year)
        typer.echo(t("appraisal.created", id=row.id, year=row.year))

    @appraisal_app.command("start", help=t("appraisal.cli.start.help"))
    @handles_errors
    def appraisal_start(
        ctx: typer.Context,
        session_id: SessionId,
        pin_file: PinFile = None,
        teller_file: TellerFile = None,
        scrutineer_file: ScrutineerFile = None,
    ) -> None:
        from orglife_tui.data.appraisal import (
            check_new_passwords,
            check_new_pin,
            get_session,
            start_session,
            state_error,
        )
        from orglife_tui.data.schemes import ensure_active
        from orglife_tui.domain import SessionState

        store, branch = open_existing_branch(ctx)
        with store:
            session = get_session(store, branch.id, session_id)
            if session.state is not SessionState.created:
                # refuse before asking for a PIN that would not be used
                raise state_error(session_id, session.state.value, "created")
            pin = _read_pin(pin_file)
            check_new_pin(pin)  # before asking for the passwords
            teller = _read_password("teller", teller_file, twice=True)
            scrutineer = _read_password("scrutineer", scrutineer_file, twice=True)
            check_new_passwords(teller, scrutineer)
            _, scheme = ensure_active(store, branch.id)
            row = start_session(
                store,
                branch.id,
                session_id,
                pin,
                scheme,
                teller_password=teller,
                scrutineer_password=scrutineer,
            )
        typer.echo(t("appraisal.started", id=row.id, voters=row.voters, candidates=row.candidates))

    @appraisal_app.command("close", help=t("appraisal.cli.close.help"))
    @handles_errors
    def appraisal_close(
        ctx: typer.Context,
        session_id: SessionId,
        pin_file: PinFile = None,
        teller_file: TellerFile = None,
        scrutineer_file: ScrutineerFile = None,
    ) -> None:
        from orglife_tui.data.appraisal import (
            check_pin,
            close_session,
            get_session,
            state_error,
        )
        from orglife_tui.domain import SessionState

        store, branch = open_existing_branch(ctx)
        with store:
            before = get_session(store, branch.id, session_id)
            if before.state is SessionState.created:
                raise state_error(session_id, before.state.value, "started")
            pin = ""
            teller = scrutineer = None
            if before.state is not SessionState.published:  # a published one is frozen
                pin = _read_pin(pin_file, twice=False)
                check_pin(store, session_id, pin)  # before the passwords are asked for
            if before.state is SessionState.started and before.sealed:
                teller = _read_password("teller", teller_file, twice=False)
                scrutineer = _read_password("scrutineer", scrutineer_file, twice=False)
            seal = close_session(
                store,
                branch.id,
                session_id,
                pin,
                teller_password=teller,
                scrutineer_password=scrutineer,
            )
        if before.fingerprint is not None:
            typer.echo(t("appraisal.already_sealed", id=session_id))
        else:
            typer.echo(t("appraisal.sealed", id=session_id, ballots=seal.ballots))
        typer.echo(t("appraisal.fingerprint", fingerprint=seal.fingerprint))
        typer.echo(t("appraisal.fingerprint_note"))

    @appraisal_app.command("tally", help=t("appraisal.cli.tally.help"))
    @handles_errors
    def appraisal_tally(
        ctx: typer.Context,
        session_id: SessionId,
        fmt: Annotated[
            str, typer.Option("--format", "-f", help=t("appraisal.cli.opt.format"))
        ] = "table",
        details: Annotated[
            bool, typer.Option("--details", help=t("appraisal_steps.cli.opt.details"))
        ] = False,
    ) -> None:
        from orglife_tui.cli.commands.appraisal_steps import print_details, steps_data
        from orglife_tui.data.appraisal import tally
        from orglife_tui.data.schemes import ensure_active

        check_format(fmt, ("table", "json"))
        store, branch = open_existing_branch(ctx)
        with store:
            _, scheme = ensure_active(store, branch.id)
            result = tally(store, branch.id, session_id, scheme)
            steps = steps_data(store, branch.id, session_id, scheme)
        if fmt == "json":
            data = _tally_json(result, scheme)
            data["not_rated"] = steps.not_rated_json()
            if details:
                data["steps"] = steps.json()
            typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
            return
        _print_tally(result, scheme)
        steps.print_not_rated(result)
        if details:
            print_details(result, steps)

    @appraisal_app.command("grade", help=t("appraisal.cli.grade.help"))
    @handles_errors
    def appraisal_grade(
        ctx: typer.Context,
        session_id: SessionId,
        member_no: Annotated[
            str | None, typer.Argument(metavar="MEMBER_NO", help=t("appraisal.cli.arg.member_no"))
        ] = None,
        grade_text: Annotated[
            str | None, typer.Argument(metavar="GRADE", help=t("appraisal.cli.arg.grade"))
        ] = None,
        reason: Annotated[
            str | None, typer.Option("--reason", help=t("appraisal.cli.opt.reason"))
        ] = None,
        all_proposed: Annotated[
            bool,
            typer.Option("--all-proposed", help=t("appraisal_steps.cli.opt.all_proposed")),
        ] = False,
    ) -> None:
        from orglife_tui.data.appraisal import grade_label, set_grade
        from orglife_tui.scoring.appraisal import parse_grade

        if all_proposed:
            if member_no is not None or grade_text is not None or reason is not None:
                raise fail(t("appraisal_steps.cli.all_proposed_alone"), code=2)
            _grade_all_proposed(ctx, session_id)
            return
        if member_no is None or grade_text is None:
            raise fail(t("appraisal_steps.cli.grade_needs"), code=2)
        try:
            grade = parse_grade(grade_text)
        except ValueError:
            raise fail(t("appraisal.cli.bad_grade", grade=grade_text), code=2) from None
        on_branch(ctx, set_grade, session_id, member_no, grade, reason)
        typer.echo(t("appraisal.graded", member_no=member_no.strip(), grade=grade_label(grade)))

    @appraisal_app.command("publish", help=t("appraisal.cli.publish.help"))
    @handles_errors
    def appraisal_publish(
        ctx: typer.Context,
        session_id: SessionId,
        notice_from: Annotated[
            str | None,
            typer.Option("--notice-from", metavar="DATE", help=t("notice.cli.opt.from")),
        ] = None,
        notice_to: Annotated[
            str | None, typer.Option("--notice-to", metavar="DATE", help=t("notice.cli.opt.to"))
        ] = None,
    ) -> None:
        from orglife_tui.cli.commands.appraisal_after import echo_state
        from orglife_tui.data.appraisal import publish

        start = None if notice_from is None else date_option(notice_from, "--notice-from")
        end = None if notice_to is None else date_option(notice_to, "--notice-to")
        row = on_branch(ctx, publish, session_id, notice_from=start, notice_to=end)
        typer.echo(t("appraisal.published_ok", id=row.id, year=row.year))
        echo_state(ctx, session_id)

    @appraisal_app.command("reset", help=t("appraisal.cli.reset.help"))
    @handles_errors
    def appraisal_reset(
        ctx: typer.Context,
        session_id: SessionId,
        yes: Annotated[bool, typer.Option("--yes", "-y", help=t("appraisal.cli.opt.yes"))] = False,
        pin_file: PinFile = None,
    ) -> None:
        from orglife_tui.data.appraisal import get_session, reset_session
        from orglife_tui.domain import SessionState

        store, branch = open_existing_branch(ctx)
        with store:
            before = get_session(store, branch.id, session_id)
            if not yes and not typer.confirm(
                t("appraisal.reset_confirm", id=session_id, voted=before.voted), default=False
            ):
                raise fail(t("appraisal.reset_cancelled"))
            needs_pin = before.state in (SessionState.started, SessionState.finished)
            pin = _read_pin(pin_file, twice=False) if needs_pin else ""
            reset_session(store, branch.id, session_id, pin)
        typer.echo(t("appraisal.reset_done", id=session_id))

    @appraisal_app.command("receipt", help=t("appraisal.cli.receipt.help"))
    @handles_errors
    def appraisal_receipt(
        ctx: typer.Context,
        session_id: SessionId,
        code: Annotated[str, typer.Argument(metavar="CODE", help=t("appraisal.cli.arg.receipt"))],
    ) -> None:
        from orglife_tui.data.appraisal import has_receipt

        found = on_branch(ctx, has_receipt, session_id, code)
        if not found:
            raise fail(t("appraisal.receipt_unknown", id=session_id, code=code))
        typer.echo(t("appraisal.receipt_found", id=session_id, code=code))

    @appraisal_app.command("list", help=t("appraisal.cli.list.help"))
    @handles_errors
    def appraisal_list(
        ctx: typer.Context,
        fmt: Annotated[str, typer.Option("--format", "-f", help=t("cli.opt.format"))] = "table",
    ) -> None:
        from orglife_tui.data.appraisal import list_sessions
        from orglife_tui.data.appraisal.notice import result_states

        check_format(fmt)
        rows = on_branch(ctx, list_sessions)
        # A published result's standing today: 公示中 / 待答复异议 / 已确定.
        results = {s.session_id: s.status for s in on_branch(ctx, result_states, None, today())}
        lang = get_language()
        from orglife_tui.domain import label

        def state_cell(r: dict[str, Any]) -> str:
            text = label(r["state"], lang)
            result = results.get(r["id"])
            return text if result is None else f"{text}·{label(result, lang)}"

        records = [
            {
                "id": r.id,
                "year": r.year,
                "state": r.state,
                "voted": r.voted,
                "voters": r.voters,
                "candidates": r.candidates,
                "ballots": r.ballots,
                "fingerprint": r.fingerprint,
                "created_at": _time(r.created_at),
                "started_at": _time(r.started_at),
                "closed_at": _time(r.closed_at),
                "published_at": _time(r.published_at),
                "result": results[r.id].value if r.id in results else None,
            }
            for r in rows
        ]
        emit(
            fmt,
            LIST_KEYS if fmt != "table" else LIST_TABLE_KEYS,
            records,
            table_row=lambda r: [
                str(r["id"]),
                str(r["year"]),
                state_cell(r),
                t("appraisal.turnout_short", voted=r["voted"], voters=r["voters"])
                if r["voters"]
                else "",
                str(r["candidates"] or ""),
                (r["fingerprint"] or "")[:SHORT_FINGERPRINT],
            ],
            empty_message=t("appraisal.no_sessions"),
            col_prefix="appraisal.col.",
        )

    from orglife_tui.cli.commands import appraisal_steps

    appraisal_steps.add_commands(appraisal_app)
    from orglife_tui.cli.commands.appraisal_after import register_after

    register_after(appraisal_app)


def _grade_all_proposed(ctx: typer.Context, session_id: int) -> None:
    """Every proposal accepted at once; what is left is listed for one-by-one grading."""
    from orglife_tui.data.appraisal import grade_all_proposed, grade_label

    done = on_branch(ctx, grade_all_proposed, session_id)
    typer.echo(t("appraisal_steps.all_proposed_done", count=len(done.graded)))
    for row in done.graded:
        typer.echo(
            t(
                "appraisal_steps.all_proposed_line",
                member_no=row.member_no,
                name=row.name,
                grade=grade_label(row.proposed),
            )
        )
    if done.left:
        typer.echo(t("appraisal_steps.all_proposed_left", count=len(done.left)))
        for row, why in done.left:
            typer.echo(
                t("appraisal_steps.left_line", member_no=row.member_no, name=row.name, why=t(why))
            )


# ---------------------------------------------------------------------------- the PIN


def _first_line(path: str, unreadable_key: str) -> str:
    try:
        with Path(path).open(encoding="utf-8") as fh:
            return fh.readline().strip()
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise fail(t(unreadable_key, path=str(path), reason=reason)) from None


def _read_pin(pin_file: str | None, twice: bool = True) -> str:
    """The teller's PIN, from ``pin_file`` or typed (twice when it is being set)."""
    return _read_secret(
        pin_file,
        twice,
        unreadable_key="appraisal.pin_file_unreadable",
        prompt=t("appraisal.cli.pin_prompt"),
        again=t("appraisal.cli.pin_again"),
        mismatch=t("appraisal.pin_mismatch"),
    )


def _read_password(role: str, path: str | None, twice: bool) -> str:
    """One tally password (``role``: teller or scrutineer), from ``path`` or typed by its
    holder (twice when it is being set); typed, it is stripped as the screens' fields and
    the files are: one password, whatever face set it."""
    return _read_secret(
        path,
        twice,
        unreadable_key="appraisal.password_file_unreadable",
        prompt=t(f"appraisal.cli.password_prompt.{role}"),
        again=t("appraisal.cli.password_again"),
        mismatch=t("appraisal.password_mismatch", role=t(f"appraisal.role.{role}")),
        strip=True,
    )


def _read_secret(
    path: str | None,
    twice: bool,
    *,
    unreadable_key: str,
    prompt: str,
    again: str,
    mismatch: str,
    strip: bool = False,
) -> str:
    """A secret: the first line of ``path`` (stripped), or typed hidden after ``prompt``;
    when it is being set (``twice``) typed again after ``again``, refused with ``mismatch``
    when the two differ. Never echoed."""
    if path is not None:
        return _first_line(path, unreadable_key)

    def typed(text: str) -> str:
        value = typer.prompt(text, hide_input=True)
        return value.strip() if strip else value

    first = typed(prompt)
    if twice and typed(again) != first:
        raise fail(mismatch)
    return first


# ---------------------------------------------------------------------------- the tally


def _time(value) -> str | None:
    return None if value is None else value.isoformat(timespec="seconds")


def _share(value: float) -> str:
    return f"{value * 100:.0f}%"


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _flags(row) -> list[str]:
    out = []
    if row.vetoed:
        out.append(t("appraisal.flag.veto"))
    if row.unqualified_flag:
        out.append(t("appraisal.flag.unqualified_votes"))
    if row.final is not None and row.proposed is not None and row.final is not row.proposed:
        out.append(t("appraisal.flag.departs"))
    return out


def _short(grade) -> str:
    return t(f"appraisal.grade_short.{grade.value}")


def _table(records: list[dict[str, Any]]) -> None:
    """The tally as a compact table that fits 80 columns for a branch's names."""
    from rich.table import Table

    table = Table(box=None, pad_edge=False, show_edge=False, padding=(0, 1), collapse_padding=True)
    for key in TALLY_TABLE_KEYS:
        numeric = key not in ("member_no", "name", "proposed", "final", "flags")
        table.add_column(
            t(f"appraisal.col.{key}"),
            justify="right" if numeric else "left",
            no_wrap=key != "flags",
        )
    for r in records:
        table.add_row(*(visible(str(r[k])) for k in TALLY_TABLE_KEYS))
    print_table(table)


def _print_tally(result, scheme) -> None:
    from orglife_tui.scoring.appraisal import GRADES

    session = result.session
    typer.echo(t("appraisal.tally.title", id=session.id, year=session.year))
    voted, voters = result.turnout
    typer.echo(
        t(
            "appraisal.tally.turnout",
            voted=voted,
            voters=voters,
            share=_share(voted / voters) if voters else "—",
            ballots=session.ballots or 0,
        )
    )
    records: list[dict[str, Any]] = []
    for r in result.rows:
        record: dict[str, Any] = {"member_no": r.member_no, "name": r.name}
        for g in (*GRADES, None):
            key = g.value if g else "abstain"
            record[key] = f"{r.counts.count(g)} {_share(r.counts.share(g))}"
        record["points"] = _num(r.points)
        record["combined"] = _num(r.combined)
        if r.graded:
            record["proposed"] = _short(r.proposed) if r.proposed else "—"
            record["final"] = _short(r.final) if r.final else ""
        else:
            record["proposed"] = t("appraisal.not_graded_short")
            record["final"] = ""
        record["flags"] = "、".join(_flags(r)) if get_language() == "zh" else ", ".join(_flags(r))
        records.append(record)
    _table(records)
    typer.echo(t("appraisal.tally.legend"))
    # a published session's record brings the scheme it was tallied under
    used = result.scheme
    weight = used.points_weight if used else scheme.appraisal.points_weight
    limit = used.excellent_share_max if used else scheme.appraisal.excellent_share_max
    typer.echo(
        t(
            "appraisal.tally.method",
            weight=_num(weight),
            ballot=_num(round(1 - weight, 6)),
        )
    )
    if result.excellent_warning:
        typer.echo(
            t(
                "appraisal.tally.excellent_warning",
                share=_share(result.excellent_share),
                limit=_share(limit),
            )
        )
    for r in result.rows:
        if r.final is not None and r.reason:
            typer.echo(
                t("appraisal.tally.reason", member_no=r.member_no, name=r.name, reason=r.reason)
            )
    typer.echo(t("appraisal.fingerprint", fingerprint=session.fingerprint or ""))
    published = result.publication
    if published is not None:
        typer.echo(t("publication.tui.record_note"))
        typer.echo(t("publication.heads.ledger", hash=published.ledger_head))
        typer.echo(t("publication.heads.audit", hash=published.audit_head or "—"))


def _tally_json(result, scheme) -> dict[str, Any]:
    from orglife_tui.scoring.appraisal import GRADES

    session = result.session
    voted, voters = result.turnout
    return {
        "session": {
            "id": session.id,
            "year": session.year,
            "state": session.state.value,
            "ballots": session.ballots,
            "fingerprint": session.fingerprint,
            "closed_at": _time(session.closed_at),
            "published_at": _time(session.published_at),
        },
        "turnout": {"voted": voted, "voters": voters},
        "excellent_warning": result.excellent_warning,
        "excellent_share": round(result.excellent_share, 4),
        "excellent_share_max": (result.scheme or scheme.appraisal).excellent_share_max,
        "points_weight": (result.scheme or scheme.appraisal).points_weight,
        "publication": None
        if result.publication is None
        else {
            "id": result.publication.id,
            "ledger_head": result.publication.ledger_head,
            "audit_head": result.publication.audit_head,
        },
        "candidates": [
            {
                "member_no": r.member_no,
                "name": r.name,
                "status": r.status.value,
                "graded": r.graded,
                "counts": {
                    (g.value if g else "abstain"): r.counts.count(g) for g in (*GRADES, None)
                },
                "shares": {
                    (g.value if g else "abstain"): round(r.counts.share(g), 4)
                    for g in (*GRADES, None)
                },
                "ballot_score": None if r.ballot_score is None else round(r.ballot_score, 4),
                "points": r.points,
                "combined": r.combined,
                "vetoed": r.vetoed,
                "proposed": r.proposed.value if r.proposed else None,
                "final": r.final.value if r.final else None,
                "reason": r.reason,
                "unqualified_flag": r.unqualified_flag,
            }
            for r in result.rows
        ],
    }

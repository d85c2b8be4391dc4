"""`orglife-tui demo`: a realistic demo branch, and with a large --members the benchmark data.

Thin: generate (``orglife_tui.demo``), load in one transaction (``orglife_tui.data.bulk``:
members, meetings, attendance, talks, the annual plan and the rectification list), then the
points ledger, and print a summary. Re-running it on a branch that already has members adds
nothing and says so, exiting 0, so the README's demo command can be run again and again.
"""

from __future__ import annotations

import sys
import time
from typing import Annotated

import typer

from orglife_tui.cli.commands.common import globals_of, handles_errors, open_branch, open_store
from orglife_tui.locale import t

# From this many members on, the progress bar shows even when stderr is not a terminal.
LARGE_BRANCH = 1000


def register(app: typer.Typer) -> None:
    @app.command("demo", help=t("cli.demo.help"), short_help=t("cli.demo.short"))
    @handles_errors
    def demo(
        ctx: typer.Context,
        members: Annotated[
            int, typer.Option("--members", min=3, help=t("cli.demo.opt.members"))
        ] = 30,
        years: Annotated[
            int, typer.Option("--years", min=1, max=10, help=t("cli.demo.opt.years"))
        ] = 1,
        seed: Annotated[int, typer.Option("--seed", help=t("cli.demo.opt.seed"))] = 2026,
        ledger_entries: Annotated[
            int | None, typer.Option("--ledger-entries", min=0, help=t("ledger.demo.opt.entries"))
        ] = None,
    ) -> None:
        from orglife_tui.data.bulk import BranchNotEmpty, ensure_empty, load_branch
        from orglife_tui.demo import DEMO_BRANCH_NAME, generate

        started = time.monotonic()
        store, branch = _demo_branch(ctx, DEMO_BRANCH_NAME)
        try:
            ensure_empty(store, branch.id)
            data = generate(members=members, years=years, seed=seed, today=store.today())
            show_progress = members >= LARGE_BRANCH or _is_terminal(sys.stderr)
            if show_progress:
                length = data.row_count() + data.record_count()
                with typer.progressbar(
                    length=length, label=t("demo.progress"), file=sys.stderr
                ) as bar:
                    counts = _load(load_branch, store, branch.id, data, seed, bar.update)
            else:
                counts = _load(load_branch, store, branch.id, data, seed, None)
            loaded = time.monotonic()
            points = _load_ledger(store, branch.id, data, ledger_entries, show_progress)
        except BranchNotEmpty as exc:
            notice = t(
                "demo.not_empty", branch=exc.branch, members=exc.members, meetings=exc.meetings
            )
            typer.echo(notice)
            return
        finally:
            store.close()
        first = data.meetings[0].date.isoformat() if data.meetings else ""
        last = data.meetings[-1].date.isoformat() if data.meetings else ""
        typer.echo(
            t(
                "demo.done",
                branch=branch.name,
                members=f"{counts.members:,}",
                groups=f"{counts.groups:,}",
                meetings=f"{counts.meetings:,}",
                first=first,
                last=last,
                attendance=f"{counts.attendance:,}",
                seconds=f"{loaded - started:.1f}",
            )
        )
        result, head = points
        typer.echo(
            t(
                "ledger.demo.done",
                total=f"{result.total:,}",
                derived=f"{result.derived:,}",
                manual=f"{result.manual:,}",
                reversed=f"{result.reversed:,}",
                seconds=f"{time.monotonic() - loaded:.1f}",
                hash=head,
            )
        )
        typer.echo(
            t(
                "demo.records",
                talks=f"{counts.talks:,}",
                plan=f"{counts.plan_items:,}",
                rectification=f"{counts.rectification_items:,}",
            )
        )
        drifter = data.member(data.drifter)
        typer.echo(
            t(
                "demo.drifter",
                name=drifter.name,
                member_no=drifter.member_no,
                since=data.drift_start.isoformat(),
            )
        )
        planted = data.expected_findings(data.today.year, branch=branch.name)
        typer.echo(t("demo.planted", count=len(planted), year=data.today.year))


def _demo_branch(ctx: typer.Context, default_name: str):
    """The selected branch; a ``--branch`` name not in the database yet is created for the demo."""
    from orglife_tui.data.errors import NotFound

    try:
        return open_branch(ctx, default_name=default_name)
    except NotFound:
        name = globals_of(ctx).branch
        if not name:
            raise
    store = open_store(ctx)
    try:
        return store, store.create_branch(name)
    except BaseException:
        store.close()
        raise


def _load(load_branch, store, branch_id: int, data, seed: int, progress):
    return load_branch(
        store,
        branch_id,
        groups=data.groups,
        members=data.members,
        meetings=data.meetings,
        attendance=data.attendance_rows(),
        talks=data.talks(),
        plan=data.plan(),
        rectifications=data.rectifications(),
        progress=progress,
        action="demo.load",
        detail={"seed": seed, "first_day": data.first_day.isoformat(), "drifter": data.drifter},
        records_start=data.first_day,
    )


def _load_ledger(store, branch_id: int, data, total: int | None, show_progress: bool):
    """The points the demo's attendance is worth, plus its manual entries: (result, head)."""
    from orglife_tui.data.ledger import head_hash
    from orglife_tui.services.points import load_demo_ledger, plan_demo_ledger

    plan = plan_demo_ledger(store, branch_id, data, total)
    if show_progress:
        with typer.progressbar(
            length=plan.total, label=t("ledger.demo.progress"), file=sys.stderr
        ) as bar:
            result = load_demo_ledger(store, branch_id, data, plan, bar.update)
    else:
        result = load_demo_ledger(store, branch_id, data, plan)
    return result, head_hash(store, branch_id)


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False

"""``generate``: the demo branch the ``demo`` command loads, from one seeded stream of draws
taken in a fixed order (the roster, then the meetings); the talks, the rectification list,
the attendance and the ledger each draw from their own stream (``DemoBranch``)."""

from __future__ import annotations

import random
from datetime import date

from orglife_tui.demo.branch import DemoBranch
from orglife_tui.demo.meetings import hold_meetings, plan_meetings
from orglife_tui.demo.roster import DEMO_BRANCH_NAME, draw_roster
from orglife_tui.domain import add_months

MIN_MEMBERS = 3
MAX_YEARS = 10


def record_start(today: date, years: int) -> date:
    """The first day of the record: 1 January ``years`` years back, or ten months back."""
    first = date(today.year - years + 1, 1, 1)
    y, m = add_months(today.year, today.month, -9)
    return min(first, date(y, m, 1))


def generate(
    members: int = 30, years: int = 1, seed: int = 2026, today: date | None = None
) -> DemoBranch:
    """A demo branch of ``members`` members with ``years`` calendar years of meetings."""
    if members < MIN_MEMBERS:
        raise ValueError(f"a demo branch needs at least {MIN_MEMBERS} members")
    if not 1 <= years <= MAX_YEARS:
        raise ValueError(f"years must be between 1 and {MAX_YEARS}")
    today = today or date.today()
    rng = random.Random(seed)
    first_day = record_start(today, years)
    dy, dm = add_months(today.year, today.month, -6)
    drift_start = date(dy, dm, 1)

    roster = draw_roster(rng, members, today, first_day, drift_start)
    schedule = hold_meetings(plan_meetings(rng, roster, first_day, today), roster, first_day, today)
    people, committee_idx = roster.people, roster.committee_idx
    return DemoBranch(
        name=DEMO_BRANCH_NAME,
        seed=seed,
        today=today,
        first_day=first_day,
        groups=roster.groups,
        members=tuple(roster.records),
        meetings=schedule.meetings,
        committee=tuple(people[i].member_no for i in sorted(committee_idx)),
        drifter=people[roster.drifter].member_no,
        drift_start=drift_start,
        long_leave=roster.long_leave,
        _audiences=schedule.audiences,
        _group_members=tuple(tuple(g) for g in roster.group_members),
        _committee_idx=tuple(sorted(committee_idx)),
        _profiles=tuple(roster.profiles),
        _plan=schedule.plan,
        _misses=schedule.misses,
    )

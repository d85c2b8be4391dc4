"""The compliance watch: operations shared by ``orglife-tui check``, the report and the UI.

Gathers the facts with ``data.compliance`` (SQL) and judges them with
``orglife_tui.compliance`` (pure) under the branch's policy — the ``[policy]`` section of
its active scheme, or the defaults of docs/architecture.md §3 before any scheme is active.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from orglife_tui.compliance.facts import BranchFacts
from orglife_tui.compliance.findings import Finding
from orglife_tui.compliance.rules import current_streak, judge, period_states
from orglife_tui.data import compliance as facts_data
from orglife_tui.data.errors import StoreError
from orglife_tui.data.store import Store
from orglife_tui.domain import MeetingType, natural_key
from orglife_tui.scoring.policy import LadderStep, Period, Policy

# How far back attendance is read so that a streak running into the year is seen whole.
LOOKBACK_YEARS = 2


def policy_for(store: Store, branch_id: int) -> Policy:
    """The active scheme's policy; the default policy while no scheme is active."""
    from orglife_tui.data.schemes import active

    found = active(store, branch_id)
    return found[1].policy if found else Policy()


def check_window(year: int | None, as_of: date | None, today: date) -> tuple[int, date]:
    """The year and as-of date a check runs for, or a StoreError saying why not.

    Without ``as_of`` a past year is judged as of its last day, the current year as of today.
    """
    if as_of is not None and as_of > today:
        raise StoreError("compliance.as_of_future", as_of=as_of.isoformat())
    if year is None:
        year = (as_of or today).year
    if not 1900 <= year <= 2999:
        raise StoreError("compliance.bad_year", year=year)
    if as_of is None:
        if year > today.year:
            raise StoreError("compliance.year_future", year=year)
        as_of = min(today, date(year, 12, 31))
    if as_of < date(year, 1, 1):
        raise StoreError("compliance.as_of_before_year", as_of=as_of.isoformat(), year=year)
    return year, as_of


def _facts(
    store: Store, branch_id: int, year: int, as_of: date, policy: Policy, members: bool = True
):
    first = date(year - LOOKBACK_YEARS, 1, 1)
    return facts_data.branch_facts(
        store, branch_id, first, as_of, policy.organizational_life, members=members
    )


def check(
    store: Store, branch_id: int, year: int, as_of: date, policy: Policy | None = None
) -> list[Finding]:
    """Every finding of ``year`` as of ``as_of``."""
    policy = policy or policy_for(store, branch_id)
    return judge(_facts(store, branch_id, year, as_of, policy), year, as_of, policy)


@dataclass(frozen=True)
class CalendarCell:
    state: str  # held | missing | not_due | not_required
    held: int
    required: int


@dataclass(frozen=True)
class CalendarRow:
    rule: str
    meeting_type: MeetingType
    period: Period
    cells: tuple[CalendarCell, ...]  # twelve, one per month; a quarter's state in each month


def calendar(
    store: Store, branch_id: int, year: int, as_of: date, policy: Policy | None = None
) -> list[CalendarRow]:
    """Months × meeting types of ``year``: held, missing or not yet due, for enabled rules."""
    policy = policy or policy_for(store, branch_id)
    return calendar_of(
        _facts(store, branch_id, year, as_of, policy, members=False), year, as_of, policy
    )


def calendar_of(facts: BranchFacts, year: int, as_of: date, policy: Policy) -> list[CalendarRow]:
    """The calendar of a branch's facts (gathered for one branch, or for many at once by
    the committee's overview)."""
    rows = []
    for rule in (*policy.frequencies, *policy.yearly):
        if not rule.enabled:
            continue
        cells: list[CalendarCell] = []
        for ps in period_states(facts, year, as_of, rule):
            months = (ps.last.year - ps.first.year) * 12 + ps.last.month - ps.first.month + 1
            cells.extend([CalendarCell(ps.state, ps.held, ps.required)] * months)
        rows.append(CalendarRow(rule.rule, rule.meeting_type, rule.period, tuple(cells)))
    return rows


@dataclass(frozen=True)
class StreakRow:
    member_no: str
    name: str
    group: str | None
    months: tuple[str, ...]  # YYYY-MM of the missed months, oldest first
    step: LadderStep | None
    answered: tuple  # talks recorded in answer to this streak (data.talks.TalkRow)

    @property
    def length(self) -> int:
        return len(self.months)


def absence_watch(
    store: Store, branch_id: int, as_of: date, policy: Policy | None = None
) -> list[StreakRow]:
    """Every member whose current streak of missed months is at least one, longest first.

    A member who has left the branch by ``as_of`` has no current streak (it ended with the
    departure); months away (流动) are neutral (``compliance.rules.member_streaks``)."""
    from orglife_tui.data.talks import answers

    policy = policy or policy_for(store, branch_id)
    first = date(as_of.year - LOOKBACK_YEARS, 1, 1)
    facts = facts_data.branch_facts(store, branch_id, first, as_of, policy.organizational_life)
    talks = answers(store, branch_id)
    rows = []
    for member in facts.members:
        streak = current_streak(member, first, as_of)
        if streak is None:
            continue
        answered = tuple(
            t for t in talks.get(member.member_no, ()) if t.absence_from == streak.months[0]
        )
        rows.append(
            StreakRow(
                member.member_no,
                member.name,
                member.group,
                streak.months,
                policy.absence.step_for(streak.length),
                answered,
            )
        )
    rows.sort(key=lambda r: (-r.length, natural_key(r.member_no)))
    return rows


@dataclass(frozen=True)
class Birthday:
    member_no: str
    name: str
    date: date  # the anniversary
    years: int  # years in the Party on that day


def _anniversary(joined: date, year: int) -> date:
    try:
        return joined.replace(year=year)
    except ValueError:  # joined on 29 February
        return date(year, 3, 1)


def political_birthdays(
    store: Store, branch_id: int, today: date, days: int = 14
) -> list[Birthday]:
    """Members in the branch today whose political birthday (入党纪念日) falls in the next
    ``days`` days."""
    until = today + timedelta(days=days)
    out = []
    for member_no, name, joined in facts_data.join_dates(store, branch_id, on=today):
        for year in (today.year, today.year + 1):
            day = _anniversary(joined, year)
            if today <= day <= until and day.year > joined.year:
                out.append(Birthday(member_no, name, day, day.year - joined.year))
    out.sort(key=lambda b: (b.date, natural_key(b.member_no)))
    return out


__all__ = [
    "Birthday",
    "CalendarCell",
    "CalendarRow",
    "StreakRow",
    "absence_watch",
    "calendar",
    "calendar_of",
    "check",
    "check_window",
    "policy_for",
    "political_birthdays",
]

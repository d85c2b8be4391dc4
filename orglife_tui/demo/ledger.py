"""The demo's points entered by hand (``ledger_entries``): volunteer hours, community
report-in, commitments, dues paid late, lectures given, and two entries to reverse. The
points attendance is worth are not made here: the loader derives them under the scheme."""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from orglife_tui.demo.corpus import (
    COMMITMENTS,
    COMMUNITIES,
    REPORT_IN,
    REVERSAL_REASONS,
    VOLUNTEER,
    VOLUNTEER_HOURS,
)
from orglife_tui.domain import MeetingType, add_months, month_end

if TYPE_CHECKING:
    from orglife_tui.demo.branch import DemoBranch


LEDGER_KINDS = (
    "volunteer",
    "report_in",
    "commitment_kept",
    "commitment_broken",
    "late_dues",
    "lecture_given",
)
"""What a demo ledger entry records; ``orglife_tui.services.points`` maps each to a scheme item."""

ENTRIES_PER_MEMBER_YEAR = 5
"""How many entries a member gets by hand in a year, on average (volunteering, report-in …)."""

KIND_WEIGHTS = (
    ("volunteer", 38),
    ("report_in", 32),
    ("commitment_kept", 18),
    ("commitment_broken", 4),
    ("late_dues", 8),
)


@dataclass(frozen=True)
class DemoEntry:
    """One manual points entry of the demo ledger (``kind`` is one of ``LEDGER_KINDS``)."""

    member_no: str
    kind: str
    date: date
    hours: float | None
    note: str
    reverse_reason: str | None = None  # booked, then reversed with this reason


def ledger_entries(
    b: DemoBranch, count: int | None = None, kinds: Collection[str] | None = None
) -> Iterator[DemoEntry]:
    """Points entered by hand, in date order: volunteer hours, community report-in,
    commitments kept and broken, dues paid late, and a lecture-given entry for each
    Party lecture a member of the branch gave.

    ``count`` None gives the natural volume (about ``ENTRIES_PER_MEMBER_YEAR`` a member a
    year); a number gives exactly that many (a benchmark tops the ledger up this way).
    Spread over the months of the record by how many members had joined; two entries
    (a report-in registered twice, a miscounted volunteer service) carry a reason to be
    reversed. Deterministic, like the rest of the branch. ``kinds`` (None: every one of
    ``LEDGER_KINDS``) keeps to those kinds, still giving ``count`` entries: a scheme that
    books an item itself (dues paid late, from the dues records) gets none of it by hand.
    """
    rng = random.Random(f"{b.seed}:ledger")
    members = b.members
    order, months, active = _ledger_months(b)
    weight = sum(active)
    if not weight:
        return
    total = natural_ledger_entries(b) if count is None else count
    weights = [(k, w) for k, w in KIND_WEIGHTS if kinds is None or k in kinds]
    lectures = _lectures_given(b) if kinds is None or "lecture_given" in kinds else {}
    drawn = [k for k, _ in weights]
    cum = list(itertools.accumulate(w for _, w in weights))
    marked = {
        len(months) // 3: REVERSAL_REASONS[0],
        (2 * len(months)) // 3: REVERSAL_REASONS[1],
    }
    done = 0
    running = 0
    for index, (y, m) in enumerate(months):
        running += active[index]
        quota = round(total * running / weight) - done
        done += quota
        if quota <= 0:
            continue
        last = min(
            month_end(y, m).day,
            b.today.day if (y, m) == (b.today.year, b.today.month) else 31,
        )
        month_entries: list[DemoEntry] = []
        for when, member_no, title in lectures.get((y, m), ()):
            if len(month_entries) < quota:
                month_entries.append(
                    DemoEntry(member_no, "lecture_given", when, None, f"讲授党课：{title}")
                )
        n = active[index] if drawn else 0
        while len(month_entries) < quota and n:
            member = members[order[int(rng.random() * n)]]
            kind = rng.choices(drawn, cum_weights=cum)[0]
            day = date(y, m, rng.randint(1, last))
            if day < member.join_date:  # type: ignore[operator]  # every demo member has joined
                continue
            month_entries.append(_ledger_entry(rng, member.member_no, kind, day))
        month_entries.sort(key=lambda e: (e.date, e.member_no, e.kind))
        if index in marked:
            kind, reason = marked[index]
            for k, e in enumerate(month_entries):
                if e.kind == kind:
                    month_entries[k] = DemoEntry(
                        e.member_no, e.kind, e.date, e.hours, e.note, reason
                    )
                    break
        yield from month_entries


def natural_ledger_entries(b: DemoBranch) -> int:
    """How many entries ``ledger_entries()`` gives by default."""
    _, _, active = _ledger_months(b)
    return round(sum(active) * ENTRIES_PER_MEMBER_YEAR / 12)


def _ledger_months(b: DemoBranch) -> tuple[list[int], list[tuple[int, int]], list[int]]:
    """Members by join date; the months of the record; how many had joined by each."""
    dates: list[date] = []
    for member in b.members:
        assert member.join_date is not None  # every demo member has joined
        dates.append(member.join_date)
    order = sorted(range(len(dates)), key=dates.__getitem__)
    joins = [dates[i] for i in order]
    months = []
    y, m = b.first_day.year, b.first_day.month
    while date(y, m, 1) <= b.today:
        months.append((y, m))
        y, m = add_months(y, m, 1)
    active = [bisect.bisect_left(joins, date(y, m, 1)) for y, m in months]
    return order, months, active


def _ledger_entry(rng: random.Random, member_no: str, kind: str, day: date) -> DemoEntry:
    if kind == "volunteer":
        return DemoEntry(
            member_no,
            kind,
            day,
            rng.choice(VOLUNTEER_HOURS),
            f"志愿服务：{rng.choice(VOLUNTEER)}",
        )
    if kind == "report_in":
        return DemoEntry(
            member_no,
            kind,
            day,
            None,
            f"到{rng.choice(COMMUNITIES)}报到：{rng.choice(REPORT_IN)}",
        )
    if kind == "commitment_kept":
        return DemoEntry(member_no, kind, day, None, f"践诺：{rng.choice(COMMITMENTS)}")
    if kind == "commitment_broken":
        return DemoEntry(member_no, kind, day, None, f"承诺未兑现：{rng.choice(COMMITMENTS)}")
    y, m = add_months(day.year, day.month, -1)
    return DemoEntry(member_no, kind, day, None, f"{y}年{m}月党费逾期交纳")


def _lectures_given(b: DemoBranch) -> dict[tuple[int, int], list[tuple[date, str, str]]]:
    """(year, month) -> (date, member_no, title) of the Party lectures members gave."""
    by_name: dict[str, str] = {}
    for m in b.members:
        by_name.setdefault(m.name, m.member_no)
    for no in b.committee:  # a committee member's name wins over a namesake
        by_name[b.member(no).name] = no
    out: dict[tuple[int, int], list[tuple[date, str, str]]] = {}
    for meeting in b.meetings:
        if MeetingType.party_lecture in meeting.types and meeting.lecturer in by_name:
            when = meeting.date
            out.setdefault((when.year, when.month), []).append(
                (when, by_name[meeting.lecturer], meeting.title)
            )
    return out

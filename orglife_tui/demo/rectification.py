"""The demo's rectification list: the items of the last life meeting, most done, one in
progress and the planted overdue one (``rectification_list``)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from orglife_tui.demo.corpus import IN_PROGRESS_ITEM, OVERDUE_ITEM, RECTIFICATION_ITEMS
from orglife_tui.domain import COMMITTEE_POST_ORDER, MeetingType, RectificationStatus

if TYPE_CHECKING:
    from orglife_tui.demo.branch import DemoBranch


OVERDUE_DAYS = 30
"""The planted overdue rectification item's deadline: about this many days before today."""
RECENT_DAYS = 30
"""The demo's rectification list comes from a life meeting at least this many days old."""


@dataclass(frozen=True)
class DemoRectification:
    """One item of the demo's rectification list, with its status as of ``today``."""

    year: int
    problem: str
    owner: str
    deadline: date
    measure: str | None
    status: RectificationStatus
    closed_on: date | None = None
    closing_note: str | None = None
    meeting_no: str | None = None


def rectification_list(b: DemoBranch) -> tuple[DemoRectification, ...]:
    """Four or five items from the last life meeting held at least ``RECENT_DAYS`` days
    before today (without one in the record: the year before the record, no meeting):
    the most done with a closing note, one in progress and not yet due, one overdue and
    still open."""
    rng = random.Random(f"{b.seed}:rectification")
    today = b.today
    source = None
    for m in b.meetings:
        if MeetingType.life_meeting in m.types and m.date <= today - timedelta(days=RECENT_DAYS):
            source = m
    if source is not None:
        year, held, meeting_no = source.date.year, source.date, source.meeting_no
    else:
        year = b.first_day.year - 1
        held, meeting_no = date(year, 12, 20), None
    committee = [b.members[i] for i in b._committee_idx]
    owners = [m.name for m in sorted(committee, key=lambda m: COMMITTEE_POST_ORDER.index(m.post))]
    done = rng.sample(RECTIFICATION_ITEMS, 2 if len(committee) < 3 else 3)
    items = []
    for k, (problem, measure, note) in enumerate(done):
        deadline = held + timedelta(days=rng.randint(30, 90))
        last = min(deadline, today - timedelta(days=1))
        # put right in the year it is due (rule ``rectification_yearly``), a week at the
        # earliest after the meeting
        first = min(max(held + timedelta(days=7), date(deadline.year, 1, 1)), last)
        closed = first + timedelta(days=rng.randint(0, (last - first).days))
        items.append(
            DemoRectification(
                year=year,
                problem=problem,
                owner=owners[(k + 1) % len(owners)],
                deadline=deadline,
                measure=measure,
                status=RectificationStatus.done,
                closed_on=closed,
                closing_note=note,
                meeting_no=meeting_no,
            )
        )
    items.append(
        DemoRectification(
            year=year,
            problem=OVERDUE_ITEM[0],
            owner=owners[0],
            deadline=max(held + timedelta(days=7), today - timedelta(days=OVERDUE_DAYS)),
            measure=OVERDUE_ITEM[1],
            status=RectificationStatus.open,
            meeting_no=meeting_no,
        )
    )
    items.append(
        DemoRectification(
            year=year,
            problem=IN_PROGRESS_ITEM[0],
            owner=owners[-1],
            deadline=max(held + timedelta(days=60), today + timedelta(days=rng.randint(20, 60))),
            measure=IN_PROGRESS_ITEM[1],
            status=RectificationStatus.in_progress,
            meeting_no=meeting_no,
        )
    )
    items += _put_right_each_year(b, rng, [problem for problem, _, _ in done], owners, items)
    return tuple(items)


def _put_right_each_year(
    b: DemoBranch,
    rng: random.Random,
    taken: list[str],
    owners: list[str],
    items: list[DemoRectification],
) -> list[DemoRectification]:
    """One more item put right in each year of the record that has none (rule
    ``rectification_yearly``: a problem put right every year), found and closed within the
    year, linked to no meeting: the demo branch keeps its yearly duty."""
    spare = [entry for entry in RECTIFICATION_ITEMS if entry[0] not in taken]
    extra: list[DemoRectification] = []
    for year in range(b.first_day.year, b.today.year + 1):
        if any(i.closed_on is not None and i.closed_on.year == year for i in items):
            continue
        first = max(b.first_day, date(year, 1, 1)) + timedelta(days=7)
        last = min(b.today - timedelta(days=1), date(year, 12, 31))
        if first > last or not spare:
            continue
        problem, measure, note = spare.pop(rng.randrange(len(spare)))
        closed = first + timedelta(days=rng.randint(0, (last - first).days))
        extra.append(
            DemoRectification(
                year=year,
                problem=problem,
                owner=owners[len(extra) % len(owners)],
                deadline=closed + timedelta(days=rng.randint(0, 30)),
                measure=measure,
                status=RectificationStatus.done,
                closed_on=closed,
                closing_note=note,
            )
        )
    return extra

"""The demo's meetings: 三会一课 planned for every month of the record (``plan_meetings``),
the two planted as not held, numbering (``hold_meetings``), and the attendance of each
meeting held (``attendance_rows``)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from orglife_tui.demo.corpus import (
    COMMITTEE_BY_MONTH,
    COMMITTEE_TOPICS,
    GENERAL_TOPICS,
    GIVEN_NAMES,
    LEAVE_REASONS,
    LECTURES,
    MINUTES,
    OUTSIDE_LECTURERS,
    PLACES,
    STUDIES,
    SURNAME_WEIGHTS,
    SURNAMES,
    THEMED_PLACES,
    THEMES,
)
from orglife_tui.demo.dates import fixed_working_day, weekday_in
from orglife_tui.demo.roster import DEMO_BRANCH_NAME, Person, Roster
from orglife_tui.domain import (
    AttendanceStatus,
    CommitteePost,
    Gender,
    MeetingType,
    add_months,
    month_end,
    month_key,
)
from orglife_tui.domain.records import MeetingInput

if TYPE_CHECKING:
    from orglife_tui.demo.branch import DemoBranch


COMMITTEE_MISS_MONTHS = 2
"""The committee meeting of the month this many months before today's is planted as not held."""
GROUP_MISS_MONTHS = 3
"""The last group's meeting of the month this many months before today's is not held."""


# who is expected at a meeting: a group's index, or one of these
AUDIENCE_ALL = -1
AUDIENCE_COMMITTEE = -2

_PRESENT = AttendanceStatus.present.value
_LEAVE = AttendanceStatus.leave.value
_ABSENT = AttendanceStatus.absent.value


@dataclass
class _Planned:
    """A meeting the branch plans: held unless planted as missed, and its plan items."""

    order: int  # committee 0, general 1, themed day 2, lecture 3, group 4, life meeting 5
    meeting: MeetingInput
    audience: int
    plan: tuple[tuple[MeetingType, str, str | None], ...]  # (type, topic, note)
    held: bool = True


@dataclass(frozen=True)
class DemoPlanItem:
    """One line of the demo's annual plan (``data.plans.PlanInput`` without the import)."""

    year: int
    month: int | None
    meeting_type: MeetingType
    topic: str
    note: str | None = None


def plan_meetings(
    rng: random.Random, roster: Roster, first_day: date, today: date
) -> list[_Planned]:
    """Every meeting of the record, month by month, drawn from ``rng`` after the roster."""
    people, full_idx, committee_idx = roster.people, roster.full_idx, roster.committee_idx
    drifter, groups = roster.drifter, roster.groups
    group_members, leaders = roster.group_members, roster.leaders
    secretary = committee_idx[0]
    by_post = {people[i].post: people[i].name for i in committee_idx}
    recorder = by_post.get(CommitteePost.organization)
    if recorder is None:
        others = [i for i in full_idx if i not in (secretary, drifter)] or [secretary]
        recorder = people[others[0]].name
    staff = [people[i].name for i in committee_idx]
    planned: list[_Planned] = []
    themed_day = rng.choice((5, 10, 15, 20, 25))
    sec_name = people[secretary].name
    start = (first_day.year, first_day.month)

    for year in range(first_day.year, today.year + 1):
        secretary_lectured = False  # the secretary gives the year's first lecture (党课)
        combined_quarters = set(rng.sample(range(4), 2))
        # quarterly meetings fall in a month of the record, even in its first, partial quarter
        general_months = _quarter_months(rng, year, start)
        lecture_months = _quarter_months(rng, year, start)
        for month in range(1, 13):
            if (year, month) < start:
                continue
            fmt = {"year": year, "month": month}
            # committee meeting
            if len(committee_idx) > 1:
                topic = (COMMITTEE_BY_MONTH.get(month) or rng.choice(COMMITTEE_TOPICS)).format(
                    **fmt
                )
                planned.append(
                    _Planned(
                        0,
                        MeetingInput(
                            date=weekday_in(rng, year, month, 1, 8),
                            types=(MeetingType.committee_meeting,),
                            title=f"{month}月支委会：{topic}",
                            place="支部会议室",
                            host=sec_name,
                            recorder=recorder,
                            minutes=rng.choice(MINUTES),
                        ),
                        AUDIENCE_COMMITTEE,
                        ((MeetingType.committee_meeting, topic, None),),
                    )
                )
            # general meeting, quarterly
            quarter = (month - 1) // 3
            if general_months[quarter] == month:
                topic = GENERAL_TOPICS[quarter].format(**fmt)
                planned.append(
                    _Planned(
                        1,
                        MeetingInput(
                            date=weekday_in(rng, year, month, 9, 20),
                            types=(MeetingType.general_meeting,),
                            title=f"支部党员大会：{topic}",
                            place=rng.choice(PLACES),
                            host=sec_name,
                            recorder=recorder,
                            minutes=rng.choice(MINUTES),
                        ),
                        AUDIENCE_ALL,
                        ((MeetingType.general_meeting, topic, None),),
                    )
                )
            # themed Party day, on the fixed day; a lecture may go with it
            theme_date = fixed_working_day(year, month, themed_day)
            lecture_here = lecture_months[quarter] == month
            combined = lecture_here and quarter in combined_quarters
            lecture_topic = rng.choice(LECTURES) if lecture_here else ""
            lecturer = _lecturer(rng, people, committee_idx, sec_name) if lecture_here else None
            if lecture_here and not secretary_lectured:
                # by member number: the lecturer is picked from the roster and earns the
                # lecture's points (rule ``secretary_lecture``)
                lecturer, secretary_lectured = people[secretary].member_no, True
            if combined:
                title = f"{month}月主题党日暨党课：{lecture_topic}"
                types: tuple[MeetingType, ...] = (MeetingType.themed_day, MeetingType.party_lecture)
                plan: tuple[tuple[MeetingType, str, str | None], ...] = (
                    (MeetingType.themed_day, f"主题党日暨党课：{lecture_topic}", None),
                    (MeetingType.party_lecture, lecture_topic, "与主题党日合并开展"),
                )
            else:
                title = f"{month}月主题党日：{THEMES[month]}"
                types = (MeetingType.themed_day,)
                plan = ((MeetingType.themed_day, THEMES[month], None),)
            planned.append(
                _Planned(
                    2,
                    MeetingInput(
                        date=theme_date,
                        types=types,
                        title=title,
                        place=rng.choice(THEMED_PLACES),
                        host=rng.choice(staff),
                        recorder=recorder,
                        lecturer=lecturer if combined else None,
                    ),
                    AUDIENCE_ALL,
                    plan,
                )
            )
            if lecture_here and not combined:
                when = weekday_in(rng, year, month, 16, 28)
                planned.append(
                    _Planned(
                        3,
                        MeetingInput(
                            date=when,
                            types=(MeetingType.party_lecture,),
                            title=f"党课：{lecture_topic}",
                            place=rng.choice(PLACES),
                            host=rng.choice(staff),
                            recorder=recorder,
                            lecturer=lecturer,
                        ),
                        AUDIENCE_ALL,
                        ((MeetingType.party_lecture, lecture_topic, None),),
                    )
                )
            # group meetings
            study = rng.choice(STUDIES)
            for g, in_group in enumerate(group_members):
                if not in_group:
                    continue
                leader = leaders[g]
                if leader is None:
                    fallback = [i for i in in_group if i != drifter and people[i].full]
                    leader = fallback[0] if fallback else secretary
                host_i = leader
                rec_choices = [i for i in in_group if i not in (host_i, drifter)] or [host_i]
                when = weekday_in(rng, year, month, 1, 28)
                planned.append(
                    _Planned(
                        4,
                        MeetingInput(
                            date=when,
                            types=(MeetingType.group_meeting,),
                            title=f"{groups[g]}{month}月学习会：{study}",
                            group=groups[g],
                            place=f"{groups[g]}活动点" if rng.random() < 0.5 else "党员活动室",
                            host=people[host_i].name,
                            recorder=people[rng.choice(rec_choices)].name,
                        ),
                        g,
                        ((MeetingType.group_meeting, f"{groups[g]}：{study}", None),),
                    )
                )
            # the life meeting with the democratic appraisal, fourth quarter (in the record)
            if month == 12:
                months = [m for m in (11, 12) if (year, m) >= start]
                when = weekday_in(rng, year, rng.choice(months), 10, 25)
                planned.append(
                    _Planned(
                        5,
                        MeetingInput(
                            date=when,
                            types=(MeetingType.life_meeting, MeetingType.appraisal),
                            title=f"{year}年度组织生活会暨民主评议党员",
                            place="支部会议室",
                            host=sec_name,
                            recorder=recorder,
                            minutes="对照检查，开展批评和自我批评，查摆问题并列出整改清单；"
                            "开展民主评议党员。",
                        ),
                        AUDIENCE_ALL,
                        (
                            (MeetingType.life_meeting, f"{year}年度组织生活会", None),
                            (
                                MeetingType.appraisal,
                                f"{year}年度民主评议党员",
                                "与组织生活会合并召开",
                            ),
                        ),
                    )
                )
    return planned


@dataclass(frozen=True)
class Schedule:
    """The meetings held (numbered ``YYYY-NNN`` per year), who is expected at each, the annual
    plan and the planted misses ``(rule, period, subject, last day of the period)``."""

    meetings: tuple[MeetingInput, ...]
    audiences: tuple[int, ...]
    plan: tuple[DemoPlanItem, ...]
    misses: tuple[tuple[str, str, str, date], ...]


def hold_meetings(
    planned: list[_Planned], roster: Roster, first_day: date, today: date
) -> Schedule:
    """Plant the two meetings not held, then number the meetings held up to ``today``."""
    committee_idx, groups = roster.committee_idx, roster.groups
    # -- the meetings planted as not held (documented in ``orglife_tui.demo``)
    misses = []
    if len(committee_idx) > 1:
        y, m = add_months(today.year, today.month, -COMMITTEE_MISS_MONTHS)
        misses.append(
            _drop(planned, 0, None, y, m, "committee_meeting_frequency", DEMO_BRANCH_NAME)
        )
    y, m = add_months(today.year, today.month, -GROUP_MISS_MONTHS)
    misses.append(_drop(planned, 4, groups[-1], y, m, "group_meeting_frequency", groups[-1]))

    planned.sort(key=lambda p: (p.meeting.date, p.order, p.audience))
    by_month = sorted(
        planned, key=lambda p: (p.meeting.date.year, p.meeting.date.month, p.order, p.audience)
    )
    plan = tuple(
        DemoPlanItem(p.meeting.date.year, p.meeting.date.month, mtype, topic, note)
        for p in by_month
        for mtype, topic, note in p.plan
    )
    held = [p for p in planned if p.held and first_day <= p.meeting.date <= today]
    counts: dict[int, int] = {}
    for p in held:
        counts[p.meeting.date.year] = counts.get(p.meeting.date.year, 0) + 1
    running: dict[int, int] = {}
    meetings = []
    audiences = []
    for p in held:
        y = p.meeting.date.year
        running[y] = running.get(y, 0) + 1
        w = max(3, len(str(counts[y])))
        meetings.append(_with_number(p.meeting, f"{y}-{running[y]:0{w}d}"))
        audiences.append(p.audience)

    return Schedule(tuple(meetings), tuple(audiences), plan, tuple(misses))


def _quarter_months(rng: random.Random, year: int, start: tuple[int, int]) -> list[int]:
    """The month of each quarter a quarterly meeting is held in: a month of the record."""
    out = []
    for q in range(4):
        months = [q * 3 + 1 + k for k in range(3)]
        out.append(rng.choice([m for m in months if (year, m) >= start] or months))
    return out


def _drop(
    planned: list[_Planned],
    order: int,
    group: str | None,
    year: int,
    month: int,
    rule: str,
    subject: str,
) -> tuple[str, str, str, date]:
    """Mark the planned meeting of a kind (and group) in a month as not held."""
    for p in planned:
        when = p.meeting.date
        if (
            p.order == order
            and p.meeting.group == group
            and (when.year, when.month) == (year, month)
        ):
            p.held = False
            break
    else:  # pragma: no cover - every month of the record plans these meetings
        raise AssertionError(f"no meeting to drop in {year}-{month:02d}")
    return rule, month_key(year, month), subject, month_end(year, month)


def _with_number(m: MeetingInput, number: str) -> MeetingInput:
    return MeetingInput(
        date=m.date,
        types=m.types,
        title=m.title,
        meeting_no=number,
        group=m.group,
        place=m.place,
        host=m.host,
        recorder=m.recorder,
        lecturer=m.lecturer,
        minutes=m.minutes,
    )


def _lecturer(
    rng: random.Random, people: list[Person], committee_idx: list[int], secretary: str
) -> str:
    r = rng.random()
    if r < 0.5:
        return secretary  # 书记讲党课
    if r < 0.8 and len(committee_idx) > 1:
        return people[rng.choice(committee_idx[1:])].name
    surname = rng.choices(SURNAMES, SURNAME_WEIGHTS)[0]
    given = rng.choice(GIVEN_NAMES[(rng.choice((Gender.male, Gender.female)), 1)])
    return f"{rng.choice(OUTSIDE_LECTURERS)} {surname}{given}"


def attendance_rows(b: DemoBranch) -> Iterator[tuple[str, str, str, str | None]]:
    """``(meeting_no, member_no, status, reason)`` for every meeting, in meeting order.

    Deterministic: every call yields the same rows. Leave always carries a reason; an
    unexcused absence never does.
    """
    rng = random.Random(f"{b.seed}:attendance")
    rand = rng.random
    reasons = [r for r, _ in LEAVE_REASONS]
    weights = [w for _, w in LEAVE_REASONS]
    cum = []
    total = 0
    for w in weights:
        total += w
        cum.append(total)
    members = b.members
    member_nos = [m.member_no for m in members]
    profiles = b._profiles
    drifter = next(i for i, m in enumerate(members) if m.member_no == b.drifter)
    drifter_group = b.groups.index(members[drifter].group or "")
    warm_up = b.warm_up_start
    # month (year * 12 + month) of each member's latest presence: an unexcused absence
    # only ever comes in a month the member was already present in, so that nobody but
    # the drifter misses a whole month of organizational life
    present_in = [0] * len(members)
    long_leave_idx = -1
    if b.long_leave:
        long_leave_idx = next(i for i, m in enumerate(members) if m.member_no == b.long_leave[0])
    committee_meeting = set()
    for i, key in enumerate(b._audiences):
        if key == AUDIENCE_COMMITTEE:
            committee_meeting.add(i)

    for index, meeting in enumerate(b.meetings):
        meeting_no = meeting.meeting_no or ""
        when = meeting.date
        month = when.year * 12 + when.month
        special: dict[int, tuple[str, str | None]] = {}
        if when >= b.drift_start:
            special[drifter] = (_ABSENT, None)
        elif when >= warm_up:  # still at his group's meeting, missing the others
            at_group = b._audiences[index] == drifter_group
            special[drifter] = (_PRESENT, None) if at_group else (_ABSENT, None)
        if b.long_leave and b.long_leave[1] <= when <= b.long_leave[2]:
            special[long_leave_idx] = (_LEAVE, b.long_leave[3])
        committee = index in committee_meeting
        for i in b.audience(index):
            if i in special:
                status, reason = special[i]
                yield meeting_no, member_nos[i], status, reason
                continue
            r = rand()
            profile = profiles[i]
            if committee:
                r *= 1.6  # committee members rarely miss their own meeting
            if r < profile.leave:
                pick = rand() * total
                k = 0
                while cum[k] <= pick:
                    k += 1
                yield meeting_no, member_nos[i], _LEAVE, reasons[k]
            elif r < profile.absent and present_in[i] == month:
                yield meeting_no, member_nos[i], _ABSENT, None
            else:
                present_in[i] = month
                yield meeting_no, member_nos[i], _PRESENT, None

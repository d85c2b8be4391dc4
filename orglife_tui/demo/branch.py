"""``DemoBranch``: what ``generate`` returns, and what it can tell of itself: who is expected
where, the attendance, the talks, plan, rectification list and ledger entries (each
drawn by its own module from its own seeded stream), and what the compliance watch
should find."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from datetime import date

from orglife_tui.demo.ledger import DemoEntry, ledger_entries, natural_ledger_entries
from orglife_tui.demo.meetings import (
    AUDIENCE_ALL,
    AUDIENCE_COMMITTEE,
    DemoPlanItem,
    attendance_rows,
)
from orglife_tui.demo.rectification import DemoRectification, rectification_list
from orglife_tui.demo.roster import Profile
from orglife_tui.demo.talks import TalkWriter
from orglife_tui.domain import AttendanceStatus, add_months, month_key_of
from orglife_tui.domain.records import AttendanceInput, MeetingInput, MemberInput
from orglife_tui.domain.talks import TalkInput
from orglife_tui.scoring.policy import DEFAULT_LADDER, AbsenceRule

WARM_UP_MONTHS = 2
"""Months before ``drift_start`` in which the drifter already misses all but his group's meeting."""


@dataclass
class DemoBranch:
    """A generated branch. Attendance is streamed: ``attendance_rows()`` / ``attendance()``."""

    name: str
    seed: int
    today: date
    first_day: date
    groups: tuple[str, ...]
    members: tuple[MemberInput, ...]
    meetings: tuple[MeetingInput, ...]
    committee: tuple[str, ...]
    drifter: str
    drift_start: date
    long_leave: tuple[str, date, date, str] | None = None  # member_no, from, to, reason
    _audiences: tuple[int, ...] = field(default=(), repr=False)
    _group_members: tuple[tuple[int, ...], ...] = field(default=(), repr=False)
    _committee_idx: tuple[int, ...] = field(default=(), repr=False)
    _profiles: tuple[Profile, ...] = field(default=(), repr=False)
    _plan: tuple[DemoPlanItem, ...] = field(default=(), repr=False)
    # the planted misses: (rule, period, subject, last day of the period)
    _misses: tuple[tuple[str, str, str, date], ...] = field(default=(), repr=False)
    _cache: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    # -- who is expected where

    def audience(self, meeting_index: int) -> list[int]:
        """Indices into ``members`` of those expected at a meeting (joined by its date)."""
        key = self._audiences[meeting_index]
        if key == AUDIENCE_ALL:
            pool: tuple[int, ...] | range = range(len(self.members))
        elif key == AUDIENCE_COMMITTEE:
            pool = self._committee_idx
        else:
            pool = self._group_members[key]
        when = self.meetings[meeting_index].date
        members = self.members
        return [i for i in pool if members[i].join_date <= when]  # type: ignore[operator]  # all joined

    def attendance_count(self) -> int:
        """How many attendance rows ``attendance_rows()`` yields (no randomness involved)."""
        return sum(len(self.audience(i)) for i in range(len(self.meetings)))

    def row_count(self) -> int:
        """Every row a loader writes: groups, members, meetings, meeting types, attendance."""
        return (
            len(self.groups)
            + len(self.members)
            + len(self.meetings)
            + sum(len(m.types) for m in self.meetings)
            + self.attendance_count()
        )

    # -- attendance

    def attendance_rows(self) -> Iterator[tuple[str, str, str, str | None]]:
        """``(meeting_no, member_no, status, reason)`` for every meeting, in meeting order.

        Deterministic: every call yields the same rows. Leave always carries a reason; an
        unexcused absence never does.
        """
        return attendance_rows(self)

    def attendance(self) -> Iterator[AttendanceInput]:
        """The same rows as ``attendance_rows()``, as validated-record dataclasses."""
        for meeting_no, member_no, status, reason in self.attendance_rows():
            yield AttendanceInput(meeting_no, member_no, AttendanceStatus(status), reason)

    def member(self, member_no: str) -> MemberInput:
        for m in self.members:
            if m.member_no == member_no:
                return m
        raise KeyError(member_no)

    # -- the record's start of the drift, and what the compliance watch should find

    @property
    def warm_up_start(self) -> date:
        """First day of the drifter's two warm-up months (present at his group's meetings
        only, absent without reason at the others)."""
        y, m = add_months(self.drift_start.year, self.drift_start.month, -WARM_UP_MONTHS)
        return date(y, m, 1)

    def drifter_months(self, as_of: date | None = None) -> tuple[str, ...]:
        """``YYYY-MM`` of the drifter's missed months up to ``as_of`` (default today): every
        month from ``drift_start`` on in which he was expected at a meeting held by then."""
        as_of = as_of or self.today
        members = self.members
        drifter = next(i for i, m in enumerate(members) if m.member_no == self.drifter)
        group = self.groups.index(members[drifter].group or "")
        months: dict[str, None] = {}
        for index, meeting in enumerate(self.meetings):
            when = meeting.date
            expected = self._audiences[index] in (AUDIENCE_ALL, group)
            if expected and self.drift_start <= when <= as_of:
                months[month_key_of(when)] = None
        return tuple(months)

    def expected_findings(
        self, year: int, as_of: date | None = None, branch: str | None = None
    ) -> tuple[tuple[str, str, str], ...]:
        """The ``(rule, period, subject)`` of every finding ``watch.check`` gives for ``year``
        as of ``as_of`` (default: the year's last day, or today) under the default policy,
        once the branch is loaded under the name ``branch`` (default: ``self.name``).

        Only the planted violations: the committee and group meetings not held, the
        drifter's streak (at its ladder step by ``as_of``) and the overdue rectification item.
        """
        as_of = as_of or min(self.today, date(year, 12, 31))
        branch = branch or self.name
        out: set[tuple[str, str, str]] = set()
        for rule, period, subject, last in self._misses:
            if int(period[:4]) == year and as_of >= last:
                out.add((rule, period, branch if subject == self.name else subject))
        months = self.drifter_months(as_of)
        if months and int(months[-1][:4]) == year and _ladder_step(len(months)) is not None:
            out.add(("absence_streak", months[-1], self.drifter))
        for item in self.rectifications():
            closed = item.closed_on is not None and item.closed_on <= as_of
            if item.deadline.year <= year and item.deadline < as_of and not closed:
                period = month_key_of(item.deadline)
                out.add(("rectification_overdue", period, branch))
        return tuple(sorted(out))

    @property
    def planted(self) -> tuple[tuple[str, str, str], ...]:
        """Every planted violation as ``(rule, period, subject)``, as ``orglife-tui check``
        reports it for each year of the record checked as of its end (the current year as of
        today): ``expected_findings`` of every year, together. The drifter appears once per
        year his streak reaches into; an overdue item from last year's check shows again
        in this year's."""
        found: set[tuple[str, str, str]] = set()
        for year in range(self.first_day.year, self.today.year + 1):
            found.update(self.expected_findings(year))
        return tuple(sorted(found))

    # -- talks, the annual plan, the rectification list

    def plan(self) -> tuple[DemoPlanItem, ...]:
        """The annual plan of every year of the record (from the record's first month): one
        item per planned meeting and type, held or not (the planted misses are not held;
        the current year's later months are still to come)."""
        return self._plan

    def talks(self) -> tuple[TalkInput, ...]:
        """Heart-to-heart talks in date order (then member number); see ``orglife_tui.demo``."""
        cached = self._cache.get("talks")
        if cached is None:
            cached = self._cache["talks"] = TalkWriter(self).talks()
        return cached  # type: ignore[return-value]  # the talks, cached above

    def rectifications(self) -> tuple[DemoRectification, ...]:
        """The rectification list of the last life meeting (see ``orglife_tui.demo``)."""
        cached = self._cache.get("rectifications")
        if cached is None:
            cached = self._cache["rectifications"] = rectification_list(self)
        return cached  # type: ignore[return-value]  # the list, cached above

    def record_count(self) -> int:
        """Rows a loader writes for talks (with their talkers), plan and rectification items."""
        talks = self.talks()
        return (
            len(talks)
            + sum(len(t.talkers) for t in talks)
            + len(self.plan())
            + len(self.rectifications())
        )

    # -- the points ledger

    def ledger_entries(
        self, count: int | None = None, kinds: Collection[str] | None = None
    ) -> Iterator[DemoEntry]:
        """The points entered by hand (``demo.ledger.ledger_entries``, which says how)."""
        return ledger_entries(self, count, kinds)

    def natural_ledger_entries(self) -> int:
        """How many entries ``ledger_entries()`` gives by default."""
        return natural_ledger_entries(self)


def _ladder_step(months: int):
    """The step of the default absence ladder a streak of ``months`` months has reached."""
    return AbsenceRule(DEFAULT_LADDER).step_for(months)

"""The facts a compliance check is judged on: plain values, gathered by ``data.compliance``."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from orglife_tui.compliance.dues import DuesRecord
from orglife_tui.domain import CommitteePost, MeetingType


@dataclass(frozen=True)
class MeetingCount:
    """How many meetings of a type (one meeting may count as several) a group held in a month."""

    meeting_type: MeetingType
    group: str | None  # the party group of a group meeting; None for branch meetings
    month: str  # YYYY-MM
    count: int


@dataclass(frozen=True)
class MonthMarks:
    """A member's attendance marks at organizational life in one month."""

    present: int = 0
    leave: int = 0
    absent: int = 0
    # absences at meetings held while the member was away (流动): neutral, like leave
    away: int = 0


@dataclass(frozen=True)
class MemberFacts:
    member_no: str
    name: str
    group: str | None
    join_date: date | None
    months: dict[str, MonthMarks] = field(default_factory=dict)  # YYYY-MM → marks
    talks: dict[int, int] = field(default_factory=dict)  # year → talks held with the member
    entered_on: date | None = None  # transferred into the branch; None: there from the start
    left_on: date | None = None  # the first day no longer in the branch; None: still in it
    dues: DuesRecord | None = None  # the member's dues standards and payments (党费)
    leader: bool = False  # a leading cadre (领导干部)
    post: CommitteePost | None = None
    life_meetings: dict[int, int] = field(default_factory=dict)  # year → present at life meetings
    lectures: dict[int, int] = field(default_factory=dict)  # year → Party lectures given
    # year → (commitments made, of them not yet evaluated fulfilled or not: 承诺践诺)
    commitments: dict[int, tuple[int, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class RectificationFact:
    id: int
    problem: str
    owner: str
    deadline: date
    status: str
    closed_on: date | None
    year: int = 0  # the year of the life meeting that found the problem


@dataclass(frozen=True)
class FollowUpFact:
    """A follow-up (结果运用) of the appraisal: due by ``due``, done on ``done_on``."""

    id: int
    member_no: str
    name: str
    measure: str  # FollowUpMeasure
    due: date
    done_on: date | None


@dataclass(frozen=True)
class BranchFacts:
    branch: str
    first: date  # the window the facts cover
    last: date  # the as-of date
    record_start: date | None  # the branch's records start: periods are judged from it
    groups: tuple[str, ...]  # party groups that have members
    committee_size: int  # members holding a committee post
    meeting_counts: tuple[MeetingCount, ...] = ()
    members: tuple[MemberFacts, ...] = ()
    rectifications: tuple[RectificationFact, ...] = ()
    # democratic appraisal sessions finished or published, by the year they appraise: each
    # counts as holding the appraisal that year (rule ``appraisal_yearly``)
    appraisal_sessions: dict[int, int] = field(default_factory=dict)
    follow_ups: tuple[FollowUpFact, ...] = ()
    # every rectification item, whatever its deadline (rule ``rectification_yearly``)
    rectification_history: tuple[RectificationFact, ...] = ()

    @cached_property
    def meetings_by_type(self) -> dict[tuple[MeetingType, str], int]:
        """(type, month) → meetings held, whichever group held them; counted once for all
        the rules judged on these facts."""
        out: dict[tuple[MeetingType, str], int] = defaultdict(int)
        for c in self.meeting_counts:
            out[(c.meeting_type, c.month)] += c.count
        return dict(out)

"""The compliance policy as plain values: the ``[policy]`` section of the scheme file.

Pure: no I/O, no SQL. ``scoring.scheme`` builds a ``Policy`` from the TOML text (every key
optional; what is left out takes the defaults below, which follow docs/architecture.md §3); the
compliance watch (``orglife_tui.compliance``) judges a branch's records against it.

Rule ids are stable: they appear in ``check --format json``, in the scheme file
(``[policy.rules.<id>]``) and in docs/scheme.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from orglife_tui.domain import LadderAction, MeetingType


class Period(str, Enum):
    month = "month"
    quarter = "quarter"
    year = "year"


class Severity(str, Enum):
    """How serious a finding is: ``warning`` asks for attention, ``violation`` breaks a rule."""

    warning = "warning"
    violation = "violation"


# The rules, in the order findings are listed.
FREQUENCY_RULES: dict[str, MeetingType] = {
    "general_meeting_frequency": MeetingType.general_meeting,
    "committee_meeting_frequency": MeetingType.committee_meeting,
    "group_meeting_frequency": MeetingType.group_meeting,
    "party_lecture_frequency": MeetingType.party_lecture,
    "themed_day_frequency": MeetingType.themed_day,
}
YEARLY_RULES: dict[str, MeetingType] = {
    "life_meeting_yearly": MeetingType.life_meeting,
    "appraisal_yearly": MeetingType.appraisal,
}
RULE_IDS: tuple[str, ...] = (
    *FREQUENCY_RULES,
    *YEARLY_RULES,
    "absence_streak",
    "talk_coverage",
    "rectification_overdue",
    "dues_arrears",
    "follow_up_overdue",
    *(
        # the life meeting and the people in it (issue 12 §5): yearly, judged once it is over
        "rectification_yearly",
        "leader_life_meeting",
        "leader_lecture",
        "secretary_lecture",
        "commitment_yearly",
    ),
)
# The yearly duties judged by a rule with no setting but ``enabled`` (``Policy.duties``).
DUTY_RULES: tuple[str, ...] = RULE_IDS[-5:]


@dataclass(frozen=True)
class FrequencyRule:
    """At least ``times`` meetings of ``meeting_type`` in every ``period``
    (per party group for group meetings)."""

    rule: str
    meeting_type: MeetingType
    period: Period
    times: int = 1
    enabled: bool = True


@dataclass(frozen=True)
class LadderStep:
    months: int
    action: LadderAction
    severity: Severity


@dataclass(frozen=True)
class AbsenceRule:
    """Consecutive months without participation (leave months are neutral) → ladder steps."""

    ladder: tuple[LadderStep, ...]  # ascending by months
    enabled: bool = True

    def step_for(self, months: int) -> LadderStep | None:
        """The highest step a streak of ``months`` months has reached, or None."""
        reached = None
        for step in self.ladder:
            if months >= step.months:
                reached = step
        return reached


@dataclass(frozen=True)
class TalkRule:
    """Every member talked with ``talks_per_member`` times a year; members who joined in the
    last ``grace_months`` months of the year are not yet due."""

    talks_per_member: int = 1
    grace_months: int = 3
    enabled: bool = True


@dataclass(frozen=True)
class SimpleRule:
    enabled: bool = True


DEFAULT_ORGANIZATIONAL_LIFE: tuple[MeetingType, ...] = (
    MeetingType.general_meeting,
    MeetingType.committee_meeting,
    MeetingType.group_meeting,
    MeetingType.party_lecture,
    MeetingType.themed_day,
    MeetingType.life_meeting,
    MeetingType.appraisal,
)

DEFAULT_PERIODS: dict[str, Period] = {
    "general_meeting_frequency": Period.quarter,
    "committee_meeting_frequency": Period.month,
    "group_meeting_frequency": Period.month,
    "party_lecture_frequency": Period.quarter,
    "themed_day_frequency": Period.month,
}

DEFAULT_LADDER: tuple[LadderStep, ...] = (
    LadderStep(3, LadderAction.reminder_talk, Severity.warning),
    LadderStep(5, LadderAction.warning_notice, Severity.warning),
    LadderStep(6, LadderAction.general_meeting_case, Severity.violation),
)


# Party dues (党费): three months unpaid → a reminder; six months in a row → the Party
# Constitution's Article 38 (连续六个月不交纳党费，视为自行脱党), a case for the general meeting.
DEFAULT_DUES_LADDER: tuple[LadderStep, ...] = (
    LadderStep(3, LadderAction.reminder_talk, Severity.warning),
    LadderStep(6, LadderAction.general_meeting_case, Severity.violation),
)


def _default_frequencies() -> tuple[FrequencyRule, ...]:
    return tuple(
        FrequencyRule(rule, mtype, DEFAULT_PERIODS[rule]) for rule, mtype in FREQUENCY_RULES.items()
    )


def _default_yearly() -> tuple[FrequencyRule, ...]:
    return tuple(FrequencyRule(rule, mtype, Period.year) for rule, mtype in YEARLY_RULES.items())


@dataclass(frozen=True)
class Policy:
    """What the compliance watch checks. ``Policy()`` is the docs/architecture.md §3 default."""

    # meeting types whose attendance counts as taking part in organizational life
    organizational_life: tuple[MeetingType, ...] = DEFAULT_ORGANIZATIONAL_LIFE
    frequencies: tuple[FrequencyRule, ...] = field(default_factory=_default_frequencies)
    yearly: tuple[FrequencyRule, ...] = field(default_factory=_default_yearly)
    absence: AbsenceRule = field(default_factory=lambda: AbsenceRule(DEFAULT_LADDER))
    talks: TalkRule = field(default_factory=TalkRule)
    rectification: SimpleRule = field(default_factory=SimpleRule)
    publicity_days: int = 7
    # months of dues in arrears in a row → ladder steps (rule ``dues_arrears``)
    dues: AbsenceRule = field(default_factory=lambda: AbsenceRule(DEFAULT_DUES_LADDER))
    # follow-ups (结果运用) of the appraisal past their due day and not done
    follow_up: SimpleRule = field(default_factory=SimpleRule)
    # the yearly duties of DUTY_RULES, by rule id (each on unless the file turns it off)
    duties: dict[str, SimpleRule] = field(
        default_factory=lambda: {rule: SimpleRule() for rule in DUTY_RULES}
    )

    def enabled(self, rule: str) -> bool:
        for r in (*self.frequencies, *self.yearly):
            if r.rule == rule:
                return r.enabled
        if rule == "absence_streak":
            return self.absence.enabled
        if rule == "talk_coverage":
            return self.talks.enabled
        if rule == "rectification_overdue":
            return self.rectification.enabled
        if rule == "dues_arrears":
            return self.dues.enabled
        if rule == "follow_up_overdue":
            return self.follow_up.enabled
        if rule in self.duties:
            return self.duties[rule].enabled
        raise KeyError(rule)

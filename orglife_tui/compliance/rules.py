"""Judging a branch's year against the policy: pure functions from facts to findings.

The rules (ids in ``scoring.policy.RULE_IDS``; docs/scheme.md is the reference):

- Meeting frequencies: in every period of the rule (month, quarter or year) at least
  ``times`` meetings of the type; group meetings per party group. A period is judged once it
  has ended by the as-of date, and only from the period holding the branch's records start
  on (a branch that starts using the program in June is not blamed for January, and one
  that records no meeting at all is not thereby compliant).
  Committee meetings are required only of a branch with a committee (two or more members
  holding committee posts).
- ``absence_streak``: a member's month counts as taking part when the member was present at
  any organizational-life meeting that month; a month with leave and no presence, with an
  absence while the member was away (流动), or with no mark at all, is neutral — it neither
  breaks a streak nor continues it; months before the member joined the Party or entered
  the branch, and after the as-of date, do not count. A streak ends when the member leaves
  the branch, and a member who has left by the as-of date is no case of the branch's any
  more: no finding. Every other streak whose last missed month falls in the year and that
  reached a step of the ladder is a finding, at the highest step.
- ``talk_coverage``: judged once the year has ended; every member in the branch on the
  year's last day who joined the Party and entered the branch before the last
  ``grace_months`` months of the year had at least ``talks_per_member`` talks in it (a
  member who left during the year is not due one).
- ``rectification_overdue``: an item whose deadline passed before the as-of date and which
  was not closed by then.
- ``follow_up_overdue``: a follow-up of the appraisal (结果运用) whose due day (deadline, or
  a disposal's effective date) passed before the as-of date and which was not done by then.
- ``dues_arrears``: a member's run of months of Party dues in arrears on the as-of date
  (``compliance.dues``: the current month is never in arrears, months away are neutral,
  only payments made by the as-of date count) whose last month falls in the year and that
  reached a step of the ladder is a finding, at the highest step.
- The yearly duties, judged once the year is over (for a year the records cover):
  ``rectification_yearly``: at least one rectification item closed in the year (每年实实在在
  解决一两个突出问题), whichever life meeting found it; of the members in the branch on the
  year's last day,
  ``leader_life_meeting``: each leading cadre (领导干部) present at a life meeting of the
  year (only a year that had one: a year without is ``life_meeting_yearly``'s finding);
  ``leader_lecture`` and ``secretary_lecture``: each leading cadre, and the secretary,
  gave a Party lecture in the year (the lecturer picked from the roster);
  ``commitment_yearly`` (承诺践诺), in a year the branch keeps the commitments register: each
  member made a commitment for the year (violation), and each was evaluated, fulfilled or
  not, by the year's end (warning).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from orglife_tui.compliance.dues import arrears_runs
from orglife_tui.compliance.facts import BranchFacts, MemberFacts
from orglife_tui.compliance.findings import Finding, PeriodParam
from orglife_tui.compliance.periods import months_in, periods_of
from orglife_tui.domain import (
    CommitteePost,
    FollowUpMeasure,
    LadderAction,
    MeetingType,
    month_key_of,
    months_between,
)
from orglife_tui.scoring.policy import FrequencyRule, LadderStep, Period, Policy, Severity

# Required only of a branch that has a committee (docs/architecture.md §2: under seven
# full members the branch has a secretary only).
BRANCH_TYPES_NEED_COMMITTEE = (MeetingType.committee_meeting,)


# --------------------------------------------------------------------------- meetings


@dataclass(frozen=True)
class PeriodState:
    """How a rule's period stands: ``held`` / ``missing`` / ``not_due`` / ``not_required``."""

    rule: FrequencyRule
    period: str
    first: date
    last: date
    state: str
    held: int  # meetings held (or, for group meetings, groups that met the rule)
    required: int  # meetings required (or groups)
    missing_groups: tuple[tuple[str, int], ...] = ()  # group → meetings held


def _counts(facts: BranchFacts) -> dict[tuple[MeetingType, str | None, str], int]:
    out: dict[tuple[MeetingType, str | None, str], int] = defaultdict(int)
    for c in facts.meeting_counts:
        out[(c.meeting_type, c.group, c.month)] += c.count
    return out


@cache
def _periods(year: int, period: Period) -> tuple[tuple[str, date, date, tuple[str, ...]], ...]:
    """``periods_of`` with each period's months: the same for every branch judged (the
    committee's overview judges hundreds)."""
    return tuple(
        (label, first, last, tuple(months_in(first, last)))
        for label, first, last in periods_of(year, period)
    )


def _applies(rule: FrequencyRule, facts: BranchFacts) -> bool:
    if rule.meeting_type in BRANCH_TYPES_NEED_COMMITTEE and facts.committee_size < 2:
        return False
    return not (rule.meeting_type is MeetingType.group_meeting and not facts.groups)


def period_states(
    facts: BranchFacts, year: int, as_of: date, rule: FrequencyRule
) -> list[PeriodState]:
    """Every period of ``year`` for one frequency or yearly rule, with its state."""
    group_rule = rule.meeting_type is MeetingType.group_meeting
    counts = _counts(facts) if group_rule else {}
    by_type = {} if group_rule else facts.meetings_by_type
    applies = _applies(rule, facts)
    out = []
    for label, first, last, months in _periods(year, rule.period):
        before_record = facts.record_start is None or last < facts.record_start
        if group_rule:
            per_group = [
                (g, sum(counts.get((rule.meeting_type, g, m), 0) for m in months))
                for g in facts.groups
            ]
            short = tuple((g, n) for g, n in per_group if n < rule.times)
            held, required = len(per_group) - len(short), len(per_group)
        else:
            n = sum(by_type.get((rule.meeting_type, month), 0) for month in months)
            if rule.meeting_type is MeetingType.appraisal and first.year == last.year:
                n += facts.appraisal_sessions.get(first.year, 0)  # a session held in the system
            short = ()
            held, required = n, rule.times
        if not applies or before_record:
            state = "not_required"
        elif held >= required:
            state = "held"
        elif as_of >= last:
            state = "missing"
        else:
            state = "not_due"
        out.append(PeriodState(rule, label, first, last, state, held, required, short))
    return out


def _meeting_findings(facts: BranchFacts, year: int, as_of: date, policy: Policy) -> list[Finding]:
    findings = []
    for rule in (*policy.frequencies, *policy.yearly):
        if not rule.enabled:
            continue
        for ps in period_states(facts, year, as_of, rule):
            if ps.state != "missing":
                continue
            if rule.meeting_type is MeetingType.group_meeting:
                for group, held in ps.missing_groups:
                    findings.append(
                        Finding(
                            rule.rule,
                            ps.period,
                            group,
                            Severity.violation,
                            "compliance.finding.group_frequency",
                            {
                                "group": group,
                                "type": rule.meeting_type,
                                "when": PeriodParam(ps.period),
                                "held": held,
                                "required": rule.times,
                            },
                        )
                    )
                continue
            findings.append(
                Finding(
                    rule.rule,
                    ps.period,
                    facts.branch,
                    Severity.violation,
                    "compliance.finding.frequency",
                    {
                        "type": rule.meeting_type,
                        "when": PeriodParam(ps.period),
                        "held": ps.held,
                        "required": rule.times,
                    },
                )
            )
    return findings


# --------------------------------------------------------------------------- absence


@dataclass(frozen=True)
class Streak:
    """Missed months in a row (neutral months skipped); ``ongoing`` if not yet broken."""

    months: tuple[str, ...]
    ongoing: bool

    @property
    def length(self) -> int:
        return len(self.months)


def has_left(member: MemberFacts, on: date) -> bool:
    """Whether the member is no longer in the branch on ``on``."""
    return member.left_on is not None and member.left_on <= on


def member_streaks(member: MemberFacts, first: date, as_of: date) -> list[Streak]:
    """Every streak of missed months of a member between ``first`` and ``as_of``, within
    the member's time in the branch; a streak the member's departure ended is not ongoing."""
    start = month_key_of(first)
    for since in (member.join_date, member.entered_on):
        if since is not None:
            start = max(start, month_key_of(since))
    left = has_left(member, as_of)
    last = member.left_on - timedelta(days=1) if left and member.left_on else as_of
    end = month_key_of(last)
    streaks: list[Streak] = []
    run: list[str] = []
    for key in months_between(start, end):
        marks = member.months.get(key)
        if marks is None:
            continue  # no organizational life expected of the member: neutral
        if marks.present:
            if run:
                streaks.append(Streak(tuple(run), False))
                run = []
        elif marks.leave or marks.away:
            continue  # leave with a reason, or organizational life elsewhere, is neutral
        elif marks.absent:
            run.append(key)
    if run:
        streaks.append(Streak(tuple(run), not left))
    return streaks


def current_streak(member: MemberFacts, first: date, as_of: date) -> Streak | None:
    streaks = member_streaks(member, first, as_of)
    if streaks and streaks[-1].ongoing:
        return streaks[-1]
    return None


def _absence_findings(facts: BranchFacts, year: int, as_of: date, policy: Policy) -> list[Finding]:
    rule = policy.absence
    if not rule.enabled:
        return []
    findings = []
    for member in facts.members:
        if has_left(member, as_of):
            continue  # no longer the branch's case (transferred, deceased, removed)
        for streak in member_streaks(member, facts.first, as_of):
            if int(streak.months[-1][:4]) != year:
                continue
            step = rule.step_for(streak.length)
            if step is None:
                continue
            findings.append(_absence_finding(member, streak, step))
    return findings


def _absence_finding(member: MemberFacts, streak: Streak, step: LadderStep) -> Finding:
    return Finding(
        "absence_streak",
        streak.months[-1],
        member.member_no,
        step.severity,
        "compliance.finding.absence_ongoing" if streak.ongoing else "compliance.finding.absence",
        {
            "name": member.name,
            "member_no": member.member_no,
            "count": streak.length,
            "months": streak.months,
            "action": step.action,
            "step_months": step.months,
        },
    )


# --------------------------------------------------------------------------- talks


def talk_due_cutoff(year: int, grace_months: int) -> date:
    """Members who joined on or after this day are not yet due a talk in ``year``."""
    if grace_months <= 0:
        return date(year + 1, 1, 1)
    return date(year, 12 - grace_months + 1, 1)


def talk_due(
    year: int,
    grace_months: int,
    on: date,
    join_date: date | None,
    entered_on: date | None,
    left_on: date | None,
) -> bool:
    """Whether a member is due a talk in ``year``, judged on ``on`` (the year's last day once
    it is over): in the branch that day, and in the Party and the branch since before the
    grace months (a member who transferred in during the grace months is not yet due)."""
    if (entered_on is not None and entered_on > on) or (left_on is not None and left_on <= on):
        return False
    cutoff = talk_due_cutoff(year, grace_months)
    return all(since is None or since < cutoff for since in (join_date, entered_on))


def _talk_findings(facts: BranchFacts, year: int, as_of: date, policy: Policy) -> list[Finding]:
    rule = policy.talks
    if not rule.enabled or rule.talks_per_member <= 0 or as_of < date(year, 12, 31):
        return []
    year_end = date(year, 12, 31)
    findings = []
    for member in facts.members:
        if not talk_due(
            year,
            rule.grace_months,
            year_end,
            member.join_date,
            member.entered_on,
            member.left_on,
        ):
            continue
        held = member.talks.get(year, 0)
        if held < rule.talks_per_member:
            findings.append(
                Finding(
                    "talk_coverage",
                    f"{year:04d}",
                    member.member_no,
                    Severity.violation,
                    "compliance.finding.talk_coverage",
                    {
                        "name": member.name,
                        "member_no": member.member_no,
                        "year": year,
                        "held": held,
                        "required": rule.talks_per_member,
                    },
                )
            )
    return findings


# --------------------------------------------------------------------------- rectification


def is_overdue(deadline: date, closed_on: date | None, as_of: date) -> bool:
    return deadline < as_of and (closed_on is None or closed_on > as_of)


def _rectification_findings(
    facts: BranchFacts, year: int, as_of: date, policy: Policy
) -> list[Finding]:
    if not policy.rectification.enabled:
        return []
    findings = []
    for item in facts.rectifications:
        if item.deadline.year > year or not is_overdue(item.deadline, item.closed_on, as_of):
            continue
        findings.append(
            Finding(
                "rectification_overdue",
                month_key_of(item.deadline),
                facts.branch,
                Severity.violation,
                "compliance.finding.rectification",
                {
                    "id": item.id,
                    "problem": item.problem,
                    "owner": item.owner,
                    "deadline": item.deadline.isoformat(),
                },
            )
        )
    return findings


def _follow_up_findings(
    facts: BranchFacts, year: int, as_of: date, policy: Policy
) -> list[Finding]:
    if not policy.follow_up.enabled:
        return []
    return [
        Finding(
            "follow_up_overdue",
            month_key_of(f.due),
            f.member_no,
            Severity.violation,
            "compliance.finding.follow_up",
            {
                "id": f.id,
                "name": f.name,
                "member_no": f.member_no,
                "measure": FollowUpMeasure(f.measure),
                "due": f.due.isoformat(),
            },
        )
        for f in facts.follow_ups
        if f.due.year <= year and is_overdue(f.due, f.done_on, as_of)
    ]


# --------------------------------------------------------------------------- dues


def _dues_findings(facts: BranchFacts, year: int, as_of: date, policy: Policy) -> list[Finding]:
    rule = policy.dues
    if not rule.enabled:
        return []
    findings = []
    for member in facts.members:
        if member.dues is None:
            continue
        for run in arrears_runs(member.dues, as_of):
            if int(run.months[-1][:4]) != year:
                continue
            step = rule.step_for(run.length)
            if step is None:
                continue
            key = (
                "dues.finding.case"
                if step.action is LadderAction.general_meeting_case
                else "dues.finding.arrears"
            )
            findings.append(
                Finding(
                    "dues_arrears",
                    run.months[-1],
                    member.member_no,
                    step.severity,
                    key,
                    {
                        "name": member.name,
                        "member_no": member.member_no,
                        "count": run.length,
                        "months": run.months,
                        "action": step.action,
                        "step_months": step.months,
                    },
                )
            )
    return findings


# --------------------------------------------------------------------------- yearly duties


def _year_judged(facts: BranchFacts, year: int, as_of: date) -> bool:
    """A yearly duty is judged once the year is over, for a year the records cover."""
    year_end = date(year, 12, 31)
    return as_of >= year_end and facts.record_start is not None and facts.record_start <= year_end


def _due_at_year_end(member: MemberFacts, year: int) -> bool:
    """In the branch on the year's last day (a duty falls on who holds it then)."""
    return talk_due(year, 0, date(year, 12, 31), None, member.entered_on, member.left_on)


def _duty_finding(rule: str, year: int, member: MemberFacts, key: str) -> Finding:
    return Finding(
        rule,
        f"{year:04d}",
        member.member_no,
        Severity.violation,
        key,
        {"name": member.name, "member_no": member.member_no, "year": year},
    )


def _put_right_in(facts: BranchFacts, year: int, as_of: date) -> bool:
    """Whether the branch put at least one problem right in ``year`` (closed within it, by
    the day checked), whichever life meeting found it: 每年实实在在解决一两个突出问题 asks
    it of every year, so a branch with nothing on its list has nothing put right either."""
    first, last = date(year, 1, 1), min(as_of, date(year, 12, 31))
    return any(
        item.closed_on is not None and first <= item.closed_on <= last
        for item in facts.rectification_history
    )


def _duty_findings(facts: BranchFacts, year: int, as_of: date, policy: Policy) -> list[Finding]:
    """The yearly duties of the life meeting and the people in it (issue 12 §5)."""
    if not _year_judged(facts, year, as_of):
        return []
    findings = []
    on = policy.enabled
    # A leader's attendance is asked of a year that had a life meeting (a year without is
    # ``life_meeting_yearly``'s finding, not more).
    life_held = sum(
        c.count
        for c in facts.meeting_counts
        if c.meeting_type is MeetingType.life_meeting and c.month.startswith(f"{year:04d}-")
    )
    if on("rectification_yearly") and not _put_right_in(facts, year, as_of):
        findings.append(
            Finding(
                "rectification_yearly",
                f"{year:04d}",
                facts.branch,
                Severity.violation,
                "life.finding.rectification_yearly",
                {"year": year},
            )
        )
    # The commitments register is asked of a year the branch keeps it (any commitment made).
    keeps_commitments = any(m.commitments.get(year) for m in facts.members)
    for member in facts.members:
        if not _due_at_year_end(member, year):
            continue
        absent = not member.life_meetings.get(year, 0)
        if member.leader and life_held and absent and on("leader_life_meeting"):
            findings.append(
                _duty_finding(
                    "leader_life_meeting", year, member, "life.finding.leader_life_meeting"
                )
            )
        lectures = member.lectures.get(year, 0)
        if member.leader and not lectures and on("leader_lecture"):
            findings.append(
                _duty_finding("leader_lecture", year, member, "life.finding.leader_lecture")
            )
        if member.post is CommitteePost.secretary and not lectures and on("secretary_lecture"):
            findings.append(
                _duty_finding("secretary_lecture", year, member, "life.finding.secretary_lecture")
            )
        if keeps_commitments and on("commitment_yearly"):
            findings.extend(_commitment_findings(member, year))
    return findings


def _commitment_findings(member: MemberFacts, year: int) -> list[Finding]:
    """承诺践诺: the member made a commitment for the year, and each was evaluated (fulfilled
    or not) by the year's end."""
    made, unevaluated = member.commitments.get(year, (0, 0))
    if not made:
        return [_duty_finding("commitment_yearly", year, member, "life.finding.commitment_missing")]
    if unevaluated:
        return [
            Finding(
                "commitment_yearly",
                f"{year:04d}",
                member.member_no,
                Severity.warning,
                "life.finding.commitment_unevaluated",
                {
                    "name": member.name,
                    "member_no": member.member_no,
                    "year": year,
                    "count": unevaluated,
                },
            )
        ]
    return []


# --------------------------------------------------------------------------- all


def judge(facts: BranchFacts, year: int, as_of: date, policy: Policy) -> list[Finding]:
    """Every finding for ``year`` as of ``as_of``, in rule order, then period, then subject."""
    findings = [
        *_meeting_findings(facts, year, as_of, policy),
        *_absence_findings(facts, year, as_of, policy),
        *_talk_findings(facts, year, as_of, policy),
        *_rectification_findings(facts, year, as_of, policy),
        *_dues_findings(facts, year, as_of, policy),
        *_follow_up_findings(facts, year, as_of, policy),
        *_duty_findings(facts, year, as_of, policy),
    ]
    return sorted(findings, key=Finding.sort_key)


__all__ = [
    "PeriodState",
    "Streak",
    "current_streak",
    "has_left",
    "is_overdue",
    "judge",
    "member_streaks",
    "period_states",
    "talk_due",
    "talk_due_cutoff",
]

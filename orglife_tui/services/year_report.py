"""The year-end report (年度组织生活落实情况报告): one operation gathering a branch's year.

``year_report`` reads everything the report shows into one plain value, ``YearReport``;
the writers in ``orglife_tui.export.year_report`` only lay it out. Its numbers come from the
same places as the compliance watch, so that they agree with ``orglife-tui check``:

- the findings are exactly ``watch.check`` for the same year and as-of date, and the
  totals per rule are counted from them;
- periods judged / met / missed per meeting rule come from ``watch.calendar`` (the same
  period states the findings are made of); per party group, the missed periods are the
  group's findings;
- the absence cases are the ``absence_streak`` findings, each with the talks that
  answered it (a talk whose ``absence_from`` is the streak's first month);
- the members not covered by talks are, once the year is over, the ``talk_coverage``
  findings; the overdue rectification items are the ``rectification_overdue`` findings;
- the appraisal after the committee's decision (notice windows, objections, follow-ups,
  commendations) is read from ``data.appraisal`` as of the same date.

A past year is reported as of 31 December, the current year as of today (``check_window``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from orglife_tui.compliance.findings import Finding
from orglife_tui.compliance.periods import periods_of
from orglife_tui.compliance.rules import talk_due
from orglife_tui.data import year_facts as tallies_data
from orglife_tui.data.anchors import anchor_text, current_heads
from orglife_tui.data.appraisal import commendations, follow_ups, notice
from orglife_tui.data.appraisal.commendations import CommendationRow
from orglife_tui.data.appraisal.follow_ups import FollowUpRow
from orglife_tui.data.appraisal.notice import ObjectionRow, ResultState
from orglife_tui.data.appraisal.steps import ProcedureCounts
from orglife_tui.data.chain import GENESIS
from orglife_tui.data.errors import StoreError
from orglife_tui.data.life_meeting import LifeYear
from orglife_tui.data.plans import PlanRow
from orglife_tui.data.rectification import RectificationRow
from orglife_tui.data.store import BranchInfo, Store
from orglife_tui.data.year_facts import MarkCounts, YearTallies
from orglife_tui.domain import CommitmentStatus, FollowUpStatus, MeetingType, TalkType
from orglife_tui.domain.talks import TalkRow
from orglife_tui.export.files import SchemeRef
from orglife_tui.scoring.model import Grade
from orglife_tui.scoring.policy import RULE_IDS, LadderStep, Period, Policy
from orglife_tui.scoring.standing import Standing
from orglife_tui.services import watch

GROUP_RULE = "group_meeting_frequency"


@dataclass(frozen=True)
class PlanLine:
    meeting_type: MeetingType
    planned: int
    held: int  # items carried out by a held meeting
    not_due: int = 0  # not carried out, and their month (or year) not over on the as-of date

    @property
    def not_held(self) -> int:
        """Items whose month (or year) is over and that no meeting carried out."""
        return self.planned - self.held - self.not_due


def plan_item_due(item: PlanRow, as_of: date) -> bool:
    """Whether the month of ``item`` (the year, for a year-wide item) is over by ``as_of``."""
    if item.month is None:
        return as_of >= date(item.year, 12, 31)
    _, _, last = periods_of(item.year, Period.month)[item.month - 1]
    return as_of >= last


@dataclass(frozen=True)
class RuleLine:
    """A meeting rule over the year: meetings held and how its periods stand."""

    rule: str
    meeting_type: MeetingType
    period: Period
    times: int  # meetings required per period (per group for group meetings)
    held: int  # meetings of the type held from 1 January to the as-of date
    met: int  # periods in which the rule was met
    missed: int  # periods ended without the rule being met
    not_due: int  # periods still open on the as-of date
    not_required: int  # periods the rule does not apply to (before the records, no committee)

    @property
    def judged(self) -> int:
        return self.met + self.missed


@dataclass(frozen=True)
class GroupLine:
    """The group meeting rule for one party group."""

    group: str
    held: int
    judged: int
    missed: int

    @property
    def met(self) -> int:
        return self.judged - self.missed


@dataclass(frozen=True)
class AttendanceLine:
    meeting_type: MeetingType
    marks: MarkCounts


@dataclass(frozen=True)
class AbsenceCase:
    """An ``absence_streak`` finding and the talks recorded in answer to it."""

    member_no: str
    name: str
    months: tuple[str, ...]
    step: LadderStep
    ongoing: bool  # the streak had not ended by the as-of date
    answered: tuple[TalkRow, ...]

    @property
    def length(self) -> int:
        return len(self.months)


@dataclass(frozen=True)
class TalkGap:
    member_no: str
    name: str
    held: int


@dataclass(frozen=True)
class TalkSummary:
    enabled: bool
    required: int  # talks per member per year
    final: bool  # the year is over on the as-of date: the gaps are findings
    due: int  # members due a talk this year
    covered: int  # of them, members with the required talks
    by_type: dict[TalkType, int]
    gaps: tuple[TalkGap, ...]  # members due and not (yet) covered

    @property
    def total(self) -> int:
        return sum(self.by_type.values())


@dataclass(frozen=True)
class RectificationLine:
    item: RectificationRow
    overdue: bool  # a ``rectification_overdue`` finding


@dataclass(frozen=True)
class PointsSummary:
    scored: int
    average: float | None
    minimum: float | None
    maximum: float | None
    grades: dict[Grade | None, int]  # None: members the scheme does not grade
    # The day the points run to, before the year closed: then ``grades`` is empty (a band
    # judges a whole year: docs/scheme.md, "Before the year ends").
    to_date: Standing | None = None


@dataclass(frozen=True)
class AppraisalSummary:
    """The year's democratic appraisal, step by step (学习教育 → 个人自评 → 党员互评 →
    民主测评 → 组织评定 → 公示 → 结果运用): what each step recorded."""

    procedure: ProcedureCounts
    # The steps after publication (公示 objections, follow-ups, commendations) add their
    # counts here, keyed by the report's row key (``report.appraisal.<key>``), in order.
    after: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class FollowUpLine:
    row: FollowUpRow
    status: FollowUpStatus  # on the report's as-of date


@dataclass(frozen=True)
class AppraisalAfter:
    """The appraisal of the year after the committee's decision (issue 12 §3): each
    published session's notice window and standing, its objections, the follow-ups and
    the commendation register, all as of the report's date."""

    results: tuple[ResultState, ...] = ()
    objections: tuple[ObjectionRow, ...] = ()
    follow_ups: tuple[FollowUpLine, ...] = ()
    commendations: tuple[CommendationRow, ...] = ()


@dataclass(frozen=True)
class LifeSummary:
    """The life meeting and the people in it (issue 12 §5): the year's meetings by form,
    the life meetings and their records, lectures from the roster, posts, commitments."""

    year: LifeYear
    posts: int
    commitments: dict[CommitmentStatus, int]


@dataclass(frozen=True)
class YearReport:
    branch: str
    year: int
    as_of: date
    generated: date
    operator: str
    scheme: SchemeRef | None  # the active scheme; None when none was ever activated
    rules_checked: tuple[str, ...]  # the policy's enabled rules, in RULE_IDS order
    plan: tuple[PlanLine, ...]
    plan_items: tuple[PlanRow, ...]
    rules: tuple[RuleLine, ...]
    groups: tuple[GroupLine, ...]
    attendance: tuple[AttendanceLine, ...]
    attendance_total: MarkCounts
    absences: tuple[AbsenceCase, ...]
    talks: TalkSummary
    rectification: tuple[RectificationLine, ...]
    findings: tuple[Finding, ...]
    points: PointsSummary | None
    appraisal: AppraisalSummary | None = None  # None: no appraisal session in the year
    # The heads the report was made from (printed on it, for ``verify --expect``).
    ledger_head: str = GENESIS
    audit_head: str = GENESIS
    appraisal_after: AppraisalAfter = AppraisalAfter()
    life: LifeSummary | None = None

    @property
    def anchor(self) -> str:
        return anchor_text(self.ledger_head, self.audit_head)

    def totals(self) -> dict[str, int]:
        """Findings per rule, counted from ``findings``: every checked rule, zeros included."""
        counts = Counter(f.rule for f in self.findings)
        rules = [r for r in RULE_IDS if r in self.rules_checked or counts[r]]
        return {r: counts[r] for r in rules}


# ---------------------------------------------------------------------------- sections


def _rules_checked(policy: Policy) -> tuple[str, ...]:
    return tuple(r for r in RULE_IDS if policy.enabled(r))


def _plan(
    store: Store, branch_id: int, year: int, as_of: date
) -> tuple[tuple[PlanLine, ...], tuple[PlanRow, ...]]:
    from orglife_tui.data.plans import list_plan, plan_summary

    items = tuple(list_plan(store, branch_id, year))
    pending = Counter(i.meeting_type for i in items if not i.held and not plan_item_due(i, as_of))
    summary = plan_summary(store, branch_id, year)
    lines = tuple(PlanLine(t, s.planned, s.held, pending[t]) for t, s in summary.items())
    return lines, items


def _meeting_rules(
    store: Store,
    branch_id: int,
    year: int,
    as_of: date,
    policy: Policy,
    tallies: YearTallies,
    findings: list[Finding],
) -> tuple[tuple[RuleLine, ...], tuple[GroupLine, ...]]:
    rules = {r.rule: r for r in (*policy.frequencies, *policy.yearly)}
    lines, groups = [], []
    for row in watch.calendar(store, branch_id, year, as_of, policy):
        # a quarter's or a year's state is repeated in each of its months: take the first
        states = Counter(
            row.cells[first.month - 1].state for _, first, _ in periods_of(year, row.period)
        )
        held = sum(n for (mtype, _), n in tallies.meetings.items() if mtype is row.meeting_type)
        line = RuleLine(
            rule=row.rule,
            meeting_type=row.meeting_type,
            period=row.period,
            times=rules[row.rule].times,
            held=held,
            met=states["held"],
            missed=states["missing"],
            not_due=states["not_due"],
            not_required=states["not_required"],
        )
        lines.append(line)
        if row.rule == GROUP_RULE:
            missed = Counter(f.subject for f in findings if f.rule == GROUP_RULE)
            groups = [
                GroupLine(
                    group=g,
                    held=tallies.meetings.get((row.meeting_type, g), 0),
                    judged=line.judged,
                    missed=missed[g],
                )
                for g in tallies.groups
            ]
    return tuple(lines), tuple(groups)


def _attendance(tallies: YearTallies) -> tuple[AttendanceLine, ...]:
    return tuple(
        AttendanceLine(mtype, tallies.attendance_by_type[mtype])
        for mtype in MeetingType
        if mtype in tallies.attendance_by_type
    )


def _absences(
    store: Store, branch_id: int, as_of: date, findings: list[Finding]
) -> tuple[AbsenceCase, ...]:
    from orglife_tui.data.talks import answers

    streaks = [f for f in findings if f.rule == "absence_streak"]
    talks = answers(store, branch_id) if streaks else {}
    cases = []
    for f in streaks:
        months: tuple[str, ...] = tuple(f.params["months"])  # type: ignore[arg-type]  # YYYY-MMs
        answered = tuple(
            t for t in talks.get(f.subject, ()) if t.absence_from == months[0] and t.date <= as_of
        )
        cases.append(
            AbsenceCase(
                member_no=f.subject,
                name=str(f.params["name"]),
                months=months,
                step=LadderStep(
                    int(f.params["step_months"]),  # type: ignore[call-overload]  # an int
                    f.params["action"],  # type: ignore[arg-type]  # a LadderAction
                    f.severity,
                ),
                ongoing=f.key == "compliance.finding.absence_ongoing",
                answered=answered,
            )
        )
    return tuple(cases)


def _talks(
    store: Store, branch_id: int, year: int, as_of: date, policy: Policy, tallies: YearTallies
) -> TalkSummary:
    from orglife_tui.data.talks import talk_counts

    rule = policy.talks
    required = rule.talks_per_member if rule.enabled else 0
    counts = talk_counts(store, branch_id, year, as_of)
    on = min(as_of, date(year, 12, 31))  # the members in the branch then are the ones due
    due = [
        m
        for m in tallies.roster
        if required > 0
        and talk_due(year, rule.grace_months, on, m.join_date, m.entered_on, m.left_on)
    ]
    gaps = tuple(
        TalkGap(m.member_no, m.name, counts.get(m.member_no, 0))
        for m in due
        if counts.get(m.member_no, 0) < required
    )
    by_type = {t: tallies.talks_by_type[t] for t in TalkType if t in tallies.talks_by_type}
    return TalkSummary(
        enabled=required > 0,
        required=required,
        final=as_of >= date(year, 12, 31),
        due=len(due),
        covered=len(due) - len(gaps),
        by_type=by_type,
        gaps=gaps,
    )


def _rectification(
    store: Store, branch_id: int, year: int, findings: list[Finding]
) -> tuple[RectificationLine, ...]:
    """The items listed in ``year`` and any older item overdue in it."""
    from orglife_tui.data.rectification import list_items

    overdue = {f.params["id"] for f in findings if f.rule == "rectification_overdue"}
    items = [i for i in list_items(store, branch_id) if i.year == year or i.id in overdue]
    items.sort(key=lambda i: (i.deadline, i.id))
    return tuple(RectificationLine(i, i.id in overdue) for i in items)


def _points(store: Store, branch_id: int, year: int, found, as_of: date) -> PointsSummary | None:
    from orglife_tui.data.scores import scoreboard

    if found is None:
        return None
    rows = scoreboard(store, branch_id, year, found[1])
    totals = [r.total for r in rows]
    standing = Standing(year, as_of)
    grades: Counter[Grade | None] = Counter(r.grade for r in rows if standing.closed)
    order: list[Grade | None] = [*Grade, None]
    return PointsSummary(
        scored=len(rows),
        average=round(sum(totals) / len(totals), 2) if totals else None,
        minimum=min(totals, default=None),
        maximum=max(totals, default=None),
        grades={g: grades[g] for g in order if grades[g]},
        to_date=None if standing.closed else standing,
    )


def _appraisal(store: Store, branch_id: int, year: int, found) -> AppraisalSummary | None:
    from orglife_tui.data.appraisal import year_procedure

    if found is None:  # no scheme ever activated: no session could have started
        return None
    procedure = year_procedure(store, branch_id, year, scheme=found[1])
    return None if procedure is None else AppraisalSummary(procedure)


# ---------------------------------------------------------------------------- the operation


def _appraisal_after(store: Store, branch_id: int, year: int, as_of: date) -> AppraisalAfter:
    results = notice.result_states(store, branch_id, year, as_of)
    objections = tuple(
        o
        for r in results
        for o in notice.list_objections(store, branch_id, r.session_id)
        if o.raised_on <= as_of
    )
    lines = tuple(
        FollowUpLine(f, f.status(as_of))
        for f in follow_ups.list_follow_ups(store, branch_id, year=year)
    )
    return AppraisalAfter(
        results=tuple(results),
        objections=objections,
        follow_ups=lines,
        commendations=tuple(commendations.register(store, branch_id, year, as_of)),
    )


def year_report(
    store: Store,
    branch: BranchInfo,
    year: int | None = None,
    as_of: date | None = None,
    today: date | None = None,
) -> YearReport:
    """The branch's year as of ``as_of`` (by default: 31 December past, today current).

    Refused (StoreError) for a year or as-of date ``check`` refuses, and for a year that
    holds no meeting, plan item, talk or rectification item.
    """
    from orglife_tui.data.schemes import active

    today = today or store.today()  # the store's clock: ORGLIFE_TODAY on the command line
    year, as_of = watch.check_window(year, as_of, today)
    if not tallies_data.has_records(store, branch.id, year):
        raise StoreError("report.no_records", branch=branch.name, year=year)
    found = active(store, branch.id)  # never activates one: a report changes nothing
    # Made again if anything was written meanwhile, so that the heads printed on it are
    # the state its figures come from.
    heads = current_heads(store, branch.id)
    for _ in range(3):
        report = _gather(store, branch, year, as_of, today, found, heads)
        now = current_heads(store, branch.id)
        if now == heads:
            break
        heads = now
    return report


def _gather(
    store: Store,
    branch: BranchInfo,
    year: int,
    as_of: date,
    today: date,
    found,
    heads: tuple[str, str],
) -> YearReport:
    policy = watch.policy_for(store, branch.id)
    findings = watch.check(store, branch.id, year, as_of, policy)
    tallies = tallies_data.year_tallies(store, branch.id, date(year, 1, 1), as_of)
    plan, plan_items = _plan(store, branch.id, year, as_of)
    rules, groups = _meeting_rules(store, branch.id, year, as_of, policy, tallies, findings)
    return YearReport(
        branch=branch.name,
        year=year,
        as_of=as_of,
        generated=today,
        operator=store.operator,
        scheme=SchemeRef(found[0].name, found[0].version, found[0].sha256) if found else None,
        rules_checked=_rules_checked(policy),
        plan=plan,
        plan_items=plan_items,
        rules=rules,
        groups=groups,
        attendance=_attendance(tallies),
        attendance_total=tallies.attendance,
        absences=_absences(store, branch.id, as_of, findings),
        talks=_talks(store, branch.id, year, as_of, policy, tallies),
        rectification=_rectification(store, branch.id, year, findings),
        findings=tuple(findings),
        points=_points(store, branch.id, year, found, as_of),
        appraisal=_appraisal(store, branch.id, year, found),
        ledger_head=heads[0],
        audit_head=heads[1],
        appraisal_after=_appraisal_after(store, branch.id, year, as_of),
        life=_life(store, branch.id, year, as_of),
    )


def _life(store: Store, branch_id: int, year: int, as_of: date) -> LifeSummary:
    from orglife_tui.data.commitments import year_counts
    from orglife_tui.data.life_meeting import year_summary

    counts = year_counts(store, branch_id, year)
    return LifeSummary(
        year=year_summary(store, branch_id, date(year, 1, 1), as_of),
        posts=counts["posts"],
        commitments={s: counts[s.value] for s in CommitmentStatus},
    )


__all__ = [
    "AbsenceCase",
    "AppraisalSummary",
    "AppraisalAfter",
    "FollowUpLine",
    "AttendanceLine",
    "GroupLine",
    "LifeSummary",
    "PlanLine",
    "PointsSummary",
    "RectificationLine",
    "RuleLine",
    "TalkGap",
    "TalkSummary",
    "YearReport",
    "plan_item_due",
    "year_report",
]

"""From the validated document to the plain values the rest of the program reads
(``scoring.model.Scheme`` and ``scoring.policy.Policy``): defaults filled in, nothing
checked any more.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from orglife_tui.domain import MeetingType
from orglife_tui.scoring.model import (
    AppraisalInput,
    Cutoffs,
    Derivation,
    DuesDerivation,
    Item,
    Scheme,
)
from orglife_tui.scoring.policy import (
    AbsenceRule,
    FrequencyRule,
    LadderStep,
    Policy,
    SimpleRule,
    TalkRule,
)
from orglife_tui.scoring.scheme.document import (
    AbsenceRuleTable,
    AppraisalTable,
    AttendanceDerive,
    DuesDerive,
    FrequencyRuleTable,
    ItemTable,
    PolicyTable,
    SchemeDocument,
    YearlyRuleTable,
)

T = TypeVar("T")


def build(doc: SchemeDocument) -> Scheme:
    return Scheme(
        name=doc.scheme.name,
        version=doc.scheme.version,
        base_points=doc.points.base,
        floor=doc.points.floor,
        ceiling=doc.points.ceiling,
        items=tuple(item(it) for it in doc.items),
        cutoffs={
            status: Cutoffs(c.excellent, c.qualified, c.basically_qualified)
            for status, c in doc.grades.items()
        },
        scored_statuses=frozenset(doc.statuses.scored),
        graded_statuses=frozenset(doc.statuses.graded),
        appraisal=appraisal(doc.appraisal),
        period=doc.scheme.period,
        policy=policy(doc.policy),
    )


def item(it: ItemTable) -> Item:
    return Item(
        code=it.code,
        name_zh=it.name_zh,
        name_en=it.name_en,
        category=it.category,
        points=it.points,
        unit=it.unit,
        cap=it.cap,
        derive=Derivation(tuple(it.derive.meeting_types), it.derive.attendance)
        if isinstance(it.derive, AttendanceDerive)
        else None,
        dues=DuesDerivation(it.derive.grace_months) if isinstance(it.derive, DuesDerive) else None,
    )


def appraisal(ap: AppraisalTable) -> AppraisalInput:
    defaults = AppraisalInput()
    return AppraisalInput(
        normalization=ap.normalization,
        points_weight=defaults.points_weight if ap.points_weight is None else ap.points_weight,
        voters=defaults.voters if ap.voters is None else frozenset(ap.voters),
        ballot_values=defaults.ballot_values
        if ap.ballot_values is None
        else ap.ballot_values.by_grade(),
        excellent_share_max=defaults.excellent_share_max
        if ap.excellent_share_max is None
        else ap.excellent_share_max,
        unqualified_vote_flag=defaults.unqualified_vote_flag
        if ap.unqualified_vote_flag is None
        else ap.unqualified_vote_flag,
    )


def policy(p: PolicyTable) -> Policy:
    """``[policy]``; a missing table, like any missing key in it, keeps the default."""
    defaults = Policy()
    life = defaults.organizational_life
    if p.organizational_life is not None:
        # a set in meaning: kept in the order of MeetingType, whatever the file's order
        life = tuple(m for m in MeetingType if m in p.organizational_life)
    talk, simple = p.rules.talk_coverage, p.rules.rectification_overdue
    return Policy(
        organizational_life=life,
        frequencies=tuple(frequency(r, getattr(p.rules, r.rule)) for r in defaults.frequencies),
        yearly=tuple(frequency(r, getattr(p.rules, r.rule)) for r in defaults.yearly),
        absence=absence(defaults.absence, p.rules.absence_streak),
        talks=defaults.talks
        if talk is None
        else TalkRule(
            talks_per_member=_or(talk.talks_per_member, defaults.talks.talks_per_member),
            grace_months=_or(talk.grace_months, defaults.talks.grace_months),
            enabled=_or(talk.enabled, defaults.talks.enabled),
        ),
        rectification=defaults.rectification
        if simple is None
        else SimpleRule(enabled=_or(simple.enabled, defaults.rectification.enabled)),
        publicity_days=_or(p.publicity_days, defaults.publicity_days),
        dues=absence(defaults.dues, p.rules.dues_arrears),
        follow_up=defaults.follow_up
        if p.rules.follow_up_overdue is None
        else SimpleRule(enabled=_or(p.rules.follow_up_overdue.enabled, defaults.follow_up.enabled)),
        duties={
            rule: default
            if (spec := getattr(p.rules, rule)) is None
            else SimpleRule(enabled=_or(spec.enabled, default.enabled))
            for rule, default in defaults.duties.items()
        },
    )


def _or(value: T | None, default: T) -> T:
    return default if value is None else value


def frequency(
    default: FrequencyRule, spec: FrequencyRuleTable | YearlyRuleTable | None
) -> FrequencyRule:
    if spec is None:
        return default
    period = spec.period if isinstance(spec, FrequencyRuleTable) else None
    return replace(
        default,
        enabled=_or(spec.enabled, default.enabled),
        period=_or(period, default.period),
        times=_or(spec.times, default.times),
    )


def absence(default: AbsenceRule, spec: AbsenceRuleTable | None) -> AbsenceRule:
    if spec is None:
        return default
    ladder = default.ladder
    if spec.ladder is not None:
        ladder = tuple(LadderStep(s.months, s.action, s.severity) for s in spec.ladder)
    return AbsenceRule(ladder=ladder, enabled=_or(spec.enabled, default.enabled))

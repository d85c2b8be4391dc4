"""The scheme file as pydantic models: one model per TOML table, ``extra="forbid"``, strict
types (a TOML ``true`` is no number, ``"1"`` no integer), ranges and the rules between keys.

Every failure is a pydantic error whose ``type`` is either one of pydantic's own
(``missing``, ``extra_forbidden``, ``float_type`` …) or a catalog key of ours raised as a
``PydanticCustomError`` with the message parameters as its context; ``checker`` turns
both into ``SchemeProblem``s at ``FILE:LINE:COL``.

Two things pydantic does not do alone, done here by hand:
- a rule between keys is checked as soon as the keys it reads are valid, whatever else is
  wrong (a field validator reads the fields validated before it: hence the field order of
  some models, which is not the documented key order);
- rules between tables (cut-offs within floor … ceiling, graded statuses scored …) read
  the ``Facts`` the checker gathers from the raw document first, passed as the
  validation context; lists that must hold each value once report every bad element
  and every repeat, so they are validated by functions that raise all of them at once.

Array indexes in the error locations count from 0, as pydantic does; the checker shows
them from 1.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    Field,
    PlainValidator,
    Strict,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError, PydanticKnownError

from orglife_tui.domain import (
    AttendanceStatus,
    LadderAction,
    MeetingType,
    MemberStatus,
    accepted_values,
    parse_enum,
)
from orglife_tui.scoring.model import Category, Grade, Normalization, Unit
from orglife_tui.scoring.policy import Period, Severity
from orglife_tui.scoring.scheme.errors import Label, Term, clip, num
from orglife_tui.scoring.scheme.values import (
    Facts,
    Number,
    OpenShare,
    Share,
    Table,
    choose,
    detail,
    each_once,
    facts_of,
    fail,
    meeting_type_choice,
    members_of,
    number_of,
    problem,
    relay,
    status_choice,
    text,
    whole,
)
from orglife_tui.scoring.scheme.vocabulary import (
    ACTION_ZH,
    CATEGORY_ZH,
    CODE_PATTERN,
    DUES_GRACE_MONTHS,
    DUES_SOURCES,
    GRACE_MONTHS,
    ITEM_NAME_LIMIT,
    LADDER_MONTHS,
    NAME_LIMIT,
    PERIOD_ZH,
    PERIODS,
    PUBLICITY_DAYS,
    SEVERITY_ZH,
    TALKS_PER_MEMBER,
    TIMES,
    UNIT_ZH,
    VERSION_LIMIT,
    allowed_spellings,
    parse_category,
    parse_dues_source,
    parse_unit,
    parse_zh_enum,
)

# --------------------------------------------------------------------------- [scheme] [points]


class SchemeTable(Table):
    name: text(NAME_LIMIT)  # type: ignore[valid-type]  # a type built by a function
    version: text(VERSION_LIMIT)  # type: ignore[valid-type]  # a type text() builds
    period: Annotated[
        str,
        choose(
            lambda s: {p: p for p in PERIODS}[s.strip()],
            "scheme.problem.choice",
            ", ".join(PERIODS),
        ),
    ] = "calendar_year"


class PointsTable(Table):
    # ceiling before floor before base: each rule is checked on the later key
    ceiling: Number
    floor: Number
    base: Number

    @field_validator("floor")
    @classmethod
    def _below_ceiling(cls, floor: float, info: ValidationInfo) -> float:
        ceiling = info.data.get("ceiling")
        if ceiling is not None and not floor < ceiling:
            raise problem("scheme.problem.floor_ceiling", floor=num(floor), ceiling=num(ceiling))
        return floor

    @field_validator("base")
    @classmethod
    def _within_span(cls, base: float, info: ValidationInfo) -> float:
        floor, ceiling = info.data.get("floor"), info.data.get("ceiling")
        if floor is not None and ceiling is not None and not floor <= base <= ceiling:
            raise problem(
                "scheme.problem.base_range", base=num(base), floor=num(floor), ceiling=num(ceiling)
            )
        return base


class StatusesTable(Table):
    scored: Annotated[tuple[MemberStatus, ...], each_once(status_choice(), nonempty=True)]
    graded: Annotated[tuple[MemberStatus, ...], each_once(status_choice())]

    @field_validator("graded", mode="wrap")
    @classmethod
    def _graded_are_scored(cls, value: object, handler: Any, info: ValidationInfo) -> Any:
        errors = []
        graded = None
        try:
            graded = handler(value)
        except ValidationError as exc:
            errors += relay(exc)
        scored = facts_of(info).scored
        if scored is not None and isinstance(value, list):
            seen: list[MemberStatus] = []
            for i, raw in enumerate(value):
                status = members_of([raw], status_choice())
                if not status or status[0] in seen:
                    continue
                seen.append(status[0])
                if status[0] not in scored:
                    why = problem("scheme.problem.graded_not_scored", status=Label(status[0]))
                    errors.append(detail((i,), why, raw))
        fail(errors)
        return graded


# --------------------------------------------------------------------------- [grades]


class CutoffsTable(Table):
    # the order rule is told on ``excellent``, so it comes last
    basically_qualified: Number
    qualified: Number
    excellent: Number

    @field_validator("excellent")
    @classmethod
    def _descending(cls, excellent: float, info: ValidationInfo) -> float:
        q, b = info.data.get("qualified"), info.data.get("basically_qualified")
        if q is not None and b is not None and not excellent > q > b:
            raise problem(
                "scheme.problem.cutoff_order",
                excellent=num(excellent),
                qualified=num(q),
                basically_qualified=num(b),
            )
        return excellent


def validate_grades(value: object, info: ValidationInfo) -> dict[MemberStatus, CutoffsTable]:
    """``[grades.<status>]``: cut-offs per status, within the points, for scored statuses,
    one table for each graded status."""
    if not isinstance(value, dict):
        raise PydanticKnownError("dict_type")
    facts = facts_of(info)
    out: dict[MemberStatus, CutoffsTable] = {}
    errors = []
    seen: set[MemberStatus] = set()
    for key, body in value.items():
        try:
            status = status_choice()(key)
        except PydanticCustomError as exc:
            errors.append(detail((key,), exc, key))
            continue
        if status in seen:  # "full" and "正式党员" name the same status
            twice = problem("scheme.problem.listed_twice", value=status.value)
            errors.append(detail((key,), twice, key))
            continue
        seen.add(status)
        if facts.scored is not None and status not in facts.scored:
            why = problem("scheme.problem.cutoffs_not_scored", status=Label(status))
            errors.append(detail((key,), why, key))
        try:
            out[status] = CutoffsTable.model_validate(body)
        except ValidationError as exc:
            errors += relay(exc, (key,))
        span = facts.span
        if span is not None and isinstance(body, dict):
            numbers = {k: number_of(body.get(k)) for k in ("excellent", "qualified")}
            numbers["basically_qualified"] = number_of(body.get("basically_qualified"))
            if None not in numbers.values():
                for k, v in numbers.items():
                    assert v is not None
                    if not span[0] <= v <= span[1]:
                        why = problem(
                            "scheme.problem.cutoff_range",
                            value=num(v),
                            floor=num(span[0]),
                            ceiling=num(span[1]),
                        )
                        errors.append(detail((key, k), why, v))
    for status in facts.graded or ():
        if status not in seen:
            why = problem("scheme.problem.no_cutoffs", status=Label(status), key=status.value)
            errors.append(detail((), why, value))
    fail(errors)
    return out


# --------------------------------------------------------------------------- [appraisal]


class BallotValuesTable(Table):
    # worst grade first: the order rule is told on ``excellent``
    unqualified: Share
    basically_qualified: Share
    qualified: Share
    excellent: Share

    @field_validator("excellent")
    @classmethod
    def _never_rising(cls, excellent: float, info: ValidationInfo) -> float:
        q, b, u = (info.data.get(k) for k in ("qualified", "basically_qualified", "unqualified"))
        if q is not None and b is not None and u is not None and not excellent >= q >= b >= u:
            raise problem(
                "scheme.appraisal.ballot_values_order",
                excellent=num(excellent),
                qualified=num(q),
                basically_qualified=num(b),
                unqualified=num(u),
            )
        return excellent

    def by_grade(self) -> dict[Grade, float]:
        return {g: getattr(self, g.value) for g in Grade}


class AppraisalTable(Table):
    normalization: Annotated[
        Normalization,
        choose(
            lambda s: Normalization(s.strip().lower()),
            "scheme.problem.choice",
            ", ".join(n.value for n in Normalization),
        ),
    ] = Field(Normalization.ceiling, validate_default=True)
    points_weight: Share | None = None
    voters: (
        Annotated[tuple[MemberStatus, ...], each_once(status_choice(), nonempty=True)] | None
    ) = None
    ballot_values: BallotValuesTable | None = None
    excellent_share_max: OpenShare | None = None
    unqualified_vote_flag: Share | None = None

    @field_validator("normalization")
    @classmethod
    def _ceiling_divides(cls, value: Normalization, info: ValidationInfo) -> Normalization:
        ceiling = facts_of(info).ceiling
        if value is Normalization.ceiling and ceiling is not None and ceiling <= 0:
            raise problem("scheme.problem.ceiling_not_positive", ceiling=num(ceiling))
        return value


# --------------------------------------------------------------------------- [[items]]


class AttendanceDerive(Table):
    meeting_types: Annotated[tuple[MeetingType, ...], each_once(meeting_type_choice(), True)]
    attendance: Annotated[
        AttendanceStatus,
        choose(
            lambda s: parse_enum(AttendanceStatus, s),
            "scheme.problem.unknown_attendance",
            accepted_values(AttendanceStatus),
        ),
    ]


class DuesDerive(Table):
    """``{ dues = "arrears", grace_months = N }``: booked from the dues records."""

    dues: Annotated[
        str, choose(parse_dues_source, "scheme.problem.choice", ", ".join(DUES_SOURCES))
    ]
    grace_months: whole(*DUES_GRACE_MONTHS) = 0  # type: ignore[valid-type]  # a type whole() builds


def validate_derive(value: object) -> AttendanceDerive | DuesDerive:
    model = DuesDerive if isinstance(value, dict) and "dues" in value else AttendanceDerive
    return model.model_validate(value)


def _code(value: str) -> str:
    if not CODE_PATTERN.match(value):
        raise problem("scheme.problem.bad_code", code=clip(value))
    return value


class ItemTable(Table):
    code: Annotated[str, Strict(), AfterValidator(_code)]
    name_zh: text(ITEM_NAME_LIMIT)  # type: ignore[valid-type]  # a type text() builds
    name_en: text(ITEM_NAME_LIMIT)  # type: ignore[valid-type]  # a type text() builds
    category: Annotated[
        Category,
        choose(parse_category, "scheme.problem.choice", allowed_spellings(Category, CATEGORY_ZH)),
    ]
    unit: Annotated[
        Unit, choose(parse_unit, "scheme.problem.choice", allowed_spellings(Unit, UNIT_ZH))
    ] = Unit.occurrence
    points: Number
    cap: Number | None = None
    derive: Annotated[AttendanceDerive | DuesDerive, PlainValidator(validate_derive)] | None = None

    @field_validator("points")
    @classmethod
    def _sign_fits_category(cls, points: float, info: ValidationInfo) -> float:
        category = info.data.get("category")
        if category in (Category.duty, Category.bonus) and points <= 0:
            raise problem(
                "scheme.problem.points_positive",
                category=Term(f"scheme.category.{category.value}"),
                value=num(points),
            )
        if category is Category.deduction and points >= 0:
            raise problem("scheme.problem.points_negative", value=num(points))
        if category is Category.veto and points > 0:
            raise problem("scheme.problem.points_veto", value=num(points))
        return points

    @field_validator("cap")
    @classmethod
    def _cap_not_negative(cls, cap: float | None) -> float | None:
        if cap is not None and cap < 0:
            raise problem("scheme.problem.negative_cap", value=num(cap))
        return cap

    @field_validator("derive", mode="wrap")
    @classmethod
    def _derive_fits(cls, value: object, handler: Any, info: ValidationInfo) -> Any:
        errors = []
        found = None
        try:
            found = handler(value)
        except ValidationError as exc:
            errors += relay(exc)
        if info.data.get("unit") is Unit.hour:
            errors.append(detail((), problem("scheme.problem.hour_derived"), value))
        category = info.data.get("category")
        if isinstance(found, DuesDerive) and category not in (None, Category.deduction):
            errors.append(detail((), problem("dues.scheme.problem.deduction_only"), value))
        fail(errors)
        return found


def validate_items(value: object) -> tuple[ItemTable, ...]:
    """``[[items]]``: at least one, each code used once."""
    if not isinstance(value, list):
        raise PydanticKnownError("list_type")
    if not value:
        raise problem("scheme.problem.no_items")
    out = []
    errors = []
    first_use: dict[str, int] = {}
    for i, body in enumerate(value):
        try:
            out.append(ItemTable.model_validate(body))
        except ValidationError as exc:
            errors += relay(exc, (i,))
        code = body.get("code") if isinstance(body, dict) else None
        if isinstance(code, str) and CODE_PATTERN.match(code):
            if code in first_use:
                twice = problem("scheme.problem.duplicate_code", code=code, first=first_use[code])
                errors.append(detail((i, "code"), twice, code))
            else:
                first_use[code] = i + 1
    fail(errors)
    return tuple(out)


# --------------------------------------------------------------------------- [policy]

Flag = Annotated[bool, Strict()]


class LadderStepTable(Table):
    months: whole(*LADDER_MONTHS)  # type: ignore[valid-type]  # a type whole() builds
    action: Annotated[
        LadderAction,
        choose(
            lambda s: parse_zh_enum(LadderAction, ACTION_ZH, s),
            "scheme.policy.unknown_action",
            allowed_spellings(LadderAction, ACTION_ZH),
        ),
    ]
    severity: Annotated[
        Severity,
        choose(
            lambda s: parse_zh_enum(Severity, SEVERITY_ZH, s),
            "scheme.policy.unknown_severity",
            allowed_spellings(Severity, SEVERITY_ZH),
        ),
    ]


def validate_ladder(value: object) -> tuple[LadderStepTable, ...]:
    """At least one step; months ascending."""
    if not isinstance(value, list):
        raise PydanticKnownError("list_type")
    if not value:
        raise problem("scheme.policy.ladder_empty")
    out = []
    errors = []
    highest: int | None = None  # the most months of any earlier step
    for i, body in enumerate(value):
        try:
            out.append(LadderStepTable.model_validate(body))
        except ValidationError as exc:
            errors += relay(exc, (i,))
        months = body.get("months") if isinstance(body, dict) else None
        if not isinstance(months, int) or isinstance(months, bool):
            continue
        if not LADDER_MONTHS[0] <= months <= LADDER_MONTHS[1]:
            continue
        if highest is not None and months <= highest:
            why = problem("scheme.policy.ladder_order", months=months, previous=highest)
            errors.append(detail((i, "months"), why, months))
        highest = months if highest is None else max(highest, months)
    fail(errors)
    return tuple(out)


class FrequencyRuleTable(Table):
    enabled: Flag | None = None
    period: (
        Annotated[
            Period,
            choose(
                lambda s: parse_zh_enum(Period, PERIOD_ZH, s),
                "scheme.problem.choice",
                allowed_spellings(Period, PERIOD_ZH),
            ),
        ]
        | None
    ) = None
    times: whole(*TIMES) | None = None  # type: ignore[valid-type]  # a type whole() builds


def _no_period(value: object) -> None:
    # the checker names the rule: the location holds it
    raise problem("scheme.policy.yearly_period")


class YearlyRuleTable(Table):
    enabled: Flag | None = None
    # a yearly rule has no period to set: told as such, not as an unknown key
    period: Annotated[None, PlainValidator(_no_period)] = None
    times: whole(*TIMES) | None = None  # type: ignore[valid-type]  # a type whole() builds


class AbsenceRuleTable(Table):
    enabled: Flag | None = None
    ladder: Annotated[tuple[LadderStepTable, ...], PlainValidator(validate_ladder)] | None = None


class TalkRuleTable(Table):
    enabled: Flag | None = None
    talks_per_member: whole(*TALKS_PER_MEMBER) | None = None  # type: ignore[valid-type]  # a type whole() builds
    grace_months: whole(*GRACE_MONTHS) | None = None  # type: ignore[valid-type]  # a type whole() builds


class SimpleRuleTable(Table):
    enabled: Flag | None = None


class RulesTable(Table):
    """``[policy.rules.<id>]``: only the rules the file sets; an unknown id is refused."""

    general_meeting_frequency: FrequencyRuleTable | None = None
    committee_meeting_frequency: FrequencyRuleTable | None = None
    group_meeting_frequency: FrequencyRuleTable | None = None
    party_lecture_frequency: FrequencyRuleTable | None = None
    themed_day_frequency: FrequencyRuleTable | None = None
    life_meeting_yearly: YearlyRuleTable | None = None
    appraisal_yearly: YearlyRuleTable | None = None
    absence_streak: AbsenceRuleTable | None = None
    talk_coverage: TalkRuleTable | None = None
    rectification_overdue: SimpleRuleTable | None = None
    dues_arrears: AbsenceRuleTable | None = None
    follow_up_overdue: SimpleRuleTable | None = None
    rectification_yearly: SimpleRuleTable | None = None
    leader_life_meeting: SimpleRuleTable | None = None
    leader_lecture: SimpleRuleTable | None = None
    secretary_lecture: SimpleRuleTable | None = None
    commitment_yearly: SimpleRuleTable | None = None


class PolicyTable(Table):
    organizational_life: (
        Annotated[tuple[MeetingType, ...], each_once(meeting_type_choice(), nonempty=True)] | None
    ) = None
    publicity_days: whole(*PUBLICITY_DAYS) | None = None  # type: ignore[valid-type]  # a type whole() builds
    rules: RulesTable = Field(default_factory=RulesTable)


# --------------------------------------------------------------------------- the document


class SchemeDocument(Table):
    """The whole file; ``[grades]``, ``[appraisal]`` and ``[policy]`` may be left out."""

    scheme: SchemeTable
    points: PointsTable
    statuses: StatusesTable
    grades: Annotated[dict[MemberStatus, CutoffsTable], PlainValidator(validate_grades)] = Field(
        default_factory=dict, validate_default=True
    )
    appraisal: AppraisalTable = Field(default_factory=dict, validate_default=True)
    items: Annotated[tuple[ItemTable, ...], PlainValidator(validate_items)]
    policy: PolicyTable = Field(default_factory=PolicyTable)


def facts(data: dict[str, Any]) -> Facts:
    """The values the rules between tables read, from the raw document."""
    points = data.get("points")
    statuses = data.get("statuses")
    floor = ceiling = None
    if isinstance(points, dict):
        floor, ceiling = number_of(points.get("floor")), number_of(points.get("ceiling"))
    scored = graded = None
    if isinstance(statuses, dict):
        scored = members_of(statuses.get("scored"), status_choice())
        graded = members_of(statuses.get("graded"), status_choice())
    return Facts(floor=floor, ceiling=ceiling, scored=scored, graded=graded)

"""The building blocks of the scheme's pydantic models: TOML value types (a number that is
no bool, a name without control characters, a word of a vocabulary in English or
Chinese, a list of words each given once), failures worded by catalog keys, and the
``Facts`` the rules between tables read.

A failure is a ``PydanticCustomError`` whose type is the catalog key and whose context
holds the message parameters; ``checker`` words it. A validator that finds several
problems raises them all at once as one ``ValidationError`` (``fail``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    Strict,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
)
from pydantic_core import InitErrorDetails, PydanticCustomError, PydanticKnownError

from orglife_tui.domain import (
    InputError,
    MeetingType,
    MemberStatus,
    accepted_values,
    parse_enum,
    unsafe_characters,
)
from orglife_tui.scoring.scheme.errors import clip, num, show
from orglife_tui.scoring.scheme.vocabulary import MAX_ABS

Loc = tuple[str | int, ...]
# pydantic's error types raised by hand below, and every one the checker translates
KNOWN_TYPES = (
    "missing",
    "extra_forbidden",
    "float_type",
    "int_type",
    "bool_type",
    "string_type",
    "list_type",
    "dict_type",
    "model_type",
    "finite_number",
    "greater_than_equal",
    "less_than_equal",
)


def problem(key: str, /, **params: object) -> PydanticCustomError:
    """A failure worded by the catalog entry ``key`` with ``params``."""
    return PydanticCustomError(key, key, params)


def detail(loc: Loc, error: PydanticCustomError | PydanticKnownError, value: object) -> Any:
    if isinstance(error, PydanticKnownError):
        return InitErrorDetails(type=error.type, loc=loc, input=value, ctx=error.context or {})
    return InitErrorDetails(type=error, loc=loc, input=value)


def relay(exc: ValidationError, prefix: Loc = ()) -> list[Any]:
    """The errors of a nested validation, to be raised again with others."""
    out = []
    for e in exc.errors(include_url=False):
        loc = (*prefix, *e["loc"])
        if e["type"] in KNOWN_TYPES:
            out.append(
                InitErrorDetails(type=e["type"], loc=loc, input=e["input"], ctx=e.get("ctx", {}))
            )
        else:
            out.append(detail(loc, PydanticCustomError(e["type"], e["type"], e.get("ctx")), None))
    return out


def fail(errors: list[Any]) -> None:
    """Raise every error gathered so far at once (nothing when there is none)."""
    if errors:
        raise ValidationError.from_exception_data("scheme", errors)


# --------------------------------------------------------------------------- facts


@dataclass(frozen=True)
class Facts:
    """What the rules between tables read, from the raw document: each value only when it
    is valid on its own (None otherwise), lists without their bad elements."""

    floor: float | None = None
    ceiling: float | None = None
    scored: tuple[MemberStatus, ...] | None = None
    graded: tuple[MemberStatus, ...] | None = None

    @property
    def span(self) -> tuple[float, float] | None:
        """(floor, ceiling) when both are valid and the floor lies below the ceiling."""
        if self.floor is None or self.ceiling is None or not self.floor < self.ceiling:
            return None
        return self.floor, self.ceiling


def facts_of(info: ValidationInfo) -> Facts:
    return info.context if isinstance(info.context, Facts) else Facts()


# --------------------------------------------------------------------------- values


def in_reach(value: object) -> object:
    """An integer too large for a float is refused before pydantic converts it."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_ABS:
        raise problem("scheme.problem.too_large", value=show(value), limit=MAX_ABS)
    return value


# a finite number (not a bool) within ±MAX_ABS
Number = Annotated[
    float, Strict(), Field(allow_inf_nan=False, ge=-MAX_ABS, le=MAX_ABS), BeforeValidator(in_reach)
]


def between(low: float, high: float, key: str, low_open: bool = False) -> Callable[[float], float]:
    def check(value: float) -> float:
        if not (low < value <= high if low_open else low <= value <= high):
            raise problem(key, value=num(value))
        return value

    return check


def after(check: Callable[[Any], Any]) -> AfterValidator:
    return AfterValidator(check)


Share = Annotated[Number, after(between(0, 1, "scheme.problem.weight_range"))]
OpenShare = Annotated[Number, after(between(0, 1, "scheme.appraisal.share_range", True))]


def whole(low: int, high: int) -> Any:
    def check(value: int) -> int:
        if not low <= value <= high:
            raise problem("scheme.policy.range", value=show(value), low=low, high=high)
        return value

    return Annotated[int, Strict(), after(check)]


def text(limit: int) -> Any:
    def check(value: str) -> str:
        value = value.strip()
        if not value:
            raise problem("scheme.problem.empty")
        if len(value) > limit:
            raise problem("scheme.problem.too_long", limit=limit)
        found = unsafe_characters(value)
        if found:
            # A name is drawn on screens and sheets: nothing in it may act on a terminal.
            raise problem("scheme.problem.control_chars", chars=", ".join(found))
        return value

    return Annotated[str, Strict(), after(check)]


def choice(parse: Callable[[str], Any], key: str, allowed: str) -> Callable[[object], Any]:
    """A word from a vocabulary (English or Chinese), refused with ``key`` otherwise."""

    def check(value: object) -> Any:
        if not isinstance(value, str):
            raise PydanticKnownError("string_type")
        try:
            return parse(value)
        except (InputError, ValueError, KeyError):
            raise problem(key, value=clip(value), allowed=allowed) from None

    return check


def choose(parse: Callable[[str], Any], key: str, allowed: str) -> PlainValidator:
    return PlainValidator(choice(parse, key, allowed))


def status_choice() -> Callable[[object], Any]:
    return choice(
        lambda s: parse_enum(MemberStatus, s),
        "scheme.problem.unknown_status",
        accepted_values(MemberStatus),
    )


def meeting_type_choice() -> Callable[[object], Any]:
    return choice(
        lambda s: parse_enum(MeetingType, s),
        "scheme.problem.unknown_meeting_type",
        accepted_values(MeetingType),
    )


def members_of(value: object, element: Callable[[object], Any]) -> tuple[Any, ...] | None:
    """The valid elements of a raw list, each once; None when it is no list."""
    if not isinstance(value, list):
        return None
    out: list[Any] = []
    for raw in value:
        try:
            member = element(raw)
        except (PydanticCustomError, PydanticKnownError):
            continue
        if member not in out:
            out.append(member)
    return tuple(out)


def each_once(element: Callable[[object], Any], nonempty: bool = False) -> PlainValidator:
    """A list of vocabulary words: every bad element and every repeat reported."""

    def check(value: object) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise PydanticKnownError("list_type")
        if nonempty and not value:
            raise problem("scheme.problem.empty")
        out: list[Any] = []
        errors = []
        for i, raw in enumerate(value):
            try:
                member = element(raw)
            except (PydanticCustomError, PydanticKnownError) as exc:
                errors.append(detail((i,), exc, raw))
                continue
            if member in out:
                twice = problem("scheme.problem.listed_twice", value=member.value)
                errors.append(detail((i,), twice, raw))
            else:
                out.append(member)
        fail(errors)
        return tuple(out)

    return PlainValidator(check)


class Table(BaseModel):
    """A TOML table: only its own keys, values of exactly the right TOML type."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


_NUMBER: TypeAdapter[float] = TypeAdapter(Number)


def number_of(value: object) -> float | None:
    """A raw value as a valid ``Number``, or None."""
    try:
        return float(_NUMBER.validate_python(value))
    except ValidationError:
        return None

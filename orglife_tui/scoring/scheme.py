"""The scoring scheme file: TOML text in, a checked ``Scheme`` out, or every problem at once.

Pure: no I/O beyond reading the packaged default, no SQL, no UI. ``parse_scheme`` refuses
any doubt (unknown keys, wrong types, inconsistent numbers) with a ``SchemeError`` whose
``problems`` print as ``FILE:LINE:COLUMN: path: message`` — or ``FILE: path: message``
where the position is not known. TOML syntax errors take their position from the TOML
reader; problems with a value take the position of its key from a scan of the text.

The layout is documented key by key in docs/scheme.md; ``default_scheme.toml`` beside
this module is the bundled default and the worked example.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import re
import sys
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from enum import Enum
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

from orglife_tui.domain import (
    AttendanceStatus,
    InputError,
    MeetingType,
    MemberStatus,
    accepted_values,
    label,
    parse_enum,
    unsafe_characters,
)
from orglife_tui.locale import t
from orglife_tui.scoring.model import (
    AppraisalInput,
    Category,
    Cutoffs,
    Derivation,
    DuesDerivation,
    Grade,
    Item,
    Normalization,
    Scheme,
    Unit,
)
from orglife_tui.scoring.policy import (
    FREQUENCY_RULES,
    RULE_IDS,
    YEARLY_RULES,
    AbsenceRule,
    FrequencyRule,
    LadderAction,
    LadderStep,
    Period,
    Policy,
    Severity,
    SimpleRule,
    TalkRule,
)

DEFAULT_SCHEME_RESOURCE = "default_scheme.toml"

# The keys each table allows, in the order the documentation lists them.
TOP_KEYS = ("scheme", "points", "statuses", "grades", "appraisal", "items", "policy")
SCHEME_KEYS = ("name", "version", "period")
POINTS_KEYS = ("base", "floor", "ceiling")
STATUSES_KEYS = ("scored", "graded")
CUTOFF_KEYS = ("excellent", "qualified", "basically_qualified")
APPRAISAL_KEYS = (
    "normalization",
    "points_weight",
    "voters",
    "ballot_values",
    "excellent_share_max",
    "unqualified_vote_flag",
)
# [appraisal] ballot_values: what a vote for each grade is worth, best grade first
BALLOT_VALUE_KEYS = ("excellent", "qualified", "basically_qualified", "unqualified")
ITEM_KEYS = ("code", "name_zh", "name_en", "category", "points", "unit", "cap", "derive")
DERIVE_KEYS = ("meeting_types", "attendance")
# derive = { dues = "arrears", grace_months = N }: an item booked from the dues records
DUES_DERIVE_KEYS = ("dues", "grace_months")
# [policy]: every key optional; what is left out keeps its default from scoring/policy.py.
POLICY_KEYS = ("organizational_life", "publicity_days", "rules")
FREQUENCY_RULE_KEYS = ("enabled", "period", "times")
YEARLY_RULE_KEYS = ("enabled", "times")
ABSENCE_RULE_KEYS = ("enabled", "ladder")
LADDER_KEYS = ("months", "action", "severity")
TALK_RULE_KEYS = ("enabled", "talks_per_member", "grace_months")
SIMPLE_RULE_KEYS = ("enabled",)
# [policy.rules.<id>]: the keys each rule allows, in the order of RULE_IDS
RULE_KEYS: dict[str, tuple[str, ...]] = {
    **{rule: FREQUENCY_RULE_KEYS for rule in FREQUENCY_RULES},
    **{rule: YEARLY_RULE_KEYS for rule in YEARLY_RULES},
    "absence_streak": ABSENCE_RULE_KEYS,
    "talk_coverage": TALK_RULE_KEYS,
    "rectification_overdue": SIMPLE_RULE_KEYS,
    "dues_arrears": ABSENCE_RULE_KEYS,
}
assert tuple(RULE_KEYS) == RULE_IDS
# inclusive bounds of the whole numbers in [policy]
PUBLICITY_DAYS = (1, 90)
TIMES = (1, 31)
LADDER_MONTHS = (1, 24)
TALKS_PER_MEMBER = (0, 12)
GRACE_MONTHS = (0, 11)
DUES_GRACE_MONTHS = (0, 11)
# the spellings of ``derive.dues`` (one kind of dues derivation so far)
DUES_SOURCES = ("arrears", "欠缴", "欠交")

PERIODS = ("calendar_year",)
CODE_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,49}$")
MAX_ABS = 1_000_000  # no points quantity in a real scheme comes near this
NAME_LIMIT = 200  # scheme_version.name
VERSION_LIMIT = 50  # scheme_version.version
ITEM_NAME_LIMIT = 100

# Chinese spellings accepted for the item vocabulary (statuses, meeting types and
# attendance go through ``domain.parse_enum``).
CATEGORY_ZH = {
    "基本职责": Category.duty,
    "职责": Category.duty,
    "加分": Category.bonus,
    "扣分": Category.deduction,
    "一票否决": Category.veto,
    "否决": Category.veto,
}
UNIT_ZH = {"次": Unit.occurrence, "每次": Unit.occurrence, "小时": Unit.hour, "每小时": Unit.hour}
# … and for the policy vocabulary (the first spelling of each is the one messages show)
PERIOD_ZH = {
    "月": Period.month,
    "每月": Period.month,
    "季度": Period.quarter,
    "每季度": Period.quarter,
    "年": Period.year,
    "每年": Period.year,
    "年度": Period.year,
}
ACTION_ZH = {
    "谈话提醒": LadderAction.reminder_talk,
    "警示告诫": LadderAction.warning_notice,
    "提交支部党员大会处置": LadderAction.general_meeting_case,
}
SEVERITY_ZH = {"提醒": Severity.warning, "违规": Severity.violation}


# --------------------------------------------------------------------------- problems


class _Lazy:
    """A message parameter put into words only when the message is shown, so that a
    problem prints in the language chosen at that moment."""

    def render(self) -> str:
        raise NotImplementedError


@dataclass(frozen=True)
class _Term(_Lazy):
    """A catalog key as a message parameter (``a number`` / ``数字``)."""

    key: str

    def render(self) -> str:
        return t(self.key)


@dataclass(frozen=True)
class _Label(_Lazy):
    """A status, meeting type … as the user reads it (``probationary`` / ``预备党员``)."""

    value: Enum

    def render(self) -> str:
        from orglife_tui.locale import get_language

        return label(self.value, get_language())


@dataclass(frozen=True)
class SchemeProblem:
    """One reason a scheme is refused; the text is built from the catalog when printed."""

    file: str
    key: str
    params: Mapping[str, object] = field(default_factory=dict)
    path: str | None = None  # ``items[3].cap``; None for the file as a whole
    line: int | None = None
    column: int | None = None

    def message(self) -> str:
        params = {k: v.render() if isinstance(v, _Lazy) else v for k, v in self.params.items()}
        text = t(self.key, **params)
        return t("scheme.at_path", path=self.path, message=text) if self.path else text

    def line_text(self) -> str:
        """``FILE:LINE:COLUMN: path: message``, or ``FILE: path: message`` without a position."""
        where = self.file if self.line is None else f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.message()}"

    def __str__(self) -> str:
        return self.line_text()


class SchemeError(ValueError):
    """The scheme is refused; ``problems`` holds every reason, in the order of the file."""

    def __init__(self, problems: Sequence[SchemeProblem]) -> None:
        self.problems = sorted(
            problems, key=lambda p: (p.line is not None, p.line or 0, p.column or 0)
        )
        super().__init__(f"{len(self.problems)} problem(s) in the scheme")

    def lines(self) -> list[str]:
        return [p.line_text() for p in self.problems]

    def __str__(self) -> str:
        return "\n".join(self.lines())


# --------------------------------------------------------------------------- public API


def scheme_hash(text: str) -> str:
    """The SHA-256 (hex) of the scheme text as UTF-8: what versions and exports cite."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def default_scheme_text() -> str:
    """The bundled default scheme (``default_scheme.toml``), as shipped in the package."""
    from importlib.resources import files

    return files("orglife_tui.scoring").joinpath(DEFAULT_SCHEME_RESOURCE).read_text("utf-8")


def default_scheme() -> Scheme:
    return parse_scheme(default_scheme_text(), DEFAULT_SCHEME_RESOURCE)


def parse_scheme(text: str, file: str = "<scheme>") -> Scheme:
    """Read and check a scheme; raise ``SchemeError`` listing every problem found."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise SchemeError([SchemeProblem(file, "scheme.problem.not_utf8")]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SchemeError([_syntax_problem(file, text, exc)]) from None
    except RecursionError:
        raise SchemeError([SchemeProblem(file, "scheme.problem.too_deep")]) from None
    except ValueError as exc:  # e.g. an integer longer than Python converts
        detail = str(exc).split(":")[0]
        raise SchemeError(
            [SchemeProblem(file, "scheme.problem.syntax", {"detail": detail})]
        ) from None
    checker = _Checker(file, text)
    scheme = checker.check(data)
    if checker.problems or scheme is None:
        raise SchemeError(checker.located())
    return scheme


# --------------------------------------------------------------------------- syntax errors

_AT = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)\s*$")
_TOML_PATTERNS_ZH: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^Cannot declare (.+) twice$"), "重复声明 {0}"),
    (re.compile(r"^Cannot mutate immutable namespace (.+)$"), "不能修改已定义的 {0}"),
    (re.compile(r"^Cannot redefine namespace (.+)$"), "不能重新定义 {0}"),
    (re.compile(r"^Duplicate inline table key (.+)$"), "内联表中的键 {0} 重复"),
    (re.compile(r"^Illegal character (.+)$"), "非法字符 {0}"),
    (re.compile(r"^Found invalid character (.+)$"), "无效字符 {0}"),
    (re.compile(r"^Expected (.+)$"), "此处应为 {0}"),
)


@dataclass(frozen=True)
class _TomlDetail(_Lazy):
    """tomllib's message, in Chinese when the catalog knows it (English otherwise)."""

    text: str

    def render(self) -> str:
        from orglife_tui.locale import get_language

        if get_language() != "zh":
            return self.text
        from orglife_tui.locale.scheme import TOML_MESSAGES_ZH

        if self.text in TOML_MESSAGES_ZH:
            return TOML_MESSAGES_ZH[self.text]
        for pattern, zh in _TOML_PATTERNS_ZH:
            m = pattern.match(self.text)
            if m:
                return zh.format(*m.groups())
        return self.text


def _syntax_problem(file: str, text: str, exc: Exception) -> SchemeProblem:
    message = str(getattr(exc, "msg", None) or exc)
    line = getattr(exc, "lineno", None)  # Python 3.14+ and recent tomli carry the position
    column = getattr(exc, "colno", None)
    m = _AT.search(message)
    if m:
        message = message[: m.start()]
        if line is None:
            if m.group(1):
                line, column = int(m.group(1)), int(m.group(2))
            else:  # "at end of document"
                lines = text.split("\n")
                line, column = len(lines), len(lines[-1]) + 1
    return SchemeProblem(
        file, "scheme.problem.syntax", {"detail": _TomlDetail(message)}, None, line, column
    )


# --------------------------------------------------------------------------- key positions

Path = tuple[object, ...]  # keys (str) and 1-based array indexes (int)
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_SCALAR = re.compile(r"[^,\]}\n#]*")  # numbers, booleans, dates: up to the next delimiter


def render_path(path: Path) -> str:
    """``("items", 3, "cap")`` → ``items[3].cap``; keys that are not bare are quoted."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            text = part if _BARE_KEY.fullmatch(str(part)) else json.dumps(part, ensure_ascii=False)
            out += f".{text}" if out else text
    return out


class _PositionScanner:
    """Where each key path begins in the TOML text: ``{"items[3].cap": (line, column)}``.

    Run only on text tomllib accepted, so it can trust the syntax; it follows tables,
    arrays of tables, dotted keys, inline tables and arrays (elements get ``[n]``, from 1,
    like ``[[items]]`` tables). Best effort: any surprise ends the scan with what it found.
    """

    def __init__(self, text: str) -> None:
        self.src = text
        self.pos = 0
        self.found: dict[str, tuple[int, int]] = {}
        self.aot: dict[str, int] = {}  # array-of-tables path -> how many so far
        self.starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]

    def scan(self) -> dict[str, tuple[int, int]]:
        # A hint only: a surprise in the scan must never hide the real problem.
        with contextlib.suppress(Exception):
            self._document()
        return self.found

    # -- helpers
    def _coord(self, pos: int) -> tuple[int, int]:
        line = bisect_right(self.starts, pos)
        return line, pos - self.starts[line - 1] + 1

    def _mark(self, path: Path, pos: int, overwrite: bool = True) -> None:
        key = render_path(path)
        if overwrite or key not in self.found:
            self.found[key] = self._coord(pos)

    def _peek(self, n: int = 1) -> str:
        return self.src[self.pos : self.pos + n]

    def _skip_ws(self, newlines: bool = False) -> None:
        src = self.src
        while self.pos < len(src):
            c = src[self.pos]
            if c in " \t" or (newlines and c in "\r\n"):
                self.pos += 1
            elif c == "#" and newlines:
                while self.pos < len(src) and src[self.pos] != "\n":
                    self.pos += 1
            else:
                break

    def _skip_line(self) -> None:
        end = self.src.find("\n", self.pos)
        self.pos = len(self.src) if end < 0 else end + 1

    # -- grammar
    def _document(self) -> None:
        table: Path = ()
        while True:
            self._skip_ws(newlines=True)
            if self.pos >= len(self.src):
                return
            start = self.pos
            if self._peek(2) == "[[":
                self.pos += 2
                parts = self._key()
                self.pos += 2  # ]]
                table = self._resolve(parts, start, array=True)
            elif self._peek() == "[":
                self.pos += 1
                parts = self._key()
                self.pos += 1  # ]
                table = self._resolve(parts, start, array=False)
            else:
                self._pair(table)
            self._skip_ws()
            if self._peek() == "#":
                self._skip_line()

    def _resolve(self, parts: list[tuple[str, int]], start: int, array: bool) -> Path:
        path: list[object] = []
        for i, (name, _) in enumerate(parts):
            path.append(name)
            rendered = render_path(tuple(path))
            last = i == len(parts) - 1
            if last and array:
                self.aot[rendered] = self.aot.get(rendered, 0) + 1
                path.append(self.aot[rendered])
            elif rendered in self.aot:
                path.append(self.aot[rendered])
            if not last:
                self._mark(tuple(path), start, overwrite=False)
        self._mark(tuple(path), start)
        return tuple(path)

    def _key(self) -> list[tuple[str, int]]:
        parts: list[tuple[str, int]] = []
        while True:
            self._skip_ws()
            start = self.pos
            c = self._peek()
            if c == '"':
                raw = self._basic_string()
                try:
                    name = json.loads(raw)
                except ValueError:
                    name = raw[1:-1]
            elif c == "'":
                end = self.src.index("'", self.pos + 1)
                name = self.src[self.pos + 1 : end]
                self.pos = end + 1
            else:
                m = _BARE_KEY.match(self.src, self.pos)
                if not m:
                    raise ValueError("no key")
                name = m.group()
                self.pos = m.end()
            parts.append((name, start))
            self._skip_ws()
            if self._peek() != ".":
                return parts
            self.pos += 1

    def _pair(self, table: Path) -> None:
        parts = self._key()
        path = list(table)
        for i, (name, start) in enumerate(parts):
            path.append(name)
            self._mark(tuple(path), start, overwrite=i == len(parts) - 1)
        self._skip_ws()
        self.pos += 1  # =
        self._skip_ws()
        self._value(tuple(path))

    def _value(self, path: Path) -> None:
        src = self.src
        if src.startswith('"""', self.pos) or src.startswith("'''", self.pos):
            quote = src[self.pos]
            self.pos += 3
            while True:
                if quote == '"' and src[self.pos] == "\\":
                    self.pos += 2
                    continue
                if src.startswith(quote * 3, self.pos):
                    self.pos += 3
                    while self._peek() == quote:  # up to two quotes may close the content
                        self.pos += 1
                    return
                self.pos += 1
        c = self._peek()
        if c == '"':
            self._basic_string()
        elif c == "'":
            self.pos = src.index("'", self.pos + 1) + 1
        elif c == "[":
            self.pos += 1
            index = 1
            while True:
                self._skip_ws(newlines=True)
                if self._peek() == "]":
                    self.pos += 1
                    return
                self._mark((*path, index), self.pos)
                self._value((*path, index))
                self._skip_ws(newlines=True)
                if self._peek() == ",":
                    self.pos += 1
                    index += 1
        elif c == "{":
            self.pos += 1
            while True:
                self._skip_ws()
                if self._peek() == "}":
                    self.pos += 1
                    return
                self._pair(path)
                self._skip_ws()
                if self._peek() == ",":
                    self.pos += 1
        else:
            m = _SCALAR.match(src, self.pos)
            assert m is not None
            self.pos = m.end()

    def _basic_string(self) -> str:
        start = self.pos
        self.pos += 1
        src = self.src
        while src[self.pos] != '"':
            self.pos += 2 if src[self.pos] == "\\" else 1
        self.pos += 1
        return src[start : self.pos]


def key_positions(text: str) -> dict[str, tuple[int, int]]:
    """Line and column (both from 1) where each key path of a valid TOML text begins."""
    return _PositionScanner(text).scan()


# --------------------------------------------------------------------------- checking


def _show(value: object) -> str:
    """A value as it appears in a message, short and safe for any size."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value) if abs(value) < 10**15 else ("-" if value < 0 else "") + "1e15+"
    if isinstance(value, float):
        return _num(value)
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:39] + "…"
        return json.dumps(text, ensure_ascii=False)
    return type(value).__name__


def _clip(text: str) -> str:
    """Text from the file for a message that quotes it: no longer than 40 characters."""
    return text if len(text) <= 40 else text[:39] + "…"


def _num(value: float) -> str:
    """80.0 → ``80``; 0.5 → ``0.5``."""
    if math.isfinite(value) and value == int(value) and abs(value) < 10**15:
        return str(int(value))
    return repr(value)


def _toml_type(value: object) -> _Term:
    if isinstance(value, bool):
        return _Term("scheme.type.bool")
    if isinstance(value, (int, float)):
        return _Term("scheme.type.number")
    if isinstance(value, str):
        return _Term("scheme.type.text")
    if isinstance(value, list):
        return _Term("scheme.type.list")
    if isinstance(value, dict):
        return _Term("scheme.type.table")
    if isinstance(value, (date, datetime, time)):
        return _Term("scheme.type.datetime")
    return _Term("scheme.type.text")  # pragma: no cover - tomllib yields nothing else


_MISSING = object()


class _Checker:
    """Walks the parsed TOML once, collecting every problem and building the Scheme."""

    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.source = text
        self.problems: list[tuple[Path, str, dict[str, object]]] = []

    # -- reporting
    def problem(self, path: Path, message: str, /, **params: object) -> None:
        self.problems.append((path, message, params))

    def located(self) -> list[SchemeProblem]:
        positions = key_positions(self.source)
        out: list[SchemeProblem] = []
        for path, key, params in self.problems:
            where = None
            for n in range(len(path), 0, -1):
                where = positions.get(render_path(path[:n]))
                if where:
                    break
            line, column = where if where else (None, None)
            out.append(
                SchemeProblem(
                    self.file, key, params, render_path(path) if path else None, line, column
                )
            )
        return out

    # -- structure
    def table(
        self, value: object, path: Path, allowed: Sequence[str], required: Sequence[str] = ()
    ) -> dict[str, Any] | None:
        """A table with only ``allowed`` keys and every ``required`` one."""
        if not isinstance(value, dict):
            self.problem(
                path,
                "scheme.problem.type",
                expected=_Term("scheme.type.table"),
                found=_toml_type(value),
            )
            return None
        for key in value:
            if key not in allowed:
                self.problem(
                    (*path, key),
                    "scheme.problem.unknown_key",
                    key=_clip(key),
                    allowed=", ".join(allowed),
                )
        for key in required:
            if key not in value:
                self.problem(path, "scheme.problem.missing_key", key=key)
        return value

    def sub_table(
        self,
        parent: dict[str, Any],
        key: str,
        allowed: Sequence[str],
        required: Sequence[str] = (),
    ) -> dict[str, Any] | None:
        """A top-level table if present (a missing one is reported by ``check``)."""
        if key not in parent:
            return None
        return self.table(parent[key], (key,), allowed, required)

    # -- scalars
    def number(self, parent: dict[str, Any] | None, key: str, path: Path) -> float | None:
        """A finite number (not a bool) within ±MAX_ABS, as a float; None when absent/bad."""
        if parent is None or key not in parent:
            return None
        return self.number_value(parent[key], (*path, key))

    def number_value(self, value: object, path: Path) -> float | None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(
                path,
                "scheme.problem.type",
                expected=_Term("scheme.type.number"),
                found=_toml_type(value),
            )
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.problem(path, "scheme.problem.not_finite", value=_show(value))
            return None
        if abs(value) > MAX_ABS:
            self.problem(path, "scheme.problem.too_large", value=_show(value), limit=MAX_ABS)
            return None
        return float(value)

    def text(self, parent: dict[str, Any] | None, key: str, path: Path, limit: int) -> str | None:
        if parent is None or key not in parent:
            return None
        value = parent[key]
        here = (*path, key)
        if not isinstance(value, str):
            self.problem(
                here,
                "scheme.problem.type",
                expected=_Term("scheme.type.text"),
                found=_toml_type(value),
            )
            return None
        value = value.strip()
        if not value:
            self.problem(here, "scheme.problem.empty")
            return None
        if len(value) > limit:
            self.problem(here, "scheme.problem.too_long", limit=limit)
            return None
        found = unsafe_characters(value)
        if found:
            # A name is drawn on screens and sheets: nothing in it may act on a terminal.
            self.problem(here, "scheme.problem.control_chars", chars=", ".join(found))
            return None
        return value

    def choice(
        self,
        value: object,
        path: Path,
        parse: Callable[[str], Any],
        problem_key: str,
        allowed: str,
    ) -> Any:
        if not isinstance(value, str):
            self.problem(
                path,
                "scheme.problem.type",
                expected=_Term("scheme.type.text"),
                found=_toml_type(value),
            )
            return None
        try:
            return parse(value)
        except (InputError, ValueError, KeyError):
            self.problem(path, problem_key, value=_clip(value), allowed=allowed)
            return None

    def enum_list(
        self,
        parent: dict[str, Any] | None,
        key: str,
        path: Path,
        kind: type[Enum],
        problem_key: str,
    ) -> list[Any] | None:
        """A list of enum values, each given once; None when absent or wholly bad."""
        if parent is None or key not in parent:
            return None
        value = parent[key]
        here = (*path, key)
        if not isinstance(value, list):
            self.problem(
                here,
                "scheme.problem.type",
                expected=_Term("scheme.type.list"),
                found=_toml_type(value),
            )
            return None
        out: list[Any] = []
        for i, element in enumerate(value, start=1):
            member = self.choice(
                element,
                (*here, i),
                lambda s: parse_enum(kind, s),
                problem_key,
                accepted_values(kind),
            )
            if member is None:
                continue
            if member in out:
                self.problem((*here, i), "scheme.problem.listed_twice", value=member.value)
            else:
                out.append(member)
        return out

    # -- the scheme
    def check(self, data: dict[str, Any]) -> Scheme | None:
        root = self.table(data, (), TOP_KEYS)
        assert root is not None  # tomllib always returns a table
        for key in ("scheme", "points", "statuses", "items"):
            if key not in root:
                header = "[[items]]" if key == "items" else f"[{key}]"
                self.problem((), "scheme.problem.missing_table", key=header)

        meta = self.sub_table(root, "scheme", SCHEME_KEYS, ("name", "version"))
        name = self.text(meta, "name", ("scheme",), NAME_LIMIT)
        version = self.text(meta, "version", ("scheme",), VERSION_LIMIT)
        period = "calendar_year"
        if meta is not None and "period" in meta:
            period = self.choice(
                meta["period"],
                ("scheme", "period"),
                lambda s: {p: p for p in PERIODS}[s.strip()],
                "scheme.problem.choice",
                ", ".join(PERIODS),
            )

        pts = self.sub_table(root, "points", POINTS_KEYS, POINTS_KEYS)
        base = self.number(pts, "base", ("points",))
        floor = self.number(pts, "floor", ("points",))
        ceiling = self.number(pts, "ceiling", ("points",))
        span_ok = floor is not None and ceiling is not None and floor < ceiling
        if floor is not None and ceiling is not None and not span_ok:
            self.problem(
                ("points", "floor"),
                "scheme.problem.floor_ceiling",
                floor=_num(floor),
                ceiling=_num(ceiling),
            )
        if span_ok and base is not None and not floor <= base <= ceiling:
            self.problem(
                ("points", "base"),
                "scheme.problem.base_range",
                base=_num(base),
                floor=_num(floor),
                ceiling=_num(ceiling),
            )

        statuses = self.sub_table(root, "statuses", STATUSES_KEYS, STATUSES_KEYS)
        scored = self.enum_list(
            statuses, "scored", ("statuses",), MemberStatus, "scheme.problem.unknown_status"
        )
        graded = self.enum_list(
            statuses, "graded", ("statuses",), MemberStatus, "scheme.problem.unknown_status"
        )
        if isinstance(statuses, dict) and statuses.get("scored") == []:
            self.problem(("statuses", "scored"), "scheme.problem.empty")
        if scored is not None and graded is not None:
            for i, status in enumerate(graded, start=1):
                if status not in scored:
                    self.problem(
                        ("statuses", "graded", i),
                        "scheme.problem.graded_not_scored",
                        status=_Label(status),
                    )

        cutoffs = self.grades(
            root, scored, graded, floor if span_ok else None, ceiling if span_ok else None
        )
        appraisal = self.appraisal(root, ceiling)
        items = self.items(root)

        policy = self.policy(root)

        if self.problems:
            return None
        assert name and version and period and items is not None
        assert base is not None and floor is not None and ceiling is not None
        assert scored is not None and graded is not None and appraisal is not None
        assert policy is not None
        return Scheme(
            name=name,
            version=version,
            base_points=base,
            floor=floor,
            ceiling=ceiling,
            items=tuple(items),
            cutoffs=cutoffs,
            scored_statuses=frozenset(scored),
            graded_statuses=frozenset(graded),
            appraisal=appraisal,
            period=period,
            policy=policy,
        )

    def grades(
        self,
        root: dict[str, Any],
        scored: list[MemberStatus] | None,
        graded: list[MemberStatus] | None,
        floor: float | None,
        ceiling: float | None,
    ) -> dict[MemberStatus, Cutoffs]:
        out: dict[MemberStatus, Cutoffs] = {}
        grades = root.get("grades", _MISSING)
        if grades is _MISSING:
            grades = {}
        elif not isinstance(grades, dict):
            self.problem(
                ("grades",),
                "scheme.problem.type",
                expected=_Term("scheme.type.table"),
                found=_toml_type(grades),
            )
            return out
        seen: set[MemberStatus] = set()
        for key, value in grades.items():
            here = ("grades", key)
            try:
                status = parse_enum(MemberStatus, key)
            except InputError:
                self.problem(
                    here,
                    "scheme.problem.unknown_status",
                    value=_clip(key),
                    allowed=accepted_values(MemberStatus),
                )
                continue
            if status in seen:  # "full" and "正式党员" name the same status
                self.problem(here, "scheme.problem.listed_twice", value=status.value)
                continue
            seen.add(status)
            if scored is not None and status not in scored:
                self.problem(here, "scheme.problem.cutoffs_not_scored", status=_Label(status))
            tbl = self.table(value, here, CUTOFF_KEYS, CUTOFF_KEYS)
            if tbl is None:
                continue
            nums = {k: self.number(tbl, k, here) for k in CUTOFF_KEYS}
            e, q, b = (nums[k] for k in CUTOFF_KEYS)
            if e is None or q is None or b is None:
                continue
            if not e > q > b:
                self.problem(
                    (*here, "excellent"),
                    "scheme.problem.cutoff_order",
                    excellent=_num(e),
                    qualified=_num(q),
                    basically_qualified=_num(b),
                )
            if floor is not None and ceiling is not None:
                for k in CUTOFF_KEYS:
                    v = nums[k]
                    assert v is not None
                    if not floor <= v <= ceiling:
                        self.problem(
                            (*here, k),
                            "scheme.problem.cutoff_range",
                            value=_num(v),
                            floor=_num(floor),
                            ceiling=_num(ceiling),
                        )
            out[status] = Cutoffs(e, q, b)
        for status in graded or ():
            if status not in seen:
                self.problem(
                    ("grades",),
                    "scheme.problem.no_cutoffs",
                    status=_Label(status),
                    key=status.value,
                )
        return out

    def appraisal(self, root: dict[str, Any], ceiling: float | None) -> AppraisalInput | None:
        defaults = AppraisalInput()
        tbl = self.sub_table(root, "appraisal", APPRAISAL_KEYS) if "appraisal" in root else {}
        if tbl is None:
            return None
        normalization: Normalization | None = defaults.normalization
        if "normalization" in tbl:
            normalization = self.choice(
                tbl["normalization"],
                ("appraisal", "normalization"),
                lambda s: Normalization(s.strip().lower()),
                "scheme.problem.choice",
                ", ".join(n.value for n in Normalization),
            )
        weight: float | None = defaults.points_weight
        if "points_weight" in tbl:
            weight = self.number(tbl, "points_weight", ("appraisal",))
            if weight is not None and not 0 <= weight <= 1:
                self.problem(
                    ("appraisal", "points_weight"),
                    "scheme.problem.weight_range",
                    value=_num(weight),
                )
                weight = None
        if normalization is Normalization.ceiling and ceiling is not None and ceiling <= 0:
            self.problem(
                ("appraisal", "normalization"),
                "scheme.problem.ceiling_not_positive",
                ceiling=_num(ceiling),
            )
        voters: frozenset[MemberStatus] | None = defaults.voters
        if "voters" in tbl:
            listed = self.enum_list(
                tbl, "voters", ("appraisal",), MemberStatus, "scheme.problem.unknown_status"
            )
            if tbl["voters"] == []:
                self.problem(("appraisal", "voters"), "scheme.problem.empty")
            voters = frozenset(listed) if listed else None
        values: dict[Grade, float] | None = defaults.ballot_values
        if "ballot_values" in tbl:
            values = self.ballot_values(tbl["ballot_values"], ("appraisal", "ballot_values"))
        shares: dict[str, float | None] = {}
        for key, default, low_open in (
            ("excellent_share_max", defaults.excellent_share_max, True),
            ("unqualified_vote_flag", defaults.unqualified_vote_flag, False),
        ):
            shares[key] = default
            if key in tbl:
                value = self.number(tbl, key, ("appraisal",))
                if value is not None and not (0 < value <= 1 if low_open else 0 <= value <= 1):
                    self.problem(
                        ("appraisal", key),
                        "scheme.appraisal.share_range"
                        if low_open
                        else "scheme.problem.weight_range",
                        value=_num(value),
                    )
                    value = None
                shares[key] = value
        share_max, flag = shares["excellent_share_max"], shares["unqualified_vote_flag"]
        if None in (normalization, weight, voters, values, share_max, flag):
            return None
        assert normalization is not None and weight is not None and voters is not None
        assert values is not None and share_max is not None and flag is not None
        return AppraisalInput(
            normalization=normalization,
            points_weight=weight,
            voters=voters,
            ballot_values=values,
            excellent_share_max=share_max,
            unqualified_vote_flag=flag,
        )

    def ballot_values(self, value: object, path: Path) -> dict[Grade, float] | None:
        """One value 0–1 per grade, never rising from a better grade to a worse one."""
        tbl = self.table(value, path, BALLOT_VALUE_KEYS, BALLOT_VALUE_KEYS)
        if tbl is None:
            return None
        before = len(self.problems)
        out: dict[Grade, float] = {}
        for key in BALLOT_VALUE_KEYS:
            v = self.number(tbl, key, path)
            if v is None:
                continue
            if not 0 <= v <= 1:
                self.problem((*path, key), "scheme.problem.weight_range", value=_num(v))
                continue
            out[Grade(key)] = v
        if len(self.problems) > before or len(out) < len(BALLOT_VALUE_KEYS):
            return None
        e, q, b, u = (out[Grade(k)] for k in BALLOT_VALUE_KEYS)
        if not e >= q >= b >= u:
            self.problem(
                (*path, "excellent"),
                "scheme.appraisal.ballot_values_order",
                excellent=_num(e),
                qualified=_num(q),
                basically_qualified=_num(b),
                unqualified=_num(u),
            )
            return None
        return out

    def items(self, root: dict[str, Any]) -> list[Item] | None:
        if "items" not in root:
            return None
        value = root["items"]
        if not isinstance(value, list):
            self.problem(
                ("items",),
                "scheme.problem.type",
                expected=_Term("scheme.type.items"),
                found=_toml_type(value),
            )
            return None
        if not value:
            self.problem(("items",), "scheme.problem.no_items")
            return None
        items: list[Item] = []
        first_use: dict[str, int] = {}
        for i, element in enumerate(value, start=1):
            item = self.item(element, ("items", i), first_use, i)
            if item is not None:
                items.append(item)
        return items

    def item(self, value: object, path: Path, first_use: dict[str, int], index: int) -> Item | None:
        tbl = self.table(
            value, path, ITEM_KEYS, ("code", "name_zh", "name_en", "category", "points")
        )
        if tbl is None:
            return None
        before = len(self.problems)
        code = None
        if "code" in tbl:
            raw = tbl["code"]
            if not isinstance(raw, str):
                self.problem(
                    (*path, "code"),
                    "scheme.problem.type",
                    expected=_Term("scheme.type.text"),
                    found=_toml_type(raw),
                )
            elif not CODE_PATTERN.match(raw):
                self.problem((*path, "code"), "scheme.problem.bad_code", code=_clip(raw))
            elif raw in first_use:
                self.problem(
                    (*path, "code"), "scheme.problem.duplicate_code", code=raw, first=first_use[raw]
                )
            else:
                first_use[raw] = index
                code = raw
        name_zh = self.text(tbl, "name_zh", path, ITEM_NAME_LIMIT)
        name_en = self.text(tbl, "name_en", path, ITEM_NAME_LIMIT)
        category = None
        if "category" in tbl:
            category = self.choice(
                tbl["category"],
                (*path, "category"),
                lambda s: _category(s),
                "scheme.problem.choice",
                _allowed(Category, CATEGORY_ZH),
            )
        unit: Unit | None = Unit.occurrence
        if "unit" in tbl:
            unit = self.choice(
                tbl["unit"],
                (*path, "unit"),
                lambda s: _unit(s),
                "scheme.problem.choice",
                _allowed(Unit, UNIT_ZH),
            )
        points = self.number(tbl, "points", path)
        if points is not None and category is not None:
            here = (*path, "points")
            if category in (Category.duty, Category.bonus) and points <= 0:
                self.problem(
                    here,
                    "scheme.problem.points_positive",
                    category=_Term(f"scheme.category.{category.value}"),
                    value=_num(points),
                )
            elif category is Category.deduction and points >= 0:
                self.problem(here, "scheme.problem.points_negative", value=_num(points))
            elif category is Category.veto and points > 0:
                self.problem(here, "scheme.problem.points_veto", value=_num(points))
        cap = self.number(tbl, "cap", path)
        if cap is not None and cap < 0:
            self.problem((*path, "cap"), "scheme.problem.negative_cap", value=_num(cap))
        derive: Derivation | DuesDerivation | None = None
        if "derive" in tbl:
            derive = self.derive(tbl["derive"], (*path, "derive"))
            if unit is Unit.hour:
                self.problem((*path, "derive"), "scheme.problem.hour_derived")
            if (
                isinstance(derive, DuesDerivation)
                and category is not None
                and category is not Category.deduction
            ):
                self.problem((*path, "derive"), "dues.scheme.problem.deduction_only")
        if len(self.problems) > before or None in (code, name_zh, name_en, category, points):
            return None
        if "derive" in tbl and derive is None:
            return None
        assert code and name_zh and name_en and category and unit and points is not None
        return Item(
            code=code,
            name_zh=name_zh,
            name_en=name_en,
            category=category,
            points=points,
            unit=unit,
            cap=cap,
            derive=derive if isinstance(derive, Derivation) else None,
            dues=derive if isinstance(derive, DuesDerivation) else None,
        )

    def derive(self, value: object, path: Path) -> Derivation | DuesDerivation | None:
        if isinstance(value, dict) and "dues" in value:
            return self.dues_derive(value, path)
        tbl = self.table(value, path, DERIVE_KEYS, DERIVE_KEYS)
        if tbl is None:
            return None
        types = self.enum_list(
            tbl, "meeting_types", path, MeetingType, "scheme.problem.unknown_meeting_type"
        )
        if types is not None and not types and not tbl["meeting_types"]:
            self.problem((*path, "meeting_types"), "scheme.problem.empty")
        attendance = None
        if "attendance" in tbl:
            attendance = self.choice(
                tbl["attendance"],
                (*path, "attendance"),
                lambda s: parse_enum(AttendanceStatus, s),
                "scheme.problem.unknown_attendance",
                accepted_values(AttendanceStatus),
            )
        if not types or attendance is None:
            return None
        return Derivation(meeting_types=tuple(types), attendance=attendance)

    def dues_derive(self, value: dict[str, Any], path: Path) -> DuesDerivation | None:
        """``{ dues = "arrears", grace_months = N }``: booked from the dues records."""
        tbl = self.table(value, path, DUES_DERIVE_KEYS, ("dues",))
        if tbl is None:
            return None
        before = len(self.problems)
        self.choice(
            tbl["dues"],
            (*path, "dues"),
            lambda s: _dues_source(s),
            "scheme.problem.choice",
            ", ".join(DUES_SOURCES),
        )
        grace: int | None = 0
        if "grace_months" in tbl:
            grace = self.integer_value(
                tbl["grace_months"], (*path, "grace_months"), DUES_GRACE_MONTHS
            )
        if len(self.problems) > before or grace is None:
            return None
        return DuesDerivation(grace_months=grace)

    # -- [policy]
    def integer_value(self, value: object, path: Path, bounds: tuple[int, int]) -> int | None:
        """A whole number (a TOML integer, not a float or a bool) within ``bounds``."""
        if isinstance(value, float):
            self.problem(path, "scheme.policy.not_whole", value=repr(value))
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(
                path,
                "scheme.problem.type",
                expected=_Term("scheme.policy.type.integer"),
                found=_toml_type(value),
            )
            return None
        low, high = bounds
        if not low <= value <= high:
            self.problem(path, "scheme.policy.range", value=_show(value), low=low, high=high)
            return None
        return value

    def flag_value(self, value: object, path: Path) -> bool | None:
        if not isinstance(value, bool):
            self.problem(
                path,
                "scheme.problem.type",
                expected=_Term("scheme.type.bool"),
                found=_toml_type(value),
            )
            return None
        return value

    def policy(self, root: dict[str, Any]) -> Policy | None:
        """``[policy]``; a missing table, like any missing key in it, keeps the default."""
        defaults = Policy()
        if "policy" not in root:
            return defaults
        tbl = self.sub_table(root, "policy", POLICY_KEYS)
        if tbl is None:
            return None
        before = len(self.problems)
        here = ("policy",)
        life = defaults.organizational_life
        if "organizational_life" in tbl:
            types = self.enum_list(
                tbl, "organizational_life", here, MeetingType, "scheme.problem.unknown_meeting_type"
            )
            if tbl["organizational_life"] == []:
                self.problem((*here, "organizational_life"), "scheme.problem.empty")
            # a set in meaning: kept in the order of MeetingType, whatever the file's order
            life = tuple(m for m in MeetingType if m in (types or ()))
        publicity: int | None = defaults.publicity_days
        if "publicity_days" in tbl:
            publicity = self.integer_value(
                tbl["publicity_days"], (*here, "publicity_days"), PUBLICITY_DAYS
            )
        rules = self.policy_rules(tbl["rules"]) if "rules" in tbl else {}
        if len(self.problems) > before or publicity is None:
            return None
        return Policy(
            organizational_life=life,
            frequencies=tuple(rules.get(r.rule, r) for r in defaults.frequencies),
            yearly=tuple(rules.get(r.rule, r) for r in defaults.yearly),
            absence=rules.get("absence_streak", defaults.absence),
            talks=rules.get("talk_coverage", defaults.talks),
            rectification=rules.get("rectification_overdue", defaults.rectification),
            publicity_days=publicity,
            dues=rules.get("dues_arrears", defaults.dues),
        )

    def policy_rules(self, value: object) -> dict[str, Any]:
        """``[policy.rules.<id>]`` tables by rule id: only the rules the file sets."""
        path: Path = ("policy", "rules")
        if not isinstance(value, dict):
            self.problem(
                path,
                "scheme.problem.type",
                expected=_Term("scheme.type.table"),
                found=_toml_type(value),
            )
            return {}
        defaults = Policy()
        frequency = {r.rule: r for r in (*defaults.frequencies, *defaults.yearly)}
        out: dict[str, Any] = {}
        for rule, spec in value.items():
            here = (*path, rule)
            found: object = None
            if rule in frequency:
                found = self.frequency_rule(spec, here, frequency[rule])
            elif rule == "absence_streak":
                found = self.absence_rule(spec, here, defaults.absence)
            elif rule == "talk_coverage":
                found = self.talk_rule(spec, here, defaults.talks)
            elif rule == "rectification_overdue":
                tbl = self.table(spec, here, SIMPLE_RULE_KEYS)
                enabled = self.enabled(tbl, here, defaults.rectification.enabled)
                found = None if enabled is None else SimpleRule(enabled=enabled)
            elif rule == "dues_arrears":
                found = self.absence_rule(spec, here, defaults.dues)
            else:
                self.problem(
                    here, "scheme.policy.unknown_rule", rule=_clip(rule), known=", ".join(RULE_IDS)
                )
            if found is not None:
                out[rule] = found
        return out

    def enabled(self, tbl: dict[str, Any] | None, path: Path, default: bool) -> bool | None:
        if tbl is None:
            return None
        if "enabled" not in tbl:
            return default
        return self.flag_value(tbl["enabled"], (*path, "enabled"))

    def frequency_rule(
        self, spec: object, path: Path, default: FrequencyRule
    ) -> FrequencyRule | None:
        if default.rule in YEARLY_RULES and isinstance(spec, dict) and "period" in spec:
            self.problem((*path, "period"), "scheme.policy.yearly_period", rule=default.rule)
            spec = {k: v for k, v in spec.items() if k != "period"}
        tbl = self.table(spec, path, RULE_KEYS[default.rule])
        enabled = self.enabled(tbl, path, default.enabled)
        if tbl is None:
            return None
        period: Period | None = default.period
        if "period" in tbl:
            period = self.choice(
                tbl["period"],
                (*path, "period"),
                lambda s: _zh_enum(Period, PERIOD_ZH, s),
                "scheme.problem.choice",
                _allowed(Period, PERIOD_ZH),
            )
        times: int | None = default.times
        if "times" in tbl:
            times = self.integer_value(tbl["times"], (*path, "times"), TIMES)
        if enabled is None or period is None or times is None:
            return None
        return replace(default, enabled=enabled, period=period, times=times)

    def absence_rule(self, spec: object, path: Path, default: AbsenceRule) -> AbsenceRule | None:
        tbl = self.table(spec, path, ABSENCE_RULE_KEYS)
        enabled = self.enabled(tbl, path, default.enabled)
        if tbl is None:
            return None
        ladder: tuple[LadderStep, ...] | None = default.ladder
        if "ladder" in tbl:
            ladder = self.ladder(tbl["ladder"], (*path, "ladder"))
        if enabled is None or ladder is None:
            return None
        return AbsenceRule(ladder=ladder, enabled=enabled)

    def ladder(self, value: object, path: Path) -> tuple[LadderStep, ...] | None:
        """At least one step, each with months, action and severity; months ascending."""
        if not isinstance(value, list):
            self.problem(
                path,
                "scheme.problem.type",
                expected=_Term("scheme.type.list"),
                found=_toml_type(value),
            )
            return None
        if not value:
            self.problem(path, "scheme.policy.ladder_empty")
            return None
        before = len(self.problems)
        steps: list[LadderStep] = []
        highest: int | None = None  # the most months of any earlier step
        for i, element in enumerate(value, start=1):
            here = (*path, i)
            tbl = self.table(element, here, LADDER_KEYS, LADDER_KEYS)
            if tbl is None:
                continue
            months = None
            if "months" in tbl:
                months = self.integer_value(tbl["months"], (*here, "months"), LADDER_MONTHS)
            if months is not None:
                if highest is not None and months <= highest:
                    self.problem(
                        (*here, "months"),
                        "scheme.policy.ladder_order",
                        months=months,
                        previous=highest,
                    )
                highest = months if highest is None else max(highest, months)
            action = severity = None
            if "action" in tbl:
                action = self.choice(
                    tbl["action"],
                    (*here, "action"),
                    lambda s: _zh_enum(LadderAction, ACTION_ZH, s),
                    "scheme.policy.unknown_action",
                    _allowed(LadderAction, ACTION_ZH),
                )
            if "severity" in tbl:
                severity = self.choice(
                    tbl["severity"],
                    (*here, "severity"),
                    lambda s: _zh_enum(Severity, SEVERITY_ZH, s),
                    "scheme.policy.unknown_severity",
                    _allowed(Severity, SEVERITY_ZH),
                )
            if months is not None and action is not None and severity is not None:
                steps.append(LadderStep(months=months, action=action, severity=severity))
        if len(self.problems) > before:
            return None
        return tuple(steps)

    def talk_rule(self, spec: object, path: Path, default: TalkRule) -> TalkRule | None:
        tbl = self.table(spec, path, TALK_RULE_KEYS)
        enabled = self.enabled(tbl, path, default.enabled)
        if tbl is None:
            return None
        talks: int | None = default.talks_per_member
        if "talks_per_member" in tbl:
            talks = self.integer_value(
                tbl["talks_per_member"], (*path, "talks_per_member"), TALKS_PER_MEMBER
            )
        grace: int | None = default.grace_months
        if "grace_months" in tbl:
            grace = self.integer_value(tbl["grace_months"], (*path, "grace_months"), GRACE_MONTHS)
        if enabled is None or talks is None or grace is None:
            return None
        return TalkRule(talks_per_member=talks, grace_months=grace, enabled=enabled)


def _zh_enum(kind: type[Enum], zh: Mapping[str, Enum], text: str) -> Any:
    """An enum by its English key (any case) or one of its Chinese spellings."""
    raw = text.strip()
    return zh.get(raw) or kind(raw.lower())


def _dues_source(text: str) -> str:
    if text.strip().lower() not in DUES_SOURCES:
        raise ValueError(text)
    return "arrears"


def _category(text: str) -> Category:
    raw = text.strip()
    return CATEGORY_ZH.get(raw) or Category(raw.lower())


def _unit(text: str) -> Unit:
    raw = text.strip()
    return UNIT_ZH.get(raw) or Unit(raw.lower())


def _allowed(kind: type[Enum], zh: Mapping[str, Enum]) -> str:
    first_zh = {}
    for name, member in zh.items():
        first_zh.setdefault(member, name)
    return ", ".join(f"{m.value}/{first_zh[m]}" if m in first_zh else m.value for m in kind)


# --------------------------------------------------------------------------- summaries


def _tl(key: str, lang: str, **params: object) -> str:
    """A message of this area in the given language (not the process-wide one)."""
    from orglife_tui.locale import dues
    from orglife_tui.locale.scheme import MESSAGES

    pair = MESSAGES[key] if key in MESSAGES else dues.MESSAGES[key]  # dues: derive, rule
    text = pair[1 if lang == "zh" else 0]
    return text.format(**params) if params else text


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _signed(value: float) -> str:
    return ("+" if value > 0 else "") + _num(value)


def summary_lines(scheme: Scheme, lang: str) -> list[str]:
    """What ``scheme check`` and ``scheme show`` print: the numbers, the cut-offs and a
    table of the items with their points and yearly caps, in the given language."""
    sep = "、" if lang == "zh" else ", "
    none = _tl("scheme.summary.none", lang)
    lines = [
        _tl(
            "scheme.summary.title",
            lang,
            name=scheme.name,
            version=scheme.version,
            period=_tl(f"scheme.period.{scheme.period}", lang),
        ),
        _tl(
            "scheme.summary.points",
            lang,
            base=_num(scheme.base_points),
            floor=_num(scheme.floor),
            ceiling=_num(scheme.ceiling),
        ),
        _tl(
            "scheme.summary.statuses",
            lang,
            scored=sep.join(label(s, lang) for s in MemberStatus if s in scheme.scored_statuses)
            or none,
            graded=sep.join(label(s, lang) for s in MemberStatus if s in scheme.graded_statuses)
            or none,
        ),
    ]
    if scheme.cutoffs:
        lines.append(_tl("scheme.summary.cutoffs", lang))
        names = {s: label(s, lang) for s in scheme.cutoffs}
        width = max(_width(n) for n in names.values())
        for status in MemberStatus:
            c = scheme.cutoffs.get(status)
            if c is None:
                continue
            row = f"  {_pad(names[status], width)}  " + " / ".join(
                _num(v) for v in (c.excellent, c.qualified, c.basically_qualified)
            )
            if status not in scheme.graded_statuses:
                row += "  " + _tl("scheme.summary.not_graded", lang)
            lines.append(row)
    weight = scheme.appraisal.points_weight
    lines.append(
        _tl(
            "scheme.summary.appraisal",
            lang,
            normalization=_tl(f"scheme.normalization.{scheme.appraisal.normalization.value}", lang),
            weight=_num(weight),
            ballot=_num(round(1 - weight, 6)),
        )
    )
    ap = scheme.appraisal
    values = {g.value: _num(v) for g, v in ap.ballot_values.items()}
    lines.append(
        _tl(
            "scheme.summary.ballot",
            lang,
            voters=sep.join(label(s, lang) for s in MemberStatus if s in ap.voters),
            **values,
        )
    )
    lines.append(
        _tl(
            "scheme.summary.ballot_flags",
            lang,
            share=_num(ap.excellent_share_max),
            flag=_tl("scheme.summary.flag_above", lang, share=_num(ap.unqualified_vote_flag))
            if ap.unqualified_vote_flag
            else _tl("scheme.summary.flag_off", lang),
        )
    )
    lines.append(_tl("scheme.summary.items", lang, count=len(scheme.items)))
    header = [
        _tl(f"scheme.summary.col.{k}", lang) for k in ("code", "category", "points", "cap", "name")
    ]
    rows: list[list[str]] = [header]
    derived: list[str | None] = [None]
    for it in scheme.items:
        rows.append(
            [
                it.code,
                _tl(f"scheme.category.{it.category.value}", lang),
                f"{_signed(it.points)} {_tl(f'scheme.unit.{it.unit.value}', lang)}"
                if it.points
                else "0",
                _tl("scheme.summary.no_cap", lang) if it.cap is None else _num(it.cap),
                it.name(lang),
            ]
        )
        if it.dues is not None:
            derived.append(_tl("dues.scheme.summary", lang, grace=it.dues.grace_months))
            continue
        derived.append(
            None
            if it.derive is None
            else _tl(
                "scheme.summary.derive",
                lang,
                types=sep.join(label(m, lang) for m in it.derive.meeting_types),
                attendance=label(it.derive.attendance, lang),
            )
        )
    widths = [max(_width(r[i]) for r in rows) for i in range(len(header))]
    indent = 2 + widths[0] + 2  # under the category: the narrowest place to start
    for r, derive in zip(rows, derived):
        lines.append(("  " + "  ".join(_pad(c, w) for c, w in zip(r, widths))).rstrip())
        if derive:
            lines.append(" " * indent + derive)
    return lines + policy_lines(scheme.policy, lang)


def policy_lines(policy: Policy, lang: str) -> list[str]:
    """The ``[policy]`` part of the summary: one line per rule, by its id."""
    sep = "、" if lang == "zh" else ", "
    lines = [
        _tl("scheme.policy.summary.title", lang),
        "  "
        + _tl(
            "scheme.policy.summary.life",
            lang,
            types=sep.join(label(m, lang) for m in policy.organizational_life),
        ),
    ]
    described: list[tuple[str, str]] = []
    for rule in (*policy.frequencies, *policy.yearly):
        key = "frequency_group" if rule.meeting_type is MeetingType.group_meeting else "frequency"
        described.append(
            (
                rule.rule,
                _tl(
                    f"scheme.policy.summary.{key}",
                    lang,
                    times=rule.times,
                    period=_tl(f"scheme.policy.period.{rule.period.value}", lang),
                ),
            )
        )

    def steps(ladder: tuple[LadderStep, ...]) -> list[str]:
        return [
            _tl(
                "scheme.policy.summary.step",
                lang,
                months=step.months,
                action=_tl(f"scheme.policy.action.{step.action.value}", lang),
                severity=_tl(f"scheme.policy.severity.{step.severity.value}", lang),
            )
            for step in ladder
        ]

    absence = steps(policy.absence.ladder)
    described.append(("absence_streak", absence[0]))
    described += [("", more) for more in absence[1:]]  # one step a line, under the first
    described.append(
        (
            "talk_coverage",
            _tl(
                "scheme.policy.summary.talks",
                lang,
                times=policy.talks.talks_per_member,
                grace=policy.talks.grace_months,
            ),
        )
    )
    described.append(("rectification_overdue", _tl("scheme.policy.summary.rectification", lang)))
    dues = steps(policy.dues.ladder)
    described.append(("dues_arrears", dues[0]))
    described += [("", more) for more in dues[1:]]
    width = max(len(rule) for rule, _ in described)
    off = _tl("scheme.policy.summary.off", lang)
    owner = ""  # the rule a line without an id continues
    for rule, text in described:
        owner = rule or owner
        if not rule and not policy.enabled(owner):
            continue
        shown = text if not rule or policy.enabled(rule) else off
        lines.append(f"  {rule.ljust(width)}  {shown}")
    lines.append("  " + _tl("scheme.policy.summary.publicity", lang, days=policy.publicity_days))
    return lines


__all__ = [
    "SchemeError",
    "SchemeProblem",
    "default_scheme",
    "default_scheme_text",
    "key_positions",
    "parse_scheme",
    "policy_lines",
    "render_path",
    "scheme_hash",
    "summary_lines",
]

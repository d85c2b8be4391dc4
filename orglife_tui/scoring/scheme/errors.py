"""Why a scheme is refused: ``SchemeProblem`` (one reason, worded from the catalog when
shown, so in the language chosen at that moment) and ``SchemeError`` (all of them, in the
order of the file), plus TOML syntax errors and the helpers that quote values in messages.

Pure: no I/O.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import Enum

from orglife_tui.domain import label
from orglife_tui.locale import t


class Lazy:
    """A message parameter put into words only when the message is shown, so that a
    problem prints in the language chosen at that moment."""

    def render(self) -> str:
        raise NotImplementedError


@dataclass(frozen=True)
class Term(Lazy):
    """A catalog key as a message parameter (``a number`` / ``数字``)."""

    key: str

    def render(self) -> str:
        return t(self.key)


@dataclass(frozen=True)
class Label(Lazy):
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
        params = {k: v.render() if isinstance(v, Lazy) else v for k, v in self.params.items()}
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
class TomlDetail(Lazy):
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


def syntax_problem(file: str, text: str, exc: Exception) -> SchemeProblem:
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
        file, "scheme.problem.syntax", {"detail": TomlDetail(message)}, None, line, column
    )


def show(value: object) -> str:
    """A value as it appears in a message, short and safe for any size."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value) if abs(value) < 10**15 else ("-" if value < 0 else "") + "1e15+"
    if isinstance(value, float):
        return num(value)
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:39] + "…"
        return json.dumps(text, ensure_ascii=False)
    return type(value).__name__


def clip(text: str) -> str:
    """Text from the file for a message that quotes it: no longer than 40 characters."""
    return text if len(text) <= 40 else text[:39] + "…"


def num(value: float) -> str:
    """80.0 → ``80``; 0.5 → ``0.5``."""
    if math.isfinite(value) and value == int(value) and abs(value) < 10**15:
        return str(int(value))
    return repr(value)


def toml_type(value: object) -> Term:
    if isinstance(value, bool):
        return Term("scheme.type.bool")
    if isinstance(value, (int, float)):
        return Term("scheme.type.number")
    if isinstance(value, str):
        return Term("scheme.type.text")
    if isinstance(value, list):
        return Term("scheme.type.list")
    if isinstance(value, dict):
        return Term("scheme.type.table")
    if isinstance(value, (date, datetime, time)):
        return Term("scheme.type.datetime")
    return Term("scheme.type.text")  # pragma: no cover - tomllib yields nothing else

"""A finding of the compliance watch: which rule, which period, whom it concerns, how bad."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from orglife_tui.compliance.periods import period_text
from orglife_tui.domain import LadderAction, add_months_to_key, label, natural_key
from orglife_tui.locale import get_language, t
from orglife_tui.scoring.policy import RULE_IDS, Severity


@dataclass(frozen=True)
class PeriodParam:
    """A period as a message parameter, written the way the reader's language writes it."""

    period: str


def months_text(months: tuple[str, ...], lang: str) -> str:
    """Months as runs: ``2026-04–2026-11, 2027-01`` / ``2026年4月至11月、2027年1月``."""
    runs: list[list[str]] = []
    for m in months:
        if runs and add_months_to_key(runs[-1][-1], 1) == m:
            runs[-1].append(m)
        else:
            runs.append([m])
    parts = []
    for run in runs:
        first, last = run[0], run[-1]
        if first == last:
            parts.append(period_text(first, lang))
        elif lang == "zh":
            end = f"{int(last[5:7])}月" if first[:4] == last[:4] else period_text(last, lang)
            parts.append(f"{period_text(first, lang)}至{end}")
        else:
            parts.append(f"{first}–{last}")
    return t("compliance.list_sep").join(parts)


@dataclass(frozen=True)
class Finding:
    rule: str
    period: str  # YYYY, YYYY-Qn or YYYY-MM
    subject: str  # the branch, a party group's name or a member number
    severity: Severity
    key: str  # catalog message
    params: dict[str, object] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """The message in the current UI language (enums and periods put into its words)."""
        lang = get_language()
        params = {}
        for name, value in self.params.items():
            if isinstance(value, LadderAction):
                value = t(f"compliance.action.{value.value}")
            elif isinstance(value, Enum):
                value = label(value, lang)
            elif isinstance(value, PeriodParam):
                value = period_text(value.period, lang)
            elif isinstance(value, tuple):
                value = months_text(value, lang)
            params[name] = value
        return t(self.key, **params)

    def as_dict(self) -> dict[str, str]:
        return {
            "rule": self.rule,
            "period": self.period,
            "subject": self.subject,
            "severity": self.severity.value,
            "message": self.message,
        }

    def sort_key(self) -> tuple[int, str, str]:
        # A member number as subject sorts naturally (2 before 10).
        return (RULE_IDS.index(self.rule), self.period, natural_key(self.subject))

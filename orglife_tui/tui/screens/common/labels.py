"""How points, items and grades read on the points screens (ledger, scoreboard, scheme).

Display only: no rule is decided here. Numbers are shown the way a secretary writes them
(``2``, ``0.5``, ``+2``, ``-3``), items by their name in the user's language.
"""

from __future__ import annotations

from orglife_tui.domain import MemberStatus
from orglife_tui.locale import t
from orglife_tui.scoring.model import Category, Grade, Item, Scheme, Unit


def number(value: float | None) -> str:
    """``2``, ``2.5``, ``-3`` (at most two decimals, no trailing zeros); empty for None."""
    if value is None:
        return ""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def signed(value: float) -> str:
    """``+2``, ``-3``, ``0``: points with their sign, as a ledger shows them."""
    text = number(value)
    return text if text.startswith("-") or text == "0" else "+" + text


def grade_label(grade: Grade | None, short: bool = False) -> str:
    """The grade in the user's language; ``—`` for a member the scheme does not grade."""
    if grade is None:
        return t("tui.grade.none")
    return t(f"tui.grade{'_short' if short else ''}.{grade.value}")


def status_short(status: MemberStatus) -> str:
    return t(f"tui.status_short.{status.value}")


def category_label(category: Category) -> str:
    return t(f"tui.category.{category.value}")


def per_unit(item: Item) -> str:
    """Points per occurrence (``+2/次``) or per hour (``+0.5/小时``)."""
    key = "tui.per_hour" if item.unit is Unit.hour else "tui.per_occurrence"
    return t(key, points=signed(item.points))


def cap_text(item: Item) -> str:
    return t("tui.cap", cap=number(item.cap)) if item.cap is not None else t("tui.no_cap")


def item_name(scheme: Scheme, code: str, lang: str) -> str:
    """The item's name in the user's language; its code when the active scheme lacks it."""
    item = scheme.item(code)
    return item.name(lang) if item is not None else code


def short_hash(value: str) -> str:
    return value[:12]

"""How users write the vocabulary: enums by English key, Chinese name or alias, meeting
types joined in one cell, phone numbers, committee posts; and how each value is shown.

Pure Python: the importers, the forms and the storage layer all parse user input
through these functions so that one spelling rule holds everywhere.
"""

from __future__ import annotations

import re
import unicodedata
from enum import Enum
from typing import Any

from orglife_tui.domain.enums import (
    _EXTRA_ALIASES,
    _ZH_TABLES,
    COMMITTEE_POSTS,
    AttendanceStatus,
    CommitteePost,
    MeetingType,
)
from orglife_tui.domain.text import stripped_or_none


class InputError(ValueError):
    """A value a user typed or imported that cannot be accepted.

    ``key`` names the catalog message (``problem.bad_date`` …) so forms and importers can
    say why in the user's language; the English text is for logs and tests.
    """

    def __init__(self, message: str, key: str = "problem.bad_value") -> None:
        super().__init__(message)
        self.key = key


def parse_enum(kind: type[Enum], text: str) -> Any:
    """Accept an enum by its English key or its Chinese name, ignoring case and spaces."""
    raw = text.strip()
    key = raw.lower().replace(" ", "_").replace("-", "_")
    for member in kind:
        if key == member.value:
            return member
    for member, zh in _ZH_TABLES[kind].items():
        if raw == zh:
            return member
    alias = _EXTRA_ALIASES.get(kind, {}).get(raw) or _EXTRA_ALIASES.get(kind, {}).get(key)
    if alias:
        return kind(alias)
    raise InputError(f"unknown value {raw!r}")


def parse_meeting_types(text: str) -> list[MeetingType]:
    """Several meeting types joined by ';' (also '；', ',' or '、'), kept in order, deduplicated."""
    parts = [p for p in re.split(r"[;；,，、]", text) if p.strip()]
    if not parts:
        raise InputError("no meeting type given")
    types: list[MeetingType] = []
    for part in parts:
        t = parse_enum(MeetingType, part)
        if t not in types:
            types.append(t)
    return types


_PHONE = re.compile(r"^\+?[0-9][0-9 \-]{4,19}$")
# A resident ID number (18 characters, the last may be X; the old form has 15 digits): never
# a phone number, and never to be kept (docs/architecture.md: personal ID numbers are not stored).
_ID_NUMBER = re.compile(r"^(\d{17}[\dXx]|\d{15})$", re.ASCII)


def parse_phone(text: str) -> str:
    raw = text.strip()
    if _ID_NUMBER.match(raw.replace(" ", "")):
        raise InputError("an ID number, not a phone number", "roster.phone_is_id")
    if raw and not _PHONE.match(raw):
        raise InputError(f"bad phone number {raw!r}", "problem.bad_phone")
    return raw


# How a roster says "no post": an ordinary member (党员, 普通党员), nothing (无), a dash.
NO_POST = frozenset(
    {"党员", "普通党员", "正式党员", "预备党员", "无", "暂无", "无职务", "群众", "none"}
)
_POST_SPLIT = re.compile(r"[、,;/\\|]|兼")
_DASHES = re.compile(r"^[-—–―_/\\.。·\s]*$")


def parse_post(text: str) -> CommitteePost | None:
    """A member's post in the branch as a roster writes it, or None for an ordinary member.

    ``党员``, ``普通党员``, ``无``, a dash or a blank mean no post. Several posts
    (``支部书记、党小组长``, ``组织委员兼纪检委员``) give the first committee post among them,
    else the first post recognised (a member has one post here); words that are no post of
    the branch (``工会主席``) are passed over when a post is found. Raises InputError when
    nothing in the text is a post.
    """
    raw = unicodedata.normalize("NFKC", text).strip()
    if not raw or raw.casefold() in NO_POST or _DASHES.match(raw):
        return None
    found: list[CommitteePost] = []
    for part in _POST_SPLIT.split(raw):
        part = part.strip()
        if not part or part.casefold() in NO_POST:
            continue
        try:
            found.append(parse_enum(CommitteePost, part))
        except InputError:
            continue
    if not found:
        raise InputError(f"unknown post {raw!r}", "problem.unknown_post")
    committee = [p for p in found if p in COMMITTEE_POSTS]
    return committee[0] if committee else found[0]


def attendance_reason(status: AttendanceStatus | None, reason: str | None) -> str | None:
    """The reason kept with a mark: leave and absence carry one, presence none."""
    if status not in (AttendanceStatus.leave, AttendanceStatus.absent):
        return None
    return stripped_or_none(reason)


def accepted_values(kind: type[Enum]) -> str:
    """The spellings a user may type for an enum, for messages: ``male/男, female/女``."""
    return ", ".join(f"{k.value}/{zh}" for k, zh in _ZH_TABLES[kind].items())


def label(value: Enum | None, lang: str) -> str:
    """How an enum value is shown to the user in the given language."""
    if value is None:
        return ""
    if lang == "zh":
        return str(_ZH_TABLES[type(value)].get(value, value.value))
    return str(value.value).replace("_", " ")


# Yes and no as people write them in a cell (保密 / 公开 for a talk's confidentiality).
_YES = {"1", "y", "yes", "true", "x", "是", "保密", "√", "✓"}
_NO = {"0", "n", "no", "false", "否", "不保密", "公开"}


def parse_flag(text: str) -> bool:
    """Yes or no; an empty text is no."""
    raw = text.strip().lower()
    if raw in _YES:
        return True
    if raw in _NO or not raw:
        return False
    raise InputError(f"cannot read {text!r} as yes or no", key="life.problem.bad_flag")

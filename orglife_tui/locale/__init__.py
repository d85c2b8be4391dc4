"""The one message catalog: every user-facing string, in English and Chinese.

Messages live in per-area modules (``core``, ``tui``, ``importing``) so that areas can
grow without stepping on each other; ``t`` looks them up as one catalog.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

LANGUAGES = ("zh", "en")

_language = "en"
_catalog: dict[str, tuple[str, str]] | None = None


def _load() -> dict[str, tuple[str, str]]:
    global _catalog
    if _catalog is None:
        from orglife_tui.locale import (
            appraisal,
            compliance,
            core,
            corrections,
            demo,
            dues,
            export,
            export_appraisal,
            importing,
            ledger,
            membership,
            plans,
            publication,
            report,
            roster,
            scheme,
            talks,
            tui,
            tui_appraisal,
            tui_compliance,
            tui_records,
        )

        merged: dict[str, tuple[str, str]] = {}
        modules = (
            core,
            importing,
            tui,
            demo,
            scheme,
            ledger,
            export,
            talks,
            compliance,
            plans,
            report,
            tui_records,
            tui_compliance,
            export_appraisal,
            appraisal,
            tui_appraisal,
            membership,
            roster,
            corrections,
            dues,
            publication,
        )
        for module in modules:
            for key, pair in module.MESSAGES.items():
                if key in merged:
                    raise RuntimeError(f"message key {key!r} defined twice in the catalog")
                merged[key] = pair
        _catalog = merged
    return _catalog


def detect_language(env: Mapping[str, str] | None = None) -> str:
    """Chinese when the locale variables say so (LC_ALL, LC_MESSAGES, LANG), else English."""
    env = os.environ if env is None else env
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def set_language(lang: str) -> None:
    global _language
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    _language = lang


def get_language() -> str:
    return _language


def t(key: str, /, **kwargs: object) -> str:
    """The message for ``key`` in the current language, formatted with ``kwargs``."""
    pair = _load().get(key)
    if pair is None:
        # A missing key is a programming error; show the key rather than crash a user's session.
        return key
    text = pair[1] if _language == "zh" else pair[0]
    return text.format(**kwargs) if kwargs else text


def keys() -> list[str]:
    return sorted(_load())


def has(key: str) -> bool:
    return key in _load()

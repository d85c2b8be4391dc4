"""The one message catalog: every user-facing string, in English and Chinese.

Messages live in per-area modules (``core``, ``tui``, ``importing``) so that areas can
grow without stepping on each other; ``t`` looks them up as one catalog.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

LANGUAGES = ("zh", "en")

_language = "en"
_catalog: dict[str, tuple[str, str]] | None = None


def _load() -> dict[str, tuple[str, str]]:
    global _catalog
    if _catalog is None:
        from orglife_tui.locale import (
            accounts,
            appraisal,
            appraisal_after,
            appraisal_steps,
            bands,
            chain,
            compliance,
            core,
            corrections,
            demo,
            dues,
            export,
            export_appraisal,
            files,
            importing,
            ledger,
            life_meeting,
            membership,
            orders,
            overview,
            plans,
            publication,
            roster,
            scheme,
            self_service,
            settings,
            talk_text,
            talks,
            tui,
            tui_appraisal,
            tui_compliance,
            tui_import,
            tui_jobs,
            tui_records,
            tui_users,
            year_report,
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
            year_report,
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
            chain,
            files,
            tui_jobs,
            bands,
            tui_import,
            appraisal_steps,
            appraisal_after,
            settings,
            life_meeting,
            accounts,
            talk_text,
            orders,
            self_service,
            tui_users,
            overview,
        )
        for module in modules:
            for key, pair in module.MESSAGES.items():
                if key in merged:
                    raise RuntimeError(f"message key {key!r} defined twice in the catalog")
                merged[key] = pair
        _catalog = merged
    return _catalog


def detect_language(env: Mapping[str, str] | None = None) -> str:
    """The language the locale variables ask for (LC_ALL, LC_MESSAGES, LANG, LANGUAGE, the
    first that names a language): English only when that is another language than Chinese.
    Chinese when they name Chinese, or none names a language at all (unset, empty, ``C``,
    ``C.UTF-8``, ``POSIX``: what a server's bare shell has), since the users are Chinese
    branches."""
    env = os.environ if env is None else env
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(var, "").strip()
        if not value or _NO_LANGUAGE.match(value):
            continue
        return "zh" if value.lower().startswith("zh") else "en"
    return "zh"


# Locale names that name no language: the C locale and its spellings.
_NO_LANGUAGE = re.compile(r"^(C|POSIX)([._@].*)?$", re.IGNORECASE)


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
    if not kwargs:
        return text
    # Values come from the records (names, notes …): whatever they hold, the message shows
    # it and never lets the terminal act on it.
    shown = {k: visible(v) if isinstance(v, str) else v for k, v in kwargs.items()}
    return text.format(**shown)


# C0 controls but newline and tab, and DEL: shown as their Unicode control pictures (␛ ␇ ␈ ␍).
_C0 = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# C1 controls (0x9B is a one-byte CSI) and the bidi embeddings, overrides and isolates.
_OTHER = re.compile(r"[\x80-\x9f\u202a-\u202e\u2066-\u2069]")


def _picture(m: re.Match[str]) -> str:
    code = ord(m.group(0))
    return "\u2421" if code == 0x7F else chr(0x2400 + code)


def visible(text: str) -> str:
    """``text`` safe to print or draw: control characters shown as symbols (ESC as ␛) and
    bidi overrides as ``⟨U+202E⟩``, so that data already stored can neither drive the
    terminal nor reorder what is shown. Newlines and tabs stay."""
    if not (_C0.search(text) or _OTHER.search(text)):
        return text
    text = _C0.sub(_picture, text)
    return _OTHER.sub(lambda m: f"⟨U+{ord(m.group(0)):04X}⟩", text)


def keys() -> list[str]:
    return sorted(_load())


def has(key: str) -> bool:
    return key in _load()

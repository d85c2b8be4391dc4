"""Text rules: the natural order of member numbers and the characters never let through
to a terminal (controls, bidi overrides).
"""

from __future__ import annotations

import re
import unicodedata

_DIGITS = re.compile(r"\d+")


def stripped_or_none(text: str | None) -> str | None:
    """Optional text as it is kept: stripped, and None when nothing is left."""
    return (text or "").strip() or None


def natural_key(text: str) -> str:
    """A sort key that orders member numbers as people do: ``2`` before ``10``, ``A2``
    before ``A10``. Each run of digits is written as its length (two digits) and its value
    without leading zeros; equal keys (``01`` and ``1``) are then ordered by the text."""
    folded = unicodedata.normalize("NFKC", text).strip().casefold()

    def pad(m: re.Match[str]) -> str:
        digits = m.group(0).lstrip("0") or "0"
        return f"{len(digits):02d}{digits}"

    return _DIGITS.sub(pad, folded)


# Characters that make a terminal or a viewer do something instead of showing text: the C0
# and C1 controls (ESC starts every escape sequence, BEL, BS, CR …) and DEL, and the bidi
# embeddings, overrides and isolates that reorder what is displayed (U+202A–202E,
# U+2066–2069). Newlines and tabs are allowed only where text may span lines. Lone
# surrogates too: they are how Python hands over command-line bytes that are not UTF-8 (a
# raw 0x9B, the one-byte CSI, arrives as U+DC9B), and no database can store them.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_CONTROL_MULTILINE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def unsafe_characters(text: str, multiline: bool = False) -> list[str]:
    """The control and bidi-override characters in ``text``, as ``U+XXXX`` (empty: safe)."""
    pattern = _CONTROL_MULTILINE if multiline else _CONTROL
    return sorted({f"U+{ord(c):04X}" for c in pattern.findall(text)})

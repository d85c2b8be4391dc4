"""Markdown text that is only text (issue 10 §2–§3).

Reports go to the committee as ``.md`` and are opened in viewers that render them: a name
typed as ``[点此](http://…)``, ``<img src=x onerror=…>`` or ``**`` would become a link, live
HTML or a change of emphasis there. Every stored value is escaped here, once, for all the
Markdown writers; control characters are shown as symbols as on the terminal.
"""

from __future__ import annotations

import re

from orglife_tui.locale import visible

# Characters that start Markdown or HTML syntax anywhere in a line (CommonMark, GFM tables);
# ``_`` only where it could open or close emphasis: inside a word (``rule_code``) it cannot.
_INLINE = re.compile(r"([\\`*\[\]<>|~!#]|(?<!\w)_|_(?!\w))")


def md_inline(text: str | None) -> str:
    """``text`` as one line of Markdown (a table cell or a fact): escaped, lines joined."""
    return " ".join(_INLINE.sub(r"\\\1", visible(text or "")).split())


def md_lines(text: str | None) -> str:
    """``text`` as Markdown paragraphs keeping its line breaks (hard breaks), escaped."""
    return "  \n".join(
        _INLINE.sub(r"\\\1", line.strip()) for line in visible(text or "").splitlines()
    )

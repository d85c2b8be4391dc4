"""Messages: a talk whose texts the reader cannot see (``talk_text.``; issue 13 §2).

On PostgreSQL, row-level security hides a talk's texts (its ``talk_text`` row) from
everyone but its talkers and the branch secretary; the talk itself stays listed.

Chinese text uses full-width punctuation.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "talk_text.hidden": (
        "Confidential: only the talkers and the branch secretary can read it",
        "保密内容：仅谈话人和支部书记可见",
    ),
    "talk_text.hidden_short": ("(not visible)", "（不可见）"),
    "talk_text.hidden_unchanged": (
        "The content of talk {id} is not visible to you, so it cannot be changed here; "
        "the talkers or the branch secretary can change it.",
        "谈话 {id} 的内容对您不可见，不能在此修改；请谈话人或支部书记修改。",
    ),
    # the flag column of listings and exports
    "talks.col.texts_hidden": ("Content not visible", "内容不可见"),
}

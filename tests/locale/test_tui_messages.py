"""No message the terminal UI shows sends the user to the command line (issue 12 §2): the
TUI's own keys (named in ``orglife_tui/tui``) and the refusals it shares with the command
line name no command (``orglife-tui check``) and no option (``--reason``); the command line
adds its own hint where one helps (``cli.points_sync_hint``)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from orglife_tui.locale import _load

TUI = Path(__file__).resolve().parents[2] / "orglife_tui" / "tui"

# Refusals raised below the UI that the TUI's forms and dialogs show as they are.
SHARED = (
    "appraisal.reason_needed",
    "appraisal.scrub_pending",
    "corrections.before_start",
    "corrections.points_failed",
    "dues.points_not_updated",
    "dues.void_reason_required",
    "ledger.hours_required",
    "ledger.points_failed",
    "ledger.reason_required",
    "membership.extend_needs_until",
    "rectification.done_needs_note",
    "talks.no_talker",
    "talks.step_without_case",
)
COMMAND_LINE = re.compile(r"orglife-tui [a-z]|(?<![\w-])--[a-z]")


def _tui_keys() -> set[str]:
    """The catalog keys the TUI's code names, as literals or the start of an f-string."""
    catalog = _load()
    literals: set[str] = set()
    starts: set[str] = set()
    for path in TUI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values:
                first = node.values[0]
                if isinstance(first, ast.Constant) and "." in str(first.value):
                    starts.add(str(first.value))
    return {k for k in catalog if k in literals or any(k.startswith(s) for s in starts)}


def test_the_tui_names_many_keys():
    assert len(_tui_keys()) > 300


def test_no_tui_message_names_a_command_or_an_option():
    catalog = _load()
    found = {
        key: catalog[key]
        for key in sorted(_tui_keys() | set(SHARED))
        if any(COMMAND_LINE.search(text) for text in catalog[key])
    }
    assert found == {}

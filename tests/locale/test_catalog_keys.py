"""The message catalog and the code agree: every key the code names is in the catalog with an
English and a Chinese text, and every key in the catalog is named somewhere in the code.

The code is read, not run: a key is "named" when it stands as a string literal anywhere in
``orglife_tui`` (outside ``locale/``), which covers ``t("…")``, ``StoreError("…")``,
``HELP_KEY = "…"``, the keys of problems and of column tables alike. Keys built at run time
(``t(f"col.{key}")``) are recognised by the literal start of the f-string or by a literal
prefix handed to the code that builds them (``col_prefix="membership.col."``); the rest of
such a key must still be spelled in the code, as a literal or a name (an enum value, a field).
"""

from __future__ import annotations

import ast
import re
import string
from functools import cache
from pathlib import Path

from orglife_tui.locale import _load

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "orglife_tui"

# What a key looks like: dotted lower-case words (``branch_created`` has no dot).
KEY_SHAPE = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)*")

# Keys whose remainder after a run-time prefix is not spelled in the code, each with where
# the code builds it.
BUILT_KEYS = {
    # export/appraisal/layout.py: SHARE_KEYS = tuple(f"{k}_share" for k in COUNT_KEYS), headers
    # t(f"export.appraisal.col.{key}")
    "export.appraisal.col.abstain_share",
    "export.appraisal.col.basically_qualified_share",
    "export.appraisal.col.qualified_share",
    "export.appraisal.col.unqualified_share",
}

# English and Chinese may word a message with different placeholders when both are passed.
PLACEHOLDERS_DIFFER = {
    # screens/base.month_title passes year, month and the month's English name: "March 2026"
    # against "2026年3月".
    "tui.month_title",
}


def _sources(*folders: Path) -> list[Path]:
    return sorted(p for folder in folders for p in folder.rglob("*.py"))


def _code_files() -> list[Path]:
    return [p for p in _sources(PACKAGE) if "locale" not in p.relative_to(PACKAGE).parts]


@cache
def _read_code() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The string literals, the literal starts of f-strings and the identifiers of the code."""
    literals: set[str] = set()
    starts: set[str] = set()
    words: set[str] = set()
    for path in _code_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values:
                first = node.values[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    starts.add(first.value)
            elif isinstance(node, ast.Name):
                words.add(node.id)
            elif isinstance(node, ast.Attribute):
                words.add(node.attr)
            elif isinstance(node, ast.arg):
                words.add(node.arg)
            elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                words.add(node.name)
    return frozenset(literals), frozenset(starts), frozenset(words)


# The functions that take a message key first, besides StoreError and its subclasses.
KEY_TAKERS = {
    "t",  # locale: the message in the current language
    "_tl",  # scoring/scheme.py: the message in a given language
    "problem",  # importing/roster.py: a problem of the file being read
    "_said",  # commands/rectification.py: a message about a task
    "_echo_meeting",  # commands/records.py: a message about a meeting
}


def _key_takers() -> set[str]:
    """``KEY_TAKERS`` and ``StoreError`` with every class that derives from it (``NotFound``,
    ``ExportError`` …): their first argument is a message key."""
    bases: dict[str, set[str]] = {}
    for path in _code_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {
                    b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases
                }
    errors = {"StoreError"}
    grew = True
    while grew:
        grew = False
        for name, parents in bases.items():
            if name not in errors and parents & errors:
                errors.add(name)
                grew = True
    assert len(errors) > 5, errors
    return KEY_TAKERS | errors


def test_every_message_has_an_english_and_a_chinese_text():
    for key, pair in _load().items():
        assert KEY_SHAPE.fullmatch(key), key
        assert isinstance(pair, tuple) and len(pair) == 2, key
        en, zh = pair
        assert isinstance(en, str) and en, key
        assert isinstance(zh, str) and zh, key


def test_both_languages_use_the_same_placeholders():
    fields = string.Formatter()
    for key, (en, zh) in _load().items():
        if key in PLACEHOLDERS_DIFFER:
            continue
        names = [{f[1] for f in fields.parse(text) if f[1] is not None} for text in (en, zh)]
        assert names[0] == names[1], (key, names)


def _keys_named(folders: list[Path]) -> list[tuple[str, int, str, bool]]:
    """(file, line, key or f-string start, dynamic) of every key handed to a key taker."""
    takers = _key_takers()
    found = []
    for path in _sources(*folders):
        if "locale" in path.parts and PACKAGE in path.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name not in takers:
                continue
            arg = node.args[0]
            where = str(path.relative_to(ROOT))
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.append((where, node.lineno, arg.value, False))
            elif isinstance(arg, ast.JoinedStr) and isinstance(arg.values[0], ast.Constant):
                found.append((where, node.lineno, str(arg.values[0].value), True))
    return found


def test_every_key_the_code_and_the_tests_name_is_in_the_catalog():
    catalog = _load()
    named = _keys_named([PACKAGE, ROOT / "tests"])
    assert len(named) > 1000  # the scan finds the calls
    missing = [
        (where, line, key)
        for where, line, key, dynamic in named
        if (not any(k.startswith(key) for k in catalog) if dynamic else key not in catalog)
        and KEY_SHAPE.fullmatch(key.rstrip("._"))
    ]
    assert not missing


def test_every_key_of_the_catalog_is_named_in_the_code():
    literals, starts, words = _read_code()
    catalog = set(_load())
    # Prefixes of keys built at run time: f-string starts, and literal prefixes ending in
    # "." or "_" handed to the code that builds them.
    prefixes = {
        p for p in starts | {x for x in literals if x.endswith((".", "_"))} if p and "." in p
    }
    spelled = literals | words
    unused = []
    for key in sorted(catalog - literals - BUILT_KEYS):
        starts_of = [p for p in prefixes if key.startswith(p)]
        rest = key[len(max(starts_of, key=len)) :] if starts_of else None
        if rest is None or not all(
            part.strip("_") in spelled or part in spelled for part in rest.split(".") if part
        ):
            unused.append(key)
    assert not unused


def test_the_built_keys_listed_here_are_in_the_catalog():
    assert set(_load()) >= BUILT_KEYS
    assert set(_load()) >= PLACEHOLDERS_DIFFER

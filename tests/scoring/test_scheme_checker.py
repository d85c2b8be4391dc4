"""The scheme checker's translation table: every error the pydantic models can raise
becomes a catalog message in both languages, never pydantic's own English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from orglife_tui.locale import has, set_language
from orglife_tui.scoring.scheme.checker import EXPECTED, translate
from orglife_tui.scoring.scheme.errors import SchemeProblem
from orglife_tui.scoring.scheme.values import KNOWN_TYPES

PACKAGE = Path(__file__).resolve().parents[2] / "orglife_tui" / "scoring" / "scheme"
DATA = {"items": [{"derive": {"meeting_types": []}}]}

# one location per kind of table, with an input pydantic would report
CASES = [
    ("missing", ("points",), None),
    ("missing", ("points", "base"), None),
    ("extra_forbidden", ("items", 0, "colour"), 1),
    ("extra_forbidden", ("items", 0, "derive", "colour"), 1),
    ("extra_forbidden", ("policy", "rules", "nonsense"), 1),
    ("float_type", ("points", "base"), "1"),
    ("int_type", ("policy", "publicity_days"), 7.5),
    ("int_type", ("policy", "publicity_days"), "7"),
    ("bool_type", ("policy", "rules", "talk_coverage", "enabled"), 1),
    ("string_type", ("scheme", "name"), 1),
    ("list_type", ("items",), 3),
    ("list_type", ("statuses", "scored"), 3),
    ("dict_type", ("grades",), 3),
    ("model_type", ("points",), 3),
    ("finite_number", ("points", "base"), float("nan")),
    ("greater_than_equal", ("points", "base"), -1e7),
    ("less_than_equal", ("points", "base"), 1e7),
]


def test_every_pydantic_error_type_the_models_raise_is_translated():
    assert {kind for kind, _, _ in CASES} == set(KNOWN_TYPES)


@pytest.mark.parametrize(("kind", "loc", "value"), CASES)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_translation_is_a_catalog_message_in_both_languages(kind, loc, value, lang):
    path, key, params = translate({"type": kind, "loc": loc, "input": value}, DATA)
    assert key.startswith("scheme.") and has(key), key
    assert key != "scheme.problem.syntax"  # the fallback for errors no model raises
    set_language(lang)
    try:
        text = SchemeProblem("s.toml", key, params, "x").message()
    finally:
        set_language("en")
    assert "{" not in text and "Input should" not in text
    assert all(isinstance(p, (str, int)) for p in path)


def test_every_catalog_key_the_models_raise_exists():
    raised = set()
    for source in PACKAGE.glob("*.py"):
        raised |= set(re.findall(r'problem\(\s*"([a-z_.]+)"', source.read_text("utf-8")))
    raised |= set(EXPECTED.values()) | {"scheme.type.items"}
    assert len(raised) > 30
    for key in raised:
        assert has(key), key


def test_an_error_no_model_raises_is_shown_rather_than_lost():
    path, key, params = translate(
        {"type": "url_parsing", "loc": ("scheme", "name"), "input": "x", "msg": "bad url"}, DATA
    )
    assert (path, key, params) == (
        ("scheme", "name"),
        "scheme.problem.syntax",
        {"detail": "bad url"},
    )

"""From pydantic's errors to our problems: each error's ``loc`` becomes the key path
(``items[3].cap``) and, through the position scanner, ``FILE:LINE:COL``; each error's
``type`` becomes a catalog key with its parameters, so every message reads as before in
both languages.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from orglife_tui.scoring.model import Scheme
from orglife_tui.scoring.policy import RULE_IDS
from orglife_tui.scoring.scheme.build import build
from orglife_tui.scoring.scheme.document import SchemeDocument, facts
from orglife_tui.scoring.scheme.errors import (
    SchemeError,
    SchemeProblem,
    Term,
    clip,
    show,
    toml_type,
)
from orglife_tui.scoring.scheme.positions import Path, key_positions, render_path
from orglife_tui.scoring.scheme.values import KNOWN_TYPES
from orglife_tui.scoring.scheme.vocabulary import (
    APPRAISAL_KEYS,
    BALLOT_VALUE_KEYS,
    CUTOFF_KEYS,
    DERIVE_KEYS,
    DUES_DERIVE_KEYS,
    ITEM_KEYS,
    LADDER_KEYS,
    MAX_ABS,
    POINTS_KEYS,
    POLICY_KEYS,
    RULE_KEYS,
    SCHEME_KEYS,
    STATUSES_KEYS,
    TOP_KEYS,
)

Problem = tuple[Path, str, dict[str, object]]  # key path (indexes from 1), catalog key, params

# what a value of the wrong TOML type should have been, by pydantic's error type
EXPECTED = {
    "float_type": "scheme.type.number",
    "string_type": "scheme.type.text",
    "bool_type": "scheme.type.bool",
    "list_type": "scheme.type.list",
    "dict_type": "scheme.type.table",
    "model_type": "scheme.type.table",
    "int_type": "scheme.policy.type.integer",
}


def check(file: str, text: str, data: dict[str, Any]) -> Scheme:
    """The ``Scheme`` the parsed TOML describes, or ``SchemeError`` with every problem."""
    try:
        document = SchemeDocument.model_validate(data, context=facts(data))
    except ValidationError as exc:
        found = [translate(e, data) for e in exc.errors(include_url=False)]
        raise SchemeError(located(file, text, in_key_order(found, data))) from None
    return build(document)


def translate(error: Any, data: dict[str, Any]) -> Problem:
    """One pydantic error as (path, catalog key, parameters)."""
    loc: tuple[Any, ...] = tuple(error["loc"])
    path: Path = tuple(p + 1 if isinstance(p, int) else p for p in loc)
    kind: str = error["type"]
    value = error.get("input")
    if kind == "missing":
        if len(loc) == 1:
            header = "[[items]]" if loc[0] == "items" else f"[{loc[0]}]"
            return (), "scheme.problem.missing_table", {"key": header}
        return path[:-1], "scheme.problem.missing_key", {"key": loc[-1]}
    if kind == "extra_forbidden":
        if len(loc) == 3 and loc[:2] == ("policy", "rules"):
            return (
                path,
                "scheme.policy.unknown_rule",
                {
                    "rule": clip(loc[2]),
                    "known": ", ".join(RULE_IDS),
                },
            )
        allowed = allowed_keys(loc[:-1], data)
        return (
            path,
            "scheme.problem.unknown_key",
            {
                "key": clip(str(loc[-1])),
                "allowed": ", ".join(allowed),
            },
        )
    if kind == "int_type" and isinstance(value, float):
        return path, "scheme.policy.not_whole", {"value": repr(value)}
    if kind in EXPECTED:
        expected = EXPECTED[kind]
        if kind == "list_type" and loc == ("items",):
            expected = "scheme.type.items"
        return path, "scheme.problem.type", {"expected": Term(expected), "found": toml_type(value)}
    if kind == "finite_number":
        return path, "scheme.problem.not_finite", {"value": show(value)}
    if kind in ("greater_than_equal", "less_than_equal"):  # only the ±MAX_ABS bounds
        return path, "scheme.problem.too_large", {"value": show(value), "limit": MAX_ABS}
    assert kind not in KNOWN_TYPES, kind
    params = dict(error.get("ctx") or {})
    if kind == "scheme.policy.yearly_period":
        params["rule"] = loc[2]
    if kind.startswith(("scheme.", "dues.")):
        return path, kind, params
    # a pydantic error no model here raises: shown in pydantic's words rather than lost
    return path, "scheme.problem.syntax", {"detail": error.get("msg", kind)}


def allowed_keys(table: tuple[Any, ...], data: dict[str, Any]) -> tuple[str, ...]:
    """The keys the table at ``table`` (a pydantic location) allows, in documented order."""
    match table:
        case ():
            return TOP_KEYS
        case ("scheme",):
            return SCHEME_KEYS
        case ("points",):
            return POINTS_KEYS
        case ("statuses",):
            return STATUSES_KEYS
        case ("grades", _):
            return CUTOFF_KEYS
        case ("appraisal",):
            return APPRAISAL_KEYS
        case ("appraisal", "ballot_values"):
            return BALLOT_VALUE_KEYS
        case ("items", int(i)):
            return ITEM_KEYS
        case ("items", int(i), "derive"):
            body = data["items"][i]["derive"]
            return DUES_DERIVE_KEYS if "dues" in body else DERIVE_KEYS
        case ("policy",):
            return POLICY_KEYS
        case ("policy", "rules", str(rule)):
            return RULE_KEYS[rule]
        case ("policy", "rules", _, "ladder", _):
            return LADDER_KEYS
    raise AssertionError(table)  # pragma: no cover - every model is listed above


def in_key_order(found: list[Problem], data: dict[str, Any]) -> list[Problem]:
    """Missing keys of one table in the documented order (some models validate their keys
    in another order, so that a rule between keys can be told on the later one)."""
    out = list(found)
    slots: dict[Path, list[int]] = {}
    for n, (path, key, _) in enumerate(found):
        if key == "scheme.problem.missing_key":
            slots.setdefault(path, []).append(n)
    for path, where in slots.items():
        table = tuple(p - 1 if isinstance(p, int) else p for p in path)
        order = allowed_keys(table, data)
        ranked = sorted((found[n] for n in where), key=lambda p: order.index(str(p[2]["key"])))
        for n, problem in zip(where, ranked):
            out[n] = problem
    return out


def located(file: str, text: str, found: list[Problem]) -> list[SchemeProblem]:
    """Each problem at the position of its key, or of the nearest table that is written."""
    positions = key_positions(text)
    out: list[SchemeProblem] = []
    for path, key, params in found:
        where = None
        for n in range(len(path), 0, -1):
            where = positions.get(render_path(path[:n]))
            if where:
                break
        line, column = where if where else (None, None)
        out.append(
            SchemeProblem(file, key, params, render_path(path) if path else None, line, column)
        )
    return out

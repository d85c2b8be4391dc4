"""The scoring scheme file: TOML text in, a checked ``Scheme`` out, or every problem at once.

Pure: no I/O beyond reading the packaged default, no SQL, no UI. ``parse_scheme`` refuses
any doubt (unknown keys, wrong types, inconsistent numbers) with a ``SchemeError`` whose
``problems`` print as ``FILE:LINE:COLUMN: path: message`` — or ``FILE: path: message``
where the position is not known. TOML syntax errors take their position from the TOML
reader; problems with a value take the position of its key from a scan of the text.

The package, in the order a scheme goes through it:
- ``vocabulary``: the keys each table allows, bounds, Chinese spellings;
- ``errors``: ``SchemeProblem`` / ``SchemeError`` and TOML syntax errors;
- ``document``: the pydantic models of the file (types, ranges, rules between keys);
- ``positions``: where each key path begins in the text;
- ``checker``: pydantic's errors as our problems, at their ``FILE:LINE:COL``;
- ``build``: the validated document as ``scoring.model.Scheme``;
- ``summary``: the scheme in words (``scheme check`` / ``scheme show``).

The layout is documented key by key in docs/scheme.md; ``default_scheme.toml`` beside
this package is the bundled default and the worked example.
"""

from __future__ import annotations

import hashlib
import sys

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

from orglife_tui.scoring.model import Scheme
from orglife_tui.scoring.scheme.errors import SchemeError, SchemeProblem, syntax_problem
from orglife_tui.scoring.scheme.positions import key_positions, render_path
from orglife_tui.scoring.scheme.summary import policy_lines, summary_lines
from orglife_tui.scoring.scheme.vocabulary import (
    ABSENCE_RULE_KEYS,
    ACTION_ZH,
    APPRAISAL_KEYS,
    BALLOT_VALUE_KEYS,
    CATEGORY_ZH,
    CODE_PATTERN,
    CUTOFF_KEYS,
    DEFAULT_SCHEME_RESOURCE,
    DERIVE_KEYS,
    DUES_DERIVE_KEYS,
    DUES_GRACE_MONTHS,
    DUES_SOURCES,
    FREQUENCY_RULE_KEYS,
    GRACE_MONTHS,
    ITEM_KEYS,
    ITEM_NAME_LIMIT,
    LADDER_KEYS,
    LADDER_MONTHS,
    MAX_ABS,
    NAME_LIMIT,
    PERIOD_ZH,
    PERIODS,
    POINTS_KEYS,
    POLICY_KEYS,
    PUBLICITY_DAYS,
    RULE_KEYS,
    SCHEME_KEYS,
    SEVERITY_ZH,
    SIMPLE_RULE_KEYS,
    STATUSES_KEYS,
    TALK_RULE_KEYS,
    TALKS_PER_MEMBER,
    TIMES,
    TOP_KEYS,
    UNIT_ZH,
    VERSION_LIMIT,
    YEARLY_RULE_KEYS,
)


def scheme_hash(text: str) -> str:
    """The SHA-256 (hex) of the scheme text as UTF-8: what versions and exports cite."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def default_scheme_text() -> str:
    """The bundled default scheme (``default_scheme.toml``), as shipped in the package."""
    from importlib.resources import files

    return files("orglife_tui.scoring").joinpath(DEFAULT_SCHEME_RESOURCE).read_text("utf-8")


def default_scheme() -> Scheme:
    return parse_scheme(default_scheme_text(), DEFAULT_SCHEME_RESOURCE)


def parse_scheme(text: str, file: str = "<scheme>") -> Scheme:
    """Read and check a scheme; raise ``SchemeError`` listing every problem found."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise SchemeError([SchemeProblem(file, "scheme.problem.not_utf8")]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SchemeError([syntax_problem(file, text, exc)]) from None
    except RecursionError:
        raise SchemeError([SchemeProblem(file, "scheme.problem.too_deep")]) from None
    except ValueError as exc:  # e.g. an integer longer than Python converts
        detail = str(exc).split(":")[0]
        raise SchemeError(
            [SchemeProblem(file, "scheme.problem.syntax", {"detail": detail})]
        ) from None
    # the pydantic models load only when a scheme is checked, not when the package is read
    from orglife_tui.scoring.scheme.checker import check

    return check(file, text, data)


__all__ = [
    "ABSENCE_RULE_KEYS",
    "ACTION_ZH",
    "APPRAISAL_KEYS",
    "BALLOT_VALUE_KEYS",
    "CATEGORY_ZH",
    "CODE_PATTERN",
    "CUTOFF_KEYS",
    "DEFAULT_SCHEME_RESOURCE",
    "DERIVE_KEYS",
    "DUES_DERIVE_KEYS",
    "DUES_GRACE_MONTHS",
    "DUES_SOURCES",
    "FREQUENCY_RULE_KEYS",
    "GRACE_MONTHS",
    "ITEM_KEYS",
    "ITEM_NAME_LIMIT",
    "LADDER_KEYS",
    "LADDER_MONTHS",
    "MAX_ABS",
    "NAME_LIMIT",
    "PERIODS",
    "PERIOD_ZH",
    "POINTS_KEYS",
    "POLICY_KEYS",
    "PUBLICITY_DAYS",
    "RULE_KEYS",
    "SCHEME_KEYS",
    "SEVERITY_ZH",
    "SIMPLE_RULE_KEYS",
    "STATUSES_KEYS",
    "TALKS_PER_MEMBER",
    "TALK_RULE_KEYS",
    "TIMES",
    "TOP_KEYS",
    "UNIT_ZH",
    "VERSION_LIMIT",
    "YEARLY_RULE_KEYS",
    "SchemeError",
    "SchemeProblem",
    "default_scheme",
    "default_scheme_text",
    "key_positions",
    "parse_scheme",
    "policy_lines",
    "render_path",
    "scheme_hash",
    "summary_lines",
]

"""The typing rules of issue 11 §2: mypy checks the whole package (strict where the rules
live), and no ``type: ignore`` is written without the error it silences and why."""

import io
import re
import sys
import tokenize
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "orglife_tui"

# A comment that silences mypy at all ...
IGNORE = re.compile(r"type:\s*ignore")
# ... must name its error codes and give a reason after them: `# type: ignore[code]  # why`.
REASONED = re.compile(r"# type: ignore\[[a-z0-9-]+(, ?[a-z0-9-]+)*\]  # \S")

# The per-module flags that `mypy --strict` turns on (`strict` itself is global only).
STRICT_FLAGS = {
    "disallow_any_generics": True,
    "disallow_subclassing_any": True,
    "disallow_untyped_calls": True,
    "disallow_untyped_defs": True,
    "disallow_incomplete_defs": True,
    "check_untyped_defs": True,
    "disallow_untyped_decorators": True,
    "warn_unused_ignores": True,
    "warn_return_any": True,
    "implicit_reexport": False,
    "strict_equality": True,
    "extra_checks": True,
}
STRICT_PACKAGES = {"orglife_tui.domain.*", "orglife_tui.scoring.*", "orglife_tui.compliance.*"}


def _comments(path: Path):
    """(line number, text) of every comment of a Python file (strings are not comments)."""
    source = path.read_text(encoding="utf-8")
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            yield token.start[0], token.string


def unreasoned_ignores(root: Path) -> list[str]:
    """``file:line: comment`` of every ``type: ignore`` without codes and a reason."""
    found = []
    for path in sorted(root.rglob("*.py")):
        for line, comment in _comments(path):
            if IGNORE.search(comment) and not REASONED.search(comment):
                found.append(f"{path.relative_to(root.parent)}:{line}: {comment}")
    return found


def test_every_type_ignore_names_its_code_and_reason():
    assert unreasoned_ignores(PACKAGE) == []


def test_the_rule_catches_a_bare_or_unexplained_ignore(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "a.py").write_text(
        "x: int = 'a'  # type: ignore\n"
        "y: int = 'b'  # type: ignore[assignment]\n"
        "z: int = 'c'  # type:ignore[assignment]  # no space after the colon\n"
        "w: int = 'd'  # type: ignore[assignment]  # a reason: kept\n"
        "s = '# type: ignore in a string is no comment'\n",
        encoding="utf-8",
    )
    assert [f.split(":")[1] for f in unreasoned_ignores(package)] == ["1", "2", "3"]


def test_mypy_checks_the_whole_package_and_the_rules_strictly():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert config["files"] == ["orglife_tui"]
    assert config["check_untyped_defs"] is True
    assert config["warn_unused_ignores"] is True
    strict = [o for o in config["overrides"] if set(o["module"]) >= STRICT_PACKAGES]
    assert len(strict) == 1, "one override lists domain, scoring and compliance"
    flags = {**config, **strict[0]}  # global flags hold unless the override says otherwise
    assert {flag: flags.get(flag) for flag in STRICT_FLAGS} == STRICT_FLAGS

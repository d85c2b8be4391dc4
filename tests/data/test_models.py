"""The Core-table aliases (``member_t``, ``talk_t`` …) are declared once, beside the models,
and every module imports them from there: a private copy could drift to another table."""

import re
from pathlib import Path

from sqlalchemy import Table
from sqlmodel import SQLModel

from orglife_tui.data import models

PACKAGE = Path(__file__).resolve().parents[2] / "orglife_tui"
# What declares an alias: the helper, or the attribute SQLModel sets on a table model.
DECLARES = re.compile(r"\btable_of\(|\.__table__\b")


def private_aliases(root: Path) -> list[str]:
    """``file:line`` of every table lookup outside ``data/models.py``."""
    found = []
    for path in sorted(root.rglob("*.py")):
        if path.relative_to(root).as_posix() == "data/models.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if DECLARES.search(line):
                found.append(f"{path.relative_to(root).as_posix()}:{number}")
    return found


def test_every_table_model_has_exactly_one_alias_in_models():
    table_models = [
        value
        for value in vars(models).values()
        if isinstance(value, type) and issubclass(value, SQLModel) and hasattr(value, "__table__")
    ]
    aliases = {name: value for name, value in vars(models).items() if isinstance(value, Table)}
    assert models.Member in table_models and models.AppraisalDecision in table_models
    for model in table_models:
        named = [name for name, table in aliases.items() if table is models.table_of(model)]
        assert len(named) == 1 and named[0].endswith("_t"), (model.__name__, named)
    assert len(aliases) == len(table_models)
    assert models.member_t.name == "member" and models.talk_t.name == "talk"


def test_no_module_but_models_declares_a_table_alias():
    assert private_aliases(PACKAGE) == []


def test_the_rule_finds_a_private_copy(tmp_path):
    package = tmp_path / "pkg"
    (package / "data").mkdir(parents=True)
    (package / "data" / "models.py").write_text("member_t = table_of(Member)\n")
    (package / "data" / "talks.py").write_text(
        "from pkg.data.models import member_t\ntalk_t = table_of(Talk)\n"
    )
    (package / "data" / "plans.py").write_text("x = 1\nplan_t = PlanItem.__table__\n")
    assert private_aliases(package) == ["data/plans.py:2", "data/talks.py:2"]

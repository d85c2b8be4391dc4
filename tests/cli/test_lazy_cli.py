"""The command line loads only what the command it runs needs (issue 11 §4).

``orglife-tui members list`` and ``export scores`` run over SSH many times a day: they must
not pay for Textual, spreadsheets, migrations, ballot sealing or the PostgreSQL driver, and
``main`` builds only the commands of the one it runs. These are properties of what is
imported, checked in a fresh interpreter; the timings are in benchmarks/, not here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from orglife_tui.cli import main as cli_main
from orglife_tui.cli.app import COMMAND_MODULES, OWN_COMMANDS
from orglife_tui.cli.main import build_app, command_of
from orglife_tui.data.store import Store
from orglife_tui.domain import MemberStatus
from orglife_tui.domain.records import MemberInput

# Not one of these may be imported by a listing or a CSV export of a migrated SQLite file.
HEAVY = (
    "textual",  # the terminal UI
    "orglife_tui.tui",
    "openpyxl",  # XLSX only
    "alembic",  # only when the schema is behind
    "nacl",  # sealing ballots only
    "psycopg",  # PostgreSQL URLs only
)


def loaded_heavy(*argv: str, heavy: tuple[str, ...] = HEAVY) -> list[str]:
    """Run ``orglife-tui ARGV`` in a fresh interpreter; the heavy modules it imported."""
    code = (
        f"HEAVY = {json.dumps(json.dumps(heavy))}\n"
        "import json, sys\n"
        "from orglife_tui.cli.main import main\n"
        "sys.argv = ['orglife-tui', *sys.argv[1:]]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
        "heavy = json.loads(HEAVY)\n"
        "loaded = sorted(m for m in sys.modules if any(m == h or m.startswith(h + '.') "
        "for h in heavy))\n"
        "print('LOADED=' + json.dumps(loaded), file=sys.stderr)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *argv], capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stderr
    line = next(x for x in out.stderr.splitlines() if x.startswith("LOADED="))
    return json.loads(line.removeprefix("LOADED="))


@pytest.fixture
def branch_db(sqlite_url) -> str:
    """A migrated SQLite file with a branch of two members (the scheme is the default)."""
    store = Store.open(sqlite_url, operator="tester", today=lambda: date(2025, 6, 30))
    b = store.resolve_branch("第一党支部")
    store.add_members(
        b.id,
        [
            MemberInput("001", "张伟", MemberStatus.full, join_date=date(2001, 7, 1)),
            MemberInput("002", "李娜", MemberStatus.probationary),
        ],
    )
    store.close()
    return sqlite_url.removeprefix("sqlite:///")


def test_members_list_loads_nothing_heavy(branch_db):
    # Rich draws the table format only; the scheme (and its pydantic models) is not read.
    quiet = (*HEAVY, "rich", "orglife_tui.scoring.scheme")
    for fmt in ("json", "csv"):
        assert loaded_heavy("--db", branch_db, "members", "list", "-f", fmt, heavy=quiet) == []
    assert loaded_heavy("--db", branch_db, "members", "list", "--format", "table") == []


def test_export_scores_as_csv_loads_nothing_heavy(branch_db, tmp_path):
    out = tmp_path / "scores.csv"
    argv = ("--db", branch_db, "export", "scores", "--year", "2025", "--format", "csv")
    assert loaded_heavy(*argv, "-o", str(out), heavy=(*HEAVY, "rich")) == []
    assert out.exists()


def test_a_database_behind_the_schema_still_loads_alembic_to_migrate(tmp_path):
    """The other side of "Alembic only when the schema is behind": a new file is migrated."""
    db = tmp_path / "new.db"
    assert "alembic" in loaded_heavy("--db", str(db), "members", "list")


# ---------------------------------------------------------------------------- one command


def _tree(command) -> object:
    """A Click command as nested names: its parameters, and its subcommands'."""
    params = sorted(p.name or "" for p in command.params)
    subs = {name: _tree(c) for name, c in getattr(command, "commands", {}).items()}
    return (params, subs)


def test_every_command_module_is_listed():
    """A module of cli/commands/ that adds commands is in COMMAND_MODULES, or main would
    never build its commands."""
    folder = Path(cli_main.__file__).with_name("commands")
    registering = {
        p.stem for p in folder.glob("*.py") if "\ndef register(" in p.read_text(encoding="utf-8")
    }
    assert registering == set(COMMAND_MODULES)


def test_building_one_command_builds_it_exactly_as_the_whole_app_does():
    whole = typer.main.get_command(build_app())
    assert set(whole.commands) == {
        *OWN_COMMANDS,
        *(name for names in COMMAND_MODULES.values() for name in names),
    }
    for name, command in whole.commands.items():
        alone = typer.main.get_command(build_app(name))
        assert name in alone.commands
        assert _tree(alone.commands[name]) == _tree(command), name
        assert len(alone.commands) < len(whole.commands)


def test_an_unknown_command_builds_everything_for_the_error_message():
    whole = typer.main.get_command(build_app())
    assert set(typer.main.get_command(build_app("membrs")).commands) == set(whole.commands)


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        ([], None),
        (["--lang", "zh"], None),
        (["--help"], None),
        (["--db", "members", "members", "list"], "members"),
        (["--db=x.db", "--branch", "b", "export", "scores"], "export"),
        (["--version"], None),
        (["members", "list", "--db", "x.db"], "members"),
    ],
)
def test_the_command_is_found_past_the_root_options(argv, command):
    assert command_of(argv) == command


# ---------------------------------------------------------------------------- the bare command

UI_ARGVS = [
    [],
    ["--db", "x.db"],
    ["--db=x.db", "--lang", "zh"],
    ["--branch", "第二党支部", "--lang=en"],
    ["--lang", "en", "--db", "a.db", "--branch", "b", "--db", "b.db"],
]


@pytest.mark.parametrize("argv", UI_ARGVS)
@pytest.mark.parametrize("env", [{}, {"ORGLIFE_DB": "env.db", "ORGLIFE_BRANCH": "第三党支部"}])
def test_the_bare_command_starts_the_ui_as_the_typer_root_does(argv, env, monkeypatch):
    """Without Typer (the quick way) and through Typer's root, the UI gets the same
    database, branch and language."""
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    calls = []
    monkeypatch.setattr(cli_main, "run_ui", lambda *args: calls.append(args))
    monkeypatch.setattr(sys, "argv", ["orglife-tui", *argv])
    assert cli_main.ui_options(argv) is not None
    cli_main.main()
    cli_main._early_language(argv)
    result = CliRunner().invoke(build_app(), argv)
    assert result.exit_code == 0, result.output
    assert len(calls) == 2 and calls[0] == calls[1]


@pytest.mark.parametrize(
    "argv",
    [["--help"], ["-h"], ["--version"], ["where"], ["--lang", "xx"], ["--db"], ["--verbose"]],
)
def test_anything_but_the_root_options_goes_through_typer(argv):
    assert cli_main.ui_options(argv) is None


def test_the_ui_starts_without_typer_or_pydantic(tmp_path):
    code = (
        "import sys\n"
        "import orglife_tui.cli.main as cli\n"
        "def run_ui(url, branch, lang):\n"
        "    loaded = [m for m in ('typer', 'pydantic', 'orglife_tui.cli.app') if m in sys.modules]\n"
        "    print('LOADED=' + ','.join(loaded))\n"
        "cli.run_ui = run_ui\n"
        "sys.argv = ['orglife-tui', '--db', sys.argv[1], '--lang', 'zh']\n"
        "cli.main()\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "a.db")], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert "LOADED=\n" in out.stdout

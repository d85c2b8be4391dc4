"""The dependency arrows of docs/architecture.md §4, written down as import-linter contracts."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_linter_contracts_hold():
    beside = Path(sys.executable).with_name("lint-imports")
    lint = str(beside) if beside.exists() else shutil.which("lint-imports")
    assert lint, "import-linter is not installed (pip install -e '.[test]')"
    out = subprocess.run(
        [lint, "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 broken" in out.stdout


def test_every_catalog_key_has_both_languages():
    from orglife_tui.locale import _load

    for key, pair in _load().items():
        assert len(pair) == 2 and all(isinstance(s, str) and s for s in pair), key

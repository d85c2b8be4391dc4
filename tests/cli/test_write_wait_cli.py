"""`orglife-tui` waiting for another writer (issue 10 §5), as a second process, on both
databases: the waiting line on stderr, success once the lock is free, a clear message and
exit code 1 at the timeout, never the unexpected-error line."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from orglife_tui.data.store import Store
from tests.data.test_write_wait import holder


@pytest.fixture
def url(db_url) -> str:
    Store.open(db_url, operator="t").close()
    return db_url


def start(url: str, timeout: str, lang: str = "en", *args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, ORGLIFE_LOCK_TIMEOUT=timeout, PYTHONUNBUFFERED="1")
    return subprocess.Popen(
        [sys.executable, "-m", "orglife_tui", "--db", url, "--lang", lang, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
    )


def test_the_cli_says_it_waits_and_succeeds_when_the_other_writer_finishes(url):
    with holder(url) as release:
        proc = start(url, "60", "en", "branch", "add", "第二党支部")
        assert proc.stderr is not None
        first = proc.stderr.readline()  # blocks until the waiting line (or the end)
        assert first.startswith("Waiting for another writer… (up to 60 s)"), first
        release.set()
        out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, first + err
    assert "第二党支部" in out
    store = Store.open(url, operator="t")
    try:
        assert "第二党支部" in [b.name for b in store.branches()]
    finally:
        store.close()


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "Another user kept the database busy for 2 s; nothing was changed."),
        ("zh", "另一用户占用数据库已超过 2 秒，未作任何修改。"),
    ],
)
def test_the_cli_gives_up_at_the_timeout_with_one_clear_line(url, lang, message):
    with holder(url):
        proc = start(url, "2", lang, "branch", "add", "第二党支部")
        out, err = proc.communicate(timeout=120)
    assert proc.returncode == 1, err
    lines = err.strip().splitlines()
    assert len(lines) == 2, err  # the waiting line, then the refusal
    assert "2" in lines[0] and ("Waiting" in lines[0] or "等待" in lines[0])
    assert message in lines[1]
    assert "Traceback" not in err and "Unexpected" not in err and "意外" not in err

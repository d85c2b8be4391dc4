"""Shared fixtures: every storage test runs on SQLite and, when a server is given, PostgreSQL.

``ORGLIFE_TEST_PG`` is an admin URL (``postgresql+psycopg://postgres@127.0.0.1:54329/postgres``);
each test gets a database of its own, dropped afterwards. ``.ci/run`` starts the server
and sets ``ORGLIFE_REQUIRE_PG=1`` so that a missing server fails the run instead of
skipping the PostgreSQL half.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

from orglife_tui.locale import set_language

PG_ENV = "ORGLIFE_TEST_PG"


def _pg_admin_url() -> str | None:
    url = os.environ.get(PG_ENV)
    if not url and os.environ.get("ORGLIFE_REQUIRE_PG") == "1":
        pytest.fail(f"{PG_ENV} is not set but ORGLIFE_REQUIRE_PG=1")
    return url


@pytest.fixture(autouse=True)
def _english_and_isolated(monkeypatch: pytest.MonkeyPatch, tmp_path_factory) -> Iterator[None]:
    """Tests start in English, never see the developer's database or branch variables."""
    for var in (
        "ORGLIFE_DB",
        "ORGLIFE_BRANCH",
        "ORGLIFE_TODAY",
        "LC_ALL",
        "LC_MESSAGES",
        "LANGUAGE",
    ):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    set_language("en")
    yield
    set_language("en")


@pytest.fixture(autouse=True)
def _fast_tally_passwords(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id at its minimum limits: the tally passwords' wrapping is tested for what it
    does, not for how slow it is (production keeps libsodium's "moderate" limits)."""
    import nacl.pwhash

    from orglife_tui.data import sealing

    monkeypatch.setattr(sealing, "KDF_OPSLIMIT", nacl.pwhash.argon2id.OPSLIMIT_MIN)
    monkeypatch.setattr(sealing, "KDF_MEMLIMIT", nacl.pwhash.argon2id.MEMLIMIT_MIN)


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'branch.db'}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    admin = _pg_admin_url()
    if not admin:
        pytest.skip(f"PostgreSQL not configured ({PG_ENV} unset)")
    from sqlalchemy import create_engine, text

    name = f"orglife_test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    base, _, _ = admin.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request) -> str:
    """A fresh, empty database URL: the test runs once on each backend."""
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")


@pytest.fixture
def store(db_url):
    from orglife_tui.data.store import Store

    s = Store.open(db_url, operator="tester")
    yield s
    s.close()


@pytest.fixture
def branch(store):
    return store.resolve_branch("第一党支部")


@pytest.fixture
def sqlite_store(sqlite_url):
    from orglife_tui.data.store import Store

    s = Store.open(sqlite_url, operator="tester")
    yield s
    s.close()

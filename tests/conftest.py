"""Shared fixtures: every storage test runs on SQLite and, when a server is given, PostgreSQL.

``ORGLIFE_TEST_PG`` is an admin URL (``postgresql+psycopg://postgres@127.0.0.1:54329/postgres``);
a test's SQLite database is a copy of a migrated template made once per session (per
xdist worker); its PostgreSQL database is the worker's one, emptied for it or copied anew
from the migrated template (tests/pg_databases.py). ``db_url``, ``sqlite_url`` and
``pg_url`` are at the newest schema with no branch, as ``Store.open`` leaves a new
database; ``fresh_db_url``, ``fresh_sqlite_url`` and ``fresh_pg_url`` are new and empty
for the tests of creating and migrating one. ``.ci/run`` starts the server
and sets ``ORGLIFE_REQUIRE_PG=1`` so that a missing server fails the run instead of
skipping the PostgreSQL half.
"""

from __future__ import annotations

import copy
import gc
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

import pytest

from orglife_tui.locale import set_language
from tests.pg_databases import ReusedDatabase, new_database

if TYPE_CHECKING:
    from orglife_tui.data.store import Store

T = TypeVar("T")
PG_ENV = "ORGLIFE_TEST_PG"
GC_THRESHOLDS = (10_000, 20, 20)


def _start_order(item: pytest.Item) -> int:
    if item.get_closest_marker("slow"):
        return 0
    return 1 if item.nodeid.startswith("tests/tui/") else 2


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Long tests first, short ones last: xdist hands tests out in this order, and a run
    ends when its last test does. The slow-marked, then the Pilot tests (seconds each),
    then the rest (mostly well under a second), each in collection order."""
    items.sort(key=_start_order)


def pytest_collection_finish(session: pytest.Session) -> None:
    """The garbage collector tuned for a test process: what the imports and the collection
    made lives for the whole run and is frozen out of every collection, and the young
    generation is collected every 10,000 allocations instead of 700 (Textual apps leave
    many short-lived cycles). With the defaults a Pilot test worker spent over a quarter of
    its CPU in the collector; the suite's CPU fell by an eighth. Much higher thresholds
    made it slower again: garbage then piles up for full collections of seconds."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


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
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    # CLI tables are as wide as the terminal: the tests see 120 columns, what a run
    # without a terminal gets, whether pytest runs in an 80-column terminal or in an
    # xdist worker (which sets COLUMNS=80).
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.delenv("LINES", raising=False)
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


def _open_and_close(url: str) -> None:
    """Store.open migrates a new database to the newest schema; nothing else is written."""
    from orglife_tui.data.store import Store

    Store.open(url, operator="template", lock_timeout=10.0).close()


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory) -> Path:
    """A SQLite file that Store.open has migrated, made once per session (per xdist
    worker): a test's database is a copy of it, not a fresh run of the migrations."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    _open_and_close(f"sqlite:///{path}")
    # The engine is disposed: the last connection checkpointed the WAL into the file.
    assert not path.with_name(path.name + "-wal").exists(), "template WAL not checkpointed"
    return path


@pytest.fixture
def fresh_sqlite_url(tmp_path) -> str:
    """The URL of a SQLite file that does not exist yet (creation, modes, migrations)."""
    return f"sqlite:///{tmp_path / 'branch.db'}"


@pytest.fixture
def sqlite_url(tmp_path, _sqlite_template) -> str:
    """A SQLite database at the newest schema with no branch yet: exactly what
    ``Store.open`` leaves of a new file (a copy of the session's template, mode 0600)."""
    path = tmp_path / "branch.db"
    shutil.copyfile(_sqlite_template, path)
    os.chmod(path, 0o600)
    return f"sqlite:///{path}"


@pytest.fixture(scope="session")
def _pg_template() -> Iterator[str]:
    """A PostgreSQL database that Store.open has migrated, once per session (per xdist
    worker); the worker's test database and the prebuilt ones are ``CREATE DATABASE …
    TEMPLATE`` it (a file copy, about a tenth of a fresh migration). Its engine is
    disposed: a template must have no connections while it is copied."""
    admin = _pg_admin_url()
    assert admin
    for url in new_database(admin):
        _open_and_close(url)
        yield url.rpartition("/")[2]


@pytest.fixture(scope="session")
def _pg_reused(_pg_template: str) -> Iterator[ReusedDatabase]:
    admin = _pg_admin_url()
    assert admin
    database = ReusedDatabase(admin, _pg_template)
    yield database
    database.drop()


@pytest.fixture
def fresh_pg_url() -> Iterator[str]:
    """An empty PostgreSQL database of the test's own, dropped afterwards."""
    admin = _pg_admin_url()
    if not admin:
        pytest.skip(f"PostgreSQL not configured ({PG_ENV} unset)")
    yield from new_database(admin)


@pytest.fixture
def pg_url(request) -> str:
    """A PostgreSQL database at the newest schema with no branch yet, as the migrated
    template is: the worker's database emptied for this test (tests/pg_databases.py), or
    a new copy of the template when the test before changed its schema."""
    if not _pg_admin_url():
        pytest.skip(f"PostgreSQL not configured ({PG_ENV} unset)")
    reused: ReusedDatabase = request.getfixturevalue("_pg_reused")
    return reused.take()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request) -> str:
    """A database at the newest schema with no branch yet, as ``Store.open`` leaves a new
    one: the test runs once on each backend."""
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_db_url(request) -> str:
    """A new, empty database (a SQLite file not yet created): for the tests of creating
    and migrating a database. The test runs once on each backend."""
    return request.getfixturevalue(
        "fresh_sqlite_url" if request.param == "sqlite" else "fresh_pg_url"
    )


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


class Prebuilt:
    """Databases a builder (``membership_year.build`` …) filled once per session and backend
    (per xdist worker), copied into a test's own database: the tests read and write their
    copy, and the copy holds exactly what the builder wrote."""

    def __init__(self, request: pytest.FixtureRequest, folder: Path) -> None:
        self._request = request
        self._folder = folder
        self._built: dict[tuple[str, str], tuple[str, object]] = {}
        self._databases: list[Iterator[str]] = []  # the PostgreSQL ones, dropped at the end

    def __call__(
        self, url: str, build: Callable[[Store], T], open_store: Callable[[str], Store]
    ) -> T:
        """Fill the database at ``url`` (from ``db_url``, not opened yet) with what
        ``build(open_store(url))`` writes, and return what ``build`` returned (a copy)."""
        backend = "sqlite" if url.startswith("sqlite") else "postgresql"
        key = (f"{build.__module__}.{build.__qualname__}", backend)
        if key not in self._built:
            self._built[key] = self._build(backend, build, open_store)
        source, result = self._built[key]
        if backend == "sqlite":
            path = Path(url[len("sqlite:///") :])
            for side in ("", "-wal", "-shm"):
                path.with_name(path.name + side).unlink(missing_ok=True)
            shutil.copyfile(source, path)
            os.chmod(path, 0o600)
        else:
            reused: ReusedDatabase = self._request.getfixturevalue("_pg_reused")
            assert url == reused.url
            reused.replace_with_copy_of(source)
        return cast(T, copy.deepcopy(result))  # each test may change its own copy

    def _build(self, backend: str, build, open_store) -> tuple[str, object]:
        if backend == "sqlite":
            path = self._folder / f"built{len(self._built)}.db"
            shutil.copyfile(self._request.getfixturevalue("_sqlite_template"), path)
            os.chmod(path, 0o600)
            url, source = f"sqlite:///{path}", str(path)
        else:
            admin = _pg_admin_url()
            assert admin
            databases = new_database(admin, self._request.getfixturevalue("_pg_template"))
            url = next(databases)
            self._databases.append(databases)
            source = url.rpartition("/")[2]
        store = open_store(url)
        try:
            result = build(store)
        finally:
            store.close()  # a template has no connections while it is copied
        return source, result

    def drop(self) -> None:
        for databases in self._databases:
            next(databases, None)  # runs the generator's DROP DATABASE


@pytest.fixture(scope="session")
def _prebuilt(request, tmp_path_factory) -> Iterator[Prebuilt]:
    built = Prebuilt(request, tmp_path_factory.mktemp("prebuilt"))
    yield built
    built.drop()


@pytest.fixture
def prebuilt(_prebuilt: Prebuilt, request) -> Prebuilt:
    """``prebuilt(db_url, build, open_store)``: the test's database filled by ``build``,
    built once per session and backend and copied (see :class:`Prebuilt`)."""
    _prebuilt._request = request  # the templates are asked for by the test that needs them
    return _prebuilt

"""Where things live: the database URL, the config directory, the operator's name."""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

APP_NAME = "orglife-tui"
DB_ENV = "ORGLIFE_DB"
BRANCH_ENV = "ORGLIFE_BRANCH"
DEFAULT_DB_FILE = "orglife.db"


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def default_db_path() -> Path:
    return data_dir() / DEFAULT_DB_FILE


def _looks_like_url(text: str) -> bool:
    head, sep, _ = text.partition("://")
    return bool(sep) and head.replace("+", "").replace("_", "").isalnum()


def resolve_db_url(option: str | None, env: dict[str, str] | None = None) -> str:
    """The SQLAlchemy URL to use: ``--db``, else ``$ORGLIFE_DB``, else the default file.

    A plain path (``demo.db``, ``~/branch.db``) means a SQLite file.
    """
    env = dict(os.environ) if env is None else env
    value = option or env.get(DB_ENV) or ""
    if not value:
        return sqlite_url(default_db_path())
    if _looks_like_url(value):
        return value
    return sqlite_url(Path(value).expanduser())


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.resolve()}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    if not url.startswith("sqlite"):
        return None
    _, _, rest = url.partition(":///")
    if not rest or rest == ":memory:" or rest.startswith("file::memory:"):
        return None
    return Path(rest.split("?", 1)[0])


def redact_url(url: str) -> str:
    """The URL with any password masked, for messages and `where`."""
    head, sep, rest = url.partition("://")
    if not sep or "@" not in rest:
        return url
    creds, _, host = rest.rpartition("@")
    user, colon, _ = creds.partition(":")
    return f"{head}://{user}{':***' if colon else ''}@{host}"


def operator() -> str:
    """The login user, recorded with every change (docs/architecture.md §5)."""
    try:
        return getpass.getuser()
    except Exception:  # no passwd entry in some containers
        return os.environ.get("USER", "unknown")


@dataclass(frozen=True)
class Settings:
    db_url: str
    branch: str | None
    lang: str


TODAY_ENV = "ORGLIFE_TODAY"


def clock(env: dict[str, str] | None = None) -> Callable[[], date] | None:
    """The clock commands use: ``ORGLIFE_TODAY=YYYY-MM-DD`` fixes "today" for scripts and
    tests (rules that depend on the date never read the real one there); unset, None (the
    store then asks the system)."""
    value = (os.environ if env is None else env).get(TODAY_ENV, "").strip()
    if not value:
        return None
    fixed = date.fromisoformat(value)
    return lambda: fixed


LOCK_TIMEOUT_ENV = "ORGLIFE_LOCK_TIMEOUT"
DEFAULT_LOCK_TIMEOUT = 60.0


def lock_timeout(env: dict[str, str] | None = None) -> float:
    """How many seconds a write waits for another writer: ``ORGLIFE_LOCK_TIMEOUT`` (a
    positive number), else 60. A value that is not one raises ValueError carrying it."""
    value = (os.environ if env is None else env).get(LOCK_TIMEOUT_ENV, "").strip()
    if not value:
        return DEFAULT_LOCK_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        raise ValueError(value) from None
    if not (0 < seconds <= 24 * 3600):  # also refuses nan and inf
        raise ValueError(value)
    return seconds

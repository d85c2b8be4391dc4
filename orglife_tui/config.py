"""Where things live: the database URL, the config directory and file, the operator's name.

The config file (``config.toml`` in the platformdirs config directory) holds the
``lang``, ``db`` and ``branch`` a secretary would otherwise type each time; an option
(``--lang``, ``--db``, ``--branch``) wins over the environment (``ORGLIFE_DB``,
``ORGLIFE_BRANCH``), which wins over the file, which wins over the defaults.
This module sits below the message catalog: its errors carry catalog keys, which the
faces turn into text."""

from __future__ import annotations

import getpass
import os
import re
import sys
import tempfile
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


# --- the config file

CONFIG_FILE = "config.toml"
CONFIG_KEYS = ("lang", "db", "branch")
# The catalog's languages (locale.LANGUAGES): the config sits below the catalog.
CONFIG_LANGS = ("zh", "en")
# Control characters and bidi overrides: a value shown later must not drive the terminal.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class ConfigError(Exception):
    """The config file cannot be used. ``key`` is the catalog key of the problem
    (``config.error.*``), ``path`` the file, ``detail`` the values its message names."""

    def __init__(self, path: Path, key: str, **detail: object) -> None:
        super().__init__(f"{path}: {key} {detail}")
        self.path = path
        self.key = key
        self.detail = detail


class ConfigValueError(ValueError):
    """A value refused for a config key: ``key`` is the catalog key of the reason."""

    def __init__(self, key: str, **detail: object) -> None:
        super().__init__(key)
        self.key = key
        self.detail = detail


def config_path() -> Path:
    return config_dir() / CONFIG_FILE


def check_config_value(name: str, value: str) -> str:
    """``value`` as the config stores it for ``name``, or ConfigValueError saying why not:
    ``lang`` one of zh/en; ``db`` a database URL or a path (made absolute, so that the
    file is the same whatever directory the tool runs in); ``branch`` a name."""
    if name not in CONFIG_KEYS:
        raise ConfigValueError("config.error.unknown_key", name=name, known=", ".join(CONFIG_KEYS))
    value = value.strip()
    if not value:
        raise ConfigValueError("config.error.empty", name=name)
    if _UNSAFE.search(value):
        raise ConfigValueError("config.error.control", name=name)
    if name == "lang":
        if value not in CONFIG_LANGS:
            raise ConfigValueError("config.error.bad_lang", value=value)
        return value
    if name == "db":
        if "://" in value:
            if not _looks_like_url(value):
                raise ConfigValueError("config.error.bad_db", value=value)
            return value
        return str(Path(value).expanduser().absolute())
    return value


def read_config(path: Path | None = None) -> dict[str, str]:
    """The settings of the config file (none when it does not exist); ConfigError when it
    cannot be read, is not TOML, or holds a key or value the tool does not take."""
    path = config_path() if path is None else path
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except UnicodeDecodeError:
        raise ConfigError(path, "config.error.not_utf8") from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ConfigError(path, "config.error.unreadable", reason=reason) from None
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, "config.error.not_toml", reason=str(exc)) from None
    values: dict[str, str] = {}
    for name, value in data.items():
        try:
            if name in CONFIG_KEYS and not isinstance(value, str):
                raise ConfigValueError("config.error.not_text", name=name)
            check_config_value(name, str(value))
        except ConfigValueError as exc:
            raise ConfigError(path, exc.key, **exc.detail) from None
        values[name] = value.strip()  # as written: ``config set`` made a path absolute
    return values


def _toml_string(value: str) -> str:
    """``value`` as a TOML basic string: quotes and backslashes escaped, and any control
    character as ``\\uXXXX`` (none is stored, but the writer never trusts that)."""
    out = []
    for c in value:
        if c in '"\\':
            out.append("\\" + c)
        elif ord(c) < 0x20 or ord(c) == 0x7F:
            out.append(f"\\u{ord(c):04X}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def write_config(values: dict[str, str], path: Path | None = None) -> Path:
    """Write ``values`` as the whole config file, atomically (a temporary file in the same
    directory, then a rename) and readable by its owner only (0600): a crash leaves the
    old file or the new one, never half of one."""
    path = config_path() if path is None else path
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"{name} = {_toml_string(values[name])}\n" for name in CONFIG_KEYS if name in values]
    fd, tmp = tempfile.mkstemp(prefix=".config-", suffix=".toml", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write("".join(lines))
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def resolve_settings(
    db: str | None,
    branch: str | None,
    lang: str | None,
    default_lang: Callable[[], str],
    env: dict[str, str] | None = None,
    path: Path | None = None,
) -> Settings:
    """The database URL, branch and language to use: each option, else its environment
    variable (``ORGLIFE_DB``, ``ORGLIFE_BRANCH``), else the config file, else the default
    (``default_lang()`` for the language). The file is read only when an option and its
    variable leave something open; ConfigError when it is needed and broken."""
    env = dict(os.environ) if env is None else env
    db = db or env.get(DB_ENV) or None
    branch = branch or env.get(BRANCH_ENV) or None
    if db is None or branch is None or lang is None:
        stored = read_config(path)
        db = db or stored.get("db")
        branch = branch or stored.get("branch")
        lang = lang or stored.get("lang")
    return Settings(db_url=resolve_db_url(db, env={}), branch=branch, lang=lang or default_lang())

"""Bring a database to the newest schema on start; never ``create_all`` (docs/architecture.md §5).

Alembic is imported only when a database needs upgrading: every command checks the
schema, and loading Alembic costs a secretary over SSH a noticeable fraction of a second.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from orglife_tui.data.engine import WRITE_OPTION
from orglife_tui.data.errors import DatabaseUnavailable

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
# The newest revision in migrations/versions; tests/data/test_engine.py checks it against
# Alembic's own view, so a new migration that forgets to move it fails the suite.
HEAD_REVISION = "0015"
# An arbitrary constant shared by every orglife-tui process that migrates a PostgreSQL database.
_PG_MIGRATION_LOCK = 0x0761F3


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str | None:
    """Alembic's view of the newest revision (slow: reads the migration scripts)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _foreign(engine: Engine) -> bool:
    """True for a database of another program: tables, but not ours (never adopted)."""
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
    return bool(tables) and not {"alembic_version", "branch"} <= tables


def _may_migrate(engine: Engine) -> bool:
    """On PostgreSQL only the database's owner (its administrator) or a superuser changes
    the schema; every other role would be refused half-way (issue 13)."""
    if engine.dialect.name != "postgresql":
        return True
    with engine.connect() as conn:
        return bool(
            conn.scalar(
                text(
                    "SELECT r.rolsuper OR pg_has_role(current_user, d.datdba, 'MEMBER') "
                    "FROM pg_roles r, pg_database d "
                    "WHERE r.rolname = current_user AND d.datname = current_database()"
                )
            )
        )


def _sqlite_pragma(conn: Connection, pragma: str) -> None:
    """A pragma outside any transaction, straight on the driver's connection (which is in
    autocommit mode): through SQLAlchemy it would begin one first, where it does nothing."""
    driver = conn.connection.driver_connection
    assert driver is not None  # a connection that is open has its driver's
    driver.execute(f"PRAGMA {pragma}")


def upgrade(engine: Engine, read_only: bool = False, where: str = "") -> None:
    """Apply every pending migration in one transaction; a no-op on an up-to-date database.

    A database with tables of another program is refused, untouched; a read-only one that
    is not at the newest schema cannot be opened (it cannot be migrated).
    """
    current = current_revision(engine)
    if current == HEAD_REVISION:
        return
    if current is None and _foreign(engine):
        raise DatabaseUnavailable("db.not_orglife", path=where)
    from alembic import command
    from alembic.script import ScriptDirectory

    cfg = _config()
    script = ScriptDirectory.from_config(cfg)
    if current is not None and current not in {s.revision for s in script.walk_revisions()}:
        if _foreign(engine):  # another program's Alembic
            raise DatabaseUnavailable("db.not_orglife", path=where)
        raise DatabaseUnavailable("db_newer_schema", revision=current)
    if read_only:
        raise DatabaseUnavailable("db.read_only_not_ready", path=where)
    if current is not None and not _may_migrate(engine):
        raise DatabaseUnavailable("db.upgrade_by_admin", path=where)
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect().execution_options(**{WRITE_OPTION: True}) as conn:
        if sqlite:
            # A batch migration copies a table and drops the old one: with foreign keys on,
            # that drop would cascade to the rows that point at it (every attendance row of
            # a meeting). The pragma is a no-op inside a transaction: set it before.
            _sqlite_pragma(conn, "foreign_keys = OFF")
        try:
            with conn.begin():
                if engine.dialect.name == "postgresql":
                    conn.execute(
                        text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK}
                    )
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise DatabaseUnavailable("db.migration_broke_links", path=where)
        finally:
            if sqlite:
                _sqlite_pragma(conn, "foreign_keys = ON")

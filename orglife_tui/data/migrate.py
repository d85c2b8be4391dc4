"""Bring a database to the newest schema on start; never ``create_all`` (DESIGN.md §5)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from orglife_tui.data.engine import WRITE_OPTION
from orglife_tui.data.errors import DatabaseUnavailable

MIGRATIONS = Path(__file__).with_name("migrations")
# An arbitrary constant shared by every orglife-tui process that migrates a PostgreSQL database.
_PG_MIGRATION_LOCK = 0x0761F3


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Apply every pending migration in one transaction; a no-op on an up-to-date database."""
    cfg = _config()
    script = ScriptDirectory.from_config(cfg)
    head = script.get_current_head()
    current = current_revision(engine)
    if current == head:
        return
    if current is not None and current not in {s.revision for s in script.walk_revisions()}:
        raise DatabaseUnavailable("db_newer_schema", revision=current)
    with engine.connect().execution_options(**{WRITE_OPTION: True}) as conn, conn.begin():
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")

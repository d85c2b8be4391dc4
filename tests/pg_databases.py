"""PostgreSQL databases for the tests: made from a migrated template, and reused.

Creating a database per test copied ~300 catalog files and removed them again: on two
cores the server spent more CPU in the kernel on that than on the tests' queries. A
worker instead keeps one database (:class:`ReusedDatabase`) and hands it to each test
emptied: every other session on it ended, every table's rows deleted with triggers
and foreign keys off (the append-only guards must not stop the clean-up), every
sequence back at its start. A test that changed the schema (dropped a guard trigger,
created an extension, granted, altered a column …) leaves a different
:data:`SCHEMA_FINGERPRINT`; its database is dropped and copied anew from the template.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.pool import NullPool

# Everything a test can change in a database's definition, none of what a query or a
# VACUUM changes (file nodes, statistics): the objects outside the system schemas with
# their columns, defaults, constraints, indexes, triggers and their state, functions,
# policies, types, rules, privileges, extensions, the database's own settings, and the
# migration stamp.
SCHEMA_FINGERPRINT = """
WITH user_class AS (
  SELECT c.* FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
    AND n.nspname NOT LIKE 'pg_temp%' AND n.nspname NOT LIKE 'pg_toast_temp%'
), lines AS (
  SELECT format('ns %s %s %s', nspname, nspowner, nspacl) AS line FROM pg_namespace
  UNION ALL
  SELECT format('class %s.%s %s %s %s %s %s %s', relnamespace::regnamespace, relname,
                relkind, relpersistence, relrowsecurity, relforcerowsecurity, relowner,
                relacl)
  FROM user_class
  UNION ALL
  SELECT format('col %s %s %s %s %s %s %s', a.attrelid::regclass, a.attnum, a.attname,
                format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attisdropped,
                pg_get_expr(d.adbin, d.adrelid))
  FROM pg_attribute a JOIN user_class c ON c.oid = a.attrelid
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  WHERE a.attnum > 0
  UNION ALL
  SELECT format('con %s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
  FROM pg_constraint WHERE connamespace::regnamespace::text NOT IN ('pg_catalog',
                                                                    'information_schema')
  UNION ALL
  SELECT format('index %s', pg_get_indexdef(i.indexrelid))
  FROM pg_index i JOIN user_class c ON c.oid = i.indrelid
  UNION ALL
  SELECT format('trigger %s %s %s', t.tgname, t.tgenabled, pg_get_triggerdef(t.oid))
  FROM pg_trigger t WHERE NOT t.tgisinternal
  UNION ALL
  SELECT format('event trigger %s %s %s', evtname, evtevent, evtenabled)
  FROM pg_event_trigger
  UNION ALL
  SELECT format('function %s %s %s %s %s', p.oid::regprocedure, md5(p.prosrc), p.prosecdef,
                p.proowner, p.proacl)
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  UNION ALL
  SELECT format('policy %s %s %s %s %s %s', polrelid::regclass, polname, polcmd,
                polpermissive, pg_get_expr(polqual, polrelid),
                pg_get_expr(polwithcheck, polrelid))
  FROM pg_policy
  UNION ALL
  SELECT format('type %s.%s %s', t.typnamespace::regnamespace, t.typname, t.typacl)
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  UNION ALL
  SELECT format('enum %s %s %s', enumtypid::regtype, enumsortorder, enumlabel) FROM pg_enum
  UNION ALL
  SELECT format('rule %s %s', ev_class::regclass, rulename) FROM pg_rewrite r
  JOIN user_class c ON c.oid = r.ev_class
  UNION ALL
  SELECT format('extension %s %s', extname, extversion) FROM pg_extension
  UNION ALL
  SELECT format('settings %s %s', setrole, setconfig) FROM pg_db_role_setting
  WHERE setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())
  UNION ALL
  SELECT format('database %s %s', datacl, datconnlimit) FROM pg_database
  WHERE datname = current_database()
  UNION ALL
  SELECT format('stamp %s', version_num) FROM public.alembic_version
)
SELECT md5(string_agg(line, E'\\n' ORDER BY line)) FROM lines
"""

# The rows a new database holds after Store.open: the migration stamp, kept.
KEPT_TABLES = frozenset({"alembic_version"})


def admin_engine(admin: str) -> Engine:
    return create_engine(admin, isolation_level="AUTOCOMMIT", poolclass=NullPool)


def copy_clause(conn: Connection, template: str) -> str:
    """``TEMPLATE t``, as a file copy where the server can (PostgreSQL 15 on): its default
    copies the template page by page through the WAL, about five times slower for our
    small databases."""
    version = int(conn.execute(text("SHOW server_version_num")).scalar_one())
    return f' TEMPLATE "{template}"' + (" STRATEGY FILE_COPY" if version >= 150000 else "")


def url_of(admin: str, name: str) -> str:
    return f"{admin.rpartition('/')[0]}/{name}"


def new_database(admin: str, template: str | None = None) -> Iterator[str]:
    """A database of its own (a copy of ``template`` if given), dropped when the generator
    is resumed or closed."""
    name = f"orglife_test_{uuid.uuid4().hex[:12]}"
    engine = admin_engine(admin)
    with engine.connect() as conn:
        clause = copy_clause(conn, template) if template else ""
        conn.execute(text(f'CREATE DATABASE "{name}"{clause}'))
    try:
        yield url_of(admin, name)
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


def fingerprint(conn: Connection) -> str:
    return str(conn.execute(text(SCHEMA_FINGERPRINT)).scalar_one())


def _end_other_sessions(conn: Connection) -> None:
    """A test may leave a Store open, a snapshot held or a lock taken: its sessions end
    before the clean-up, which would otherwise wait for them."""
    others = "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
    conn.execute(text(f"SELECT pg_terminate_backend(pid) {others}"))
    for _ in range(500):
        if not conn.execute(text(f"SELECT count(*) {others}")).scalar_one():
            return
        conn.execute(text("SELECT pg_sleep(0.01)"))
    raise RuntimeError("sessions of the previous test did not end")


def empty(conn: Connection) -> None:
    """Delete every row a test wrote and restart the sequences, in one transaction.

    ``session_replication_role = replica`` turns off ordinary triggers (the append-only
    guards) and the foreign-key checks, which are triggers too, so the tables can go in
    any order. DELETE, not TRUNCATE: TRUNCATE gives every table and index a new file."""
    tables = conn.execute(
        text(
            "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public' "
            "ORDER BY tablename"
        )
    ).scalars()
    statements = [f"DELETE FROM {t}" for t in tables if t not in KEPT_TABLES]
    sequences = (
        "SELECT setval(s.seqrelid, s.seqstart, false) FROM pg_sequence s "
        "JOIN pg_class c ON c.oid = s.seqrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'"
    )
    conn.exec_driver_sql(
        "BEGIN; SET LOCAL session_replication_role = replica; SET LOCAL lock_timeout = '10s'; "
        + "; ".join(statements)
        + f"; {sequences}; COMMIT"
    )


class ReusedDatabase:
    """One worker's database, handed to one test after another (see the module's text).

    ``template`` is the migrated template's name; ``expected`` its fingerprint."""

    def __init__(self, admin: str, template: str) -> None:
        self._admin = admin
        self._template = template
        self.name = f"orglife_test_{uuid.uuid4().hex[:12]}"
        self._exists = False
        engine = admin_engine(url_of(admin, template))
        try:
            with engine.connect() as conn:
                self._expected = fingerprint(conn)
        finally:
            engine.dispose()  # a template is copied only when no session is on it
        self.url = url_of(admin, self.name)

    def _copy(self, source: str) -> None:
        """Drop the worker's database (ending its sessions) and make it a copy of ``source``."""
        engine = admin_engine(self._admin)
        try:
            with engine.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
                conn.execute(text(f'CREATE DATABASE "{self.name}"{copy_clause(conn, source)}'))
        finally:
            engine.dispose()
        self._exists = True

    def _recreate(self) -> None:
        self._copy(self._template)

    def replace_with_copy_of(self, source: str) -> None:
        """The test's database becomes a copy of ``source`` (a prebuilt one); the next
        test gets it emptied, its schema being the template's."""
        self._copy(source)

    def take(self) -> str:
        """The database, empty and at the template's schema, for the next test."""
        if not self._exists:
            self._recreate()
            return self.url
        engine = admin_engine(self.url)
        try:
            with engine.connect() as conn:
                _end_other_sessions(conn)
                if fingerprint(conn) == self._expected:
                    empty(conn)
                    return self.url
        except Exception:  # dropped, renamed, locked for good: a new copy is the answer
            pass
        finally:
            engine.dispose()
        self._recreate()
        return self.url

    def drop(self) -> None:
        engine = admin_engine(self._admin)
        try:
            with engine.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
        finally:
            engine.dispose()

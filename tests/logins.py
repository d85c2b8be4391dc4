"""Logins of one test: names unique to it, and the database opened as each of them.

On SQLite the login is the store's operator (the OS user); on PostgreSQL it is the
database role the store connects as, created by the first grant to it and dropped after
the test (roles belong to the whole server, so the names carry a suffix of the test's).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

from sqlalchemy import text
from sqlalchemy.engine import make_url

from orglife_tui.data.store import Store
from tests.conftest import _pg_admin_url
from tests.pg_databases import admin_engine


class Logins:
    """Login names unique to the test (PostgreSQL roles belong to the whole server) and
    stores opened as them."""

    def __init__(self, db_url: str) -> None:
        self.db_url = db_url
        self.postgresql = db_url.startswith("postgresql")
        self.suffix = uuid.uuid4().hex[:8]
        self.names: list[str] = []
        self.stores: list[Store] = []

    def name(self, base: str) -> str:
        made = f"{base}_{self.suffix}"
        self.names.append(made)
        return made

    def url_of(self, name: str) -> str:
        """The URL ``name`` connects with (on SQLite the file's: the login is the OS's)."""
        if self.postgresql:
            return make_url(self.db_url).set(username=name).render_as_string(False)
        return self.db_url

    def store(self, name: str) -> Store:
        """The database as the login ``name`` opens it."""
        if self.postgresql:
            opened = Store.open(self.url_of(name))
        else:
            opened = Store.open(self.db_url, operator=name)
        self.stores.append(opened)
        return opened

    def close(self) -> None:
        for opened in self.stores:
            opened.close()
        if self.postgresql:
            admin = _pg_admin_url()
            assert admin
            # What the database granted them (CONNECT) goes first, or the role cannot go.
            with admin_engine(self.db_url).connect() as conn:
                existing = set(
                    conn.scalars(
                        text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:n)"),
                        {"n": self.names},
                    )
                )
                for made in existing:
                    conn.execute(text(f'DROP OWNED BY "{made}"'))
            with admin_engine(admin).connect() as conn:
                for made in self.names:
                    conn.execute(text(f'DROP ROLE IF EXISTS "{made}"'))


def logins_of(db_url: str) -> Iterator[Logins]:
    """The body of a test's ``logins`` fixture: the logins made, their roles dropped after."""
    made = Logins(db_url)
    try:
        yield made
    finally:
        made.close()

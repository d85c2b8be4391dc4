"""Storage errors a user can act on; the CLI and the TUI turn them into one clear line."""

from __future__ import annotations


class StoreError(Exception):
    """A refused operation. ``key`` names the catalog message, ``params`` fill it in."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key, params)
        self.key = key
        self.params = params

    def __str__(self) -> str:
        from orglife_tui.locale import t

        return t(self.key, **self.params)


class DatabaseUnavailable(StoreError):
    """The database cannot be opened: unreachable server, not a database, no permission."""


class NotFound(StoreError):
    pass


class Conflict(StoreError):
    pass


class NotPermitted(StoreError):
    """The login's roles do not allow the operation (the app's check, or the database's
    row-level security refusing a row)."""


def refuse_unsafe_text(field: str, value: str | None, multiline: bool = False) -> None:
    """Refuse text carrying control or bidi-override characters (an escape sequence in a
    stored text would act on every terminal it is later shown on). ``field`` is the catalog
    key of the field's label; ``multiline`` texts may hold newlines and tabs."""
    from orglife_tui.domain import unsafe_characters

    if not value:
        return
    found = unsafe_characters(value, multiline=multiline)
    if found:
        from orglife_tui.locale import t

        raise StoreError("text.control_chars", field=t(field), chars=", ".join(found))

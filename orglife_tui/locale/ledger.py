"""Messages of the ledger commands and operations: (English, Chinese)."""

MESSAGES: dict[str, tuple[str, str]] = {}

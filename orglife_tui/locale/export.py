"""Messages of the export commands and operations: (English, Chinese)."""

MESSAGES: dict[str, tuple[str, str]] = {}

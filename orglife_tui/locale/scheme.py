"""Messages of the scheme commands and operations: (English, Chinese)."""

MESSAGES: dict[str, tuple[str, str]] = {}

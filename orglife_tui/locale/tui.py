"""Messages of the terminal UI: (English, Chinese)."""

MESSAGES: dict[str, tuple[str, str]] = {}

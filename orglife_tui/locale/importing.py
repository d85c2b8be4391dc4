"""Messages of the CSV/XLSX importers: (English, Chinese)."""

MESSAGES: dict[str, tuple[str, str]] = {}

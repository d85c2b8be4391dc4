"""Messages of roster: (English, Chinese). Chinese text uses full-width punctuation."""

MESSAGES: dict[str, tuple[str, str]] = {}

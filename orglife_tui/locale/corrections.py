"""Messages of corrections: (English, Chinese). Chinese text uses full-width punctuation."""

MESSAGES: dict[str, tuple[str, str]] = {}

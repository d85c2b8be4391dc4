"""Messages of publication: (English, Chinese). Chinese text uses full-width punctuation."""

MESSAGES: dict[str, tuple[str, str]] = {}

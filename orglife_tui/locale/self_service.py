"""Messages: a member's own records (self-service, ``self.``): the screen a member login
sees and the service both faces read.

Chinese text uses full-width punctuation.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}

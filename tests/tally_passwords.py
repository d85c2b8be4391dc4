"""The tally passwords tests open polls with: the teller's (计票人) and the scrutineer's
(监票人), different as the app demands, and the teller PIN (at least 6 digits)."""

from __future__ import annotations

PIN = "246810"
TELLER = "teller-secret-1"
SCRUTINEER = "scrutineer-secret-2"
PASSWORDS = {"teller_password": TELLER, "scrutineer_password": SCRUTINEER}

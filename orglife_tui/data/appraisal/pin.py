"""The teller's PIN (stored only as ``hashlib.scrypt`` with a random salt) and its lock-out,
and the checks on a new PIN and the two tally passwords."""

from __future__ import annotations

import hashlib
import hmac
import math
from datetime import datetime, timedelta

from sqlalchemy import update

from orglife_tui.data import sealing
from orglife_tui.data.appraisal.common import _aware, _lock, _now, state_error
from orglife_tui.data.errors import StoreError
from orglife_tui.data.models import session_t
from orglife_tui.data.store import Store
from orglife_tui.domain import SessionState

# The teller's PIN (digits only; hashlib.scrypt parameters) and its lock-out.
PIN_MIN_LENGTH = 6
PIN_MAX_LENGTH = 64
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
PIN_SALT_BYTES = 16
PIN_MAX_FAILURES = 5
PIN_LOCKOUT = timedelta(minutes=5)


def _hash_pin(pin: str, salt: bytes) -> bytes:
    return hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32
    )


def check_new_pin(pin: str) -> None:
    """Refuse a teller PIN that is not at least ``PIN_MIN_LENGTH`` digits (0-9)."""
    if not (pin.isascii() and pin.isdigit()):
        raise StoreError("appraisal.pin_not_digits", length=PIN_MIN_LENGTH)
    if len(pin) < PIN_MIN_LENGTH:
        raise StoreError("appraisal.pin_too_short", length=PIN_MIN_LENGTH)
    if len(pin) > PIN_MAX_LENGTH:
        raise StoreError("appraisal.pin_too_long", length=PIN_MAX_LENGTH)


def check_new_passwords(teller_password: str, scrutineer_password: str) -> None:
    """Refuse tally passwords that are missing, too short or too long, or the same (two
    people hold them: one password must not open the poll)."""
    for role, password in (("teller", teller_password), ("scrutineer", scrutineer_password)):
        if len(password) < sealing.PASSWORD_MIN_LENGTH:
            raise StoreError(
                f"appraisal.password_too_short.{role}", length=sealing.PASSWORD_MIN_LENGTH
            )
        if len(password) > sealing.PASSWORD_MAX_LENGTH:
            raise StoreError(
                f"appraisal.password_too_long.{role}", length=sealing.PASSWORD_MAX_LENGTH
            )
    if teller_password == scrutineer_password:
        raise StoreError("appraisal.passwords_same")


def check_pin(store: Store, session_id: int, pin: str, now: datetime | None = None) -> None:
    """Accept the teller's PIN or raise: ``appraisal.pin_missing``, ``appraisal.pin_wrong``
    (with the attempts left), ``appraisal.pin_locked`` (after ``PIN_MAX_FAILURES`` wrong
    PINs in a row, for ``PIN_LOCKOUT``). A right PIN clears the failures. Failures are
    written even though the call raises."""
    now = now or _now()
    if not pin:
        raise StoreError("appraisal.pin_missing")
    refusal: StoreError | None = None
    with store.write_transaction() as conn:
        s = _lock(conn, None, session_id)
        if s.state not in (SessionState.started.value, SessionState.finished.value) or (
            s.pin_hash is None
        ):
            raise state_error(session_id, s.state, "started")
        locked_until = _aware(s.pin_locked_until)
        if locked_until is not None and locked_until > now:
            minutes = max(1, math.ceil((locked_until - now).total_seconds() / 60))
            raise StoreError("appraisal.pin_locked", minutes=minutes)
        given = _hash_pin(pin, bytes.fromhex(s.pin_salt))
        if hmac.compare_digest(given, bytes.fromhex(s.pin_hash)):
            if s.pin_failures or s.pin_locked_until is not None:
                conn.execute(
                    update(session_t)
                    .where(session_t.c.id == session_id)
                    .values(pin_failures=0, pin_locked_until=None)
                )
            return
        failures = s.pin_failures + 1
        if failures >= PIN_MAX_FAILURES:
            conn.execute(
                update(session_t)
                .where(session_t.c.id == session_id)
                .values(pin_failures=0, pin_locked_until=now + PIN_LOCKOUT)
            )
            store.audit(
                conn,
                s.branch_id,
                "appraisal.pin_lockout",
                session=session_id,
                failures=failures,
                minutes=int(PIN_LOCKOUT.total_seconds() // 60),
            )
            refusal = StoreError(
                "appraisal.pin_locked", minutes=int(PIN_LOCKOUT.total_seconds() // 60)
            )
        else:
            conn.execute(
                update(session_t)
                .where(session_t.c.id == session_id)
                .values(pin_failures=failures, pin_locked_until=None)
            )
            refusal = StoreError("appraisal.pin_wrong", left=PIN_MAX_FAILURES - failures)
    raise refusal

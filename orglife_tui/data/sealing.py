"""Sealed ballots: the session key pair, its two tally passwords, sealing and opening.

No cryptography of our own: PyNaCl (libsodium) does all of it.

* The session key is an X25519 key pair (``nacl.public.PrivateKey``). A ballot is sealed
  to the public key with ``nacl.public.SealedBox`` (an ephemeral key per ballot, so two
  sealed ballots with the same ratings differ and nothing in the box names the voter).
* The private key is never stored whole: it is split into two shares, ``share_1`` random
  and ``share_2 = key XOR share_1``, and each share is wrapped with ``nacl.secret.SecretBox``
  under a key derived from one tally password by argon2id (memory-hard, its own random
  salt; the limits used are stored beside it). One password unwraps one share, which is
  uniformly random on its own: it says nothing of the key. Both are needed to open a
  ballot.
* A ballot's plaintext is its ratings (candidate member id → grade key, None for an
  abstention) as canonical JSON, its length as 4 bytes in front and random bytes after, to
  one size per session: every sealed ballot of a session has the same length.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

import nacl.exceptions
import nacl.pwhash
import nacl.secret
import nacl.utils
from nacl.public import PrivateKey, PublicKey, SealedBox

# argon2id limits for wrapping the shares (libsodium's "moderate": about half a second
# and 256 MiB per password); tests lower them (tests/conftest.py). The limits actually
# used are stored with each wrapped share, so lowering them never breaks an open session.
KDF_OPSLIMIT = nacl.pwhash.argon2id.OPSLIMIT_MODERATE
KDF_MEMLIMIT = nacl.pwhash.argon2id.MEMLIMIT_MODERATE
PASSWORD_MIN_LENGTH = 8
PASSWORD_MAX_LENGTH = 1024
ROLES = ("teller", "scrutineer")  # 计票人, 监票人
KEY_FORMAT = 1
PAD_BLOCK = 64
# The longest grade key, quoted: the padded size is the longest ballot a roster allows.
LONGEST_GRADE = len(json.dumps("basically_qualified"))


class WrongPassword(Exception):
    """The tally passwords that did not unwrap their share: a subset of ``ROLES``."""

    def __init__(self, roles: tuple[str, ...]) -> None:
        super().__init__(", ".join(roles))  # never the password itself
        self.roles = roles


class BadBallot(Exception):
    """A sealed ballot that the session key does not open or whose content is malformed."""


def _derive(password: str, salt: bytes, opslimit: int, memlimit: int) -> bytes:
    return nacl.pwhash.argon2id.kdf(
        nacl.secret.SecretBox.KEY_SIZE,
        password.encode("utf-8"),
        salt,
        opslimit=opslimit,
        memlimit=memlimit,
    )


def _xor(a: bytes, b: bytes) -> bytes:
    return bytes(x ^ y for x, y in zip(a, b, strict=True))


def new_key(teller_password: str, scrutineer_password: str) -> tuple[str, str]:
    """A fresh session key: (public key hex, the private key wrapped as JSON)."""
    key = PrivateKey.generate()
    secret = bytes(key)
    share_1 = nacl.utils.random(len(secret))
    share_2 = _xor(secret, share_1)
    wrapped: dict[str, object] = {
        "format": KEY_FORMAT,
        "kdf": "argon2id",
        "opslimit": KDF_OPSLIMIT,
        "memlimit": KDF_MEMLIMIT,
    }
    for role, password, share in (
        ("teller", teller_password, share_1),
        ("scrutineer", scrutineer_password, share_2),
    ):
        salt = nacl.utils.random(nacl.pwhash.argon2id.SALTBYTES)
        box = nacl.secret.SecretBox(_derive(password, salt, KDF_OPSLIMIT, KDF_MEMLIMIT))
        wrapped[role] = {"salt": salt.hex(), "box": bytes(box.encrypt(share)).hex()}
    return bytes(key.public_key).hex(), json.dumps(wrapped, sort_keys=True)


def unwrap_share(wrapped_json: str, role: str, password: str) -> bytes | None:
    """The share ``password`` unwraps (None: the wrong password). One share alone is a
    random string: this is all one password holder can learn from the stored key."""
    wrapped = json.loads(wrapped_json)
    part = wrapped[role]
    box = nacl.secret.SecretBox(
        _derive(
            password,
            bytes.fromhex(part["salt"]),
            int(wrapped["opslimit"]),
            int(wrapped["memlimit"]),
        )
    )
    try:
        return box.decrypt(bytes.fromhex(part["box"]))
    except nacl.exceptions.CryptoError:
        return None


def open_key(
    wrapped_json: str, public_hex: str, teller_password: str, scrutineer_password: str
) -> PrivateKey:
    """The session's private key from both passwords; ``WrongPassword`` names the ones
    that failed (both are tried, so the message is complete)."""
    shares = {
        role: unwrap_share(wrapped_json, role, password)
        for role, password in (("teller", teller_password), ("scrutineer", scrutineer_password))
    }
    failed = tuple(role for role in ROLES if shares[role] is None)
    if failed:
        raise WrongPassword(failed)
    key = PrivateKey(_xor(shares["teller"], shares["scrutineer"]))  # type: ignore[arg-type]  # none failed
    if bytes(key.public_key).hex() != public_hex:
        raise WrongPassword(ROLES)  # shares of another key: treat as not opened
    return key


def padded_size(candidate_ids: Iterable[int]) -> int:
    """One plaintext size for every ballot of a roster: the longest possible ballot (each
    candidate with the longest grade), its length prefix, rounded up to ``PAD_BLOCK``."""
    ids = list(candidate_ids)
    longest = 2 + sum(len(json.dumps(str(i))) + 1 + LONGEST_GRADE for i in ids) + len(ids)
    return -(-(4 + longest) // PAD_BLOCK) * PAD_BLOCK


def _encode(ratings: Mapping[int, str | None]) -> bytes:
    return json.dumps(
        {str(k): ratings[k] for k in sorted(ratings)}, separators=(",", ":"), sort_keys=True
    ).encode("ascii")


def seal(public_hex: str, ratings: Mapping[int, str | None], size: int) -> bytes:
    """The ballot sealed to the session's public key, padded to ``size`` bytes."""
    body = _encode(ratings)
    if len(body) + 4 > size:
        raise ValueError("ballot longer than the session's padded size")
    plain = len(body).to_bytes(4, "big") + body + nacl.utils.random(size - 4 - len(body))
    return bytes(SealedBox(PublicKey(bytes.fromhex(public_hex))).encrypt(plain))


def unseal(key: PrivateKey, box: bytes) -> dict[int, str | None]:
    """A sealed ballot's ratings (candidate member id → grade key or None)."""
    try:
        plain = SealedBox(key).decrypt(bytes(box))
        length = int.from_bytes(plain[:4], "big")
        data = json.loads(plain[4 : 4 + length].decode("ascii"))
        return {int(k): (None if v is None else str(v)) for k, v in data.items()}
    except (nacl.exceptions.CryptoError, ValueError, AttributeError, TypeError):
        raise BadBallot() from None


__all__ = [
    "KDF_MEMLIMIT",
    "KDF_OPSLIMIT",
    "PASSWORD_MAX_LENGTH",
    "PASSWORD_MIN_LENGTH",
    "ROLES",
    "BadBallot",
    "WrongPassword",
    "new_key",
    "open_key",
    "padded_size",
    "seal",
    "unseal",
    "unwrap_share",
]

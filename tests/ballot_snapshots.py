"""The attacker who runs the server during a poll (issue 10 §1): copies of the live
database files taken after each ballot, read with one of the two tally passwords. Shared
by the storage test (ballots cast through the data layer) and the kiosk test (ballots
cast at the kiosk, files copied by another process)."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import nacl.exceptions
import pytest
from nacl.public import PrivateKey, SealedBox

from orglife_tui.data import sealing
from tests.tally_passwords import SCRUTINEER, TELLER

GRADE_BYTES = [b"excellent", b"qualified", b"basically_qualified", b"unqualified"]


def copy_live_files(db: Path, dest: Path, by_another_process: bool = False) -> Path:
    """The database and its -wal and -shm, copied while the program has them open (what a
    server's administrator can do at any moment); with ``by_another_process`` by ``cp``."""
    dest.mkdir()
    for suffix in ("", "-wal", "-shm"):
        src = db.with_name(db.name + suffix)
        if src.exists():
            if by_another_process:
                subprocess.run(["cp", str(src), str(dest / src.name)], check=True)
            else:
                dest.joinpath(src.name).write_bytes(src.read_bytes())
    return dest / db.name


def grade_counts(copy: Path) -> list[int]:
    """How often each grade's name occurs in the copied files (the schema names them)."""
    raw = b"".join(p.read_bytes() for p in copy.parent.iterdir())
    return [raw.count(g) for g in GRADE_BYTES]


def assert_copy_reveals_no_rating(copy: Path, session_id: int, ballots: int, base: list[int]):
    """In this copy: no grade written by a ballot anywhere in the files, no rating row,
    ``ballots`` sealed ballots of one size, and neither password alone opens any of them."""
    assert grade_counts(copy) == base, copy
    con = sqlite3.connect(copy)  # reads the copied WAL as SQLite would
    try:
        (ratings,) = con.execute(
            "SELECT count(*) FROM appraisal_rating WHERE session_id = ?", (session_id,)
        ).fetchone()
        (voted,) = con.execute(
            "SELECT count(*) FROM appraisal_voted WHERE session_id = ?", (session_id,)
        ).fetchone()
        boxes = [
            bytes(r[0])
            for r in con.execute(
                "SELECT box FROM appraisal_sealed WHERE session_id = ?", (session_id,)
            )
        ]
        wrapped, public = con.execute(
            "SELECT tally_key, tally_public_key FROM appraisal_session WHERE id = ?",
            (session_id,),
        ).fetchone()
    finally:
        con.close()
    assert (ratings, voted) == (0, ballots)
    assert len(boxes) == ballots and len({len(b) for b in boxes}) == 1
    for role, password in (("teller", TELLER), ("scrutineer", SCRUTINEER)):
        share = sealing.unwrap_share(wrapped, role, password)
        assert share is not None and len(share) == 32
        other = "scrutineer" if role == "teller" else "teller"
        assert sealing.unwrap_share(wrapped, other, password) is None
        with pytest.raises(sealing.WrongPassword):
            sealing.open_key(wrapped, public, password, password)
        half_key = PrivateKey(share)
        assert bytes(half_key.public_key).hex() != public
        for box in boxes:
            with pytest.raises(nacl.exceptions.CryptoError):
                SealedBox(half_key).decrypt(box)
    return wrapped

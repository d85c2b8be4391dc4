"""Casting a ballot (voted row, sealed ballot and receipt in one transaction, no audit event)
and marking the voters who voted on paper."""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, func, insert, select
from sqlalchemy.exc import IntegrityError

from orglife_tui.data import sealing
from orglife_tui.data.appraisal.common import Ratings, _as_grade, _lock, _secure_delete
from orglife_tui.data.errors import Conflict, StoreError
from orglife_tui.data.models import candidate_t, rating_t, receipt_t, sealed_t, voted_t, voter_t
from orglife_tui.data.store import Store
from orglife_tui.domain import SessionState, natural_key
from orglife_tui.scoring.model import Grade

# Receipt codes: 8 characters of an alphabet without 0/O, 1/I/L.
RECEIPT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
RECEIPT_LENGTH = 8
RATING_KEY_BYTES = 16  # 32 hex characters


def _receipt_code() -> str:
    return "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH))


def _open_session(conn: Connection, session_id: int):
    s = _lock(conn, None, session_id, share=True)
    if s.state == SessionState.created.value:
        raise Conflict("appraisal.not_started", id=session_id)
    if s.state != SessionState.started.value:
        raise Conflict("appraisal.poll_closed", id=session_id)
    return s


def _pairs(
    ratings: Mapping[str, object] | Iterable[tuple[str, object]],
) -> list[tuple[str, object]]:
    items = ratings.items() if isinstance(ratings, Mapping) else ratings
    return [(str(no).strip(), grade) for no, grade in items]


def _check_ratings(
    conn: Connection, session_id: int, ratings: Ratings
) -> list[tuple[int, Grade | None]]:
    """The ballot as (candidate member id, grade), or the first thing wrong with it."""
    pairs = _pairs(ratings)
    roster = {
        r.member_no: r.member_id
        for r in conn.execute(
            select(candidate_t.c.member_no, candidate_t.c.member_id).where(
                candidate_t.c.session_id == session_id
            )
        )
    }
    seen: set[str] = set()
    out: list[tuple[int, Grade | None]] = []
    for member_no, value in pairs:
        if member_no not in roster:
            raise StoreError("appraisal.candidate_unknown", member_no=member_no[:50])
        if member_no in seen:
            raise StoreError("appraisal.candidate_twice", member_no=member_no)
        seen.add(member_no)
        out.append((roster[member_no], _as_grade(value)))
    missing = sorted(set(roster) - seen, key=natural_key)
    if missing:
        shown = "、".join(missing[:5]) + ("…" if len(missing) > 5 else "")
        raise StoreError("appraisal.candidate_missing", count=len(missing), members=shown)
    return out


def _voter_id(conn: Connection, session_id: int, voter_no: str) -> int:
    voter_id = conn.scalar(
        select(voter_t.c.member_id).where(
            voter_t.c.session_id == session_id, voter_t.c.member_no == voter_no.strip()
        )
    )
    if voter_id is None:
        raise StoreError("appraisal.voter_unknown", member_no=voter_no.strip()[:50])
    already = conn.scalar(
        select(func.count())
        .select_from(voted_t)
        .where(voted_t.c.session_id == session_id, voted_t.c.member_id == voter_id)
    )
    if already:
        raise Conflict("appraisal.already_voted", member_no=voter_no.strip())
    return voter_id


def cast_ballot(
    store: Store,
    session_id: int,
    voter_no: str | None,
    ratings: Mapping[str, Grade | None] | Iterable[tuple[str, Grade | None]],
) -> str:
    """Store one ballot and return its receipt code.

    ``ratings`` maps every candidate's member number to a grade (None: abstain); it may
    also be given as (member_no, grade) pairs. ``voter_no`` None is a paper ballot typed in
    by the teller (the voter is marked with ``mark_paper_voters``). One transaction: the
    voted-set row, the ballot sealed to the session's public key in one row (random key;
    no plaintext rating is stored while the poll is open), one random receipt; no audit
    event. Refused, with nothing written: a poll not open, an unknown or ineligible voter,
    one who already voted, a candidate missing, rated twice or unknown, an unknown grade.

    A session started before sealed ballots existed (no public key) stores one plaintext
    rating row per candidate (random keys), as it did then.
    """
    try:
        with store.write_transaction() as conn:
            _secure_delete(conn)
            s = _open_session(conn, session_id)
            checked = _check_ratings(conn, session_id, ratings)
            voter_id = None if voter_no is None else _voter_id(conn, session_id, voter_no)
            if s.tally_public_key is not None:
                box = sealing.seal(
                    s.tally_public_key,
                    {cid: None if g is None else g.value for cid, g in checked},
                    sealing.padded_size(cid for cid, _ in checked),
                )
                conn.execute(
                    insert(sealed_t).values(
                        key=secrets.token_hex(RATING_KEY_BYTES), session_id=session_id, box=box
                    )
                )
            else:
                _insert_ratings(conn, session_id, checked)
            if voter_id is not None:
                conn.execute(insert(voted_t).values(session_id=session_id, member_id=voter_id))
            code = _receipt_code()
            while conn.scalar(select(receipt_t.c.code).where(receipt_t.c.code == code)):
                code = _receipt_code()
            conn.execute(insert(receipt_t).values(code=code, session_id=session_id))
    except IntegrityError:  # the same voter on two terminals at once
        raise Conflict("appraisal.already_voted", member_no=voter_no or "") from None
    return code


def _insert_ratings(
    conn: Connection, session_id: int, checked: Iterable[tuple[int, Grade | str | None]]
) -> int:
    """Rating rows in the unlinkable form: one per (candidate, grade), random keys,
    inserted in key order. The number of rows."""
    rows: list[dict[str, Any]] = sorted(
        (
            {
                "key": secrets.token_hex(RATING_KEY_BYTES),
                "session_id": session_id,
                "candidate_id": candidate_id,
                "grade": grade.value if isinstance(grade, Grade) else grade,
            }
            for candidate_id, grade in checked
        ),
        key=lambda r: r["key"],
    )
    if rows:
        conn.execute(insert(rating_t), rows)
    return len(rows)


def mark_paper_voters(store: Store, session_id: int, voter_nos: Sequence[str]) -> None:
    """Paper mode: these voters handed in a paper ballot (the voted set only, no ratings).
    All or nothing: an unknown voter or one who already voted refuses the lot."""
    try:
        with store.write_transaction() as conn:
            _open_session(conn, session_id)
            ids: list[int] = []
            for no in voter_nos:
                voter_id = _voter_id(conn, session_id, no)
                if voter_id in ids:
                    raise Conflict("appraisal.already_voted", member_no=no.strip())
                ids.append(voter_id)
            if ids:
                conn.execute(
                    insert(voted_t),
                    [{"session_id": session_id, "member_id": i} for i in sorted(ids)],
                )
    except IntegrityError:
        raise Conflict("appraisal.already_voted", member_no="") from None

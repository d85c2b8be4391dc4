"""Anchors: checking the chains against heads written down elsewhere (issue 10 §4).

A hash chain shows an edit in its middle, but not a chain cut short (its last entries
deleted) or rewritten from the first entry on: what is left still follows link by link.
A head kept outside the database — printed on a publicity sheet, an appraisal report, a
year-end report, or copied from ``verify`` into the minutes — catches both: the entry with
that hash must still be in the chain. Entries after it are later work and pass.

An anchor is written ``LEDGER_HEAD,AUDIT_HEAD`` (either part may be left out, the comma
kept when only the audit head is given); each head may be shortened to its first
``MIN_PREFIX`` hexadecimal characters, as sheets print them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from orglife_tui.data.chain import GENESIS
from orglife_tui.data.errors import StoreError
from orglife_tui.data.models import audit_t, ledger_t
from orglife_tui.data.store import Store

MIN_PREFIX = 12
LEDGER = "ledger"
AUDIT = "audit"
_HEX = re.compile(r"[0-9a-f]+")


@dataclass(frozen=True)
class Anchor:
    """The heads one ``--expect`` names (lower-case hex, possibly shortened)."""

    ledger: str | None
    audit: str | None

    def text(self) -> str:
        return anchor_text(self.ledger, self.audit)


@dataclass(frozen=True)
class AnchorCheck:
    """One expected head against its chain."""

    chain: str  # LEDGER | AUDIT
    expected: str
    found: bool
    after: int = 0  # entries of the chain after it (when found)
    branch_id: int | None = None  # the ledger chain it was found in
    ambiguous: bool = False  # the prefix is the start of two hashes: give more of it
    empty: bool = False  # the expected head is that of an empty chain

    @property
    def ok(self) -> bool:
        return self.found and not self.ambiguous


def anchor_text(ledger: str | None, audit: str | None) -> str:
    """The anchor of two heads, as ``verify --expect`` takes it and the sheets print it."""
    if audit:
        return f"{ledger or ''},{audit}"
    return ledger or ""


def _head_part(raw: str, whole: str) -> str | None:
    part = raw.strip().lower()
    if not part:
        return None
    if not _HEX.fullmatch(part) or len(part) > len(GENESIS):
        raise StoreError("verify.expect.not_hex", value=part, anchor=whole)
    if len(part) < MIN_PREFIX:
        raise StoreError("verify.expect.too_short", value=part, min=MIN_PREFIX, anchor=whole)
    return part


def parse_anchor(text: str) -> Anchor:
    """``LEDGER[,AUDIT]`` (or ``,AUDIT``) as typed from a sheet; refused (StoreError) when a
    part is not hexadecimal, is shorter than ``MIN_PREFIX`` characters, or nothing is given."""
    whole = (text or "").strip()
    pieces = re.split(r"[,，]", whole)
    if len(pieces) > 2:
        raise StoreError("verify.expect.too_many", anchor=whole)
    ledger = _head_part(pieces[0], whole)
    audit = _head_part(pieces[1], whole) if len(pieces) > 1 else None
    if ledger is None and audit is None:
        raise StoreError("verify.expect.empty")
    return Anchor(ledger, audit)


def _upper(prefix: str) -> str:
    # every lower-case hex hash that starts with ``prefix`` sorts in [prefix, prefix + "g")
    return prefix + "g"


def _check_ledger(conn: Connection, expected: str) -> AnchorCheck:
    if set(expected) == {"0"}:
        return AnchorCheck(LEDGER, expected, True, empty=True)
    rows = conn.execute(
        select(ledger_t.c.id, ledger_t.c.branch_id)
        .where(ledger_t.c.hash >= expected, ledger_t.c.hash < _upper(expected))
        .limit(2)
    ).all()
    if not rows:
        return AnchorCheck(LEDGER, expected, False)
    if len(rows) > 1:
        return AnchorCheck(LEDGER, expected, True, ambiguous=True)
    entry_id, branch_id = rows[0]
    after = conn.scalar(
        select(func.count())
        .select_from(ledger_t)
        .where(ledger_t.c.branch_id == branch_id, ledger_t.c.id > entry_id)
    )
    return AnchorCheck(LEDGER, expected, True, int(after or 0), branch_id)


def _check_audit(conn: Connection, expected: str) -> AnchorCheck:
    if set(expected) == {"0"}:
        return AnchorCheck(AUDIT, expected, True, empty=True)
    rows = conn.execute(
        select(audit_t.c.id)
        .where(audit_t.c.hash >= expected, audit_t.c.hash < _upper(expected))
        .limit(2)
    ).all()
    if not rows:
        return AnchorCheck(AUDIT, expected, False)
    if len(rows) > 1:
        return AnchorCheck(AUDIT, expected, True, ambiguous=True)
    after = conn.scalar(select(func.count()).select_from(audit_t).where(audit_t.c.id > rows[0].id))
    return AnchorCheck(AUDIT, expected, True, int(after or 0))


def check_anchors(conn: Connection, anchors: list[Anchor]) -> list[AnchorCheck]:
    """Each expected head of ``anchors`` looked up in its chain. That the chain up to it
    is intact is ``verify``'s walk; this says whether it is still there, and what came after."""
    out: list[AnchorCheck] = []
    for anchor in anchors:
        if anchor.ledger is not None:
            out.append(_check_ledger(conn, anchor.ledger))
        if anchor.audit is not None:
            out.append(_check_audit(conn, anchor.audit))
    return out


def current_heads(store: Store, branch_id: int) -> tuple[str, str]:
    """The branch's ledger head and the audit head now, read together."""
    from orglife_tui.data.ledger.links import _head
    from orglife_tui.data.publications import audit_head

    with store.read_connection() as conn:
        return _head(conn, branch_id), audit_head(conn)


__all__ = [
    "AUDIT",
    "LEDGER",
    "MIN_PREFIX",
    "Anchor",
    "AnchorCheck",
    "anchor_text",
    "check_anchors",
    "current_heads",
    "parse_anchor",
]

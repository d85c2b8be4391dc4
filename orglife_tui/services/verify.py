"""The integrity check of the whole database, said in the user's language: the lines the
CLI's ``verify`` prints and the TUI's verify screen shows, from the one ``ledger.verify``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from orglife_tui.locale import t

if TYPE_CHECKING:
    from orglife_tui.data.anchors import Anchor
    from orglife_tui.data.ledger.common import VerifyReport
    from orglife_tui.data.store import Store


@dataclass(frozen=True)
class Line:
    """One line of the outcome; ``problem`` lines go to standard error in the CLI and are
    marked on the screen."""

    text: str
    problem: bool = False


@dataclass(frozen=True)
class Verification:
    report: VerifyReport
    names: dict[int, str]  # branch id -> name
    sqlite: bool  # SQLite checks its own integrity; a PostgreSQL server guards its own

    @property
    def ok(self) -> bool:
        return self.report.ok


def verify(store: Store, expect: Sequence[Anchor] = ()) -> Verification:
    """Check every chain of the database (see ``data.ledger.verify``)."""
    from orglife_tui.data import ledger

    names = {b.id: b.name for b in store.branches()}
    report = ledger.verify(store, expect=expect)
    return Verification(report, names, store.engine.dialect.name == "sqlite")


def summary_lines(v: Verification, anchor_key: str = "verify.anchor") -> list[Line]:
    """The database's integrity, the counts, each branch's head and the anchors to write
    down (``anchor_key``: how the anchor is introduced)."""
    from orglife_tui.data.chain import GENESIS

    report = v.report
    if not report.integrity_ok:
        detail = "; ".join(report.integrity_messages[:3])
        lines = [Line(t("verify.integrity_bad", detail=detail))]
    elif v.sqlite:
        lines = [Line(t("verify.integrity_ok"))]
    else:
        lines = [Line(t("verify.integrity_skipped"))]
    lines.append(
        Line(
            t(
                "verify.counts",
                ledger=f"{report.ledger_entries:,}",
                audit=f"{report.audit_entries:,}",
            )
        )
    )
    for branch_id, digest in report.ledger_heads.items():
        name = v.names.get(branch_id, str(branch_id))
        if digest == GENESIS:
            lines.append(Line(t("verify.head_empty", branch=name)))
        else:
            lines.append(Line(t("verify.head", branch=name, hash=digest)))
    if report.audit_head != GENESIS:
        lines.append(Line(t("publication.verify.audit_head", hash=report.audit_head)))
    for branch_id in report.ledger_heads:
        lines.append(Line(t(anchor_key, anchor=report.anchor(branch_id))))
    return lines


def outcome_lines(v: Verification) -> list[Line]:
    """Verified, or each chain's first broken record and the failure."""
    if v.ok:
        return [Line(t("verify.ok"))]
    lines = [
        Line(
            t(
                "verify.break",
                table=t(f"verify.table.{found.table}"),
                id=found.entry_id,
                reason=t(found.reason),
            ),
            problem=True,
        )
        for found in v.report.breaks
    ]
    lines.append(Line(t("verify.failed"), problem=True))
    return lines

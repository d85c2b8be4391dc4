"""Scheme versions in the database: every scheme a branch used, the newest one active.

API skeleton (issue 3); implemented in this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from orglife_tui.data.store import Store
from orglife_tui.scoring.model import Scheme


@dataclass(frozen=True)
class SchemeVersionInfo:
    id: int
    name: str
    version: str
    sha256: str
    activated_at: datetime
    operator: str


def activate(store: Store, branch_id: int, source: str, scheme: Scheme) -> SchemeVersionInfo:
    """Store ``source`` (already parsed as ``scheme``) as the branch's active scheme."""
    raise NotImplementedError


def active(store: Store, branch_id: int) -> tuple[SchemeVersionInfo, Scheme] | None:
    raise NotImplementedError


def ensure_active(store: Store, branch_id: int) -> tuple[SchemeVersionInfo, Scheme]:
    """The active scheme, activating the bundled default on a branch that has none."""
    raise NotImplementedError


def versions(store: Store, branch_id: int) -> list[SchemeVersionInfo]:
    """Every version the branch used, newest first."""
    raise NotImplementedError

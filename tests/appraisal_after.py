"""A graded, unpublished appraisal session on a clock the test moves (issue 12 §3).

``tests.export.appraisal_session``: 001 and 002 优秀, 003 and 005 合格, 004 不合格, 006
probationary (not graded). Built once per backend (``prebuilt``); each test opens its copy
with ``open_store`` and moves ``store.clock["value"]``.
"""

from __future__ import annotations

from datetime import date

from orglife_tui.data.store import Store
from tests.export import appraisal_session as session

BUILT_ON = date(2025, 12, 1)
PUBLISHED_ON = date(2025, 12, 10)  # a Wednesday
# Five working days after it: Thu 11, Fri 12, Mon 15, Tue 16, Wed 17.
DEFAULT_END = date(2025, 12, 17)


def open_store(url: str, today: date = BUILT_ON) -> Store:
    clock = {"value": today}
    store = Store.open(url, operator="tester", today=lambda: clock["value"])
    store.clock = clock  # type: ignore[attr-defined]
    return store


def build(store: Store) -> int:
    """The branch and its graded session; returns the session's id."""
    return session.build(store, publish=False)


def branch_id(store: Store) -> int:
    return store.resolve_branch(session.BRANCH).id


def move(store: Store, day: date) -> None:
    store.clock["value"] = day  # type: ignore[attr-defined]

"""A writer behind another writer (issue 10 §5), on both databases: it waits, says so after
a second, goes on once the lock is free, and ends in a clear message at the timeout.

No assertion races a sleep: the holder lets go when the waiter says it waits (an event),
and the timeout case only checks that at least the timeout passed."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from orglife_tui.data.engine import NOTICE_AFTER, WriteLockTimeout
from orglife_tui.data.store import Store


@contextmanager
def holder(url: str) -> Iterator[threading.Event]:
    """Another writer holding a write transaction until the yielded event is set."""
    holding, release = threading.Event(), threading.Event()
    failed: list[BaseException] = []

    def hold() -> None:
        other = Store.open(url, operator="other")
        try:
            with other.write_transaction() as conn:
                other.audit(conn, None, "test.hold")
                holding.set()
                release.wait(120)
        except BaseException as exc:  # surfaced below, not lost in the thread
            failed.append(exc)
            holding.set()
        finally:
            other.close()

    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    assert holding.wait(60), "the holder never got the lock"
    assert not failed, failed
    try:
        yield release
    finally:
        release.set()
        thread.join(60)
    assert not failed, failed


@pytest.fixture
def url(db_url) -> str:
    Store.open(db_url, operator="t").close()  # migrated before anyone holds a lock
    return db_url


def test_a_waiting_writer_says_so_and_goes_on_when_the_lock_is_free(url):
    store = Store.open(url, operator="waiter", lock_timeout=60)
    told: list[float] = []
    try:
        with holder(url) as release:

            def on_wait(seconds: float) -> None:
                told.append(time.monotonic())
                release.set()  # the other writer finishes once we are seen waiting

            store.on_wait = on_wait
            start = time.monotonic()
            branch = store.create_branch("等待的支部")
        assert branch.name == "等待的支部"
        assert len(told) == 1  # said once
        assert told[0] - start >= NOTICE_AFTER
        assert [b.name for b in store.branches()] == ["等待的支部"]
    finally:
        store.close()


def test_a_writer_that_waits_too_long_ends_in_a_clear_message_and_writes_nothing(url):
    store = Store.open(url, operator="waiter", lock_timeout=2)
    told: list[float] = []
    store.on_wait = told.append
    try:
        with holder(url):
            start = time.monotonic()
            with pytest.raises(WriteLockTimeout) as info:
                store.create_branch("等不到的支部")
            waited = time.monotonic() - start
        assert waited >= 2
        assert told == [2]
        assert str(info.value).startswith("Another user kept the database busy for 2 s")
        assert store.branches() == []
    finally:
        store.close()


def test_a_quick_write_says_nothing(url):
    store = Store.open(url, operator="t", lock_timeout=2)
    told: list[float] = []
    store.on_wait = told.append
    try:
        store.create_branch("b")
    finally:
        store.close()
    assert told == []

"""Points operations shared by the command line and the terminal UI.

Attendance (and a Party lecture's lecturer) drives the points: whoever changes attendance
(an import, the demo loader, a mark on the attendance sheet, a meeting recorded, corrected
or voided) calls ``after_attendance_change``
(``after_meeting_change``) next, which brings the
ledger's attendance-derived entries in line under the branch's active scheme. The sync is
idempotent, so a sync that fails (or is skipped by a crash) is made good by the next one or
by ``orglife-tui ledger sync``.

The dues drive the ``late_dues`` deduction the same way: whoever records dues (a payment,
a void, a standard, an import) calls ``after_dues_change``; the commitments register
(承诺践诺) drives ``commitment_kept`` and ``commitment_broken`` through
``after_commitment_change``; ``sync_branch`` does all three.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from orglife_tui.data import ledger
from orglife_tui.data.store import Store
from orglife_tui.scoring.model import Scheme

# The demo's kinds of manual entry and the items of the bundled default scheme they book.
DEMO_ITEM_CODES = {
    "volunteer": "volunteer_service",
    "report_in": "community_report_in",
    "commitment_kept": "commitment_kept",
    "commitment_broken": "commitment_broken",
    "late_dues": "late_dues",
    "lecture_given": "give_party_lecture",
}


def active_scheme(store: Store, branch_id: int):
    """``(version_info, scheme)`` of the branch, activating the bundled default if none."""
    from orglife_tui.data.schemes import ensure_active

    return ensure_active(store, branch_id)


def sync_branch(store: Store, branch_id: int):
    """Recompute every derived entry of the branch, from attendance and from the dues:
    ``(info, scheme, result)`` with the two syncs' counts added up."""
    from orglife_tui.data.commitments import sync_commitments
    from orglife_tui.data.dues import sync_dues

    info, scheme = active_scheme(store, branch_id)
    results = (
        ledger.sync_attendance(store, branch_id, scheme, info.id),
        sync_dues(store, branch_id, scheme, info.id),
        sync_commitments(store, branch_id, scheme, info.id),
    )
    result = ledger.SyncResult(sum(r.added for r in results), sum(r.reversed for r in results))
    return info, scheme, result


def after_dues_change(store: Store, branch_id: int) -> ledger.SyncResult:
    """Let the ``late_dues`` points follow the dues records (the whole branch: a month that
    has become late since the last sync is booked now too)."""
    from orglife_tui.data.dues import sync_dues

    info, scheme = active_scheme(store, branch_id)
    return sync_dues(store, branch_id, scheme, info.id)


def add_manual_entry(
    store: Store, branch_id: int, scheme, scheme_version_id, member_no, code, **kw
):
    """An entry a secretary types (``ledger add``, the ledger's entry form): refused for an
    item booked from a register (a Party lecture's lecturer, the commitments), whose
    points follow the register instead; else ``ledger.add_entry``. (A loader writing
    history goes to the ledger directly.)"""
    from orglife_tui.data.errors import StoreError

    item = scheme.item(code)
    if item is not None and item.register is not None:
        raise StoreError(f"life.ledger.item_derived.{item.register.value}", item=item.code)
    return ledger.add_entry(store, branch_id, scheme, scheme_version_id, member_no, code, **kw)


def after_commitment_change(store: Store, branch_id: int) -> ledger.SyncResult:
    """Let the commitment points follow the commitments register (承诺践诺)."""
    from orglife_tui.data.commitments import sync_commitments

    info, scheme = active_scheme(store, branch_id)
    return sync_commitments(store, branch_id, scheme, info.id)


def after_attendance_change(
    store: Store,
    branch_id: int,
    meeting_ids: Iterable[int] | None = None,
    member_ids: Iterable[int] | None = None,
) -> ledger.SyncResult:
    """Let the points follow attendance just changed at ``meeting_ids`` (None: anywhere),
    optionally only for ``member_ids`` (one mark on the attendance sheet)."""
    info, scheme = active_scheme(store, branch_id)
    return ledger.sync_attendance(
        store,
        branch_id,
        scheme,
        info.id,
        None if meeting_ids is None else list(meeting_ids),
        member_ids=None if member_ids is None else list(member_ids),
    )


def after_meeting_change(store: Store, branch_id: int, meeting_id: int) -> ledger.SyncResult:
    """Let the points follow a meeting corrected (new date or types: its entries move) or
    voided (its entries are reversed, linked to them, with the note that it was voided)."""
    return after_attendance_change(store, branch_id, [meeting_id])


def after_attendance_import(
    store: Store, branch_id: int, meeting_nos: Iterable[str]
) -> ledger.SyncResult:
    """``after_attendance_change`` for the meetings an imported file named."""
    return after_attendance_change(
        store, branch_id, ledger.meeting_ids_for(store, branch_id, meeting_nos)
    )


def demo_entries(data, scheme, count: int | None = None) -> Iterator[ledger.NewEntry]:
    """The demo branch's manual entries as ledger entries of ``scheme`` (kinds whose item the
    scheme lacks, or books itself from attendance or dues, are left out)."""
    codes = {
        kind: code
        for kind, code in DEMO_ITEM_CODES.items()
        if (item := scheme.item(code)) is not None and not item.automatic
    }
    for e in data.ledger_entries(count, kinds=set(codes)):
        code = codes.get(e.kind)
        if code is not None:
            yield ledger.NewEntry(
                member_no=e.member_no,
                item_code=code,
                entry_date=e.date,
                hours=e.hours,
                note=e.note,
                reverse_reason=e.reverse_reason,
            )


@dataclass(frozen=True)
class DemoLedgerPlan:
    """What ``load_demo_ledger`` will write: counted before writing, for a progress bar."""

    version_id: int | None
    scheme: Scheme
    derived: int  # entries the attendance is worth
    manual: int  # entries booked by hand (the top-up included)

    @property
    def total(self) -> int:
        return self.derived + self.manual


def plan_demo_ledger(
    store: Store, branch_id: int, data, total: int | None = None
) -> DemoLedgerPlan:
    """Count a freshly loaded demo branch's ledger-to-be under the active scheme.

    ``total`` asks for about that many entries in all (manual entries top the derived ones
    up; never fewer than the attendance is worth); None gives the natural volume.
    """
    info, scheme = active_scheme(store, branch_id)
    derived = ledger.count_derived(store, branch_id, scheme)
    manual = data.natural_ledger_entries() if total is None else max(0, total - derived)
    return DemoLedgerPlan(info.id, scheme, derived, manual)


def load_demo_ledger(
    store: Store,
    branch_id: int,
    data,
    plan: DemoLedgerPlan,
    progress: ledger.Progress | None = None,
) -> ledger.LoadResult:
    """Write the planned ledger: every entry the attendance is worth, merged by date with
    the demo's manual entries, in one transaction."""
    return ledger.bulk_load(
        store,
        branch_id,
        plan.scheme,
        plan.version_id,
        demo_entries(data, plan.scheme, plan.manual),
        progress=progress,
        action="demo.ledger",
    )

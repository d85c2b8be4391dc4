"""The scoring scheme as plain values: what the TOML file says once it has been checked.

Pure: no I/O, no SQL. ``scoring.scheme`` builds a ``Scheme`` from TOML text; the ledger,
the scoreboard and the appraisal read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from orglife_tui.domain import AttendanceStatus, MeetingType, MemberStatus
from orglife_tui.scoring.policy import Policy


class Category(str, Enum):
    """How an item counts: 基本职责 / 加分 / 扣分 / 一票否决."""

    duty = "duty"
    bonus = "bonus"
    deduction = "deduction"
    veto = "veto"


class Unit(str, Enum):
    """Points are given per occurrence (一次) or per hour (每小时, volunteering)."""

    occurrence = "occurrence"
    hour = "hour"


class Grade(str, Enum):
    excellent = "excellent"
    qualified = "qualified"
    basically_qualified = "basically_qualified"
    unqualified = "unqualified"


class Normalization(str, Enum):
    """How a points total becomes a 0–1 appraisal input."""

    ceiling = "ceiling"  # total / ceiling
    range = "range"  # (total - floor) / (ceiling - floor)


@dataclass(frozen=True)
class Derivation:
    """An item earned automatically from attendance: a meeting of one of these types,
    with this attendance status, is one occurrence."""

    meeting_types: tuple[MeetingType, ...]
    attendance: AttendanceStatus


@dataclass(frozen=True)
class DuesDerivation:
    """An item earned automatically from the dues records (党费): each month whose dues
    were still unpaid at the end of the ``grace_months``-th month after it is one
    occurrence (``compliance.dues.late_months``)."""

    grace_months: int = 0


class Register(str, Enum):
    """A register an item is booked from, by its code (issue 12 §5): the meeting's lecturer
    picked from the roster, or the commitments register (承诺践诺)."""

    lecturer = "lecturer"  # one occurrence per Party lecture the member gave
    commitment_fulfilled = "commitment_fulfilled"  # per commitment evaluated fulfilled
    commitment_not_fulfilled = "commitment_not_fulfilled"  # per commitment not fulfilled


# The items whose code names the register they are booked from: whatever a scheme says of
# them, they are never typed by hand (their points and caps still come from the scheme).
REGISTER_ITEMS: dict[str, Register] = {
    "give_party_lecture": Register.lecturer,
    "commitment_kept": Register.commitment_fulfilled,
    "commitment_broken": Register.commitment_not_fulfilled,
}


@dataclass(frozen=True)
class Item:
    code: str
    name_zh: str
    name_en: str
    category: Category
    points: float  # signed: per occurrence, or per hour when unit is hour
    unit: Unit = Unit.occurrence
    cap: float | None = None  # yearly cap on the item's absolute sum; None: no cap
    derive: Derivation | None = None
    dues: DuesDerivation | None = None  # derived from the dues records instead

    @property
    def register(self) -> Register | None:
        """The register the item is booked from (an item derived from attendance or the
        dues is not also booked from a register)."""
        if self.derive is not None or self.dues is not None:
            return None
        return REGISTER_ITEMS.get(self.code)

    @property
    def automatic(self) -> bool:
        """Booked by a sync (from attendance, dues or a register), never by hand."""
        return self.derive is not None or self.dues is not None or self.register is not None

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en


@dataclass(frozen=True)
class Cutoffs:
    """Lowest total for each grade; below ``basically_qualified`` is unqualified."""

    excellent: float
    qualified: float
    basically_qualified: float


def _default_ballot_values() -> dict[Grade, float]:
    return {
        Grade.excellent: 1.0,
        Grade.qualified: 0.8,
        Grade.basically_qualified: 0.6,
        Grade.unqualified: 0.0,
    }


@dataclass(frozen=True)
class AppraisalInput:
    normalization: Normalization = Normalization.ceiling
    points_weight: float = 0.4  # the ballot gets 1 - points_weight
    # statuses with a vote in the ballot (probationary members have none: Party Constitution)
    voters: frozenset[MemberStatus] = frozenset({MemberStatus.full})
    # what one vote for each grade is worth (0–1); a candidate's ballot score is their mean
    ballot_values: dict[Grade, float] = field(default_factory=_default_ballot_values)
    # warn when more than this share of the graded members would be excellent
    excellent_share_max: float = 0.3333
    # flag a candidate whose unqualified votes exceed this share of the ballots; 0 = off
    unqualified_vote_flag: float = 0.0


@dataclass(frozen=True)
class Scheme:
    name: str
    version: str
    base_points: float
    floor: float
    ceiling: float
    items: tuple[Item, ...]
    cutoffs: dict[MemberStatus, Cutoffs]
    scored_statuses: frozenset[MemberStatus]
    graded_statuses: frozenset[MemberStatus]
    appraisal: AppraisalInput = field(default_factory=AppraisalInput)
    period: str = "calendar_year"
    # the compliance watch's rules (``[policy]``); the defaults when the file has none
    policy: Policy = field(default_factory=Policy)
    # sections later features read, kept as parsed TOML
    extra: dict[str, object] = field(default_factory=dict)

    def item(self, code: str) -> Item | None:
        for it in self.items:
            if it.code == code:
                return it
        return None

    @property
    def derived_items(self) -> tuple[Item, ...]:
        return tuple(it for it in self.items if it.derive is not None)

    def register_items(self, register: Register) -> tuple[Item, ...]:
        """The items booked from ``register``."""
        return tuple(it for it in self.items if it.register is register)

    @property
    def dues_items(self) -> tuple[Item, ...]:
        """The items derived from the dues records (``late_dues`` in the default scheme)."""
        return tuple(it for it in self.items if it.dues is not None)

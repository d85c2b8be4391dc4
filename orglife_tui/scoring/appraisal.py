"""The democratic appraisal's arithmetic (民主评议党员): pure functions over plain values.

The ballots never decide alone (docs/architecture.md §3): they are counted per candidate
(``Counts``), turned into a ballot score (the mean of the scheme's ``ballot_values`` over
the votes that did not abstain), combined with the points total by the scheme's
``points_weight`` and graded by the status's cut-offs into a **proposal**; the committee
sets the final grade. A veto item in the points makes the proposal unqualified.

The combined figure is on the scheme's points scale, so that the points cut-offs apply to
it unchanged: both inputs are 0–1 (``rules.appraisal_input`` for the points, the ballot
score for the votes), mixed by weight, and mapped back through the normalization
(``ceiling``: × ceiling; ``range``: floor + × (ceiling − floor)). With the default scheme
(floor 0, ceiling 100) it runs 0–100.

Shares are compared with the scheme's limits after rounding to four decimals, so that the
default limit 0.3333 lets exactly one third of the members be excellent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from orglife_tui.domain import MemberStatus
from orglife_tui.scoring import rules
from orglife_tui.scoring.model import Grade, Normalization, Scheme

# Grades from best to worst: the order ballots and tallies list them in.
GRADES = (Grade.excellent, Grade.qualified, Grade.basically_qualified, Grade.unqualified)
SHARE_DECIMALS = 4
# Chinese names of the grades, accepted on input (and the 1–4 keys of the kiosk).
GRADE_ZH = {
    Grade.excellent: "优秀",
    Grade.qualified: "合格",
    Grade.basically_qualified: "基本合格",
    Grade.unqualified: "不合格",
}


@dataclass(frozen=True)
class Counts:
    """One candidate's ballots: votes per grade and abstentions."""

    excellent: int = 0
    qualified: int = 0
    basically_qualified: int = 0
    unqualified: int = 0
    abstain: int = 0

    @property
    def total(self) -> int:
        """Ballots, abstentions included."""
        return (
            self.excellent
            + self.qualified
            + self.basically_qualified
            + self.unqualified
            + self.abstain
        )

    @property
    def votes(self) -> int:
        """Ballots that rated the candidate (abstentions left out)."""
        return self.total - self.abstain

    def count(self, grade: Grade | None) -> int:
        return self.abstain if grade is None else getattr(self, grade.value)

    def share(self, grade: Grade | None) -> float:
        """The share of all ballots (abstentions included) for ``grade`` (None: abstained)."""
        return self.count(grade) / self.total if self.total else 0.0

    @classmethod
    def of(cls, ratings: Sequence[Grade | None]) -> Counts:
        """A hand count: the counts of a list of ratings."""
        return cls(
            **{g.value: sum(1 for r in ratings if r is g) for g in GRADES},
            abstain=sum(1 for r in ratings if r is None),
        )


def parse_grade(text: str) -> Grade:
    """A grade typed by a user: its key (``basically_qualified``, any case, ``-`` or space
    for ``_``), its Chinese name (基本合格) or its number 1–4 (1 = excellent). Raises
    ValueError for anything else."""
    raw = text.strip()
    key = raw.lower().replace("-", "_").replace(" ", "_")
    for grade in GRADES:
        if key == grade.value or raw == GRADE_ZH[grade]:
            return grade
    if key in ("1", "2", "3", "4"):
        return GRADES[int(key) - 1]
    raise ValueError(f"unknown grade {raw!r}")


def is_graded(scheme: Scheme, status: MemberStatus) -> bool:
    """Whether a candidate of ``status`` receives an appraisal grade: full members whose
    status the scheme grades. Probationary members take part but are never graded."""
    return status is MemberStatus.full and status in scheme.graded_statuses


def has_vote(scheme: Scheme, status: MemberStatus) -> bool:
    return status in scheme.appraisal.voters


def ballot_score(counts: Counts, scheme: Scheme) -> float | None:
    """The mean of the scheme's ``ballot_values`` over the votes that did not abstain
    (0–1); None when every ballot abstained or there are none."""
    if counts.votes == 0:
        return None
    values = scheme.appraisal.ballot_values
    weighted = sum(counts.count(g) * values[g] for g in GRADES)
    return min(1.0, max(0.0, weighted / counts.votes))


def _to_points_scale(scheme: Scheme, value: float) -> float:
    if scheme.appraisal.normalization is Normalization.range:
        return scheme.floor + value * (scheme.ceiling - scheme.floor)
    return value * scheme.ceiling


def combined_score(scheme: Scheme, points_total: float | None, counts: Counts) -> float | None:
    """Points and ballots mixed by ``points_weight`` on the scheme's points scale.

    Either input alone when the other is missing (no points row, or no vote cast for the
    candidate); None when both are.
    """
    ballot = ballot_score(counts, scheme)
    points = None if points_total is None else rules.appraisal_input(scheme, points_total)
    if ballot is None and points is None:
        return None
    if ballot is None:
        mixed = points
    elif points is None:
        mixed = ballot
    else:
        w = scheme.appraisal.points_weight
        mixed = w * points + (1 - w) * ballot
    assert mixed is not None
    return rules.points(_to_points_scale(scheme, mixed))


def proposed_grade(
    scheme: Scheme,
    status: MemberStatus,
    points_total: float | None,
    vetoed: bool,
    counts: Counts,
) -> Grade | None:
    """The grade the figures propose to the committee: the status's cut-offs applied to
    ``combined_score``; a veto makes it unqualified; None for a candidate not graded
    (probationary) or with neither points nor votes."""
    if not is_graded(scheme, status):
        return None
    if vetoed:
        return Grade.unqualified
    combined = combined_score(scheme, points_total, counts)
    if combined is None:
        return None
    return rules.grade(scheme, status, combined, vetoed=False)


def _over(share: float, limit: float) -> bool:
    return round(share, SHARE_DECIMALS) > limit


def excellent_share(grades: Sequence[Grade | None]) -> float:
    """The share of excellent among the grades given (None: not graded, left out)."""
    graded = [g for g in grades if g is not None]
    if not graded:
        return 0.0
    return sum(1 for g in graded if g is Grade.excellent) / len(graded)


def excellent_over_share(scheme: Scheme, grades: Sequence[Grade | None]) -> bool:
    """Whether more than ``excellent_share_max`` of the graded members would be excellent
    (a warning on the grades, not a rule on the ballots)."""
    return _over(excellent_share(grades), scheme.appraisal.excellent_share_max)


def unqualified_flag(scheme: Scheme, counts: Counts) -> bool:
    """Whether the candidate's unqualified votes exceed ``unqualified_vote_flag`` of the
    ballots; never when the flag is 0 (off, the default)."""
    limit = scheme.appraisal.unqualified_vote_flag
    if limit <= 0 or counts.total == 0:
        return False
    return _over(counts.share(Grade.unqualified), limit)


# Why a member receives no grade, as catalog keys: the screens and the tally say it.
NOT_RATED = "appraisal_steps.why.not_rated"
NOT_GRADED_PROBATIONARY = "appraisal_steps.why.probationary"
NOT_GRADED_BY_SCHEME = "appraisal_steps.why.not_graded"


def why_not_graded(status: MemberStatus, graded: bool, rated: bool = True) -> str | None:
    """Why a member of ``status`` gets no grade (None: graded): not on the ballot at all
    (``rated`` False: the scheme does not score the status), a probationary member who
    takes part without a grade, or a status the scheme rates but does not grade."""
    if not rated:
        return NOT_RATED
    if graded:
        return None
    if status is MemberStatus.probationary:
        return NOT_GRADED_PROBATIONARY
    return NOT_GRADED_BY_SCHEME


__all__ = [
    "GRADES",
    "GRADE_ZH",
    "Counts",
    "ballot_score",
    "combined_score",
    "excellent_over_share",
    "excellent_share",
    "has_vote",
    "is_graded",
    "parse_grade",
    "proposed_grade",
    "unqualified_flag",
    "why_not_graded",
]

"""Where a year's points stand (issue 12 §4): to a day, and whether bands are shown.

A points band (积分档次) judges a whole year's points. Before the year has closed the
points are only the points to date — a member with one unexcused absence in March is not
"unqualified" in April — so the scoreboard, the score export and the publicity notice show
the points "to MM-DD" (截至 MM-DD) and no band, unless provisional bands (暂定) are asked
for; from the year's last day on, the bands are shown as final. Pure: the day comes from
the caller's clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


def year_end(year: int) -> date:
    return date(year, 12, 31)


@dataclass(frozen=True)
class Standing:
    """A year's figures as of a day, and whether provisional bands were asked for."""

    year: int
    as_of: date
    provisional: bool = False

    @classmethod
    def of(
        cls, year: int, today: date, as_of: date | None = None, provisional: bool = False
    ) -> Standing:
        """The standing of ``year`` as of ``as_of`` when given, else ``today`` — but never
        past the year's last day, so that a past year stands closed."""
        day = as_of if as_of is not None else min(today, year_end(year))
        return cls(year, day, provisional)

    @classmethod
    def final(cls, year: int) -> Standing:
        """A year that has closed (its last day)."""
        return cls(year, year_end(year))

    @property
    def closed(self) -> bool:
        """The year has run to its last day: the bands are final."""
        return self.as_of >= year_end(self.year)

    @property
    def shows_bands(self) -> bool:
        return self.closed or self.provisional

    @property
    def marked_provisional(self) -> bool:
        """Bands are shown before the year closed: they must say they are provisional."""
        return self.provisional and not self.closed

    @property
    def day(self) -> str:
        """The day the points run to, as MM-DD (the year is the table's)."""
        return self.as_of.strftime("%m-%d")


__all__ = ["Standing", "year_end"]

"""The programme's rules for families, in one place.

- A family is **eligible** when, while its plan was open, it had needs in at least three of the
  ten outcome areas.
- A **successful family outcome** is an eligible family whose case has closed, whose every
  identified need was achieved and sustained, and which has had no new need identified after
  closure; it counts once six months after closure have passed, in the financial year in which
  they end.
- A family counts as **supported** (and, if eligible, as eligible) in every financial year in
  which its plan was open, from plan start to closure (or to today while it is open).
"""

import datetime
from dataclasses import dataclass

from core.dates import add_months

MIN_OUTCOME_AREAS = 3
SUSTAIN_MONTHS = 6


@dataclass(frozen=True)
class Need:
    outcome: int
    identified_on: datetime.date
    achieved_on: datetime.date | None = None
    sustained: bool | None = None


@dataclass(frozen=True)
class Assessment:
    eligible: bool
    all_needs_sustained: bool
    sustain_until: datetime.date | None

    def successful(self, as_of):
        """A successful family outcome on ``as_of``: six months after closure have passed."""
        return self.all_needs_sustained and self.sustain_until <= as_of


def assess(*, plan_start, case_closed, needs):
    """Work out a family's standing from its plan dates and needs."""
    during_plan = [
        need for need in needs if case_closed is None or need.identified_on <= case_closed
    ]
    eligible = len({need.outcome for need in during_plan}) >= MIN_OUTCOME_AREAS
    sustain_until = add_months(case_closed, SUSTAIN_MONTHS) if case_closed else None
    all_sustained = (
        eligible
        and case_closed is not None
        and len(during_plan) == len(needs)
        and all(need.achieved_on is not None and need.sustained is True for need in needs)
    )
    return Assessment(eligible, all_sustained, sustain_until)

"""A project's budget profile by quarter: the one an approval gives it, and the profile
against what the ledger shows it spent (two queries, whatever the project's length)."""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from core.financial_years import fy_for_date, fy_quarter
from core.money import to_money
from core.profiles import profile_from_budget
from projects.models import Project
from proposals.models import Proposal

ZERO = Decimal("0.00")
Profile = dict[tuple[str, int], Decimal]


def approval_profile(
    proposal: Proposal, approved: Decimal, decided_on: datetime.date
) -> tuple[datetime.date, datetime.date, Profile]:
    """The delivery dates and the budget profile an approval of ``approved`` gives the
    proposal's project: its latest version's budget by year, spread over the months it
    delivers in (``core.profiles.profile_from_budget``). What the fund position of each year
    counts is this profile, so the group's check and the project agree to the penny."""
    start = proposal.delivery_start or decided_on
    end = proposal.delivery_end or start + datetime.timedelta(days=364)
    version = proposal.versions.latest("number")
    budget = [
        (line["financial_year"], to_money(line["amount"]))
        for line in version.snapshot["budget_lines"]
    ]
    return start, end, profile_from_budget(budget, to_money(approved), start, end)


@dataclass(frozen=True)
class QuarterRow:
    financial_year: str
    quarter: int
    profile: Decimal
    spent: Decimal

    @property
    def difference(self) -> Decimal:
        """Spent less profiled: above zero, more was spent than planned for the quarter."""
        return self.spent - self.profile


def profile_against_actual(project: Project) -> tuple[list[QuarterRow], QuarterRow]:
    """Each quarter the profile or the ledger holds, in order, and the totals."""
    profile: dict[tuple[str, int], Decimal] = defaultdict(lambda: ZERO)
    for line in project.profile.all():
        profile[(line.financial_year, line.quarter)] += line.amount
    spent: dict[tuple[str, int], Decimal] = defaultdict(lambda: ZERO)
    for month, amount in project.spend_months.values_list("month", "amount"):
        spent[(fy_for_date(month), fy_quarter(month))] += amount
    rows = [
        QuarterRow(year, quarter, profile[(year, quarter)], spent[(year, quarter)])
        for year, quarter in sorted(set(profile) | set(spent))
    ]
    total = QuarterRow(
        "", 0, sum((r.profile for r in rows), ZERO), sum((r.spent for r in rows), ZERO)
    )
    return rows, total

"""A project's budget profile against what the ledger shows it spent, quarter by quarter:
two queries (its profile lines, its monthly totals), whatever the project's length."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from core.financial_years import fy_for_date, fy_quarter
from projects.models import Project

ZERO = Decimal("0.00")


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

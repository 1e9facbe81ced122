"""The programme's headline: successful family outcomes (families that achieved and sustained
all their outcomes) in a financial year, against the target the programme team sets, quarter
by quarter. Read from the results calendar in one query; counts go through the disclosure
rule, the quarters linked to the year's total so none can be worked out by subtraction."""

import datetime
from dataclasses import dataclass

from core.disclosure import SECONDARY, Shown, shown, suppress
from core.financial_years import fy_bounds
from evaluations.selectors.results import (
    counting_window,
    family_counts,
    quarter_bounds,
    quarter_windows,
)
from programme.models import HeadlineTarget

QUARTER_NAMES = ["April to June", "July to September", "October to December", "January to March"]


@dataclass(frozen=True)
class Quarter:
    number: int
    months: str
    successful: Shown | None  # None for a quarter that has not begun
    complete: bool


@dataclass(frozen=True)
class Headline:
    financial_year: str
    successful: Shown
    target: HeadlineTarget | None
    quarters: list[Quarter]
    complete: bool

    @property
    def percent_of_target(self) -> int | None:
        if self.target is None or self.successful.value is None:
            return None
        return round(100 * self.successful.value / self.target.successful_families)


def headline(
    financial_year: str,
    as_of: datetime.date,
    suppressed: bool = True,
    year_total: Shown | None = None,
    counted: tuple[list[int], int] | None = None,
) -> Headline:
    """The year's successful family outcomes to ``as_of``, each quarter's, and its target.
    ``year_total`` is the year's count as the results table shows it (it is linked to other
    years there): if that table hides it, every quarter is hidden too. ``counted`` gives the
    quarters' and the year's counts where the page has read them already."""
    _start, end = fy_bounds(financial_year)
    bounds = quarter_bounds(financial_year)
    if counted is None:
        counts = family_counts(
            [*quarter_windows(financial_year, as_of), counting_window(financial_year, as_of)]
        )
        counted = [c["successful"] for c in counts[:4]], counts[4]["successful"]
    quarters, year = counted
    cells: dict[int | str, int] = dict(enumerate(quarters))
    cells["year"] = year
    if suppressed:
        view = suppress(cells, [(list(range(4)), "year")])
    else:
        view = {key: shown(value) for key, value in cells.items()}
    if year_total is not None and year_total.suppressed:
        view = {
            key: item if item.suppressed else shown(item.value, True, SECONDARY)
            for key, item in view.items()
        }
        view["year"] = year_total
    return Headline(
        financial_year=financial_year,
        successful=view["year"],
        target=HeadlineTarget.objects.filter(financial_year=financial_year).first(),
        quarters=[
            Quarter(
                number=n + 1,
                months=QUARTER_NAMES[n],
                successful=view[n] if first <= as_of else None,
                complete=last <= as_of,
            )
            for n, (first, last) in enumerate(bounds)
        ],
        complete=end < as_of,
    )

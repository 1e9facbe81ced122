"""The programme's headline: successful family outcomes (families that achieved and sustained
all their outcomes) in a financial year, against the target the programme team sets, quarter
by quarter. The counts are cells of the results' linked table, so the disclosure rule decides
them with every other figure on the page (the quarters add up to the year)."""

from dataclasses import dataclass

from core.disclosure import Shown, shown
from core.financial_years import fy_bounds
from evaluations.selectors.presenting import Figures
from evaluations.selectors.results import quarter_bounds
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


def headline(figures: Figures, financial_year: str, suppressed: bool = True) -> Headline:
    """The year's successful family outcomes to the figures' day, each quarter's, and the
    year's target, as this audience may see them."""
    view = figures.view(suppressed)
    nothing = shown(0)
    as_of = figures.as_of
    return Headline(
        financial_year=financial_year,
        successful=view.get(("successful", financial_year), nothing),
        target=HeadlineTarget.objects.filter(financial_year=financial_year).first(),
        quarters=[
            Quarter(
                number=n,
                months=QUARTER_NAMES[n - 1],
                successful=view.get(("successful", financial_year, n), nothing)
                if first <= as_of
                else None,
                complete=following <= as_of,
            )
            for n, (first, following) in enumerate(quarter_bounds(financial_year), start=1)
        ],
        complete=fy_bounds(financial_year)[1] < as_of,
    )

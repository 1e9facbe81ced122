"""The fiscal benefit estimate: sustained outcomes valued at published unit costs, reduced by
deadweight and optimism bias, against spend. It is an estimate and every page says so, with
the assumptions beside it."""

from dataclasses import dataclass, field
from decimal import Decimal

from core.money import MoneySum, to_money
from evaluations.models import UnitCost, ValueAssumptions
from evaluations.selectors.results import by_outcome, spend_total

HUNDRED = Decimal("100")


@dataclass
class Estimate:
    financial_year: str | None
    deadweight_percent: Decimal
    optimism_bias_percent: Decimal
    spend: Decimal
    lines: list = field(default_factory=list)  # per outcome: number, name, sustained, value
    payback_year: str | None = None
    # Hidden from this audience: a count it is made from is suppressed, and the value divided
    # by a published unit cost would give that count back.
    hidden: bool = False

    @property
    def factor(self):
        return (1 - self.deadweight_percent / HUNDRED) * (1 - self.optimism_bias_percent / HUNDRED)

    @property
    def gross(self):
        return to_money(sum((line["gross"] for line in self.lines), Decimal(0)))

    @property
    def net_benefit(self):
        return to_money(self.gross * self.factor)

    @property
    def return_on_investment(self):
        """Net benefit less spend, per pound spent, as a percentage."""
        if not self.spend:
            return None
        return ((self.net_benefit - self.spend) / self.spend * HUNDRED).quantize(Decimal("0.1"))

    @property
    def has_unit_costs(self):
        return any(line["unit_value"] for line in self.lines)


def assumptions(deadweight=None, optimism_bias=None):
    saved = ValueAssumptions.load()
    return (
        saved.deadweight_percent if deadweight is None else deadweight,
        saved.optimism_bias_percent if optimism_bias is None else optimism_bias,
    )


def unit_values():
    """{outcome number: the sum of its unit costs across agencies}."""
    return dict(
        UnitCost.objects.values("outcome__number")
        .annotate(total=MoneySum("value"))
        .values_list("outcome__number", "total")
    )


def payback_year(values, factor, figures):
    """The first financial year by the end of which the net benefit so far covers the spend
    so far; None if it has not happened yet."""
    spend_so_far = benefit_so_far = Decimal(0)
    for row in figures.by_year:
        year = row["financial_year"]
        spend_so_far += row["spend"]
        benefit_so_far += sum(
            (
                figures.sustained.get((number, year), 0) * value * factor
                for number, value in values.items()
            ),
            Decimal(0),
        )
        if spend_so_far and benefit_so_far >= spend_so_far:
            return year
    return None


def fiscal_benefit(
    figures, financial_year=None, deadweight=None, optimism_bias=None, raw=None, hidden=False
):
    """The estimate for a year, from the figures a page has counted (presenting.gather) and,
    if it has them, the year's outcome rows (selectors.by_outcome); ``hidden`` where the
    audience may not see it (presenting.value_hidden)."""
    deadweight, optimism_bias = assumptions(deadweight, optimism_bias)
    values = unit_values()
    row = figures.year(financial_year)
    estimate = Estimate(
        financial_year=financial_year,
        deadweight_percent=Decimal(deadweight),
        optimism_bias_percent=Decimal(optimism_bias),
        spend=row["spend"] if row else spend_total(financial_year),
        hidden=hidden,
    )
    for outcome in raw if raw is not None else by_outcome(financial_year, figures.as_of):
        value = values.get(outcome["number"]) or Decimal(0)
        estimate.lines.append(
            {
                "number": outcome["number"],
                "name": outcome["name"],
                "sustained": outcome["sustained"],
                "unit_value": value,
                "gross": outcome["sustained"] * value,
            }
        )
    estimate.payback_year = payback_year(values, estimate.factor, figures)
    return estimate

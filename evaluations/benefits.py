"""The fiscal benefit estimate: each sustained outcome valued at its published unit costs once a
year for the benefit period, discounted at the Green Book's rate (3.5% a year, the first year
undiscounted), reduced by deadweight and optimism bias, against spend. Fiscal value (a saving
to the public purse) makes the return on investment; economic and social value, where the
unit costs say so, are shown beside it, never added to it. It is an estimate and every page
says so, with the assumptions beside it."""

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
    benefit_years: int = 1
    discount_rate_percent: Decimal = Decimal("0")
    lines: list = field(default_factory=list)  # per outcome: number, name, sustained, value
    payback_year: str | None = None
    # Hidden from this audience: a count it is made from is suppressed, and the value divided
    # by a published unit cost would give that count back.
    hidden: bool = False

    @property
    def factor(self):
        return (1 - self.deadweight_percent / HUNDRED) * (1 - self.optimism_bias_percent / HUNDRED)

    @property
    def present_value_factor(self):
        """What one year's value is worth over the benefit period, discounted: the sum of
        1 / (1 + r)^t for t = 0 .. years - 1."""
        return present_value_factor(self.benefit_years, self.discount_rate_percent)

    @property
    def gross(self):
        """The fiscal value of the sustained outcomes over the benefit period, discounted."""
        return to_money(sum((line["gross"] for line in self.lines), Decimal(0)))

    def _net(self, key):
        total = sum((line[key] for line in self.lines), Decimal(0))
        return to_money(total * self.factor)

    @property
    def economic_net(self):
        return self._net("economic")

    @property
    def social_net(self):
        return self._net("social")

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


def present_value_factor(years, rate_percent):
    rate = Decimal(rate_percent) / HUNDRED
    return sum((1 / (1 + rate) ** year for year in range(years)), Decimal(0))


def unit_values():
    """{kind of value: {outcome number: the sum of its unit costs of that kind across
    agencies}}, in one query."""
    found: dict = {kind: {} for kind in UnitCost.Kind}
    for kind, number, total in (
        UnitCost.objects.values("kind", "outcome__number")
        .annotate(total=MoneySum("value"))
        .values_list("kind", "outcome__number", "total")
    ):
        found[kind][number] = total
    return found


def payback_year(values, factor, figures):
    """The first financial year by the end of which the net benefit so far covers the spend
    so far; None if it has not happened yet."""
    spend_so_far = benefit_so_far = Decimal(0)
    for row in figures.by_year:
        year = row["financial_year"]
        spend_so_far += row["spend"]
        benefit_so_far += sum(
            (
                figures.funded_sustained.get((number, year), 0) * value * factor
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
    saved = ValueAssumptions.load()
    wider = unit_values()
    values = wider.pop(UnitCost.Kind.FISCAL)
    row = figures.year(financial_year)
    estimate = Estimate(
        financial_year=financial_year,
        deadweight_percent=Decimal(saved.deadweight_percent if deadweight is None else deadweight),
        optimism_bias_percent=Decimal(
            saved.optimism_bias_percent if optimism_bias is None else optimism_bias
        ),
        spend=row["spend"] if row else spend_total(financial_year),
        hidden=hidden,
        benefit_years=saved.benefit_years,
        discount_rate_percent=saved.discount_rate_percent,
    )
    over_period = estimate.present_value_factor
    for outcome in raw if raw is not None else by_outcome(financial_year, figures.as_of):
        number, sustained = outcome["number"], outcome["funded_sustained"]
        value = values.get(number) or Decimal(0)
        estimate.lines.append(
            {
                "number": number,
                "name": outcome["name"],
                "sustained": sustained,
                "unit_value": value,
                "gross": sustained * value * over_period,
                **{
                    kind: sustained * (wider[kind].get(number) or Decimal(0)) * over_period
                    for kind in wider
                },
            }
        )
    estimate.payback_year = payback_year(values, estimate.factor * over_period, figures)
    return estimate

"""The fiscal benefit estimate (evaluations.benefits): valued over the benefit period at the
Green Book's discount rate, less deadweight and optimism bias; only fiscal value makes the
return on investment."""

from decimal import Decimal
from types import SimpleNamespace

import pytest

from evaluations.benefits import fiscal_benefit, present_value_factor
from evaluations.models import UnitCost, ValueAssumptions
from programme.models import Outcome

pytestmark = pytest.mark.django_db


def figures(spend):
    return SimpleNamespace(
        year=lambda _year: {"spend": Decimal(spend)}, by_year=[], funded_sustained={}, as_of=None
    )


def unit_cost(number, value, kind=UnitCost.Kind.FISCAL):
    UnitCost.objects.create(
        outcome=Outcome.objects.get(number=number),
        description=f"{kind} value",
        value=Decimal(value),
        agency=UnitCost.Agency.LOCAL_AUTHORITY,
        kind=kind,
        source="Test",
        price_year="2025-26",
    )


def set_assumptions(**values):
    saved = ValueAssumptions.load()
    for name, value in values.items():
        setattr(saved, name, value)
    saved.save()


def test_two_years_at_three_and_a_half_percent_count_the_second_year_discounted():
    assert present_value_factor(2, Decimal("3.5")) == 1 + 1 / Decimal("1.035")
    assert present_value_factor(1, Decimal("3.5")) == 1


def test_only_outcomes_sustained_by_families_a_funded_project_supported_are_valued():
    unit_cost(9, "1000.00")
    set_assumptions(benefit_years=1, deadweight_percent=Decimal("0"), optimism_bias_percent=0)
    raw = [{"number": 9, "name": "Secure housing", "sustained": 40, "funded_sustained": 3}]
    assert fiscal_benefit(figures("100.00"), "2025-26", raw=raw).gross == Decimal("3000.00")


def test_each_sustained_outcome_is_valued_over_the_period_less_adjustments():
    unit_cost(9, "1000.00")
    set_assumptions(
        benefit_years=2,
        discount_rate_percent=Decimal("3.50"),
        deadweight_percent=Decimal("30"),
        optimism_bias_percent=Decimal("20"),
    )
    raw = [{"number": 9, "name": "Secure housing", "sustained": 14, "funded_sustained": 10}]
    estimate = fiscal_benefit(figures("10000.00"), "2025-26", raw=raw)
    by_hand = Decimal(10 * 1000) * (1 + 1 / Decimal("1.035"))
    assert estimate.gross == by_hand.quantize(Decimal("0.01"))
    assert estimate.net_benefit == (estimate.gross * Decimal("0.7") * Decimal("0.8")).quantize(
        Decimal("0.01")
    )
    assert estimate.return_on_investment == ((estimate.net_benefit - 10000) / 10000 * 100).quantize(
        Decimal("0.1")
    )


def test_economic_and_social_value_are_shown_but_not_in_the_return():
    unit_cost(9, "1000.00")
    unit_cost(9, "5000.00", UnitCost.Kind.SOCIAL)
    unit_cost(9, "2000.00", UnitCost.Kind.ECONOMIC)
    set_assumptions(benefit_years=1, deadweight_percent=Decimal("0"), optimism_bias_percent=0)
    raw = [{"number": 9, "name": "Secure housing", "sustained": 10, "funded_sustained": 10}]
    estimate = fiscal_benefit(figures("5000.00"), "2025-26", raw=raw)
    assert (estimate.gross, estimate.economic_net, estimate.social_net) == (
        Decimal("10000.00"),
        Decimal("20000.00"),
        Decimal("50000.00"),
    )
    assert estimate.return_on_investment == Decimal("100.0")

from decimal import Decimal

import pytest

from core.financial_years import fy_bounds, fy_for_date, fy_name, fy_start_year
from evaluations.benefits import fiscal_benefit
from evaluations.models import EvaluationStudy, Family, UnitCost
from evaluations.selectors.presenting import gather, summary_from, year_figures
from evaluations.selectors.results import year_summary
from public.models import ResultsPage

pytestmark = pytest.mark.django_db


def test_seed_demo_adds_1200_families_with_hundreds_of_successes_a_year(client, demo, today):
    assert Family.objects.count() == 1200
    last_year = fy_name(fy_start_year(fy_for_date(today)) - 1)
    assert year_summary(last_year)["successful_family_outcomes"] >= 200
    assert UnitCost.objects.count() == 10
    assert EvaluationStudy.objects.filter(published=True).exists()
    page = ResultsPage.objects.live().get()
    assert client.get(page.url).status_code == 200


def test_the_demos_figures_are_ones_a_finance_officer_would_sign(demo, today):
    """No funded outcomes in a year with no spend, a spend per family a funded service could
    cost, and a return on investment inside what family-support evaluations report: judged on
    the years that have ended (the ledger of the current one is imported a month behind)."""
    counted = gather(today)
    returns = []
    for year in counted.years:
        figures = summary_from(counted, year)
        _shown, _outcomes, raw = year_figures(counted, year, suppressed=False)
        assert figures["families_funded"] <= figures["families_supported"]
        assert figures["funded_successful"] <= figures["successful_family_outcomes"]
        if fy_bounds(year)[1] >= today:
            continue
        if not figures["spend"]:
            assert figures["families_funded"] == figures["funded_achieved"] == 0
            continue
        if figures["families_funded"]:
            assert Decimal("100") <= figures["spend_per_family_supported"] <= Decimal("20000")
        estimate = fiscal_benefit(counted, year, raw=raw)
        if estimate.return_on_investment is not None:
            returns.append(estimate.return_on_investment)
    assert returns and all(Decimal("-100") <= value <= Decimal("300") for value in returns)

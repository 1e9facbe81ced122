import pytest

from core.financial_years import fy_for_date, fy_name, fy_start_year
from evaluations.models import EvaluationStudy, Family, UnitCost
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

import datetime
from io import StringIO

import pytest
from django.db import transaction
from django.db.models import Sum

from benchmarks.generate import Generator
from benchmarks.sizes import BUSY_YEAR, SCALES
from benchmarks.suite import selectors as selectors_benchmark
from core.financial_years import fy_bounds
from core.money import money_total
from evaluations.models import Family, FamilyNeed
from evaluations.selectors.value import value_for_money
from projects.models import BudgetProfileLine, Project, SpendLine, SpendMonth
from proposals.models import Proposal

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 23)
SIZES = SCALES["test"]


def generate(seed=1):
    Generator("test", seed, TODAY, stdout=StringIO()).run()


def test_the_generator_writes_the_sizes_asked_for(demo):
    before = (
        Proposal.objects.count(),
        SpendLine.objects.count(),
        Family.objects.count(),
        FamilyNeed.objects.count(),
    )
    generate()
    assert Proposal.objects.count() - before[0] == SIZES["proposals"]
    assert Project.objects.filter(cost_centre__startswith="SC").count() == SIZES["projects"]
    assert SpendLine.objects.count() - before[1] == SIZES["ledger_lines"]
    assert Family.objects.count() - before[2] == SIZES["families"]
    assert FamilyNeed.objects.count() - before[3] == SIZES["family_outcome_rows"]


def test_a_quarter_of_the_ledger_falls_in_the_busy_year(demo):
    generate()
    start, end = fy_bounds(BUSY_YEAR)
    busy = SpendLine.objects.filter(cost_centre__startswith="SC", date__range=(start, end))
    assert busy.count() == SIZES["ledger_lines"] // 4


def test_every_scale_project_has_a_profile_equal_to_its_amount(demo):
    generate()
    for project in Project.objects.filter(cost_centre__startswith="SC"):
        total = BudgetProfileLine.objects.filter(project=project).aggregate(t=Sum("amount"))["t"]
        assert total == project.approved_amount


def test_no_ledger_line_is_dated_after_today_or_outside_its_project(demo):
    generate()
    for line in SpendLine.objects.filter(cost_centre__startswith="SC").select_related("project"):
        assert line.project.start_date <= line.date <= min(line.project.end_date, TODAY)


class _Undo(Exception):
    pass


def fingerprint(seed):
    """Generate in a transaction, read what came out, and undo it."""

    try:
        with transaction.atomic():
            generate(seed)
            lines = SpendLine.objects.filter(cost_centre__startswith="SC")
            result = (
                lines.aggregate(t=Sum("net_amount"))["t"],
                list(lines.order_by("transaction_number").values_list("date", flat=True)[:50]),
                Family.objects.filter(all_needs_sustained=True).count(),
            )
            raise _Undo
    except _Undo:
        return result


def test_the_same_seed_gives_the_same_data(demo):
    assert fingerprint(5) == fingerprint(5)
    assert fingerprint(5) != fingerprint(6)


def test_the_ledger_is_summed_by_month_as_it_is_written(demo):
    generate()
    assert SpendMonth.objects.aggregate(lines=Sum("lines"))["lines"] == SpendLine.objects.count()
    # Summed as money (two places), so SQLite's floating-point SUM cannot differ by rounding.
    assert money_total(SpendMonth.objects.all(), "amount") == money_total(
        SpendLine.objects.all(), "net_amount"
    ) + money_total(SpendLine.objects.all(), "irrecoverable_vat")


def test_the_selectors_give_the_figures_of_the_hand_written_queries(demo):
    generate()
    results = selectors_benchmark.run(runs=1, today=TODAY)
    assert [result["size"] for result in results] == [
        len(value_for_money(BUSY_YEAR, as_of=TODAY)),
        Project.objects.count(),
    ]
    assert all("on the ledger's lines it takes" in result["limit"] for result in results)

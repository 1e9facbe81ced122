import datetime
import random
from decimal import Decimal

import pytest
from django.db.models import F, Q

from core.money import MoneySum, money_total
from projects.models import SpendLine
from tests.factories import ProjectFactory


@pytest.fixture
def large_ledger(db):
    """Five thousand large amounts whose floating-point sum is a penny out (seed 1 was
    checked: summed as floats it gives ...754.90, exactly it is ...754.91)."""
    rng = random.Random(1)
    project = ProjectFactory()
    amounts = [Decimal(rng.randint(1, 99999999999)) / 100 for _ in range(5000)]
    amounts += [Decimal("0.01")] * 3
    SpendLine.objects.bulk_create(
        SpendLine(
            transaction_number=f"T{number}",
            date=datetime.date(2026, 6, 1),
            supplier="Acme Ltd",
            description="Work",
            cost_centre=project.cost_centre,
            project=project,
            expense_type="Staff",
            net_amount=amount,
            irrecoverable_vat=Decimal("0.00"),
        )
        for number, amount in enumerate(amounts)
    )
    return amounts


def test_a_money_sum_is_exact_to_the_penny_on_every_database(large_ledger):
    assert money_total(SpendLine.objects.all(), "net_amount") == sum(large_ledger)


def test_a_money_sum_of_an_expression_is_exact(large_ledger):
    total = SpendLine.objects.aggregate(total=MoneySum(F("net_amount") + F("irrecoverable_vat")))[
        "total"
    ]
    assert total == sum(large_ledger)


def test_a_filtered_money_sum_is_exact(large_ledger):
    total = SpendLine.objects.aggregate(
        total=MoneySum("net_amount", filter=Q(transaction_number__startswith="T"))
    )["total"]
    assert total == sum(large_ledger)

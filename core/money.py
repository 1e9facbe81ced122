"""Money is Decimal with two places, from input to export."""

from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.db.models import Sum
from django.db.models.functions import Coalesce

PENNY = Decimal("0.01")


def to_money(value):
    return Decimal(value).quantize(PENNY, rounding=ROUND_HALF_UP)


def pounds(amount) -> str:
    """£1,234.56 (-£12.50), exact to the penny, from a Decimal or its string form."""
    amount = Decimal(str(amount))
    sign = "-" if amount < 0 else ""
    return f"{sign}£{abs(amount):,.2f}"


class MoneyOutput(models.DecimalField):
    """Output field for money aggregates (Sum, Coalesce ...). Some databases (SQLite) hand
    back an aggregate without its scale; this makes every sum come out with two places."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_digits", 14)
        kwargs.setdefault("decimal_places", 2)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        return None if value is None else to_money(value)


def money_sum(field):
    """SUM of a money column, £0.00 when there are no rows."""
    return Coalesce(Sum(field), Decimal("0.00"), output_field=MoneyOutput())


def money_total(queryset, field):
    """The SQL sum of a money column over a queryset, £0.00 when it is empty."""
    return queryset.aggregate(total=money_sum(field))["total"]

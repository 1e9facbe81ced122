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


class MoneySum(Sum):
    """SUM of money, exact on every database. PostgreSQL sums numeric exactly; SQLite keeps
    decimals as floating point and would sum them with rounding error that grows with the
    rows, so there each value is turned into whole pence, the pence are summed as integers
    (exact), and the total is divided back into pounds (exact once quantised to the penny)."""

    def __init__(self, expression, **extra):
        extra.setdefault("output_field", MoneyOutput())
        super().__init__(expression, **extra)

    def as_sqlite(self, compiler, connection, **extra_context):
        in_pence = self.copy()
        in_pence.template = "%(function)s(CAST(ROUND(%(expressions)s * 100) AS INTEGER))"
        sql, params = in_pence.as_sql(compiler, connection, **extra_context)
        return f"({sql} / 100.0)", params


def money_sum(field):
    """SUM of a money column, £0.00 when there are no rows."""
    return Coalesce(MoneySum(field), Decimal("0.00"), output_field=MoneyOutput())


def money_total(queryset, field):
    """The SQL sum of a money column over a queryset, £0.00 when it is empty."""
    return queryset.aggregate(total=money_sum(field))["total"]

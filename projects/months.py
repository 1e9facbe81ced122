"""The ledger's months as finance closes them: which are closed, which is waiting to be,
and what a month holds (read from the ledger's monthly totals, ``SpendMonth``)."""

import datetime

from django.db.models import Sum
from django.db.models.functions import Coalesce

from core.money import MoneyOutput, MoneySum, to_money
from projects.models import ClosedMonth, SpendMonth


def closed_months() -> set[datetime.date]:
    """The first days of the months finance has closed."""
    return set(ClosedMonth.objects.values_list("month", flat=True))


def month_to_close(today: datetime.date) -> datetime.date | None:
    """Last month, while finance has not closed it."""
    last_month = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    return None if ClosedMonth.objects.filter(month=last_month).exists() else last_month


def month_summary(month: datetime.date) -> dict:
    """The ledger's lines and spend dated in a month, as finance checks them before closing."""
    total = SpendMonth.objects.filter(month=month).aggregate(
        lines=Coalesce(Sum("lines"), 0),
        spent=Coalesce(MoneySum("amount"), to_money(0), output_field=MoneyOutput()),
    )
    return {"month": month, **total}

"""The back-office home's panel for finance: this quarter's spend against the profile, this
month so far and the last import, from the same selectors as Budget against actual."""

import datetime
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from core.admin.dashboard import Row, WorkPanel
from core.financial_years import fy_for_date, fy_quarter
from core.money import pounds
from projects.models import SpendImport
from projects.months import month_to_close
from projects.periods import Period
from projects.selectors import spend_each_month
from projects.selectors.budget import budget_totals


def spend_panel(today: datetime.date) -> WorkPanel:
    period = Period(fy_for_date(today), fy_quarter(today))
    quarter = budget_totals(period, today)
    month = spend_each_month(period).get(today.replace(day=1))
    last = SpendImport.objects.select_related("imported_by").first()
    to_close = month_to_close(today)
    return WorkPanel(
        name="spend",
        heading="Spend this quarter",
        summary=f"Q{period.quarter} {period.financial_year}: {pounds(quarter['spent'])} spent "
        f"against {pounds(quarter['budget'])} profiled",
        rows=[
            Row(f"{today:%B %Y} so far", detail=pounds(month or Decimal("0.00"))),
            Row(
                "Last import",
                detail=f"{last.filename}, {timezone.localtime(last.imported_at):%-d %B %Y}: "
                f"{last.rows_added:,} lines added"
                if last
                else "None yet",
            ),
            Row("Import the latest export", reverse("spend:import")),
            Row(f"{to_close:%B %Y} is open: close it", reverse("spend:close_month"))
            if to_close
            else Row("Last month is closed"),
        ],
        link_text="Budget against actual",
        link_url=reverse("finance:index"),
        order=10,
    )

"""Reads of a project's agreement and payments: the schedule a new agreement is offered, and
what the project page, the portal and the back office show of its payments."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet, Sum
from django.utils import timezone

from core.financial_years import fy_bounds
from programme.models import Organisation
from projects.models import GrantAgreement, Project, ScheduledPayment

Status = ScheduledPayment.Status
ZERO = Decimal("0.00")
# An approved payment the ledger has not shown after this long needs finance's attention.
UNPAID_AFTER = datetime.timedelta(days=30)


COUNCIL_SECTORS = {
    Organisation.Sector.COUNCIL,
    Organisation.Sector.CHILDRENS,
    Organisation.Sector.ADULTS,
    Organisation.Sector.COMMUNITY,
    Organisation.Sector.PUBLIC_HEALTH,
}


def usual_kind(project: Project) -> str:
    """A council service gets an internal budget transfer; anyone else a grant agreement."""
    if project.lead_organisation.sector in COUNCIL_SECTORS:
        return GrantAgreement.Kind.TRANSFER
    return GrantAgreement.Kind.GRANT


@dataclass(frozen=True)
class Instalment:
    """A payment of a schedule, before the agreement is issued."""

    due_on: datetime.date
    amount: Decimal


def suggested_schedule(project: Project) -> list[Instalment]:
    """One payment a quarter of the budget profile, due on the quarter's first day (or the
    project's start, if later)."""
    schedule = []
    for line in project.profile.filter(amount__gt=0).order_by("financial_year", "quarter"):
        first, _last = fy_bounds(line.financial_year)
        month = first.month + 3 * (line.quarter - 1)
        start = datetime.date(first.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
        schedule.append(Instalment(due_on=max(start, project.start_date), amount=line.amount))
    return schedule


@dataclass
class PaymentTotals:
    scheduled: Decimal
    requested: Decimal
    approved: Decimal
    paid: Decimal


def payment_totals(project: Project) -> PaymentTotals:
    """What the schedule holds, and how much of it has been requested, approved and paid
    (each counts what has gone at least that far), in one query."""
    sums = ScheduledPayment.objects.filter(agreement__project=project).aggregate(
        scheduled=Sum("amount"),
        requested=Sum("amount", filter=~Q(status=Status.SCHEDULED)),
        approved=Sum("amount", filter=Q(status__in=[Status.APPROVED, Status.PAID])),
        paid=Sum("amount", filter=Q(status=Status.PAID)),
    )
    return PaymentTotals(**{key: value or ZERO for key, value in sums.items()})


def payments_of(project: Project) -> QuerySet[ScheduledPayment]:
    return (
        ScheduledPayment.objects.filter(agreement__project=project)
        .select_related("report", "spend_line", "requested_by", "approved_by")
        .order_by("number")
    )


def unpaid_payments(now: datetime.datetime | None = None) -> QuerySet[ScheduledPayment]:
    """Approved payments no ledger line has paid a month on: finance's attention list."""
    cutoff = (now or timezone.now()) - UNPAID_AFTER
    return (
        ScheduledPayment.objects.filter(status=Status.APPROVED, approved_at__lt=cutoff)
        .select_related("agreement__project")
        .order_by("approved_at", "pk")
    )

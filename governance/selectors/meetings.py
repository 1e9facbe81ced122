"""Reads of the group's business that more than one page, export or service needs: the fund
position, published decisions, minutes waiting for approval and conditions due."""

import datetime
from decimal import Decimal

from django.db.models import Count, F, Q, QuerySet

from core.financial_years import fy_for_date
from core.money import money_total, to_money
from governance.models import APPROVALS, Condition, Decision, Minutes
from programme.models import Fund, Meeting


def fund_position(financial_year: str, pending: Decimal = Decimal("0.00")) -> dict:
    """Budget, approved so far (decisions in force), remaining, and remaining if ``pending``
    were approved too, for the funds of one financial year. Figures are SQL sums."""
    budget = money_total(Fund.objects.filter(financial_year=financial_year), "total_budget")
    approved = money_total(
        Decision.objects.filter(
            fund__financial_year=financial_year,
            corrected_by__isnull=True,
            outcome__in=APPROVALS,
        ),
        "approved_amount",
    )
    remaining = budget - approved
    return {
        "financial_year": financial_year,
        "budget": budget,
        "approved": approved,
        "remaining": remaining,
        "pending": to_money(pending),
        "remaining_after": remaining - to_money(pending),
    }


PUBLISHED_STATUSES = [
    Meeting.Status.CLOSED,
    Meeting.Status.ADJOURNED,
    Meeting.Status.MINUTES_APPROVED,
]


def meetings_with_published_decisions() -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(status__in=PUBLISHED_STATUSES)
        .annotate(
            decision_count=Count("decisions", filter=Q(decisions__corrected_by__isnull=True)),
            minutes_approved_on=F("minutes__approved_on"),
        )
        .order_by("-date")
    )


def published_decisions(meeting: Meeting) -> QuerySet[Decision]:
    """The decisions in force from one meeting, for the public: no votes, no names of members."""
    return (
        Decision.objects.filter(meeting=meeting, corrected_by__isnull=True)
        .select_related("proposal__lead_organisation")
        .prefetch_related("conditions")
        .order_by("item__section", "item__position", "pk")
    )


def published_chairs_actions() -> QuerySet[Decision]:
    """Decisions the chair took between meetings, in force, newest first, for the public."""
    return (
        Decision.objects.filter(is_chairs_action=True, corrected_by__isnull=True)
        .select_related("proposal__lead_organisation")
        .prefetch_related("conditions")
        .order_by("-decided_on", "-pk")
    )


def unapproved_minutes(meeting: Meeting) -> QuerySet[Minutes]:
    """Minutes of earlier closed meetings waiting to be approved at this one."""
    return Minutes.objects.filter(
        approved_on__isnull=True,
        meeting__date__lt=meeting.date,
        meeting__status__in=[Meeting.Status.CLOSED, Meeting.Status.ADJOURNED],
    ).select_related("meeting")


def conditions_due(meeting: Meeting) -> QuerySet[Condition]:
    """Conditions whose review date has come by this meeting and that are not yet met: they
    stay on the action and conditions log until they are."""
    return Condition.objects.filter(
        met_on__isnull=True, review_date__lte=meeting.date
    ).select_related("decision__proposal", "owner")


def open_conditions() -> QuerySet[Condition]:
    """Every condition of an approval not yet met, soonest due first."""
    return (
        Condition.objects.filter(met_on__isnull=True)
        .select_related("decision__proposal", "owner")
        .order_by("due_date")
    )


def fund_for(day: datetime.date) -> Fund | None:
    """The fund a decision taken on the day commits money from."""
    return Fund.objects.filter(financial_year=fy_for_date(day)).order_by("name").first()

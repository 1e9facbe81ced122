"""Reads of governance data that more than one page, export or admin view needs."""

from decimal import Decimal

from governance.models import Membership, Priority
from governance.money import money_total, to_money


def priorities_for_public():
    """The programme's core priorities and the group's additional priority issues."""
    priorities = list(Priority.objects.all())
    return (
        [p for p in priorities if not p.is_additional],
        [p for p in priorities if p.is_additional],
    )


def current_memberships(user=None, on=None):
    memberships = Membership.objects.current(on).select_related("user", "organisation")
    if user is not None:
        memberships = memberships.filter(user=user)
    return memberships


def meeting_for_submission(on):
    """The next meeting whose submission deadline has not passed on the given day."""
    from governance.models import Meeting

    return Meeting.objects.open_for_submission(on).first()


def fund_position(financial_year, pending=Decimal("0.00")):
    """Budget, approved so far (decisions in force), remaining, and remaining if ``pending``
    were approved too, for the funds of one financial year. Figures are SQL sums."""
    from governance.models import Decision, Fund
    from governance.models.decisions import APPROVALS

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


PUBLISHED_STATUSES = ["closed", "minutes_approved"]


def meetings_with_published_decisions():
    from django.db.models import Count, Q

    from governance.models import Meeting

    return (
        Meeting.objects.filter(status__in=PUBLISHED_STATUSES)
        .annotate(decision_count=Count("decisions", filter=Q(decisions__corrected_by__isnull=True)))
        .order_by("-date")
    )


def published_decisions(meeting):
    """The decisions in force from one meeting, for the public: no votes, no names of members."""
    from governance.models import Decision

    return (
        Decision.objects.filter(meeting=meeting, corrected_by__isnull=True)
        .select_related("proposal__lead_organisation")
        .prefetch_related("conditions")
        .order_by("item__section", "item__position", "pk")
    )


def unapproved_minutes(meeting):
    """Minutes of earlier closed meetings waiting to be approved at this one."""
    from governance.models import Meeting, Minutes

    return Minutes.objects.filter(
        approved_on__isnull=True,
        meeting__date__lt=meeting.date,
        meeting__status=Meeting.Status.CLOSED,
    ).select_related("meeting")


def conditions_due(meeting):
    """Conditions whose review date has come by this meeting and that are not yet met: they
    stay on the action and conditions log until they are."""
    from governance.models import Condition

    return Condition.objects.filter(
        met_on__isnull=True, review_date__lte=meeting.date
    ).select_related("decision__proposal", "owner")

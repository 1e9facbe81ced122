"""What a claim holds: its families, totals by outcome area and the payment it expects."""

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, QuerySet

from core.financial_years import fy_bounds
from core.money import to_money
from evaluations.models import Claim, ClaimedFamily

Verdict = ClaimedFamily.Verdict


@dataclass
class ClaimTotals:
    families: int
    withdrawn: int
    by_outcome: list[tuple[int, int]]  # (outcome area, families claimed that sustained it)
    expected_payment: Decimal


def claimed_families(claim: Claim) -> QuerySet[ClaimedFamily]:
    """The families the claim stands on: every one but those failed at audit."""
    return claim.families.exclude(verdict=Verdict.FAILED)


def claim_totals(claim: Claim) -> ClaimTotals:
    families = claimed_families(claim).count()
    by_outcome: Counter = Counter()
    for outcomes in claimed_families(claim).values_list("outcomes", flat=True):
        by_outcome.update(outcomes)
    return ClaimTotals(
        families=families,
        withdrawn=claim.families.filter(verdict=Verdict.FAILED).count(),
        by_outcome=sorted(by_outcome.items()),
        expected_payment=to_money(families * claim.payment_per_family),
    )


def audit_sample(claim: Claim) -> QuerySet[ClaimedFamily]:
    return claim.families.exclude(verdict=Verdict.NOT_SAMPLED).select_related("audited_by")


def claims_in_year(financial_year: str) -> QuerySet[Claim]:
    """The claims submitted for windows ending in the year, each with its families claimed,
    in one query: what the results page sets against the year's aim."""
    start, end = fy_bounds(financial_year)
    return (
        Claim.objects.filter(status=Claim.Status.SUBMITTED, window_end__range=(start, end))
        .annotate(claimed=Count("families", filter=~Q(families__verdict=Verdict.FAILED)))
        .order_by("window_end")
    )

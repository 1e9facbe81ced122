"""The results-based claim: built from the families held, audited on a reproducible sample,
submitted and locked. Keyword-only, one transaction, permission checked, audited."""

import datetime
import math
import random
import secrets
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from wagtail.log_actions import log

from core.financial_years import fy_for_date
from core.locks import one_at_a_time
from evaluations.models import Claim, ClaimedFamily, Family
from evaluations.selectors.claims import claim_totals
from programme.models import User

Verdict = ClaimedFamily.Verdict


def sample_size(count: int) -> int:
    """The share of the claim internal audit checks, never fewer than the minimum (or all)."""
    share = math.ceil(count * settings.CLAIM_SAMPLE_PERCENT / 100)
    return min(count, max(share, settings.CLAIM_SAMPLE_MINIMUM))


def draw_sample(case_hashes: list[str], seed: int) -> set[str]:
    """The sample the seed draws: the same seed and families always draw the same sample."""
    ordered = sorted(case_hashes)
    return set(random.Random(seed).sample(ordered, sample_size(len(ordered))))  # noqa: S311


def claimable(
    window_start: datetime.date, window_end: datetime.date, period: str
) -> QuerySet[Family]:
    """Families with a successful family outcome counted in the window (six months after
    closure ended in it) whose case has not been claimed in the period before (a family
    withdrawn at audit may be claimed again once its evidence is right)."""
    claimed = ClaimedFamily.objects.filter(claim__programme_period=period).exclude(
        verdict=Verdict.FAILED
    )
    return (
        Family.objects.filter(
            all_needs_sustained=True, sustain_until__range=(window_start, window_end)
        )
        .exclude(case_hash__in=claimed.values("case_hash"))
        .prefetch_related("needs__outcome")
        .order_by("case_hash", "plan_start")
    )


@transaction.atomic
def claim_build(
    *,
    user: User,
    name: str,
    window_start: datetime.date,
    window_end: datetime.date,
    today: datetime.date | None = None,
) -> Claim:
    """Build a claim for a window that has ended: every claimable family once (a case with
    two successful plans is one family), and the audit sample drawn with a recorded seed."""
    if not user.has_perm("evaluations.add_claim"):
        raise PermissionDenied("Only the programme team builds claims.")
    today = today or timezone.localdate()
    if window_end < window_start:
        raise ValidationError("The window ends before it starts.")
    if window_end >= today:
        raise ValidationError("Claim a window once it has ended.")
    one_at_a_time("evaluations.claims")
    period = settings.PROGRAMME_PERIOD
    if Claim.objects.filter(programme_period=period, status=Claim.Status.DRAFT).exists():
        raise ValidationError("Submit the claim being audited before building the next.")
    families: dict[str, Family] = {}
    for family in claimable(window_start, window_end, period):
        families.setdefault(family.case_hash, family)
    if not families:
        raise ValidationError("No family has a successful outcome to claim in this window.")
    claim = Claim.objects.create(
        name=name.strip() or f"Claim to {window_end:%-d %B %Y}",
        programme_period=period,
        window_start=window_start,
        window_end=window_end,
        seed=secrets.randbelow(2**62),
        payment_per_family=Decimal(settings.RESULTS_PAYMENT_PER_FAMILY),
        built_by=user,
        built_at=timezone.now(),
    )
    sample = draw_sample(list(families), claim.seed)
    ClaimedFamily.objects.bulk_create(
        ClaimedFamily(
            claim=claim,
            family=family,
            case_hash=case_hash,
            plan_start=family.plan_start,
            outcomes=sorted(need.outcome.number for need in family.needs.all()),
            verdict=Verdict.WAITING if case_hash in sample else Verdict.NOT_SAMPLED,
        )
        for case_hash, family in families.items()
    )
    log(claim, "evaluations.claim_build", user=user, data={"families": len(families)})
    return claim


@transaction.atomic
def claim_verdict(
    *, user: User, claimed: ClaimedFamily, passed: bool, reason: str = ""
) -> ClaimedFamily:
    """Internal audit's verdict on a sampled family; a failed one is withdrawn, with why."""
    if not user.has_perm("evaluations.change_claimedfamily"):
        raise PermissionDenied("Only internal audit records verdicts.")
    claimed = ClaimedFamily.objects.select_for_update().select_related("claim").get(pk=claimed.pk)
    if claimed.claim.status != Claim.Status.DRAFT:
        raise ValidationError("The claim has been submitted: its verdicts are locked.")
    if claimed.verdict == Verdict.NOT_SAMPLED:
        raise ValidationError("This family is not in the audit sample.")
    if not passed and not reason.strip():
        raise ValidationError(
            "Say why the family fails, so the claim records why it was withdrawn."
        )
    claimed.verdict = Verdict.PASSED if passed else Verdict.FAILED
    claimed.reason = reason.strip()
    claimed.audited_by = user
    claimed.audited_at = timezone.now()
    claimed.save(update_fields=["verdict", "reason", "audited_by", "audited_at"])
    log(
        claimed,
        "evaluations.claim_verdict",
        user=user,
        data={"verdict": claimed.verdict, "reason": claimed.reason},
    )
    return claimed


@transaction.atomic
def claim_submit(*, user: User, claim: Claim) -> Claim:
    """Submit the claim once internal audit has passed or failed every sampled family."""
    if not user.has_perm("evaluations.add_claim"):
        raise PermissionDenied("Only the programme team submits claims.")
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.status != Claim.Status.DRAFT:
        raise ValidationError("The claim has been submitted already.")
    waiting = claim.families.filter(verdict=Verdict.WAITING).count()
    if waiting:
        raise ValidationError(f"Internal audit has {waiting} sampled families still to check.")
    claim.status = Claim.Status.SUBMITTED
    claim.submitted_by = user
    claim.submitted_at = timezone.now()
    claim.financial_year = fy_for_date(timezone.localdate())
    claim.expected_payment = claim_totals(claim).expected_payment
    claim.save(
        update_fields=[
            "status",
            "submitted_by",
            "submitted_at",
            "financial_year",
            "expected_payment",
        ]
    )
    log(
        claim,
        "evaluations.claim_submit",
        user=user,
        data={"expected_payment": str(claim.expected_payment), "year": claim.financial_year},
    )
    return claim

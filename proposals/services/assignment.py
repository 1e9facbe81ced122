"""Sharing out the screening: the programme team assigns proposals awaiting screening to one of
its members, one or many at a time (the listing's bulk action)."""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from wagtail.log_actions import log

from programme.models import User
from proposals.models import Proposal

SCREEN = "proposals.screen_proposal"


@transaction.atomic
def proposals_assign_screener(
    *, user: User, proposals: Iterable[Proposal], screener: User
) -> list[Proposal]:
    """Make ``screener`` the one to screen each proposal. Only proposals awaiting screening
    can be assigned, and only to someone who may screen; nothing changes if any cannot."""
    if not user.has_perm(SCREEN):
        raise PermissionDenied("Only the programme team assigns screening.")
    if not screener.is_active or not screener.has_perm(SCREEN):
        raise ValidationError({"screener": f"{screener.get_full_name()} cannot screen proposals"})
    chosen = list(
        Proposal.objects.select_for_update()
        .filter(pk__in=[proposal.pk for proposal in proposals])
        .order_by("reference")
    )
    waiting = [p for p in chosen if p.status == Proposal.Status.SUBMITTED]
    if len(waiting) < len(chosen):
        others = ", ".join(p.reference for p in chosen if p not in waiting)
        raise ValidationError(f"Only proposals awaiting screening can be assigned ({others}).")
    for proposal in waiting:
        proposal.screener = screener
        proposal.save(update_fields=["screener", "updated_at"])
        log(
            proposal,
            "proposals.assign_screener",
            user=user,
            data={"screener": screener.get_full_name()},
        )
    return waiting

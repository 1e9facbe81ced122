"""Checks every change to a proposal makes first."""

from django.core.exceptions import PermissionDenied

from programme.models import User
from proposals.models import Proposal
from proposals.permissions import can_edit, is_lead


def require_editor(user: User, proposal: Proposal) -> None:
    if not can_edit(user, proposal):
        if is_lead(user, proposal):
            raise PermissionDenied(
                f"{proposal.reference} is {proposal.get_status_display().lower()} and cannot "
                "be changed now."
            )
        raise PermissionDenied("Only the proposal's leads can change it.")


def locked(proposal: Proposal) -> Proposal:
    return Proposal.objects.select_for_update().get(pk=proposal.pk)

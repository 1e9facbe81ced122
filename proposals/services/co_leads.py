"""Co-leads by invitation: a lead invites an email address, and its owner becomes a co-lead
only by accepting, signed in with that address. Nothing the lead sees says whether the
address has an account. Keyword-only, one transaction, permission checked, audited."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from core.security import normalise_email
from programme.models import User
from programme.roles import PROJECT_LEADS
from proposals.models import CoLeadInvitation, Proposal
from proposals.notifications import notify_invited
from proposals.services.guards import locked, require_editor

Status = CoLeadInvitation.Status


@transaction.atomic
def co_lead_invite(*, user: User, proposal: Proposal, email: str) -> CoLeadInvitation:
    proposal = locked(proposal)
    require_editor(user, proposal)
    email = normalise_email(email)
    try:
        validate_email(email)
    except ValidationError as error:
        raise ValidationError({"email": "Enter an email address like name@example.org"}) from error
    if email == normalise_email(proposal.lead.email):
        raise ValidationError({"email": "That is the proposal's lead."})
    if proposal.co_leads.filter(email=email).exists():
        raise ValidationError({"email": "They are already a co-lead of this proposal."})
    if proposal.invitations.filter(email=email, status=Status.PENDING).exists():
        raise ValidationError({"email": "That address has already been invited."})
    invitation = CoLeadInvitation.objects.create(proposal=proposal, email=email, invited_by=user)
    invitee = User.objects.filter(email=email, is_active=True, groups__name=PROJECT_LEADS).first()
    if invitee is not None:
        notify_invited(invitation, invitee)
    log(proposal, "proposals.co_lead_invite", user=user, data={"email": email})
    return invitation


@transaction.atomic
def co_lead_invitation_withdraw(*, user: User, proposal: Proposal, invitation_id: int) -> None:
    proposal = locked(proposal)
    require_editor(user, proposal)
    invitation = proposal.invitations.select_for_update().get(
        pk=invitation_id, status=Status.PENDING
    )
    invitation.status = Status.WITHDRAWN
    invitation.answered_at = timezone.now()
    invitation.save(update_fields=["status", "answered_at"])
    log(proposal, "proposals.co_lead_withdraw", user=user, data={"email": invitation.email})


def _open_invitation_for(user: User, invitation: CoLeadInvitation) -> CoLeadInvitation:
    invitation = CoLeadInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.email != normalise_email(user.email) or invitation.status != Status.PENDING:
        raise PermissionDenied("This invitation is not open to you.")
    return invitation


@transaction.atomic
def co_lead_accept(*, user: User, invitation: CoLeadInvitation) -> Proposal:
    """The invited project lead, signed in with the invited address, becomes a co-lead."""
    invitation = _open_invitation_for(user, invitation)
    proposal = locked(invitation.proposal)
    if not user.groups.filter(name=PROJECT_LEADS).exists():
        raise PermissionDenied("Only a project lead can co-lead a proposal.")
    if not proposal.is_editable:
        raise ValidationError(
            f"{proposal.reference} is {proposal.get_status_display().lower()}: it can no longer "
            "take a co-lead."
        )
    proposal.co_leads.add(user)
    invitation.status = Status.ACCEPTED
    invitation.answered_at = timezone.now()
    invitation.save(update_fields=["status", "answered_at"])
    log(proposal, "proposals.co_lead_add", user=user, data={"co_lead": user.email})
    return proposal


@transaction.atomic
def co_lead_decline(*, user: User, invitation: CoLeadInvitation) -> None:
    invitation = _open_invitation_for(user, invitation)
    invitation.status = Status.DECLINED
    invitation.answered_at = timezone.now()
    invitation.save(update_fields=["status", "answered_at"])
    log(invitation.proposal, "proposals.co_lead_decline", user=user, data={"email": user.email})


@transaction.atomic
def co_lead_remove(*, user: User, proposal: Proposal, co_lead_id: int) -> None:
    proposal = locked(proposal)
    require_editor(user, proposal)
    co_lead = proposal.co_leads.get(pk=co_lead_id)
    proposal.co_leads.remove(co_lead)
    log(proposal, "proposals.co_lead_remove", user=user, data={"co_lead": co_lead.email})

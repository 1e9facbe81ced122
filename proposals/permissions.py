"""Who may see and do what with a proposal. Checked by every view and service."""

from django.db.models import Q, QuerySet

from programme.models import Meeting, Organisation
from programme.roles import GROUP_MEMBERS, has_role
from proposals.models import Proposal


def starts_proposals(user):
    """Project leads start proposals (and list their own)."""
    return user.has_perm("proposals.add_proposal")


def is_lead(user, proposal):
    if not user.is_authenticated:
        return False
    if proposal.lead_id == user.pk:
        return True
    return proposal.co_leads.filter(pk=user.pk).exists()


def can_edit(user, proposal):
    return proposal.is_editable and is_lead(user, proposal)


def can_view(user, proposal):
    """Leads see their own; nobody else sees drafts; the programme team and finance see every
    submitted proposal; group members see those in papers already sent to them (placed on a
    meeting whose agenda is published) and decided ones."""
    if not user.is_authenticated:
        return False
    if is_lead(user, proposal):
        return True
    if proposal.status == Proposal.Status.DRAFT:
        return False
    if user.has_perm("proposals.view_proposal"):
        return True
    if not has_role(user, GROUP_MEMBERS):
        return False
    if proposal.status == Proposal.Status.DECIDED:
        return True
    return (
        proposal.status == Proposal.Status.ELIGIBLE
        and proposal.meeting is not None
        and proposal.meeting.status != Meeting.Status.SCHEDULED
    )


def nameable_organisations(user, proposal=None) -> QuerySet[Organisation]:
    """The organisations a lead may name as a proposal's lead organisation: their own, its
    lead's or a co-lead's, or the one already named (the programme team may have confirmed
    another in the back office). The lead organisation decides who is barred from the vote, so
    a lead cannot name just any."""
    allowed = Q(pk=user.organisation_id) if user.organisation_id else Q(pk__in=[])
    if proposal is not None:
        allowed |= (
            Q(pk=proposal.lead_organisation_id)
            | Q(staff__proposals_led=proposal)
            | Q(staff__proposals_co_led=proposal)
        )
    return Organisation.objects.filter(allowed).distinct()

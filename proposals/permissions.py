"""Who may see and do what with a proposal. Checked by every view and service."""

from programme.roles import GROUP_MEMBERS
from proposals.models import Proposal

GROUP_CAN_SEE = {Proposal.Status.ELIGIBLE, Proposal.Status.DECIDED}


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
    submitted proposal; group members see those placed on an agenda."""
    if not user.is_authenticated:
        return False
    if is_lead(user, proposal):
        return True
    if proposal.status == Proposal.Status.DRAFT:
        return False
    if user.has_perm("proposals.view_proposal"):
        return True
    in_group = user.groups.filter(name=GROUP_MEMBERS).exists()
    return in_group and proposal.status in GROUP_CAN_SEE

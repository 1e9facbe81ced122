"""What the strategic group's business does to a proposal. Steps of governance's services,
which call them inside their own transaction after their own permission checks and write the
audit log entry that records the decision; nobody calls them from a view."""

from programme.models import Meeting
from proposals.models import Proposal
from proposals.workflow import check_transition

Status = Proposal.Status


def proposal_place(*, proposal: Proposal, meeting: Meeting) -> Proposal:
    """The proposal goes to this meeting: added to its agenda as urgent business, or carried
    to it when a meeting defers it."""
    proposal.meeting = meeting
    proposal.save(update_fields=["meeting", "updated_at"])
    return proposal


def proposal_decide(*, proposal: Proposal) -> Proposal:
    """The group has decided the proposal (approved, approved with conditions or rejected)."""
    check_transition(proposal, Status.DECIDED)
    proposal.status = Status.DECIDED
    proposal.save(update_fields=["status", "updated_at"])
    return proposal


def proposal_admit_urgently(*, proposal: Proposal) -> Proposal:
    """Chair's action on a submitted proposal stands in for its screening: it is treated as
    eligible, and decided at once by the chair."""
    if proposal.status == Status.SUBMITTED:
        check_transition(proposal, Status.ELIGIBLE)
        proposal.status = Status.ELIGIBLE
    return proposal

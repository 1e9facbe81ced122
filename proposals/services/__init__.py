"""Every change to a proposal: keyword-only, one transaction, permission checked, audited."""

from .assignment import proposals_assign_screener, proposals_place_on_next_agenda
from .co_leads import (
    co_lead_accept,
    co_lead_decline,
    co_lead_invitation_withdraw,
    co_lead_invite,
    co_lead_remove,
)
from .decisions import proposal_admit_urgently, proposal_decide, proposal_place
from .drafting import (
    attachment_add,
    attachment_remove,
    budget_line_add,
    budget_line_remove,
    criterion_answers_save,
    outcome_targets_set,
    proposal_create,
    proposal_update,
)
from .submission import (
    SubmissionRefused,
    proposal_screen,
    proposal_submit,
    proposal_withdraw,
)

__all__ = [
    "SubmissionRefused",
    "attachment_add",
    "attachment_remove",
    "budget_line_add",
    "budget_line_remove",
    "co_lead_accept",
    "co_lead_decline",
    "co_lead_invitation_withdraw",
    "co_lead_invite",
    "co_lead_remove",
    "criterion_answers_save",
    "outcome_targets_set",
    "proposal_admit_urgently",
    "proposal_create",
    "proposal_decide",
    "proposal_place",
    "proposal_screen",
    "proposal_submit",
    "proposal_update",
    "proposal_withdraw",
    "proposals_assign_screener",
    "proposals_place_on_next_agenda",
]

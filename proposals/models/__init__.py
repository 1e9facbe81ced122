from .attachments import Attachment
from .invitations import CoLeadInvitation
from .proposal import (
    BudgetLine,
    CriterionAnswer,
    OutcomeTarget,
    Proposal,
    ProposalQuerySet,
    ReferenceCounter,
)
from .versions import CriterionResult, ImmutableError, ProposalVersion, Screening

__all__ = [
    "Attachment",
    "BudgetLine",
    "CoLeadInvitation",
    "CriterionAnswer",
    "CriterionResult",
    "ImmutableError",
    "OutcomeTarget",
    "Proposal",
    "ProposalQuerySet",
    "ProposalVersion",
    "ReferenceCounter",
    "Screening",
]

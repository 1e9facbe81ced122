from .attachments import Attachment
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

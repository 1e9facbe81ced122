from projects.models.agreements import GrantAgreement, ScheduledPayment
from projects.models.closure import ProjectClosure
from projects.models.projects import (
    BudgetProfileLine,
    ClosedMonth,
    Milestone,
    ProfileVariation,
    ProgressReport,
    Project,
    SpendImport,
    SpendLine,
    SpendMonth,
)

__all__ = [
    "BudgetProfileLine",
    "ClosedMonth",
    "GrantAgreement",
    "Milestone",
    "ProfileVariation",
    "ProgressReport",
    "Project",
    "ProjectClosure",
    "ScheduledPayment",
    "SpendImport",
    "SpendLine",
    "SpendMonth",
]

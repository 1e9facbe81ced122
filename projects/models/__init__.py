from projects.models.agreements import GrantAgreement, ScheduledPayment
from projects.models.closure import ProjectClosure
from projects.models.projects import (
    BudgetProfileLine,
    ClosedMonth,
    Milestone,
    ProgrammeMonth,
    ProgressReport,
    Project,
    ProjectSpend,
    SpendImport,
    SpendLine,
    SpendMonth,
)
from projects.models.reporting import ReportSlot
from projects.models.staging import StagedAttention, StagedLine
from projects.models.variations import Variation

__all__ = [
    "BudgetProfileLine",
    "ClosedMonth",
    "GrantAgreement",
    "Milestone",
    "ProgrammeMonth",
    "ProgressReport",
    "Project",
    "ProjectClosure",
    "ProjectSpend",
    "ReportSlot",
    "ScheduledPayment",
    "SpendImport",
    "SpendLine",
    "SpendMonth",
    "StagedAttention",
    "StagedLine",
    "Variation",
]

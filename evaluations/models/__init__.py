from evaluations.models.claims import Claim, ClaimedFamily
from evaluations.models.counts import DayCount, MonthCount, ProjectDayCount
from evaluations.models.families import (
    DataRelease,
    Family,
    FamilyImport,
    FamilyNeed,
    FamilySupport,
    RetiredCase,
)
from evaluations.models.results import ProjectResult, ProjectTarget
from evaluations.models.returns import QuarterlyReturn
from evaluations.models.studies import EvaluationStudy
from evaluations.models.value import UnitCost, ValueAssumptions

__all__ = [
    "Claim",
    "ClaimedFamily",
    "DataRelease",
    "DayCount",
    "MonthCount",
    "ProjectDayCount",
    "EvaluationStudy",
    "Family",
    "FamilyImport",
    "FamilyNeed",
    "FamilySupport",
    "ProjectResult",
    "ProjectTarget",
    "QuarterlyReturn",
    "RetiredCase",
    "UnitCost",
    "ValueAssumptions",
]

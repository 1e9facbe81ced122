from evaluations.models.counts import DayCount
from evaluations.models.families import DataRelease, Family, FamilyImport, FamilyNeed, FamilySupport
from evaluations.models.framework import Outcome, UnitCost, ValueAssumptions
from evaluations.models.pages import ResultsPage
from evaluations.models.results import ProjectResult, ProjectTarget
from evaluations.models.studies import EvaluationStudy

__all__ = [
    "DataRelease",
    "DayCount",
    "EvaluationStudy",
    "Family",
    "FamilyImport",
    "FamilyNeed",
    "FamilySupport",
    "Outcome",
    "ProjectResult",
    "ProjectTarget",
    "ResultsPage",
    "UnitCost",
    "ValueAssumptions",
]

"""Every change to outcome records and results: keyword-only, one transaction, permission
checked, audited."""

from .claims import claim_build, claim_submit, claim_verdict
from .families import FamilyImportResult, family_outcomes_import
from .releases import data_release_record
from .results import project_results_record, project_targets_copy
from .returns import quarterly_return_send

__all__ = [
    "FamilyImportResult",
    "claim_build",
    "claim_submit",
    "claim_verdict",
    "data_release_record",
    "family_outcomes_import",
    "project_results_record",
    "project_targets_copy",
    "quarterly_return_send",
]

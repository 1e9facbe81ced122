"""Every change to outcome results: keyword-only, one transaction, permission checked,
audited. (Family records change only through the import, in evaluations/imports.py.)"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from wagtail.log_actions import log

from evaluations.models import Outcome, ProjectResult
from governance.financial_years import fy_bounds
from projects.models import Project
from projects.permissions import can_report
from projects.selectors import Period

FIELDS = ("families_supported", "families_achieved", "families_sustained")


def can_enter_results(user, project):
    return can_report(user, project) or user.has_perm("evaluations.change_projectresult")


@transaction.atomic
def project_results_record(*, user, project, financial_year, quarter, figures, today=None):
    """Record a quarter's results: ``figures`` maps an outcome number to (supported, achieved,
    sustained). A row of zeros removes that outcome's entry for the quarter."""
    today = today or datetime.date.today()
    if not can_enter_results(user, project):
        raise PermissionDenied("Only the project's leads and the programme team enter results.")
    fy_bounds(financial_year)
    if quarter not in (1, 2, 3, 4):
        raise ValidationError("The quarter must be 1 to 4.")
    start, _end = Period(financial_year, quarter).bounds()
    if start > today:
        raise ValidationError(f"Q{quarter} {financial_year} has not started yet.")
    project = Project.objects.select_for_update().get(pk=project.pk)
    outcomes = dict(Outcome.objects.values_list("number", "pk"))
    changed = {}
    for number, values in sorted(figures.items()):
        if any(value < 0 for value in values):
            raise ValidationError(f"Outcome {number}: families cannot be fewer than none.")
        key = {
            "project": project,
            "financial_year": financial_year,
            "quarter": quarter,
            "outcome_id": outcomes[number],
        }
        if not any(values):
            if ProjectResult.objects.filter(**key).delete()[0]:
                changed[number] = [0, 0, 0]
            continue
        ProjectResult.objects.update_or_create(
            **key, defaults={**dict(zip(FIELDS, values, strict=True)), "entered_by": user}
        )
        changed[number] = list(values)
    log(
        project,
        "evaluations.results",
        user=user,
        data={"financial_year": financial_year, "quarter": quarter, "results": changed},
    )
    return changed


@transaction.atomic
def data_release_record(*, user, purpose):
    """Record (and audit) a download of the anonymised case-level return before it streams."""
    from evaluations.models import DataRelease, Family

    if not user.has_perm("evaluations.add_datarelease"):
        raise PermissionDenied("Only the programme team releases family-level data.")
    purpose = (purpose or "").strip()
    if not purpose:
        raise ValidationError("Say what the data is for.")
    release = DataRelease.objects.create(
        released_by=user, purpose=purpose[:255], families=Family.objects.count()
    )
    log(
        release,
        "evaluations.data_release",
        user=user,
        data={"purpose": release.purpose, "families": release.families},
    )
    return release

"""Every change to outcome results: keyword-only, one transaction, permission checked,
audited. (Family records change only through their import, in ``services/families.py``.)"""

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from core.financial_years import fy_bounds
from evaluations.models import ProjectResult, ProjectTarget
from evaluations.models.results import RESULT_FIGURES
from evaluations.permissions import can_enter_results
from programme.models import Outcome, User
from projects.models import Project
from projects.periods import Period


@transaction.atomic
def project_results_record(
    *,
    user: User,
    project: Project,
    financial_year: str,
    quarter: int,
    figures: dict[int, tuple[int, int, int]],
    today: datetime.date | None = None,
) -> dict[int, list[int]]:
    """Record a quarter's results: ``figures`` maps an outcome number to (supported, achieved,
    sustained). A row of zeros removes that outcome's entry for the quarter."""
    today = today or timezone.localdate()
    if not can_enter_results(user, project):
        raise PermissionDenied("Only the project's leads and the programme team enter results.")
    fy_bounds(financial_year)
    if quarter not in (1, 2, 3, 4):
        raise ValidationError("The quarter must be 1 to 4.")
    _start, end = Period(financial_year, quarter).bounds()
    if end >= today:
        raise ValidationError(
            f"Q{quarter} {financial_year} ends on {end:%-d %B %Y}: enter its results once it "
            "has ended."
        )
    project = Project.objects.select_for_update().get(pk=project.pk)
    outcomes = dict(Outcome.objects.values_list("number", "pk"))
    changed = {}
    for number, values in sorted(figures.items()):
        if any(value < 0 for value in values):
            raise ValidationError(f"Outcome {number}: families cannot be fewer than none.")
        supported, achieved, sustained = values
        if achieved > supported:
            raise ValidationError(
                f"Outcome {number}: {achieved} families achieved it, but only {supported} were "
                "supported. Families achieved cannot be more than families supported."
            )
        if sustained > achieved:
            raise ValidationError(
                f"Outcome {number}: {sustained} families sustained it, but only {achieved} "
                "achieved it. Families sustained cannot be more than families achieved."
            )
        key: dict[str, Any] = {
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
            **key, defaults={**dict(zip(RESULT_FIGURES, values, strict=True)), "entered_by": user}
        )
        changed[number] = list(values)
    log(
        project,
        "evaluations.results",
        user=user,
        data={"financial_year": financial_year, "quarter": quarter, "results": changed},
    )
    return changed


def project_targets_copy(*, project: Project) -> list[ProjectTarget]:
    """A new project starts with the outcome targets of the proposal the group approved.
    A step of the group's decision services, in their transaction; their entry in the audit
    log records the project's creation."""
    return ProjectTarget.objects.bulk_create(
        ProjectTarget(
            project=project,
            outcome_id=target.outcome_id,
            expected_families=target.expected_families,
        )
        for target in project.proposal.outcome_targets.all()
    )

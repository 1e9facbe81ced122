"""A lead's quarterly progress report: keyword-only, one transaction, permission checked,
audited."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log

from programme.models import User
from projects.models import Milestone, ProgressReport, Project
from projects.permissions import can_report
from projects.reporting import quarters_reported_on
from projects.services.closure import refuse_if_closed


@transaction.atomic
def progress_report_submit(
    *,
    user: User,
    project: Project,
    financial_year: str,
    quarter: int,
    narrative: str,
    rag: str,
    families_supported: int,
    risks: str = "",
    milestones_met: Iterable[Milestone] = (),
    today: datetime.date | None = None,
) -> ProgressReport:
    """File the report for a quarter that has ended. One report a quarter; it sets the
    project's RAG rating and marks the milestones it met."""
    today = today or timezone.localdate()
    project = Project.objects.select_for_update().get(pk=project.pk)
    if not can_report(user, project):
        raise PermissionDenied("Only the project's leads can report on it.")
    refuse_if_closed(project)
    owed = {(due.financial_year, due.quarter) for due in quarters_reported_on(project, today)}
    if (financial_year, quarter) not in owed:
        raise ValidationError(
            f"No report is due for Q{quarter} {financial_year}: the quarter has not ended or "
            "the project was not running then."
        )
    milestones = list(project.milestones.filter(pk__in=[m.pk for m in milestones_met]))
    report = ProgressReport(
        project=project,
        financial_year=financial_year,
        quarter=quarter,
        narrative=narrative,
        rag=rag,
        risks=risks,
        families_supported=families_supported,
        submitted_by=user,
    )
    report.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError as error:
        raise ValidationError(
            f"The report for Q{quarter} {financial_year} has already been filed."
        ) from error
    report.milestones_met.set(milestones)
    Milestone.objects.filter(pk__in=[m.pk for m in milestones], met_on__isnull=True).update(
        met_on=today
    )
    project.rag = rag
    project.save(update_fields=["rag", "updated_at"])
    log(report, "projects.progress_report", user=user, data={"rag": rag})
    return report

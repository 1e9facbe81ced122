"""A project's end: the lead's final report, then the programme team's sign-off, which closes
it. Keyword-only, one transaction, permission checked, audited."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from programme.models import User
from projects.models import Project, ProjectClosure, ScheduledPayment
from projects.permissions import is_project_lead
from projects.selectors import spent_and_underspend

Status = ScheduledPayment.Status


def refuse_if_closed(project: Project) -> None:
    """Closed projects are read-only: their plan, reports and payments stay as signed off."""
    if project.status == Project.Status.CLOSED:
        raise ValidationError(f"{project.reference} is closed: its record can no longer change.")


@transaction.atomic
def closure_report_submit(
    *,
    user: User,
    project: Project,
    delivered: str,
    families_supported: int,
    results: str,
    lessons: str,
) -> ProjectClosure:
    """The lead's final report (or the programme team's, entered for them): sent again until
    the project is signed off."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    if not (is_project_lead(user, project) or user.has_perm("projects.change_project")):
        raise PermissionDenied("Only the project's leads write its final report.")
    refuse_if_closed(project)
    if project.start_date > timezone.localdate():
        raise ValidationError(f"{project.reference} has not started: there is nothing to report.")
    closure, _created = ProjectClosure.objects.update_or_create(
        project=project,
        defaults={
            "delivered": delivered.strip(),
            "families_supported": families_supported,
            "results": results.strip(),
            "lessons": lessons.strip(),
            "reported_by": user,
            "reported_at": timezone.now(),
        },
    )
    log(closure, "projects.final_report", user=user)
    return closure


@transaction.atomic
def project_close(*, user: User, project: Project) -> ProjectClosure:
    """Sign the project off: every payment requested has been paid (the last one included),
    the rest of the schedule is cancelled, what it did not spend is recorded and released to
    the fund years it was committed to (a closed project commits what it spent), and the
    project is closed and read-only."""
    if not user.has_perm("projects.change_project"):
        raise PermissionDenied("Only the programme team signs a project off.")
    project = Project.objects.select_for_update().get(pk=project.pk)
    refuse_if_closed(project)
    closure = ProjectClosure.objects.filter(project=project).first()
    if closure is None:
        raise ValidationError("The lead has not sent the final report yet.")
    waiting = ScheduledPayment.objects.filter(
        agreement__project=project, status__in=[Status.REQUESTED, Status.APPROVED]
    ).order_by("number")
    first = waiting.first()
    if first is not None:
        raise ValidationError(
            f"Payment {first.number} is {first.get_status_display().lower()} and not yet paid: "
            "pay it (or have the lead withdraw the request) before signing off."
        )
    cancelled = ScheduledPayment.objects.filter(
        agreement__project=project, status=Status.SCHEDULED
    ).update(status=Status.CANCELLED)
    closure.spent, closure.underspend = spent_and_underspend(project)
    closure.signed_off_by = user
    closure.signed_off_at = timezone.now()
    closure.save()
    project.status = Project.Status.CLOSED
    project.save(update_fields=["status", "updated_at"])
    log(
        project,
        "projects.close",
        user=user,
        data={
            "spent": str(closure.spent),
            "underspend": str(closure.underspend),
            "payments_cancelled": cancelled,
        },
    )
    return closure

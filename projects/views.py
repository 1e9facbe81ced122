"""The project lead's portal: their projects, spend to date and quarterly progress reports."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from projects import services
from projects.forms import ProgressReportForm
from projects.models import ProgressReport, Project
from projects.permissions import can_report, can_view_project
from projects.reporting import outstanding_by_project, reports_outstanding
from projects.selectors import budget_against_actual, projects_for_lead


def visible_project(request, reference):
    """The project, if this person may see it; otherwise 404."""
    project = get_object_or_404(
        Project.objects.select_related("lead", "lead_organisation", "fund", "proposal"),
        reference=reference,
    )
    if not can_view_project(request.user, project):
        raise Http404
    return project


@login_required
def project_list(request):
    today = timezone.localdate()
    page = Paginator(projects_for_lead(request.user), 25).get_page(request.GET.get("page"))
    outstanding = outstanding_by_project(page.object_list, today)
    for project in page.object_list:
        project.outstanding = outstanding[project.pk]
    return render(request, "projects/list.html", {"page": page, "today": today})


@login_required
def project_detail(request, reference):
    project = visible_project(request, reference)
    today = timezone.localdate()
    [row] = budget_against_actual(project=project, today=today)
    return render(
        request,
        "projects/detail.html",
        {
            "project": project,
            "row": row,
            "profile": project.profile.all(),
            "milestones": project.milestones.all(),
            "reports": project.reports.select_related("submitted_by"),
            "outstanding": reports_outstanding(project, today),
            "can_report": can_report(request.user, project),
            "today": today,
            "due_days": settings.PROGRESS_REPORT_DUE_DAYS,
        },
    )


@login_required
def report_detail(request, reference, financial_year, quarter):
    project = visible_project(request, reference)
    report = get_object_or_404(
        ProgressReport.objects.select_related("submitted_by").prefetch_related("milestones_met"),
        project=project,
        financial_year=financial_year,
        quarter=quarter,
    )
    return render(request, "projects/report.html", {"project": project, "report": report})


@login_required
@require_http_methods(["GET", "POST"])
def report_write(request, reference, financial_year, quarter):
    project = visible_project(request, reference)
    if not can_report(request.user, project):
        raise PermissionDenied
    due = next(
        (
            d
            for d in reports_outstanding(project, timezone.localdate())
            if (d.financial_year, d.quarter) == (financial_year, quarter)
        ),
        None,
    )
    if due is None:
        messages.info(request, f"No report is waiting for Q{quarter} {financial_year}.")
        return redirect("projects:detail", project.reference)
    form = ProgressReportForm(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        try:
            services.progress_report_submit(
                user=request.user,
                project=project,
                financial_year=financial_year,
                quarter=quarter,
                narrative=form.cleaned_data["narrative"],
                rag=form.cleaned_data["rag"],
                risks=form.cleaned_data["risks"],
                families_supported=form.cleaned_data["families_supported"],
                milestones_met=form.cleaned_data.get("milestones_met") or [],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                f"Your report for {due.label} has been sent. Now enter the quarter's outcome "
                "results.",
            )
            return redirect(
                "evaluations:project_results", project.reference, financial_year, quarter
            )
    return render(
        request, "projects/report_form.html", {"project": project, "due": due, "form": form}
    )

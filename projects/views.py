"""The project lead's portal: their projects, spend to date and quarterly progress reports."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from core.panels import panels
from projects import services
from projects.agreements import payment_totals
from projects.forms import ProgressReportForm
from projects.models import GrantAgreement, Project, ProjectClosure
from projects.permissions import can_ask_for_variation, can_report, sees_exact_counts
from projects.reporting import outstanding_by_project, reports_outstanding
from projects.selectors import project_page, projects_for_lead, report_of, visible_project
from projects.selectors.variations import plan_version, variations_of


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
    project = visible_project(request.user, reference)
    today = timezone.localdate()
    context = project_page(project, today)
    agreement = GrantAgreement.objects.filter(project=project).first()
    variations = list(variations_of(project))
    context.update(
        agreement=agreement,
        closure=ProjectClosure.objects.filter(project=project).first(),
        payments=payment_totals(project) if agreement else None,
        can_report=can_report(request.user, project),
        can_vary=can_ask_for_variation(request.user, project)
        and project.status != Project.Status.CLOSED
        and not project.withdrawn
        and not any(variation.is_open for variation in variations),
        variations=variations,
        plan_version=plan_version(project),
        suppress_counts=not sees_exact_counts(request.user, project),
        due_days=settings.PROGRESS_REPORT_DUE_DAYS,
        panels=panels("project_page_panels", request, project),
    )
    return render(request, "projects/detail.html", context)


@login_required
def report_detail(request, reference, financial_year, quarter):
    project = visible_project(request.user, reference)
    report = get_object_or_404(report_of(project, financial_year, quarter))
    return render(
        request,
        "projects/report.html",
        {
            "project": project,
            "report": report,
            "suppress_counts": not sees_exact_counts(request.user, project),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_write(request, reference, financial_year, quarter):
    project = visible_project(request.user, reference)
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

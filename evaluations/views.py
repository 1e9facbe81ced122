"""The results page for the group (and finance and the programme team) in the portal, and the
quarter's outcome results form for project leads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from core.financial_years import current_fy
from evaluations.benefits import fiscal_benefit
from evaluations.forms import AssumptionsForm, ResultsForm
from evaluations.permissions import can_enter_results, sees_family_rows, sees_results
from evaluations.selectors.claims import claims_in_year
from evaluations.selectors.headline import headline
from evaluations.selectors.presenting import (
    bars,
    gather,
    results,
    value_hidden,
    year_figures,
)
from evaluations.selectors.projects import results_entry
from evaluations.selectors.value import GROUPINGS
from evaluations.selectors.value_shown import value_page
from evaluations.services import project_results_record
from projects.selectors import visible_project

BY_LABELS = {"project": "Project", "kind": "Kind of project", "fund": "Fund"}


@login_required
def results_page(request):
    if not sees_results(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    suppressed = not sees_family_rows(request.user)
    counted = gather(today)
    years = counted.years or [current_fy(today)]
    year = request.GET.get("year") if request.GET.get("year") in years else years[-1]
    by = request.GET.get("by") if request.GET.get("by") in GROUPINGS else "project"
    figures, outcomes, raw = year_figures(counted, year, suppressed)
    overall = results(counted, suppressed)
    value = value_page(year, by, today, suppressed, request.GET.get("page"))
    trial = AssumptionsForm(request.GET)
    trial_values = trial.cleaned_data if trial.is_valid() else {}
    estimate = fiscal_benefit(
        counted,
        year,
        deadweight=trial_values.get("deadweight"),
        optimism_bias=trial_values.get("optimism_bias"),
        raw=raw,
        hidden=value_hidden(counted, year, suppressed),
    )
    return render(
        request,
        "evaluations/results.html",
        {
            "years": years,
            "year": year,
            "by": by,
            "by_labels": BY_LABELS,
            "figures": figures,
            "outcomes": outcomes,
            "overall": overall,
            "chart": bars(overall.chart_years),
            "headline": headline(counted, year, suppressed),
            "claims": claims_in_year(year),
            "value": value,
            "estimate": estimate,
            "trial": trial,
            "suppressed": suppressed,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def results_write(request, reference, financial_year, quarter):
    """A quarter's families per outcome, for the project's lead (or the programme team)."""
    project = visible_project(request.user, reference)
    if not can_enter_results(request.user, project):
        raise PermissionDenied
    outcomes, targeted, existing = results_entry(project, financial_year, quarter)
    form = ResultsForm(request.POST or None, outcomes=outcomes, existing=existing)
    if request.method == "POST" and form.is_valid():
        try:
            project_results_record(
                user=request.user,
                project=project,
                financial_year=financial_year,
                quarter=quarter,
                figures=form.figures(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Outcome results for Q{quarter} {financial_year} saved.")
            return redirect("projects:detail", project.reference)
    return render(
        request,
        "evaluations/results_form.html",
        {
            "project": project,
            "form": form,
            "targeted": targeted,
            "financial_year": financial_year,
            "quarter": quarter,
        },
    )

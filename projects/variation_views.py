"""Variations in the portal: a lead asks for one (the dates, the spending profile, the budget
lines, the scope, with reasons), follows it to a decision and may withdraw it until then."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from core.financial_years import fy_for_date, fy_name, fy_start_year
from core.forms import DateInput, GovukFormMixin, MoneyField, add_service_errors
from projects import services
from projects.models import Variation
from projects.permissions import can_ask_for_variation
from projects.selectors import visible_project
from projects.selectors.variations import current_plan, plan_version, waiting_variation
from projects.variations import COST_TYPES, quarter_key


class VariationForm(GovukFormMixin, forms.Form):
    start_date = forms.DateField(label="Start date", widget=DateInput())
    end_date = forms.DateField(
        label="End date", widget=DateInput(), help_text="For more time, a later end date."
    )
    scope = forms.CharField(
        label="What the project will deliver",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="As the group approved it; change it only for a change of scope.",
    )
    reasons = forms.CharField(
        label="Why does the project need to change?",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say why the project needs to change"},
    )

    def __init__(self, data, *, plan: dict, years: list[str]):
        initial = {
            "start_date": plan["start_date"],
            "end_date": plan["end_date"],
            "scope": plan["scope"],
            **{f"profile_{key}": amount for key, amount in plan["profile"].items()},
            **{f"budget_{key}": amount for key, amount in plan["budget"].items()},
        }
        super().__init__(data, initial={k.replace(" ", "_"): v for k, v in initial.items()})
        self.years = years
        for year in years:
            for quarter in range(1, 5):
                self.fields[f"profile_{year}_Q{quarter}"] = MoneyField(
                    label=f"{year} Q{quarter} (£)", required=False, min_value=0
                )
        for cost_type, label in COST_TYPES.items():
            self.fields[f"budget_{cost_type}"] = MoneyField(
                label=f"{label} (£)", required=False, min_value=0
            )

    def profile_rows(self):
        return [(year, [self[f"profile_{year}_Q{q}"] for q in range(1, 5)]) for year in self.years]

    def budget_fields(self):
        return [self[f"budget_{cost_type}"] for cost_type in COST_TYPES]

    def changes(self):
        data = self.cleaned_data
        return {
            "start_date": data["start_date"],
            "end_date": data["end_date"],
            "scope": data["scope"],
            "reasons": data["reasons"],
            "profile": {
                quarter_key(year, q): data[f"profile_{year}_Q{q}"]
                for year in self.years
                for q in range(1, 5)
            },
            "budget": {cost_type: data[f"budget_{cost_type}"] for cost_type in COST_TYPES},
        }


def _years(project, plan):
    """The financial years the profile can use: the project's, one more for an extension,
    and any the plan already holds."""
    first = fy_start_year(fy_for_date(project.start_date))
    last = fy_start_year(fy_for_date(project.end_date)) + 1
    held = {fy_start_year(key.split(" Q")[0]) for key in plan["profile"]}
    return [fy_name(year) for year in range(min(first, *held), max(last, *held) + 1)]


@login_required
@require_http_methods(["GET", "POST"])
def variation_new(request, reference):
    project = visible_project(request.user, reference)
    if not can_ask_for_variation(request.user, project):
        raise PermissionDenied
    waiting = waiting_variation(project)
    if waiting is not None:
        messages.info(
            request,
            "This variation is waiting for a decision: it is decided, or withdrawn, before "
            "another is asked for.",
        )
        return redirect("projects:variation", project.reference, waiting.pk)
    plan = current_plan(project)
    form = VariationForm(
        request.POST if request.method == "POST" else None, plan=plan, years=_years(project, plan)
    )
    if request.method == "POST" and form.is_valid():
        try:
            variation = services.variation_request(
                user=request.user, project=project, **form.changes()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                "Your variation has been sent to the programme team."
                if variation.status == Variation.Status.REQUESTED
                else "Your variation is beyond what the programme team may agree: it goes on "
                "the group's next agenda.",
            )
            return redirect("projects:variation", project.reference, variation.pk)
    return render(
        request,
        "projects/variation_form.html",
        {
            "project": project,
            "form": form,
            "version": plan_version(project),
            "delegated_amount": settings.VARIATION_DELEGATED_AMOUNT,
            "delegated_percent": settings.VARIATION_DELEGATED_PERCENT,
            "delegated_months": settings.VARIATION_DELEGATED_MONTHS,
        },
    )


@login_required
def variation_detail(request, reference, pk):
    project = visible_project(request.user, reference)
    variation = get_object_or_404(
        Variation.objects.select_related("requested_by", "decided_by", "meeting"),
        pk=pk,
        project=project,
    )
    return render(
        request,
        "projects/variation.html",
        {
            "project": project,
            "variation": variation,
            "may_withdraw": variation.is_open and can_ask_for_variation(request.user, project),
        },
    )


@login_required
@require_POST
def variation_withdraw(request, reference, pk):
    project = visible_project(request.user, reference)
    variation = get_object_or_404(Variation, pk=pk, project=project)
    if not can_ask_for_variation(request.user, project):
        raise PermissionDenied
    try:
        services.variation_withdraw(user=request.user, variation=variation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "The variation has been withdrawn.")
    return redirect("projects:variation", project.reference, variation.pk)

"""The programme team's plan for a project in the back office: its budget profile by quarter
and its milestones. Both save through the services, which refuse a profile that does not sum to
the approved amount."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import FormView
from wagtail.admin.views import generic

from governance.financial_years import fy_for_date, fy_name, fy_start_year
from governance.govuk_forms import MoneyField
from projects import services
from projects.models import Project


def project_years(project):
    """Every financial year the project runs in, and any the profile already holds."""
    first = fy_start_year(fy_for_date(project.start_date))
    last = fy_start_year(fy_for_date(project.end_date))
    years = {fy_name(year) for year in range(first, last + 1)}
    years |= set(project.profile.values_list("financial_year", flat=True))
    return sorted(years)


class ProfileForm(forms.Form):
    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        current = {
            (line.financial_year, line.quarter): line.amount for line in project.profile.all()
        }
        self.years = project_years(project)
        for year in self.years:
            for quarter in range(1, 5):
                self.fields[f"{year}_q{quarter}"] = MoneyField(
                    label=f"Q{quarter} {year}",
                    required=False,
                    initial=current.get((year, quarter)),
                    min_value=0,
                )

    def rows(self):
        return [(year, [self[f"{year}_q{q}"] for q in range(1, 5)]) for year in self.years]

    def cells(self):
        return {
            (year, quarter): self.cleaned_data[f"{year}_q{quarter}"]
            for year in self.years
            for quarter in range(1, 5)
            if self.cleaned_data[f"{year}_q{quarter}"]
        }


class MilestoneForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    title = forms.CharField(max_length=255)
    due_date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    met_on = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))


MilestoneFormSet = forms.formset_factory(MilestoneForm, extra=3, can_delete=True)


class ProjectPlanView(generic.base.WagtailAdminTemplateMixin, FormView):
    permission = None
    header_icon = "folder-open-inverse"

    def dispatch(self, request, *args, pk, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        self.project = get_object_or_404(Project, pk=pk)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.project)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("projects_admin:index"), "label": "Projects"},
            {
                "url": reverse("projects_admin:edit", args=[self.project.pk]),
                "label": str(self.project),
            },
            {"url": "", "label": self.page_title},
        ]

    def get_success_url(self):
        return self.request.path

    def get_context_data(self, **kwargs):
        return super().get_context_data(project=self.project, **kwargs)


class BudgetProfileView(ProjectPlanView):
    template_name = "projects/admin/profile.html"
    page_title = "Budget profile"
    permission = "projects.change_budgetprofileline"

    def get_form(self, form_class=None):
        return ProfileForm(self.request.POST or None, project=self.project)

    def form_valid(self, form):
        try:
            services.budget_profile_set(
                user=self.request.user, project=self.project, cells=form.cells()
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, "Budget profile saved.")
        return super().form_valid(form)


class MilestonesView(ProjectPlanView):
    template_name = "projects/admin/milestones.html"
    page_title = "Milestones"
    permission = "projects.change_milestone"

    def get_form(self, form_class=None):
        initial = [
            {"id": m.pk, "title": m.title, "due_date": m.due_date, "met_on": m.met_on}
            for m in self.project.milestones.all()
        ]
        return MilestoneFormSet(self.request.POST or None, initial=initial, prefix="milestones")

    def form_valid(self, formset):
        milestones = [
            form.cleaned_data
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        try:
            services.milestones_set(
                user=self.request.user, project=self.project, milestones=milestones
            )
        except ValidationError as error:
            formset._non_form_errors = formset.error_class(error.messages)
            return self.form_invalid(formset)
        messages.success(self.request, "Milestones saved.")
        return super().form_valid(formset)

"""The programme team's plan for a project in the back office: its budget profile by quarter
and its milestones. Both save through the services, which refuse a profile that does not sum to
the approved amount."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import FormView

from core.admin.views import BackOfficePage
from core.forms import add_service_errors
from projects import services
from projects.admin.forms import MilestoneFormSet, ProfileForm
from projects.models import BudgetProfileLine, Milestone, Project, Variation
from projects.selectors import milestones_of
from projects.selectors.variations import variations_of


class ProjectPlanView(BackOfficePage, FormView):
    """A screen of one project's plan, registered by the projects viewset."""

    permission_required = "change"
    header_icon = "folder-open-inverse"

    @cached_property
    def project(self):
        return get_object_or_404(Project, pk=self.kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.project)

    def get_parent_crumbs(self):
        return [
            {
                "url": reverse("projects_admin:edit", args=[self.project.pk]),
                "label": str(self.project),
            }
        ]

    def get_success_url(self):
        return self.request.path

    def get_context_data(self, **kwargs):
        return super().get_context_data(project=self.project, **kwargs)


class BudgetProfileView(ProjectPlanView):
    template_name = "projects/admin/profile.html"
    page_title = "Budget profile"
    permission_model = BudgetProfileLine

    def get_form(self, form_class=None):
        return ProfileForm(self.request.POST or None, project=self.project)

    def form_valid(self, form):
        try:
            variation = services.budget_profile_set(
                user=self.request.user,
                project=self.project,
                cells=form.cells(),
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        if variation is not None and variation.status == Variation.Status.REFERRED:
            meeting = variation.meeting
            messages.warning(
                self.request,
                f"{variation.route_reason} It is referred to the group"
                + (f"'s meeting on {meeting.date:%-d %B %Y}" if meeting else "'s next meeting")
                + "; the profile changes if the group agrees.",
            )
        else:
            messages.success(self.request, "Budget profile saved.")
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        variations = variations_of(self.project)[:20]
        return super().get_context_data(variations=variations, **kwargs)


class MilestonesView(ProjectPlanView):
    template_name = "projects/admin/milestones.html"
    page_title = "Milestones"
    permission_model = Milestone

    def get_form(self, form_class=None):
        initial = [
            {"id": m.pk, "title": m.title, "due_date": m.due_date, "met_on": m.met_on}
            for m in milestones_of(self.project)
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

"""Variations in the back office: every one asked for, filtered and searched, and the
programme team's decision on those within the group's delegation. Referred ones are decided
by the group at its meeting; the record itself is never edited."""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.views.generic import FormView
from wagtail.admin.ui.tables import Column

from core.admin.views import BackOfficePage
from core.admin.viewsets import ListingViewSet
from core.filters import FilterSet
from core.forms import add_service_errors
from projects import services
from projects.filters import ProjectReferenceFilter
from projects.models import Project, Variation


class VariationFilterSet(FilterSet):
    project = ProjectReferenceFilter()
    requested_at = django_filters.DateFromToRangeFilter(label="Asked for")

    class Meta:
        model = Variation
        fields = ["project", "status", "route", "requested_at"]


class DecideForm(forms.Form):
    agree = forms.TypedChoiceField(
        label="Decision",
        choices=[("yes", "Agree the variation"), ("no", "Refuse it")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label="Note for the lead",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Required when refusing.",
    )


class DecideView(BackOfficePage, FormView):
    """One variation within the team's delegation: what it changes and why, and the team's
    decision, by someone other than whoever asked for it."""

    template_name = "projects/admin/variation_decide.html"
    permission_model = Project
    permission_required = "change"
    header_icon = "redirect"

    @cached_property
    def variation(self):
        return get_object_or_404(
            Variation.objects.select_related("project", "requested_by"), pk=self.kwargs["pk"]
        )

    def get_page_title(self):
        return f"Decide: {self.variation}"

    def get_form(self, form_class=None):
        return DecideForm(self.request.POST if self.request.method == "POST" else None)

    def get_context_data(self, **kwargs):
        return super().get_context_data(variation=self.variation, **kwargs)

    def form_valid(self, form):
        try:
            variation = services.variation_decide(
                user=self.request.user,
                variation=self.variation,
                agree=form.cleaned_data["agree"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"Agreed: version {variation.version} of the plan."
            if variation.version
            else "Refused; the lead can see why.",
        )
        return redirect(reverse("variations:inspect", args=[variation.pk]))


class VariationViewSet(ListingViewSet):
    model = Variation
    icon = "redirect"
    menu_label = "Variations"
    menu_order = 224
    add_to_admin_menu = True
    list_display = [
        "project",
        Column("kinds", label="Changes", accessor="kinds"),
        "status",
        "route",
        "money_moved",
        "requested_by",
        "requested_at",
    ]
    list_export = [
        "project",
        "status",
        "route",
        "route_reason",
        "reasons",
        "money_moved",
        "requested_by",
        "requested_at",
        "decided_by",
        "decided_on",
        "decision_note",
        "version",
    ]
    filterset_class = VariationFilterSet
    search_fields = ["project__reference", "project__title", "reasons"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "project",
        "status",
        "route",
        "route_reason",
        "reasons",
        "changes_in_words",
        "money_moved",
        "requested_by",
        "requested_at",
        "meeting",
        "decided_by",
        "decided_on",
        "decision_note",
        "version",
    ]
    form_fields = ["reasons"]
    list_select_related = ["project", "requested_by"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/decide/", self.construct_view(DecideView), name="decide"),
        ]

"""The programme team's back office for proposals: listing, inspect and screening."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import FormView
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn
from wagtail.admin.widgets import HeaderButton, ListingButton

from core.admin.views import BackOfficePage
from core.admin.viewsets import CountsInspectView, SafeExportIndexView
from programme.selectors import active_criteria
from proposals import services
from proposals.admin.bulk_actions import BULK_ACTIONS
from proposals.admin.forms import ScreeningForm
from proposals.models import Proposal
from proposals.selectors import (
    latest_version,
    listing_counts,
    proposals_for_back_office,
    screening_record,
)


def screen_url(proposal):
    return reverse("proposals_admin:screen", args=[proposal.pk])


class ProposalIndexView(SafeExportIndexView):
    template_name = "proposals/admin/index.html"
    results_template_name = "proposals/admin/index_results.html"

    @cached_property
    def bulk_actions(self):
        """The bulk actions this person may take (every lister may export)."""
        return [
            {
                "label": action.display_name,
                "aria_label": action.aria_label,
                "url": reverse(
                    "wagtail_bulk_action", args=["proposals", "proposal", action.action_type]
                ),
            }
            for action in BULK_ACTIONS
            if action.allowed(self.request.user)
        ]

    @cached_property
    def columns(self):
        if not self.bulk_actions:
            return super().columns
        return [BulkActionsCheckboxColumn("bulk_actions", obj_type="proposal"), *super().columns]

    @cached_property
    def selected(self):
        """The proposals a bulk export chose (``selected``), or None when it chose none."""
        if "selected" not in self.request.GET:
            return None
        return [pk for pk in self.request.GET.getlist("selected") if pk.isdigit()]

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if self.selected is None:
            return queryset
        return queryset.filter(pk__in=self.selected)

    def _get_title_column(self, *args, **kwargs):
        return super()._get_title_column(
            *args, **kwargs, get_title_id=lambda proposal: f"proposal_{proposal.pk}_title"
        )

    def get_base_queryset(self):
        return proposals_for_back_office()

    @cached_property
    def listing_counts(self):
        return listing_counts(timezone.localdate(), self.request.user)

    def get_paginator(self, *args, **kwargs):
        """Unfiltered and unsearched, the listing holds every proposal but the drafts: the sum
        of the status counts shown above it, so they are not counted a second time."""
        paginator = super().get_paginator(*args, **kwargs)
        if not (self.is_filtering or self.is_searching or self.selected is not None):
            paginator.count = self.listing_counts["total"]
        return paginator

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["listing_counts"] = self.listing_counts
        context["bulk_actions"] = self.bulk_actions
        return context

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status == Proposal.Status.SUBMITTED and self.request.user.has_perm(
            "proposals.screen_proposal"
        ):
            buttons.append(
                ListingButton("Screen", url=screen_url(instance), icon_name="tasks", priority=5)
            )
        return buttons


class ProposalInspectView(CountsInspectView):
    template_name = "proposals/admin/inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(proposals_for_back_office(), pk=self.pk)

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.object.status == Proposal.Status.SUBMITTED and self.request.user.has_perm(
            "proposals.screen_proposal"
        ):
            buttons.append(HeaderButton("Screen", url=screen_url(self.object), icon_name="tasks"))
        return buttons

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **screening_record(self.object)}


class ScreeningView(BackOfficePage, FormView):
    """Registered by the proposals viewset: the programme team (who may screen) only."""

    permission_required = "screen"
    template_name = "proposals/admin/screen.html"
    form_class = ScreeningForm
    page_title = "Screen proposal"
    header_icon = "tasks"

    @cached_property
    def proposal(self):
        return get_object_or_404(proposals_for_back_office(), pk=self.kwargs["pk"])

    def get_page_subtitle(self):
        return f"{self.proposal.reference} {self.proposal.title}"

    def get_parent_crumbs(self):
        return [
            {
                "url": reverse("proposals_admin:inspect", args=[self.proposal.pk]),
                "label": self.proposal.reference,
            }
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "criteria": active_criteria()}

    def get_context_data(self, **kwargs):
        version = latest_version(self.proposal)
        return super().get_context_data(
            proposal=self.proposal,
            version=version,
            snapshot=version.snapshot if version else None,
            **kwargs,
        )

    def form_valid(self, form):
        try:
            screening = services.proposal_screen(
                user=self.request.user,
                proposal=self.proposal,
                results=form.results(),
                recommendation=form.cleaned_data["recommendation"],
                reasons=form.cleaned_data["reasons"],
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        self.proposal.refresh_from_db()
        if screening.recommendation == screening.Recommendation.ELIGIBLE:
            messages.success(
                self.request,
                f"{self.proposal.reference} is eligible and placed for the "
                f"{self.proposal.meeting.date:%-d %B %Y} meeting.",
            )
        else:
            messages.success(self.request, f"{self.proposal.reference} returned to the lead.")
        return redirect("proposals_admin:index")

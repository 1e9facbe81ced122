import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.utils import timezone

from core.filters import FilterSet, ModelChoiceFilter
from programme.filters import OrganisationFilter
from programme.models import Meeting, Outcome, Priority
from proposals.models import OutcomeTarget, Proposal
from proposals.selectors import QUICK_VIEWS, quick_view


class ProposalFilterSet(FilterSet):
    show = django_filters.ChoiceFilter(
        choices=QUICK_VIEWS, method="quick", label="Show", empty_label="All proposals"
    )
    # Checkboxes: a multiple-select box clips its options and needs Ctrl to choose two.
    status = django_filters.MultipleChoiceFilter(
        choices=[c for c in Proposal.Status.choices if c[0] != Proposal.Status.DRAFT],
        widget=forms.CheckboxSelectMultiple,
    )
    kind = django_filters.MultipleChoiceFilter(
        choices=Proposal.Kind.choices, widget=forms.CheckboxSelectMultiple
    )
    meeting = ModelChoiceFilter(queryset=Meeting.objects.all())
    lead_organisation = OrganisationFilter(label="Lead organisation")
    total_requested = django_filters.RangeFilter(
        label="Amount requested (£)", field_name="total_requested"
    )
    # The to-many filters ask "is there one?" (EXISTS), so no proposal repeats and the
    # listing needs no DISTINCT over every row.
    priority = ModelChoiceFilter(
        queryset=Priority.objects.all(), method="with_priority", label="Priority"
    )
    outcome = ModelChoiceFilter(
        queryset=Outcome.objects.all(), method="with_outcome", label="Headline outcome targeted"
    )

    class Meta:
        model = Proposal
        fields = ["status", "kind", "meeting", "lead_organisation"]

    def quick(self, queryset, name, value):
        if not value:
            return queryset
        return quick_view(queryset, value, timezone.localdate(), self.request.user)

    def with_priority(self, queryset, name, value):
        if not value:
            return queryset
        chosen = Proposal.priorities.through.objects.filter(
            proposal=OuterRef("pk"), priority=value
        )
        return queryset.filter(Exists(chosen))

    def with_outcome(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(
            Exists(OutcomeTarget.objects.filter(proposal=OuterRef("pk"), outcome=value))
        )

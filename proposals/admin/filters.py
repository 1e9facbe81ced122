import django_filters
from django import forms
from wagtail.admin.filters import WagtailFilterSet

from programme.models import Meeting, Organisation, Outcome, Priority
from proposals.models import Proposal


class ProposalFilterSet(WagtailFilterSet):
    # Checkboxes: a multiple-select box clips its options and needs Ctrl to choose two.
    status = django_filters.MultipleChoiceFilter(
        choices=[c for c in Proposal.Status.choices if c[0] != Proposal.Status.DRAFT],
        widget=forms.CheckboxSelectMultiple,
    )
    kind = django_filters.MultipleChoiceFilter(
        choices=Proposal.Kind.choices, widget=forms.CheckboxSelectMultiple
    )
    meeting = django_filters.ModelChoiceFilter(queryset=Meeting.objects.all())
    lead_organisation = django_filters.ModelChoiceFilter(queryset=Organisation.objects.all())
    total_requested = django_filters.RangeFilter(
        label="Amount requested (£)", field_name="total_requested"
    )
    priority = django_filters.ModelChoiceFilter(
        queryset=Priority.objects.all(), field_name="priorities", label="Priority"
    )
    outcome = django_filters.ModelChoiceFilter(
        queryset=Outcome.objects.all(),
        field_name="outcome_targets__outcome",
        label="Headline outcome targeted",
    )

    class Meta:
        model = Proposal
        fields = ["status", "kind", "meeting", "lead_organisation"]

    def filter_queryset(self, queryset):
        # Filtering through to-many relations (priority, outcome) can repeat a proposal.
        return super().filter_queryset(queryset).distinct()

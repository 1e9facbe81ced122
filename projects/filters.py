"""The back office's filters on projects and their spend, and the finance filters the budget
against actual page and its downloads share."""

import django_filters
from django.db.models import Q
from django.utils import timezone

from core.filters import FilterSet, ModelChoiceFilter
from core.financial_years import current_fy, fy_name, fy_start_year
from programme.filters import OrganisationFilter
from programme.models import Fund
from projects.models import ProgressReport, Project, SpendLine
from projects.periods import Period
from proposals.models import Proposal


class ProjectReferenceFilter(django_filters.CharFilter):
    """Chooses a project by its reference or cost centre, typed in any case: a national
    programme has thousands of projects, too many for a list to render on every page."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", "Project reference or cost centre")
        kwargs.setdefault("max_length", 30)
        super().__init__(*args, **kwargs)

    def filter(self, queryset, value):
        code = (value or "").strip()
        if not code:
            return queryset
        name = self.field_name
        return queryset.filter(
            Q(**{f"{name}__reference__iexact": code}) | Q(**{f"{name}__cost_centre__iexact": code})
        )


class ProjectFilterSet(FilterSet):
    """With "Show": the projects the signed-in officer looks after, and the ones that need
    looking at (rated red, or running past their end date)."""

    show = django_filters.ChoiceFilter(
        label="Show",
        choices=[
            ("mine", "Mine as lead officer"),
            ("red", "Rated red"),
            ("overrunning", "Past their end date, not completed"),
        ],
        method="quick_view",
        empty_label="All projects",
    )

    lead_organisation = OrganisationFilter(label="Lead organisation")

    class Meta:
        model = Project
        fields = ["status", "rag", "kind", "fund", "lead_organisation", "lead_officer"]

    def quick_view(self, queryset, name, value):
        if value == "mine":
            return queryset.filter(lead_officer=self.request.user)
        if value == "red":
            return queryset.filter(rag=Project.Rag.RED)
        if value == "overrunning":
            return queryset.filter(end_date__lt=timezone.localdate()).exclude(
                status__in=[Project.Status.COMPLETED, Project.Status.CLOSED]
            )
        return queryset


class SpendFilterSet(FilterSet):
    project = ProjectReferenceFilter()
    date = django_filters.DateFromToRangeFilter(label="Date")

    class Meta:
        model = SpendLine
        fields = ["project", "expense_type", "date", "spend_import"]


class ProgressReportFilterSet(FilterSet):
    project = ProjectReferenceFilter()

    class Meta:
        model = ProgressReport
        fields = ["project", "financial_year", "quarter", "rag"]


def year_choices():
    start = fy_start_year(current_fy())
    return [(fy_name(year), fy_name(year)) for year in range(start + 1, start - 5, -1)]


class FinanceFilterSet(django_filters.FilterSet):
    """Filters shared by the dashboard and its workbook download."""

    financial_year = django_filters.ChoiceFilter(
        label="Financial year", choices=year_choices, method="noop", empty_label="All years"
    )
    quarter = django_filters.ChoiceFilter(
        label="Quarter",
        choices=[(q, f"Q{q}") for q in range(1, 5)],
        method="noop",
        empty_label="Whole year",
    )
    fund = ModelChoiceFilter(queryset=Fund.objects.all())
    kind = django_filters.ChoiceFilter(choices=Proposal.Kind.choices)
    status = django_filters.ChoiceFilter(choices=Project.Status.choices)
    # A reference box, not a list: a national programme has thousands of projects.
    project = django_filters.CharFilter(
        label="Project reference or cost centre", method="noop", max_length=30
    )

    lead_organisation = OrganisationFilter(label="Lead organisation")

    class Meta:
        model = Project
        fields = []

    def noop(self, queryset, name, value):
        return queryset

    def arguments(self):
        """(Period, selector filters) from the valid form."""
        data = self.form.cleaned_data if self.is_valid() else {}
        quarter = (
            int(data["quarter"]) if data.get("quarter") and data.get("financial_year") else None
        )
        filters = {k: data[k] for k in ("fund", "kind", "status") if data.get(k)}
        if data.get("project"):
            code = data["project"].strip()
            found = Project.objects.filter(Q(reference__iexact=code) | Q(cost_centre__iexact=code))
            # An unknown reference chooses no project, and the page says none match.
            filters["project"] = found.values_list("pk", flat=True).first() or 0
        return Period(data.get("financial_year") or None, quarter), filters

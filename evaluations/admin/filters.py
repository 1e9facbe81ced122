from core.filters import FilterSet
from evaluations.models import Family, ProjectResult, ProjectTarget
from programme.filters import OrganisationFilter
from projects.filters import ProjectReferenceFilter


class FamilyFilterSet(FilterSet):
    lead_organisation = OrganisationFilter(label="Lead practitioner's organisation")

    class Meta:
        model = Family
        fields = ["eligible", "all_needs_sustained", "lead_organisation", "family_import"]


class ProjectResultFilterSet(FilterSet):
    project = ProjectReferenceFilter()

    class Meta:
        model = ProjectResult
        fields = ["project", "financial_year", "quarter", "outcome"]


class ProjectTargetFilterSet(FilterSet):
    project = ProjectReferenceFilter()

    class Meta:
        model = ProjectTarget
        fields = ["project", "outcome"]

import django_filters
from wagtail.admin.filters import WagtailFilterSet

from governance.models import Decision, Fund, Interest, Meeting, Membership, Organisation


class OrganisationFilterSet(WagtailFilterSet):
    class Meta:
        model = Organisation
        fields = ["sector", "on_strategic_group"]


class MembershipFilterSet(WagtailFilterSet):
    current = django_filters.BooleanFilter(label="Current", method="filter_current")

    def filter_current(self, queryset, name, value):
        if value is None:
            return queryset
        current = Membership.objects.current().values("pk")
        return queryset.filter(pk__in=current) if value else queryset.exclude(pk__in=current)

    class Meta:
        model = Membership
        fields = ["role", "organisation"]


class FundFilterSet(WagtailFilterSet):
    class Meta:
        model = Fund
        fields = ["financial_year"]


class MeetingFilterSet(WagtailFilterSet):
    date = django_filters.DateFromToRangeFilter(label="Meeting date")

    class Meta:
        model = Meeting
        fields = ["status", "date"]


class DecisionFilterSet(WagtailFilterSet):
    decided_on = django_filters.DateFromToRangeFilter(label="Decided")

    class Meta:
        model = Decision
        fields = ["outcome", "meeting", "fund", "is_chairs_action", "decided_on"]


class InterestFilterSet(WagtailFilterSet):
    class Meta:
        model = Interest
        fields = ["member", "organisation"]

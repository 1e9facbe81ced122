import django_filters
from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.admin.filters import WagtailFilterSet

from governance.models import Decision, Fund, Interest, Meeting, Membership, Organisation


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


def _group_members(request):
    """People who have sat on the group: only they declare interests (a list of every
    account would run to thousands of leads)."""
    return (
        get_user_model()
        .objects.filter(pk__in=Membership.objects.values("user"))
        .order_by("last_name", "first_name")
    )


class InterestFilterSet(WagtailFilterSet):
    member = django_filters.ModelChoiceFilter(queryset=_group_members, label="Member")

    class Meta:
        model = Interest
        fields = ["member", "organisation"]

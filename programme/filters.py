import django_filters
from django.contrib.auth import get_user_model

from core.filters import FilterSet, ModelChoiceFilter
from core.search import filter_fields
from programme.models import Fund, Interest, Meeting, Membership, Organisation


class OrganisationFilter(django_filters.CharFilter):
    """Chooses organisations by name or short name, every word typed in any case (as the
    search's ``org:`` filter does): a national programme has hundreds of organisations, and
    a list of them rendered on every page of a listing grew with them."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 100)
        kwargs.setdefault("help_text", "Part of its name or short name")
        super().__init__(*args, **kwargs)

    def filter(self, queryset, value):
        if not (value or "").strip():
            return queryset
        paths = [f"{self.field_name}__name", f"{self.field_name}__short_name"]
        return filter_fields(queryset, {"org": value}, {"org": paths})


class OrganisationFilterSet(FilterSet):
    class Meta:
        model = Organisation
        fields = ["sector", "on_strategic_group"]


class MembershipFilterSet(FilterSet):
    organisation = OrganisationFilter(label="Organisation")
    current = django_filters.BooleanFilter(label="Current", method="filter_current")

    def filter_current(self, queryset, name, value):
        if value is None:
            return queryset
        current = Membership.objects.current().values("pk")
        return queryset.filter(pk__in=current) if value else queryset.exclude(pk__in=current)

    class Meta:
        model = Membership
        fields = ["role", "organisation"]


class FundFilterSet(FilterSet):
    class Meta:
        model = Fund
        fields = ["financial_year"]


class MeetingFilterSet(FilterSet):
    date = django_filters.DateFromToRangeFilter(label="Meeting date")

    class Meta:
        model = Meeting
        fields = ["status", "date"]


def _group_members(request):
    """People who have sat on the group: only they declare interests (a list of every
    account would run to thousands of leads)."""
    return (
        get_user_model()
        .objects.filter(pk__in=Membership.objects.values("user"))
        .order_by("last_name", "first_name")
    )


class InterestFilterSet(FilterSet):
    member = ModelChoiceFilter(queryset=_group_members, label="Member")
    organisation = OrganisationFilter(label="Organisation")

    class Meta:
        model = Interest
        fields = ["member", "organisation"]

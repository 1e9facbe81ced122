import django_filters

from core.filters import FilterSet
from governance.models import Decision


class DecisionFilterSet(FilterSet):
    decided_on = django_filters.DateFromToRangeFilter(label="Decided")

    class Meta:
        model = Decision
        fields = ["outcome", "meeting", "fund", "is_chairs_action", "decided_on"]

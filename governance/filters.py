import django_filters
from wagtail.admin.filters import WagtailFilterSet

from governance.models import Decision


class DecisionFilterSet(WagtailFilterSet):
    decided_on = django_filters.DateFromToRangeFilter(label="Decided")

    class Meta:
        model = Decision
        fields = ["outcome", "meeting", "fund", "is_chairs_action", "decided_on"]

"""The back office's filter sets. A filter that chooses a related record (a meeting, a fund)
reads its choices in one query. Django reads a choice field's records through
``QuerySet.iterator()``, which on PostgreSQL is a server-side cursor: DECLARE, FETCH and
CLOSE, three round trips for a few dozen rows, with the cursor held WITH HOLD outside a
transaction. A listing page with three such filters spent more on them than on its rows."""

import django_filters
from django.db import models
from django_filters import fields
from wagtail.admin.filters import WagtailFilterSet


class ListedChoiceIterator(fields.ModelChoiceIterator):
    """The field's records read as a list (one query, kept on the field's own copy of the
    queryset), with django-filter's empty and "none" choices first."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        if self.field.null_label is not None:
            yield (self.field.null_value, self.field.null_label)
        for record in self.queryset:
            yield self.choice(record)


class ListedModelChoiceField(fields.ModelChoiceField):
    iterator = ListedChoiceIterator


class ModelChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = ListedModelChoiceField


def _listed(defaults):
    return {**defaults, "filter_class": ModelChoiceFilter}


class FilterSet(WagtailFilterSet):
    """A ``WagtailFilterSet`` whose filters on a foreign key read their choices in one query."""

    FILTER_DEFAULTS = {
        **WagtailFilterSet.FILTER_DEFAULTS,
        models.ForeignKey: _listed(WagtailFilterSet.FILTER_DEFAULTS[models.ForeignKey]),
        models.OneToOneField: _listed(WagtailFilterSet.FILTER_DEFAULTS[models.OneToOneField]),
    }

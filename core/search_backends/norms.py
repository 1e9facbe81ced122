"""Title-length norms over the entries that have a title (see the package's docstring)."""

from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db.models import Avg, F
from django.db.models.functions import Length
from wagtail.search.index import SearchField, get_indexed_models


def has_title(model) -> bool:
    return any(
        isinstance(field, SearchField) and field.field_name == "title"
        for field in model.get_search_fields()
    )


@cache
def titled_models() -> tuple:
    return tuple(model for model in get_indexed_models() if has_title(model))


def titled_content_type_ids() -> list[int]:
    content_types = ContentType.objects.get_for_models(*titled_models()).values()
    return [content_type.pk for content_type in content_types]


class TitledNormsMixin:
    """Wagtail refreshes the norms after every write; ours only after a write of records
    that have titles, and over those records alone."""

    entries: object
    _adding_titles = True

    def add_items(self, model, objs):
        self._adding_titles = has_title(model)
        super().add_items(model, objs)

    def _refresh_title_norms(self, full=False):
        if not (full or self._adding_titles):
            return
        titled = (
            self.entries.filter(content_type_id__in=titled_content_type_ids())
            .annotate(title_length=Length("title"))
            .filter(title_length__gt=0)
        )
        average = titled.aggregate(average=Avg("title_length"))["average"]
        if average is None:
            return
        stale = titled if full else titled.filter(title_norm=1.0)
        stale.update(title_norm=average / F("title_length"))

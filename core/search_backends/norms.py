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
    """Wagtail refreshes the norms of every entry still at 1.0 after each write: an UPDATE
    of other transactions' new entries, which deadlocked ten leads submitting at once. Here
    a write sets the norms of its own entries only (against the average read without
    locks); a rebuild (``full``) refreshes them all."""

    entries: object

    def add_items(self, model, objs):
        super().add_items(model, objs)
        if objs and has_title(model):
            written = self.entries.filter(
                content_type_id=ContentType.objects.get_for_model(model).pk,
                object_id__in=[str(obj.pk) for obj in objs],
            )
            self._set_norms(written)

    def _refresh_title_norms(self, full=False):
        if full:
            self._set_norms(self.entries.filter(content_type_id__in=titled_content_type_ids()))

    def _set_norms(self, entries):
        titled = self.entries.filter(content_type_id__in=titled_content_type_ids())
        average = (
            titled.annotate(title_length=Length("title"))
            .filter(title_length__gt=0)
            .aggregate(average=Avg("title_length"))["average"]
        )
        if average is not None:
            entries.annotate(title_length=Length("title")).filter(title_length__gt=0).update(
                title_norm=average / F("title_length")
            )

"""Search that ranks, through Wagtail's search backend (core.search_backends).

What a person types is words, "quoted phrases" and field filters: ``lead:`` (the lead's
name), ``org:`` (the lead organisation) and ``ref:`` (a reference), each taking one word or
a quoted value (``org:"Merseyside Police"``). The filters are SQL on the live records; the
words and phrases are matched in the index, stemmed, and ranked by relevance.

Each indexed model says what the filters look in (``search_lookups``, a ``Lookups``); a
model with no such field matches nothing for that filter.

The index is kept as records are saved and deleted (``follow``, called from each app's
``ready()``); ``follow_part`` re-indexes a record when a row that is part of its text (a
proposal's budget line) changes, ``follow_related`` the records whose text holds a related
row's (a lead's name, an organisation's) when that row is saved, and ``index_rows`` indexes
rows written in bulk (an import's ledger lines), which no signal announces;
``index_matching`` does it in the background."""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial, reduce
from operator import and_, or_

from django.apps import apps
from django.db.models import Model, Q, QuerySet
from django.db.models.signals import post_delete, post_save
from django_tasks import task
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import BaseSearchResults
from wagtail.search.query import And, Phrase, PlainText, SearchQuery

from core.planner import estimated_rows

FIELD_FILTERS = ("lead", "org", "ref")
# Past this many expected matches a search keeps its listing's order (too_many_to_rank).
RANK_AT_MOST = 100_000
_FIELD_FILTER = re.compile(r'(?<!\S)(lead|org|ref):(?:"([^"]*)"|(\S+))', re.IGNORECASE)

# Per listing: filter name -> the lookups it searches (icontains, any of them, every word).
Lookups = Mapping[str, Sequence[str]]


@dataclass(frozen=True)
class SearchText:
    query: SearchQuery | None
    fields: dict[str, str] = field(default_factory=dict)


def parse(text: str) -> SearchText:
    """Words, phrases and field filters out of what was typed (control characters are
    spaces: a NUL would end the full-text query's string on SQLite)."""
    text = "".join(char if char.isprintable() else " " for char in text)
    fields = {}
    for match in _FIELD_FILTER.finditer(text):
        value = (match.group(2) if match.group(2) is not None else match.group(3)).strip()
        if value:
            fields[match.group(1).lower()] = value
    rest = _FIELD_FILTER.sub(" ", text)
    parts = rest.split('"')
    queries: list[SearchQuery] = []
    for index, part in enumerate(parts):
        part = " ".join(part.split())
        if not part:
            continue
        # Odd pieces were inside quotes; an unclosed quote's text is plain words.
        in_quotes = index % 2 == 1 and index < len(parts) - 1
        queries.append(Phrase(part) if in_quotes else PlainText(part, operator="and"))
    query = None
    if len(queries) == 1:
        query = queries[0]
    elif queries:
        query = And(queries)
    return SearchText(query=query, fields=fields)


def filter_fields(queryset: QuerySet, fields: dict[str, str], lookups: Lookups) -> QuerySet:
    for name, value in fields.items():
        paths = lookups.get(name)
        if not paths:
            return queryset.none()
        words = [
            reduce(or_, (Q(**{f"{path}__icontains": word}) for path in paths))
            for word in value.split()
        ]
        queryset = queryset.filter(reduce(and_, words))
    return queryset


def results(
    queryset: QuerySet, text: str | SearchText, lookups: Lookups, *, by_relevance: bool = True
) -> QuerySet | BaseSearchResults:
    """The records of ``queryset`` that match ``text``, for a listing to count and page:
    Wagtail's search results (the backend is told which page is wanted when they are sliced,
    so it ranks by key and joins only that page's records to their related rows), or a
    queryset when only field filters were given or the matches are too many to rank. Ranked
    by relevance (best first, with a ``_score``) unless ``by_relevance`` is False, when the
    queryset's own order stands."""
    parsed = parse(text) if isinstance(text, str) else text
    queryset = filter_fields(queryset, parsed.fields, lookups)
    if parsed.query is None:
        return queryset
    backend = get_search_backend()
    unranked = backend.search(parsed.query, queryset, order_by_relevance=False).get_queryset()
    if not by_relevance or too_many_to_rank(unranked):
        return unranked
    return backend.search(parsed.query, queryset).annotate_score("_score")


def too_many_to_rank(matching: QuerySet) -> bool:
    """Whether PostgreSQL expects more than ``RANK_AT_MOST`` records to match (a word in a
    million ledger lines): ranking them would take seconds, so they keep their listing's
    order instead, and its count is the estimate (core.admin.estimates)."""
    estimated = estimated_rows(matching)
    return estimated is not None and estimated > RANK_AT_MOST


def search(
    queryset: QuerySet, text: str | SearchText, lookups: Lookups, *, by_relevance: bool = True
) -> QuerySet:
    """``results`` as one queryset of every match (to filter further, or take their keys)."""
    found = results(queryset, text, lookups, by_relevance=by_relevance)
    return found if isinstance(found, QuerySet) else found.get_queryset()


def index_rows(queryset: QuerySet) -> int:
    """Index the rows of ``queryset`` (the backend's ``add_rows``: set-based SQL where it
    can, otherwise a batch at a time); returns how many."""
    return get_search_backend().get_index_for_model(queryset.model).add_rows(queryset)


@task(backend="imports")
def index_matching(model_label: str, field: str, value: int) -> int:
    """``index_rows`` in the background (the import worker) for the rows of a model whose
    ``field`` is ``value``: an import's lines are searchable a little after it commits,
    and the import does not wait on the indexer (on PostgreSQL one statement, about a second
    for 20,000 lines; on SQLite about 2 ms a line in Python)."""
    rows = apps.get_model(model_label)._default_manager.filter(**{field: value})
    return index_rows(rows)


def reindex(model: type[Model], pk) -> None:
    """Write one record's entry again, read with the related rows its search fields need
    (Wagtail's own handler reads each related list once for every part of the entry)."""
    record = model.get_indexed_objects().filter(pk=pk).first()
    if record is not None:
        get_search_backend().add(record)


def _saved(sender, instance, raw=False, **kwargs):
    if not raw:
        reindex(sender, instance.pk)


def _deleted(sender, instance, **kwargs):
    get_search_backend().delete(instance)


def _part_changed(sender, instance, *, part_of: str, raw=False, **kwargs):
    if not raw:
        reindex(sender._meta.get_field(part_of).related_model, getattr(instance, f"{part_of}_id"))


def follow(model: type[Model]) -> None:
    """Keep ``model``'s entries: written again when a record is saved, removed when it is
    deleted. The model sets ``search_auto_update = False``, so Wagtail's handler does not
    write them a second time."""
    uid = f"search-{model._meta.label}"
    post_save.connect(_saved, sender=model, dispatch_uid=uid)
    post_delete.connect(_deleted, sender=model, dispatch_uid=uid)


def follow_part(model: type[Model], *, part_of: str) -> None:
    """Re-index the record ``part_of`` names when a ``model`` row is saved or deleted."""
    handler = partial(_part_changed, part_of=part_of)
    uid = f"search-part-{model._meta.label}"
    post_save.connect(handler, sender=model, weak=False, dispatch_uid=uid)
    post_delete.connect(handler, sender=model, weak=False, dispatch_uid=uid)


def follow_related(model: type[Model], *, through: str, fields: tuple[str, ...]) -> None:
    """Re-index ``model``'s records whose ``through`` is a row just saved, unless the save
    named the fields it wrote and none of ``fields`` (the text the entries hold) is among them
    (signing in saves only the person's last login)."""
    handler = partial(_related_saved, model=model, through=through, fields=frozenset(fields))
    post_save.connect(
        handler,
        sender=model._meta.get_field(through).related_model,
        weak=False,
        dispatch_uid=f"search-{model._meta.label}-{through}",
    )


def _related_saved(
    sender, instance, *, model, through, fields, raw=False, update_fields=None, **kwargs
):
    if raw or (update_fields is not None and not fields & set(update_fields)):
        return
    index_rows(model.get_indexed_objects().filter(**{through: instance.pk}))

"""Search that ranks, for the back office's listings. Words go to Wagtail's search backend
(PostgreSQL's full text search on PostgreSQL, SQLite's FTS5 on the demo): stemmed, "phrases
in quotes" kept together, results ordered by relevance, a model's title weighed above its
summary and its summary above the rest (each model's ``search_fields`` say how; SQLite's
backend ignores those boosts, so there the rows are ordered by them in SQL). Field
filters typed in the box (``lead:``, ``org:``, ``ref:``; a value with spaces in quotes)
narrow the rows in SQL first. Words that match nothing whole are tried as the start of a
title or reference, so "paren" still finds "Parenting strategy"."""

import re
from collections.abc import Mapping, Sequence

from django.core.exceptions import FieldDoesNotExist
from django.db import connection
from django.db.models import Case, F, FloatField, Q, QuerySet, Value, When
from modelsearch.query import MATCH_ALL
from modelsearch.utils import parse_query_string
from wagtail.search import index
from wagtail.search.backends import get_search_backend

FIELD_FILTER = re.compile(r'(\w+):("[^"]*"|\S+)')


def split_filters(text: str, known: Sequence[str]) -> tuple[list[tuple[str, str]], str]:
    """([(filter, value)], the words left). A ``key:value`` the listing does not know stays
    in the words, as two words."""
    filters = []

    def take(match: re.Match) -> str:
        key = match.group(1).lower()
        if key not in known:
            return match.group(0).replace(":", " ")
        filters.append((key, match.group(2).strip('"')))
        return " "

    return filters, " ".join(FIELD_FILTER.sub(take, text).split())


def _field_weight(model, words: str):
    """Outside PostgreSQL the search backend ranks without the fields' boosts, so the rows
    are ordered by them here: the sum of the boosts of the model's own fields that hold all
    the words (a phrase as it stands)."""
    terms = (
        [part.strip() for part in words.split('"') if part.strip()]
        if '"' in words
        else (words.split())
    )
    weight = Value(0.0)
    for field in model.get_search_fields():
        if not isinstance(field, index.SearchField) or "__" in field.field_name:
            continue
        try:
            model._meta.get_field(field.field_name)
        except FieldDoesNotExist:
            continue
        holds = Q()
        for term in terms:
            holds &= Q(**{f"{field.field_name}__icontains": term})
        weight = weight + Case(
            When(holds, then=Value(float(field.boost or 1))),
            default=Value(0.0),
            output_field=FloatField(),
        )
    return weight


def ranked_search(
    queryset: QuerySet,
    text: str,
    field_filters: Mapping[str, Sequence[str]],
    order_by_relevance: bool = True,
):
    """``queryset``'s rows that match ``text``, most relevant first unless the listing is
    ordered by a column: a QuerySet when only field filters were given, else the search
    backend's results (which page like one)."""
    filters, words = split_filters(text, list(field_filters))
    if filters:
        condition = Q()
        for key, value in filters:
            match = Q()
            for lookup in field_filters[key]:
                match |= Q(**{f"{lookup}__icontains": value})
            condition &= match
        queryset = queryset.filter(pk__in=queryset.filter(condition).values("pk"))
    _none, query = parse_query_string(words, operator="and", zero_terms=MATCH_ALL)
    if query is MATCH_ALL:
        return queryset
    if order_by_relevance and connection.vendor != "postgresql":
        # Expressions, not names: the backend lets its queryset keep an expression ordering.
        queryset = queryset.annotate(_weight=_field_weight(queryset.model, words)).order_by(
            F("_weight").desc(), F("pk").desc()
        )
        order_by_relevance = False
    backend = get_search_backend()
    results = backend.search(query, queryset, order_by_relevance=order_by_relevance)
    if '"' in words or results.count() or not queryset.model.get_autocomplete_search_fields():
        return results
    return backend.autocomplete(words, queryset, order_by_relevance=order_by_relevance)

from functools import reduce
from operator import add

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVector
from django.core.exceptions import FieldDoesNotExist
from django.db import connection
from django.db.models import (
    BigIntegerField,
    CharField,
    Count,
    F,
    Func,
    QuerySet,
    TextField,
    Value,
    Window,
)
from django.db.models.functions import Cast, NullIf, Trim
from modelsearch.backends.database.postgres.postgres import (
    EMPTY_VECTOR,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.backends.database.postgres.weights import get_weight
from modelsearch.index import SearchField
from modelsearch.query import And, Or, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.search.models import IndexEntry

from core.search_backends.norms import TitledNormsMixin, has_title
from core.search_backends.rows import RowsMixin

INTEGER_KEYS = ("AutoField", "BigAutoField", "IntegerField", "BigIntegerField")
# The entries core migration 0006 indexes by content type and integer key; a search names the
# same condition so PostgreSQL may use that index (and never casts another key).
WHOLE_NUMBER = "^[0-9]{1,18}$"
ENTRY_COLUMNS = (
    "content_type_id",
    "object_id",
    "title",
    "autocomplete",
    "body",
    "title_norm",
    "title_text",
    "body_text",
)


class ProgrammePostgresIndex(TitledNormsMixin, RowsMixin, PostgresIndex):
    def add_rows(self, queryset: QuerySet) -> int:
        """Where every search field is a text column of the model's own and none is a title
        (the ledger's lines), the entries are made by the database in one INSERT ... SELECT:
        the same vectors and texts Wagtail's indexer builds a record at a time in Python
        (about 2 ms each). Titled models keep Wagtail's indexer, which sets their norms."""
        model = queryset.model
        fields = model.get_search_fields()
        if not fields or has_title(model) or not all(_own_text(model, f) for f in fields):
            return super().add_rows(queryset)
        rows = queryset.order_by().annotate(
            _content_type=Value(ContentType.objects.get_for_model(model).pk),
            _object=Cast("pk", TextField()),
            _title=EMPTY_VECTOR,
            _autocomplete=EMPTY_VECTOR,
            _body=self._vector(fields),
            _norm=Value(1.0),
            _title_text=Value(""),
            _body_text=_text(fields),
        )
        select, params = rows.values_list(
            "_content_type", "_object", "_title", "_autocomplete", "_body", "_norm",
            "_title_text", "_body_text",
        ).query.sql_with_params()  # fmt: skip
        replaced = ENTRY_COLUMNS[2:]  # all but the key (content type, object)
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {IndexEntry._meta.db_table} ({', '.join(ENTRY_COLUMNS)}) "  # noqa: S608
                f"{select} ON CONFLICT (content_type_id, object_id) DO UPDATE SET "
                + ", ".join(f"{column} = EXCLUDED.{column}" for column in replaced),
                params,
            )
            return cursor.rowcount

    def _vector(self, fields):
        """Each field's text weighted by its boost, joined in the fields' order (as Wagtail's
        indexer joins them; an empty text adds nothing)."""
        return reduce(
            add,
            (
                SearchVector(
                    F(field.field_name), weight=get_weight(field.boost), config=self.backend.config
                )
                for field in fields
            ),
        )


def _own_text(model, field) -> bool:
    if type(field) is not SearchField:
        return False
    try:
        column = model._meta.get_field(field.field_name)
    except FieldDoesNotExist:  # a method's value
        return False
    return column.concrete and isinstance(column, (CharField, TextField))


def _text(fields):
    """The fields' texts, trimmed, the empty ones left out, joined by spaces."""
    trimmed = [NullIf(Trim(field.field_name), Value("")) for field in fields]
    return Func(Value(" "), *trimmed, function="concat_ws", output_field=TextField())


class ProgrammePostgresCompiler(PostgresSearchQueryCompiler):
    """Matches in the index first, then the records: Wagtail's compiler joins every record
    to its entry and tests ``title || body`` row by row (a scan of the whole index for the
    ledger); this one finds the entries through the GIN index on ``title || body`` (core
    migration 0005) and keeps the records whose keys they name.

    Ranked, each matching entry is joined to its record on the integer key as well as the
    text one (so PostgreSQL can reach a record by its primary key: 5,000,000 ledger lines
    are never scanned) and its rank worked out once in that join, not by a subquery a
    record. A page of ranked results (Wagtail's search results, sliced) is chosen first, by
    key alone, and only its records are joined to the rows a listing shows beside each
    (``select_related``): PostgreSQL estimates a few dozen matches where there may be
    thousands (it takes the content type and the words as independent), and would join every
    match to them one by one before sorting."""

    def check(self):
        """The queryset's filters and order run as SQL here, whatever the fields."""

    def _matches_in_index(self) -> bool:
        """Whether this compiler's own way applies (else Wagtail's): words and phrases over
        every field of a model with whole-number keys."""
        return (
            self.fields is None
            and isinstance(self.query, (PlainText, Phrase, And, Or))
            and self.queryset.model._meta.pk.get_internal_type() in INTEGER_KEYS
        )

    def search(self, config, start, stop, score_field=None, backend=None):
        model = self.queryset.model
        if not self._matches_in_index():
            return super().search(config, start, stop, score_field, backend)
        search_query = self.build_tsquery(self.query, config=config)
        if not (self.order_by_relevance or score_field is not None):
            queryset = self._matching(search_query, model)
            return (queryset if queryset.ordered else queryset.order_by("-pk"))[start:stop]
        name = score_field or "_rank_"
        ranked = self._ranked(self.queryset, search_query, config, name)
        if stop is None or not self.order_by_relevance:
            return ranked[start:stop]
        page = ranked.select_related(None).values("pk")[start:stop]
        return self._ranked(self.queryset.filter(pk__in=page), search_query, config, name)

    def counted_page(self, config, start, stop, score_field=None):
        """A page of the matches best first, and how many match in all, from one ranking of
        them (``COUNT(*) OVER ()``; a separate count matched every entry a second time): the
        page's records, each with its rank as ``score_field``, and the total. None where this
        compiler does not rank by relevance itself, or the page is past the last match (no
        row is left to carry the total)."""
        if not (self.order_by_relevance and self._matches_in_index()):
            return None
        name = score_field or "_rank_"
        search_query = self.build_tsquery(self.query, config=config)
        ranked = self._ranked(self.queryset, search_query, config, name)
        chosen = list(
            ranked.select_related(None)
            .annotate(_matches_=Window(Count("*")))
            .values_list("pk", name, "_matches_")[start:stop]
        )
        if not chosen:
            return None
        records = self.queryset.in_bulk([pk for pk, _rank, _total in chosen])
        page = []
        for pk, rank, _total in chosen:
            setattr(records[pk], name, rank)
            page.append(records[pk])
        return page, chosen[0][2]

    def _matching(self, search_query, model):
        """The records whose keys the matching entries name, in the queryset's order."""
        entries = (
            IndexEntry.objects.filter(
                content_type_id__in=get_descendants_content_types_pks(model),
                object_id__regex=WHOLE_NUMBER,
            )
            .annotate(_vector_=F("title")._combine(F("body"), "||", False))
            .filter(_vector_=search_query)
            .annotate(key=Cast("object_id", BigIntegerField()))
        )
        return self.queryset.filter(pk__in=entries.values("key"))

    def _ranked(self, queryset, search_query, config, name):
        """The records of ``queryset`` joined to their matching entries (Wagtail's
        ``index_entries``, which holds to the model's content types), each with its rank as
        ``name``; best first when ordered by relevance."""
        queryset = queryset.alias(
            _vector_=F("index_entries__title")._combine(F("index_entries__body"), "||", False),
            _key_=Cast("index_entries__object_id", BigIntegerField()),
        ).filter(_vector_=search_query, _key_=F("pk"))
        rank = self._build_rank_expression(
            [
                (F("index_entries__title"), F("index_entries__title_norm")),
                (F("index_entries__body"), 1.0),
            ],
            config,
        )
        queryset = queryset.annotate(**{name: rank})
        if not self.order_by_relevance:
            return queryset if queryset.ordered else queryset.order_by("-pk")
        return queryset.order_by(F(name).desc(nulls_last=True), "-pk")


class ProgrammePostgresResults(PostgresSearchResults):
    def counted_page(self, start, stop):
        """``start:stop`` of these results and how many there are in all, in as few queries
        as the compiler can (core.admin.estimates asks for a listing's page this way)."""
        compiler = self.query_compiler
        return compiler.counted_page(
            compiler.get_config(self.backend), start, stop, score_field=self._score_field
        )


class ProgrammePostgresBackend(PostgresSearchBackend):
    index_class = ProgrammePostgresIndex
    query_compiler_class = ProgrammePostgresCompiler
    results_class = ProgrammePostgresResults


SearchBackend = ProgrammePostgresBackend

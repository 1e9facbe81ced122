from django.db.models import BigIntegerField, F, FloatField, OuterRef, Subquery, TextField
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import And, Or, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.search.models import IndexEntry

from core.search_backends.norms import TitledNormsMixin

INTEGER_KEYS = ("AutoField", "BigAutoField", "IntegerField", "BigIntegerField")


class ProgrammePostgresIndex(TitledNormsMixin, PostgresIndex):
    pass


class ProgrammePostgresCompiler(PostgresSearchQueryCompiler):
    """Matches in the index first, then the records: Wagtail's compiler joins every record
    to its entry and tests ``title || body`` row by row (a scan of the whole index for the
    ledger); this one finds the entries through the GIN index on ``title || body`` (core
    migration 0005), keeps the records whose keys they name, and ranks only those."""

    def check(self):
        """The queryset's filters and order run as SQL here, whatever the fields."""

    def search(self, config, start, stop, score_field=None, backend=None):
        model = self.queryset.model
        if (
            self.fields is not None
            or not isinstance(self.query, (PlainText, Phrase, And, Or))
            or model._meta.pk.get_internal_type() not in INTEGER_KEYS
        ):
            return super().search(config, start, stop, score_field, backend)
        search_query = self.build_tsquery(self.query, config=config)
        entries = (
            IndexEntry.objects.filter(content_type_id__in=get_descendants_content_types_pks(model))
            .annotate(_vector_=F("title")._combine(F("body"), "||", False))
            .filter(_vector_=search_query)
        )
        queryset = self.queryset.filter(
            pk__in=entries.annotate(key=Cast("object_id", BigIntegerField())).values("key")
        )
        rank = self._build_rank_expression(
            [(F("title"), F("title_norm")), (F("body"), 1.0)], config
        )
        score = Subquery(
            entries.filter(object_id=Cast(OuterRef("pk"), TextField()))
            .annotate(score=rank)
            .values("score")[:1],
            output_field=FloatField(),
        )
        name = score_field or "_rank_"
        if self.order_by_relevance or score_field is not None:
            queryset = queryset.annotate(**{name: score})
        if self.order_by_relevance:
            queryset = queryset.order_by(F(name).desc(nulls_last=True), "-pk")
        elif not queryset.query.order_by:
            queryset = queryset.order_by("-pk")
        return queryset[start:stop]


class ProgrammePostgresBackend(PostgresSearchBackend):
    index_class = ProgrammePostgresIndex
    query_compiler_class = ProgrammePostgresCompiler


SearchBackend = ProgrammePostgresBackend

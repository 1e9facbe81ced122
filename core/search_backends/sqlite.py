from django.db.models import FloatField, Func
from modelsearch.backends.database.sqlite.query import SQLiteFTSIndexEntry
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import Not, Phrase, PlainText

from core.search_backends.norms import TitledNormsMixin
from core.search_backends.rows import RowsMixin

# FTS5 columns (autocomplete, body, title): the title weighs ten times the body.
COLUMN_WEIGHTS = (1.0, 1.0, 10.0)


class WeightedBM25(Func):
    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        weights = ", ".join(str(weight) for weight in COLUMN_WEIGHTS)
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {weights})", []


class ProgrammeSQLiteIndex(TitledNormsMixin, RowsMixin, SQLiteIndex):
    pass


class ProgrammeSQLiteCompiler(SQLiteSearchQueryCompiler):
    def check(self):
        """The queryset's filters and order run as SQL here, whatever the fields."""

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, (Phrase, PlainText, Not)):
            rank = WeightedBM25()
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)


class ProgrammeSQLiteBackend(SQLiteSearchBackend):
    index_class = ProgrammeSQLiteIndex
    query_compiler_class = ProgrammeSQLiteCompiler


SearchBackend = ProgrammeSQLiteBackend

from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)

from core.search_backends.norms import TitledNormsMixin


class ProgrammePostgresIndex(TitledNormsMixin, PostgresIndex):
    pass


class ProgrammePostgresCompiler(PostgresSearchQueryCompiler):
    def check(self):
        """The queryset's filters and order run as SQL here, whatever the fields."""


class ProgrammePostgresBackend(PostgresSearchBackend):
    index_class = ProgrammePostgresIndex
    query_compiler_class = ProgrammePostgresCompiler


SearchBackend = ProgrammePostgresBackend

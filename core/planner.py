"""What PostgreSQL's planner expects a query to return: a whole table's rows (``pg_class``,
kept current by autovacuum's ANALYZE), or any query's (``programme_estimated_rows``, core
migration 0006: EXPLAIN's estimate). For listings too big to count and searches whose matches
are too many to count or rank one by one (a word in a million of the ledger's lines). None on
other databases, which count and rank."""

from django.db import connections
from django.db.models import QuerySet


def estimated_rows(queryset: QuerySet) -> int | None:
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT programme_estimated_rows(%s)", [_text(queryset)])
        return cursor.fetchone()[0]


def estimate_or_count(
    queryset: QuerySet, threshold: int, *, whole_table: bool = False
) -> tuple[int, bool] | None:
    """(rows, estimated) in one statement: the planner's estimate of ``queryset``'s rows (of
    its table's, if ``whole_table``) when that is ``threshold`` or more, else the exact count
    (PostgreSQL runs the COUNT only in that case), so a page takes the same number of queries
    either side of the threshold. None where there is no estimate to ask for."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    keys = queryset.order_by().values("pk")
    if whole_table:
        estimate = "SELECT reltuples::bigint AS rows FROM pg_class WHERE oid = %s::regclass"
        about = connection.ops.quote_name(queryset.model._meta.db_table)
    else:
        estimate = "SELECT programme_estimated_rows(%s) AS rows"
        about = _text(keys)
    listed, params = keys.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT CASE WHEN rows >= %s THEN rows "  # noqa: S608 - Django's SQL
            f"ELSE (SELECT COUNT(*) FROM ({listed}) AS listed) END, rows >= %s "
            f"FROM ({estimate}) AS estimate",
            [threshold, *params, threshold, about],
        )
        row = cursor.fetchone()
    return (row[0], row[1]) if row else None


def _text(queryset: QuerySet) -> str:
    """The queryset's SQL with its parameters written in (as the database would quote them)."""
    sql, params = queryset.query.sql_with_params()
    return connections[queryset.db].ops.compose_sql(sql, params)

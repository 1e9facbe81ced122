"""A listing of millions of rows needs no COUNT over all of them to show its first page. Past
``ESTIMATE_FROM`` rows, an unfiltered listing's count on PostgreSQL is the planner's estimate
of the table's rows (``pg_class.reltuples``, kept current by autovacuum's ANALYZE), and the
listing says "about"; below it, the same statement counts exactly, so the page takes the same
number of queries either side of the threshold and on either database. A filtered or searched
listing, and any listing on SQLite, is counted exactly."""

from django.db import connection
from django.utils.functional import cached_property
from wagtail.admin.paginator import WagtailPaginator

ESTIMATE_FROM = 100_000


def estimate_or_count(queryset) -> tuple[int, bool] | None:
    """(rows, estimated) for an unfiltered queryset on PostgreSQL, in one statement: the
    planner's estimate of its table's rows when that is past ``ESTIMATE_FROM``, else the
    exact count (PostgreSQL runs the COUNT only in that case). None where there is no
    estimate to ask for (not PostgreSQL)."""
    if connection.vendor != "postgresql":
        return None
    listed, params = queryset.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT CASE WHEN reltuples >= %s THEN reltuples::bigint "  # noqa: S608 - Django's SQL
            f"ELSE (SELECT COUNT(*) FROM ({listed}) AS listed) END, reltuples >= %s "
            "FROM pg_class WHERE oid = %s::regclass",
            [
                ESTIMATE_FROM,
                *params,
                ESTIMATE_FROM,
                connection.ops.quote_name(queryset.model._meta.db_table),
            ],
        )
        row = cursor.fetchone()
    return (row[0], row[1]) if row else None


class EstimatingPaginator(WagtailPaginator):
    estimated = False

    @cached_property
    def count(self):
        query = getattr(self.object_list, "query", None)
        if query is not None and not query.where:
            found = estimate_or_count(self.object_list)
            if found is not None:
                rows, self.estimated = found
                return rows
        return super().count

    @cached_property
    def items_count_label(self):
        if self.estimated:
            return f"about {self.count:,} {self.verbose_name_plural}"
        return super().items_count_label

"""A listing of millions of rows needs no COUNT over all of them to show its first page. Past
``ESTIMATE_FROM`` rows, an unfiltered listing's count on PostgreSQL is the planner's estimate
of the table's rows (``pg_class.reltuples``, kept current by autovacuum's ANALYZE), and the
listing says "about". A filtered or searched listing, and any listing on SQLite, is counted
exactly."""

from django.db import connection
from django.utils.functional import cached_property
from wagtail.admin.paginator import WagtailPaginator

ESTIMATE_FROM = 100_000


def estimated_rows(model) -> int | None:
    """The planner's estimate of the model's table rows, or None where there is none (not
    PostgreSQL, or never analysed)."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass",
            [connection.ops.quote_name(model._meta.db_table)],
        )
        row = cursor.fetchone()
    return row[0] if row and row[0] >= 0 else None


class EstimatingPaginator(WagtailPaginator):
    estimated = False

    @cached_property
    def count(self):
        query = getattr(self.object_list, "query", None)
        if query is not None and not query.where:
            estimate = estimated_rows(self.object_list.model)
            if estimate is not None and estimate >= ESTIMATE_FROM:
                self.estimated = True
                return estimate
        return super().count

    @cached_property
    def items_count_label(self):
        if self.estimated:
            return f"about {self.count:,} {self.verbose_name_plural}"
        return super().items_count_label

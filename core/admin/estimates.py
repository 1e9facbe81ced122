"""A listing of millions of rows needs no COUNT over all of them to show its first page. Past
``ESTIMATE_FROM`` rows, an unfiltered listing's count on PostgreSQL is the planner's estimate
of the table's rows (``pg_class.reltuples``, kept current by autovacuum's ANALYZE), and the
listing says "about"; below it, the same statement counts exactly, so the page takes the same
number of queries either side of the threshold and on either database. A searched listing's
matches are estimated the same way, from the planner's estimate of the search (a word in a
million ledger lines); a filtered listing, and any listing on SQLite, is counted exactly,
and a page of search results ranked by relevance brings its count with it."""

from django.utils.functional import cached_property
from wagtail.admin.paginator import WagtailPaginator

from core import planner

ESTIMATE_FROM = 100_000


class EstimatingPaginator(WagtailPaginator):
    estimated = False
    # Set for a searched listing: its matches are estimated past ESTIMATE_FROM too.
    estimate_matches = False

    @cached_property
    def count(self):
        query = getattr(self.object_list, "query", None)
        found = None
        if query is not None and not query.where:
            found = planner.estimate_or_count(self.object_list, ESTIMATE_FROM, whole_table=True)
        elif query is not None and self.estimate_matches:
            found = planner.estimate_or_count(self.object_list, ESTIMATE_FROM)
        if found is not None:
            rows, self.estimated = found
            return rows
        return super().count

    def get_page(self, number):
        """A page of search results ranked by relevance comes with the number of matches
        (their ``counted_page``: one ranking of the matches gives both), so they are not
        matched a second time to be counted. Past the last match, the last page, counted."""
        counted_page = getattr(self.object_list, "counted_page", None)
        if counted_page is None or self.orphans:
            return super().get_page(number)
        try:
            number = int(number) if number else 1
        except (TypeError, ValueError):
            number = 1
        if number < 1:
            return super().get_page(number)
        bottom = (number - 1) * self.per_page
        found = counted_page(bottom, bottom + self.per_page)
        if found is None:
            return super().get_page(number)
        rows, self.count = found
        return self._get_page(rows, number, self)

    @cached_property
    def items_count_label(self):
        if self.estimated:
            return f"about {self.count:,} {self.verbose_name_plural}"
        return super().items_count_label

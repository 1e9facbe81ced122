"""Indexing the rows of a queryset (an import's ledger lines, the scale generator's data),
which no save announces: a batch at a time in key order, so memory stays flat."""

from django.db.models import QuerySet

BATCH = 1000


class RowsMixin:
    """For a search index: ``add_rows(queryset)`` writes the entries of every row it selects
    and returns how many."""

    def add_rows(self, queryset: QuerySet) -> int:
        rows = queryset.order_by("pk")
        indexed = 0
        batch = list(rows[:BATCH])
        while batch:
            self.add_items(queryset.model, batch)
            indexed += len(batch)
            batch = list(rows.filter(pk__gt=batch[-1].pk)[:BATCH])
        return indexed

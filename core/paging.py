"""Pages whose rows are read for the page's keys alone."""

from collections.abc import Callable, Iterable
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet


def page_by_keys(
    chosen: QuerySet, number: Any, per_page: int, rows: Callable[[QuerySet], Iterable]
) -> Page:
    """A page of ``chosen`` (ordered) whose rows are read for its keys alone: ``chosen`` is
    counted and sliced bare, then ``rows(keys)`` (``keys``: a subquery of the page's primary
    keys) reads what the page shows of them, in ``chosen``'s order. PostgreSQL would join or
    sum every row an OFFSET skips before dropping them."""
    paginator: Paginator[Any] = Paginator(chosen, per_page)
    page = paginator.get_page(number)
    first = (page.number - 1) * per_page
    keys = chosen.values("pk")[first : first + per_page]
    return Page(list(rows(keys)), page.number, paginator)

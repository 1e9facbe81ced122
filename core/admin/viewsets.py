"""Our back-office viewsets: ProgrammeViewSet, whose CSV export is safe to open in Excel, and
ListingViewSet, whose listing also loads the related rows its columns show in the same query,
so a listing's query count does not grow with its page size. Past a hundred thousand rows an
unfiltered listing's count is PostgreSQL's estimate (core.admin.estimates).

Wagtail's ModelViewSet (unlike SnippetViewSet) does not call a ``get_queryset`` hook on the
viewset, so a ``select_related`` written there would be silently ignored; the queryset goes to
the index view instead."""

from django.contrib import messages
from django.db.models import QuerySet
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.search.index import class_is_indexed

from core.admin.columns import QuickTable
from core.admin.counts import CountsIndexMixin, CountsInspectMixin
from core.admin.display import PeopleColumnsMixin, PeopleInspectView
from core.admin.estimates import EstimatingPaginator
from core.admin.menu import PermissionMenuItem
from core.cells import SafeCsvMixin
from core.search import RANK_AT_MOST, parse, results

TOO_MANY_TO_RANK = (
    f"More than {RANK_AT_MOST:,} records match, too many to sort by relevance: they are listed in "
    "their usual order. Add words, or a lead:, org: or ref: filter, to narrow the search."
)


class RankedSearchMixin:
    """A listing of an indexed model searches through core.search: stemmed, ranked by
    relevance unless a column's order was chosen or the matches are too many to rank, with
    the lead:, org: and ref: filters its model's ``search_lookups`` define."""

    def search_queryset(self, queryset):
        if not (self.is_searching and class_is_indexed(queryset.model)):
            return super().search_queryset(queryset)
        ranking = not self.is_explicitly_ordered
        found = results(
            queryset, self.search_query, queryset.model.search_lookups, by_relevance=ranking
        )
        if ranking and isinstance(found, QuerySet) and parse(self.search_query).query:
            messages.info(self.request, TOO_MANY_TO_RANK)
        return found

    def get_paginator(self, *args, **kwargs):
        """A searched listing's matches are estimated past a hundred thousand."""
        paginator = super().get_paginator(*args, **kwargs)
        paginator.estimate_matches = self.is_searching
        return paginator


class SafeExportIndexView(
    RankedSearchMixin, CountsIndexMixin, PeopleColumnsMixin, SafeCsvMixin, IndexView
):
    paginator_class = EstimatingPaginator
    table_class = QuickTable


class CountsInspectView(CountsInspectMixin, PeopleInspectView):
    pass


class ProgrammeViewSet(ModelViewSet):
    """Every back-office viewset of ours: its listing and inspect view show values for people
    (core.admin.display), counts of families through the disclosure rule for those who may
    not see them exact (core.admin.counts), and its CSV export writes no formulas."""

    index_view_class = SafeExportIndexView
    inspect_view_class = CountsInspectView
    family_counts: tuple[str, ...] = ()

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(family_counts=self.family_counts, **kwargs)

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(family_counts=self.family_counts, **kwargs)


class ListingViewSet(ProgrammeViewSet):
    list_select_related = ()

    def get_index_view_kwargs(self, **kwargs):
        queryset = self.model._default_manager.select_related(*self.list_select_related)
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)


class ScreensViewSet(ViewSet):
    """Back-office screens that belong to no model's listing (the finance dashboard and the
    files it downloads), under one menu item shown to people with ``permission``."""

    permission = None

    def get_menu_item(self, order=None):
        return PermissionMenuItem(
            label=self.menu_label,
            url=self.menu_url,
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
            permission=self.permission,
        )

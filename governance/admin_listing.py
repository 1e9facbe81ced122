"""A Wagtail ModelViewSet whose listing loads the related rows its columns show in the same
query, so a listing's query count does not grow with its page size.

Wagtail's ModelViewSet (unlike SnippetViewSet) does not call a ``get_queryset`` hook on the
viewset, so a ``select_related`` written there would be silently ignored; the queryset goes to
the index view instead."""

from wagtail.admin.viewsets.model import ModelViewSet


class ListingViewSet(ModelViewSet):
    list_select_related = ()

    def get_index_view_kwargs(self, **kwargs):
        queryset = self.model._default_manager.select_related(*self.list_select_related)
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)

"""The back office's search box finds across our listings too: each listing that ranks
(core.search) is offered on Wagtail's search page, to those who may read it."""

from wagtail.admin.search import SearchArea


class ListingSearchArea(SearchArea):
    def __init__(self, label, url, *, permission, **kwargs):
        super().__init__(label, url, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)

"""Reads of the public site's own pages."""

from django.db.models import QuerySet
from django.http import HttpRequest
from wagtail.models import Page, Site


def menu_pages(request: HttpRequest | None) -> QuerySet[Page] | list:
    """The live pages below the site's home page that are shown in menus."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    return site.root_page.get_children().live().in_menu()

"""One search box for the back office: proposals, projects, organisations and the ledger at
once, each ranked by relevance (core.search), each shown only to people who may list it.

Each app registers its records with the ``register_programme_search`` hook, returning a
``FindSection``, so the toolkit never imports the apps. The search area comes first in
Wagtail's sidebar search for those who may see any section."""

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.search import SearchArea
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permissions import policy_registry

from core.search import FIELD_FILTERS, parse, results

HOOK = "register_programme_search"
SHOWN = 5
MAX_QUERY = 200
LISTING_ACTIONS = ["add", "change", "delete", "view"]


@dataclass(frozen=True)
class FindSection:
    label: str
    queryset: Callable[[], QuerySet]
    listing_url_name: str
    url: Callable[[Model], str]
    detail: Callable[[Model], str]
    order: int = 100

    @property
    def model(self):
        return self.queryset().model

    def visible_to(self, user) -> bool:
        policy = policy_registry.get_by_type(self.model)
        return policy.user_has_any_permission(user, LISTING_ACTIONS)


@dataclass(frozen=True)
class Item:
    text: str
    url: str
    detail: str


@dataclass(frozen=True)
class Found:
    section: FindSection
    items: list[Item]
    more: bool
    listing_url: str


def sections_for(user) -> list[FindSection]:
    sections = sorted((make() for make in hooks.get_hooks(HOOK)), key=lambda s: s.order)
    return [section for section in sections if section.visible_to(user)]


def find(text: str, sections: list[FindSection]) -> list[Found]:
    """The best few matches in each section, and whether there are more."""
    parsed = parse(text)
    if parsed.query is None and not parsed.fields:
        return []
    found = []
    for section in sections:
        matches = results(section.queryset(), parsed, section.model.search_lookups)
        rows = list(matches[: SHOWN + 1])
        items = [Item(str(row), section.url(row), section.detail(row)) for row in rows[:SHOWN]]
        listing = f"{reverse(section.listing_url_name)}?{urlencode({'q': text})}"
        found.append(Found(section, items, len(rows) > SHOWN, listing))
    return found


class FindView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "core/admin/find.html"
    page_title = "Search"
    header_icon = "search"

    def get(self, request, *args, **kwargs):
        self.sections = sections_for(request.user)
        if not self.sections:
            raise PermissionDenied
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        text = " ".join(self.request.GET.get("q", "").split())[:MAX_QUERY]
        found = find(text, self.sections)
        return super().get_context_data(
            query=text,
            found=found,
            matched=any(result.items for result in found),
            sections=self.sections,
            field_filters=FIELD_FILTERS,
            **kwargs,
        )


class ProgrammeSearchArea(SearchArea):
    def is_shown(self, request):
        return bool(sections_for(request.user))


def search_area() -> ProgrammeSearchArea:
    return ProgrammeSearchArea(
        "Programme records", reverse("programme_search"), name="programme", order=50
    )

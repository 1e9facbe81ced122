"""The base of every back-office screen of ours that is not one of Wagtail's model views."""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permissions import policy_registry


class BackOfficePage(PermissionCheckedMixin, WagtailAdminTemplateMixin):
    """A back-office screen, refused (through Wagtail's permission policy) unless the person
    may take ``permission_required`` on ``permission_model`` (the listing's model when
    unset), titled, with breadcrumbs from the back office's home through the listing to it.

    Registered through its viewset's ``get_urlpatterns()`` with ``construct_view``, which
    hands it the viewset's model, index URL and icon. Combine with TemplateView or FormView.
    """

    model = None
    permission_model = None
    index_url_name = None
    permission_required = "view"

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(self.permission_model or self.model)

    def get_parent_crumbs(self):
        """Breadcrumbs between the listing and this screen (an object it is about)."""
        return []

    def get_breadcrumbs_items(self):
        items = []
        if self.model is not None and self.index_url_name:
            items.append(
                {
                    "url": reverse(self.index_url_name),
                    "label": capfirst(self.model._meta.verbose_name_plural),
                }
            )
        items += self.get_parent_crumbs()
        items.append({"url": "", "label": self.get_page_title()})
        return [*self.breadcrumbs_items, *items]

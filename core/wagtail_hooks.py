from django.conf import settings
from django.urls import path
from wagtail import hooks

from core.admin.audit import AuditTrailViewSet, recent_changes_panel, replace_site_history
from core.admin.find import FindView, search_area
from core.admin.menu import grouped_main_menu

audit_trail = AuditTrailViewSet()

hooks.register("register_admin_viewset", lambda: audit_trail)
hooks.register("register_reports_menu_item", audit_trail.menu_item)
hooks.register("construct_reports_menu", replace_site_history)
hooks.register("register_admin_search_area", search_area)


@hooks.register("register_admin_urls")
def programme_search_url():
    return [path("search/programme/", FindView.as_view(), name="programme_search")]


@hooks.register("construct_main_menu")
def group_the_sidebar(request, menu_items):
    grouped_main_menu(request, menu_items, settings.ADMIN_MENU_GROUPS)


@hooks.register("construct_homepage_panels")
def recent_changes(request, panels):
    panels.append(recent_changes_panel(request.user))


@hooks.register("register_log_actions")
def register_retention_actions(actions):
    actions.register_action(
        "core.retention_delete",
        "Delete under the retention policy",
        "Deleted records past the retention period",
    )

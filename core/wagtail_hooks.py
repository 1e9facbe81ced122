from wagtail import hooks

from core.admin.audit import AuditTrailViewSet, replace_site_history

audit_trail = AuditTrailViewSet()

hooks.register("register_admin_viewset", lambda: audit_trail)
hooks.register("register_reports_menu_item", audit_trail.menu_item)
hooks.register("construct_reports_menu", replace_site_history)

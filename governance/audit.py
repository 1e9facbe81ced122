"""The audit trail in the back office: Wagtail's site history of every logged action (who,
when, what), with its filters by action, person, type and date, exported to CSV or Excel
safely. Each person sees the entries for the records they may read."""

import datetime

from django.urls import path, reverse
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports.audit_logging import LogEntriesView

from governance.cells import SafeCsvMixin


class AuditTrailView(SafeCsvMixin, LogEntriesView):
    page_title = "Audit trail"
    index_url_name = "audit_trail"
    index_results_url_name = "audit_trail_results"

    def get_filename(self):
        return f"audit-trail-{datetime.date.today():%Y-%m-%d}"


def urls():
    return [
        path("audit-trail/", AuditTrailView.as_view(), name="audit_trail"),
        path(
            "audit-trail/results/",
            AuditTrailView.as_view(results_only=True),
            name="audit_trail_results",
        ),
    ]


def menu_item():
    return MenuItem("Audit trail", reverse("audit_trail"), name="audit-trail", icon_name="history")


def replace_site_history(request, menu_items):
    """Wagtail's own "Site history" exports CSV cells as formulas; the audit trail is the same
    report without that, so the menu offers only the audit trail."""
    menu_items[:] = [item for item in menu_items if item.name != "site-history"]

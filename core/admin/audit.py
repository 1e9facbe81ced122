"""The audit trail in the back office: Wagtail's site history of every logged action (who,
when, what), with its filters by action, person, type and date, exported to CSV or Excel
safely. Each person sees the entries for the records they may read."""

from django.urls import path, reverse
from django.utils import timezone
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.models import ModelLogEntry

from core.admin.dashboard import Row, WorkPanel
from core.cells import SafeCsvMixin


class AuditTrailView(SafeCsvMixin, LogEntriesView):
    page_title = "Audit trail"
    index_url_name = "audit_trail:index"
    index_results_url_name = "audit_trail:results"

    def get_filename(self):
        return f"audit-trail-{timezone.localdate():%Y-%m-%d}"


class AuditTrailViewSet(ViewSet):
    """Listed under Reports (``menu_item``), in place of Wagtail's own "Site history", which
    exports CSV cells as formulas."""

    name = "audit_trail"
    url_prefix = "audit-trail"
    icon = "history"

    def get_urlpatterns(self):
        return [
            path("", AuditTrailView.as_view(), name="index"),
            path("results/", AuditTrailView.as_view(results_only=True), name="results"),
        ]

    def menu_item(self):
        return MenuItem(
            "Audit trail", reverse("audit_trail:index"), name="audit-trail", icon_name="history"
        )


def replace_site_history(request, menu_items):
    """The Reports menu offers the audit trail, not Wagtail's Site history."""
    menu_items[:] = [item for item in menu_items if item.name != "site-history"]


def recent_changes_panel(user):
    """The last changes this person may read, newest first, with a link to the whole trail."""
    entries = (
        ModelLogEntry.objects.viewable_by_user(user)
        .select_related("user", "content_type")
        .order_by("-timestamp")[:8]
    )
    return WorkPanel(
        name="recent-changes",
        heading="Recent changes",
        summary="The latest changes you can read in the audit trail.",
        rows=[
            Row(
                f"{entry.label}: {entry.message}",
                detail=f"{entry.user or 'System'}, "
                f"{timezone.localtime(entry.timestamp):%-d %B %Y %H:%M}",
            )
            for entry in entries
        ],
        link_text="Audit trail",
        link_url=reverse("audit_trail:index"),
        order=90,
    )

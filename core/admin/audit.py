"""The audit trail in the back office: Wagtail's site history of every logged action (who,
when, what), with its filters by action, person, type and date, exported to CSV or Excel
safely. Each person sees the entries for the records they may read.

Which entries a person may read is worked out once per request (for pages it takes several
queries), and each filter's choices in one query over every kind of entry; the person filter
lists everyone in the trail (Wagtail's lists only those in the pages' history)."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import IntegerField, Value
from django.urls import path, reverse
from django.utils import timezone
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.filters import ContentTypeFilter
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.admin.viewsets.base import ViewSet
from wagtail.log_actions import registry
from wagtail.models import ModelLogEntry

from core.admin.dashboard import Row, WorkPanel
from core.cells import SafeCsvMixin


def readable_entries(request):
    """For each kind of log entry (in the registry's order), those this person may read."""
    if not hasattr(request, "_readable_entries"):
        request._readable_entries = [
            model.objects.viewable_by_user(request.user)
            for model in registry.get_log_entry_models()
        ]
    return request._readable_entries


def used(request, field):
    """The values of ``field`` among the entries this person may read."""
    first, *rest = (
        entries.order_by().values_list(field, flat=True) for entries in readable_entries(request)
    )
    return set(first.union(*rest))


def types_in_trail(request):
    return ContentType.objects.filter(pk__in=used(request, "content_type_id")).order_by("model")


class AuditTrailFilterSet(SiteHistoryReportFilterSet):
    object_type = ContentTypeFilter(
        label="Type", method="filter_object_type", queryset=types_in_trail
    )

    def get_action_choices(self):
        actions = used(self.request, "action")
        return [choice for choice in registry.get_choices() if choice[0] in actions]

    def get_users_queryset(self):
        User = get_user_model()
        return User.objects.filter(pk__in=used(self.request, "user_id")).order_by(
            User.USERNAME_FIELD
        )


class AuditTrailView(SafeCsvMixin, LogEntriesView):
    page_title = "Audit trail"
    index_url_name = "audit_trail:index"
    index_results_url_name = "audit_trail:results"
    filterset_class = AuditTrailFilterSet

    def get_filename(self):
        return f"audit-trail-{timezone.localdate():%Y-%m-%d}"

    def get_filtered_queryset(self):
        """Wagtail's union of (pk, timestamp, kind) over every kind of entry, newest first,
        from the entries worked out once for this request."""
        self.log_models = list(registry.get_log_entry_models())
        first, *rest = (
            self.filter_queryset(
                entries.values("pk", "timestamp").annotate(
                    log_model_index=Value(index, output_field=IntegerField())
                )
            ).order_by()
            for index, entries in enumerate(readable_entries(self.request))
        )
        return first.union(*rest, all=True).order_by("-timestamp")

    def decorate_paginated_queryset(self, queryset):
        """The page's entries with who made them (and their avatar) and the type, joined in
        one query per kind of entry, then each entry's record for its edit link."""
        rows = list(queryset)
        finder = AdminURLFinder(self.request.user)
        found = {}
        for index, model in enumerate(self.log_models):
            pks = [row["pk"] for row in rows if row["log_model_index"] == index]
            if not pks:
                continue
            entries = model.objects.select_related("user__wagtail_userprofile", "content_type")
            for entry, instance in entries.filter(pk__in=pks).with_instances():
                entry.edit_url = finder.get_edit_url(instance)
                found[index, entry.pk] = entry
        return [found[row["log_model_index"], row["pk"]] for row in rows]


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

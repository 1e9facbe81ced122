"""The audit trail in the back office: Wagtail's site history of every logged action (who,
when, what), with its filters by action, person, type and date, exported to CSV or Excel
safely. Each person sees the entries for the records they may read.

Which entries a person may read is worked out once per request (for pages it takes several
queries), and every filter's choices in one query over every kind of entry; the person filter
lists everyone in the trail (Wagtail's lists only those in the pages' history)."""

import django_filters
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import IntegerField, QuerySet, Value
from django.urls import path, reverse
from django.utils import timezone
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.history import HistoryFilterSet
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.admin.viewsets.base import ViewSet
from wagtail.coreutils import get_content_type_label
from wagtail.log_actions import registry
from wagtail.models import ModelLogEntry

from core.admin.dashboard import Row, WorkPanel
from core.auth_backends import permitted_content_types
from core.cells import SafeCsvMixin


def readable_entries(request):
    """For each kind of log entry (in the registry's order), those this person may read."""
    if not hasattr(request, "_readable_entries"):
        share_permitted_types(request.user)
        request._readable_entries = [
            model.objects.viewable_by_user(request.user)
            for model in registry.get_log_entry_models()
        ]
    return request._readable_entries


def share_permitted_types(user):
    """Wagtail chooses the record entries a person may read by the kinds of record they hold
    a permission on, which it reads with a query of its own and keeps on the person; our
    backend read them with the permissions (the same set, so the same entries)."""
    if not hasattr(user, "_allowed_content_type_ids"):
        types = permitted_content_types(user)
        if types is not None:
            user._allowed_content_type_ids = types


def in_trail(request):
    """The actions, people and kinds of record among the entries this person may read, from
    one query over every kind of entry."""
    if not hasattr(request, "_in_trail"):
        first, *rest = (
            entries.order_by().values_list("action", "user_id", "content_type_id").distinct()
            for entries in readable_entries(request)
        )
        actions, people, types = set(), set(), set()
        for action, user_id, content_type_id in first.union(*rest):
            actions.add(action)
            people.add(user_id)
            types.add(content_type_id)
        people.discard(None)  # the system's own entries
        types.discard(None)  # entries whose kind of record was removed from the code
        request._in_trail = actions, people, types
    return request._in_trail


class AuditTrailFilterSet(SiteHistoryReportFilterSet):
    object_type = django_filters.ChoiceFilter(label="Type", method="filter_object_type")

    def __init__(self, *args, **kwargs):
        # Wagtail's history filters ask whether anyone is in the trail with a query of their
        # own; the trail's one query already says, so its setting-up is done here instead.
        super(HistoryFilterSet, self).__init__(*args, **kwargs)
        actions, people, types = in_trail(self.request)
        self._offer("action", "choices", [c for c in registry.get_choices() if c[0] in actions])
        User = get_user_model()
        if people:  # the queryset is read once, by the filter's checkboxes
            people = User.objects.filter(pk__in=people).order_by(User.USERNAME_FIELD)
        self._offer("user", "queryset", people)
        kinds = [ContentType.objects.get_for_id(pk) for pk in types]
        labels = sorted(((k.pk, get_content_type_label(k)) for k in kinds), key=lambda c: c[1])
        self._offer("object_type", "choices", labels)

    def _offer(self, name, what, options):
        """Offer a filter with these options, or none where the trail has nothing to offer."""
        if isinstance(options, QuerySet) or options:
            self.filters[name].extra[what] = options
        else:
            del self.filters[name]

    def filter_object_type(self, queryset, name, value):
        return queryset.filter_on_content_type(ContentType.objects.get_for_id(int(value)))


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
    share_permitted_types(user)
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

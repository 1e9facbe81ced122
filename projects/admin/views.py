"""Back-office screens of the ledger and the reports: importing the ledger (upload, preview,
confirm) and the overdue progress reports."""

from django.conf import settings
from django.core.paginator import Paginator
from django.utils import timezone
from django.views.generic import TemplateView

from core.admin.views import BackOfficePage
from core.imports import ImportView
from projects.admin.forms import ImportForm
from projects.reporting import overdue_reports
from projects.services import spend_import


class SpendImportView(ImportView):
    """Registered by the spend ledger's viewset: finance (who may add ledger lines) only."""

    template_name = "projects/admin/import.html"
    form_class = ImportForm
    page_title = "Import spend"
    session_key = "projects.pending_import"
    done_url_name = "spend:index"

    def preview(self, data, filename):
        result = spend_import(user=self.request.user, data=data, filename=filename, dry_run=True)
        return result, data

    def nothing_new(self, preview):
        return preview.added == 0

    def commit(self, pending, filename, sha256):
        result = spend_import(user=self.request.user, data=pending, filename=filename)
        return f"{filename}: {result.added:,} lines added, {result.already_there:,} already there."


class OverdueReportsView(BackOfficePage, TemplateView):
    """Progress reports past their due date, oldest first, for the programme team to chase."""

    template_name = "projects/admin/overdue.html"
    page_title = "Overdue progress reports"
    header_icon = "warning"

    def get_context_data(self, **kwargs):
        overdue = sorted(overdue_reports(timezone.localdate()), key=lambda due: due.due_date)
        page = Paginator(overdue, 50).get_page(self.request.GET.get("p"))
        return super().get_context_data(
            page=page, due_days=settings.PROGRESS_REPORT_DUE_DAYS, **kwargs
        )

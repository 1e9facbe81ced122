"""Back-office screens of the ledger and the reports: importing the ledger (upload, preview,
confirm), closing a month, and the overdue progress reports."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import TemplateView

from core.admin.views import BackOfficePage
from core.imports import ImportView
from projects.admin.forms import ImportForm
from projects.models import ClosedMonth
from projects.months import month_summary, month_to_close
from projects.reporting import overdue_reports
from projects.services import month_close, spend_import


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


class CloseMonthView(BackOfficePage, TemplateView):
    """Finance closes last month once the ledger here matches the finance system. Registered
    by the spend ledger's viewset: finance (who may add ledger lines) only."""

    permission_required = "add"
    template_name = "projects/admin/close_month.html"
    page_title = "Close a month"
    header_icon = "lock"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        month = month_to_close(today)
        return super().get_context_data(
            summary=month_summary(month) if month else None,
            closed=ClosedMonth.objects.select_related("closed_by")[:12],
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        today = timezone.localdate()
        month = month_to_close(today)
        if month is None:
            return redirect("spend:close_month")
        try:
            month_close(user=request.user, month=month, today=today)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, f"{month:%B %Y} is closed.")
        return redirect("spend:close_month")


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

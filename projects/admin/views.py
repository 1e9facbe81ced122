"""Back-office screens of the ledger and the reports: importing the ledger (upload, preview,
confirm), the lines needing attention, closing a month, and the overdue progress reports."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from core.admin.views import BackOfficePage
from core.imports import ImportView
from projects import tasks
from projects.admin.forms import ExplainForm, ImportForm
from projects.agreements import unpaid_payments
from projects.attention import needing_attention
from projects.models import ClosedMonth, SpendLine
from projects.months import month_summary, month_to_close
from projects.reporting import overdue_reports
from projects.services import month_close, spend_line_explain


class SpendImportView(ImportView):
    """Registered by the spend ledger's viewset: finance (who may add ledger lines) only."""

    template_name = "projects/admin/import.html"
    form_class = ImportForm
    page_title = "Import spend"
    kind = tasks.KIND
    check_task = tasks.ledger_check
    write_task = tasks.ledger_write
    done_url_name = "spend:index"


class AttentionView(BackOfficePage, TemplateView):
    """Ledger lines that did not fit their project when imported, until explained. Registered
    by the spend ledger's viewset: finance (who may add ledger lines) only."""

    permission_required = "add"
    template_name = "projects/admin/attention.html"
    page_title = "Spend needing attention"
    header_icon = "warning"

    def get_context_data(self, **kwargs):
        page = Paginator(needing_attention(), 50).get_page(self.request.GET.get("p"))
        unpaid = unpaid_payments()[:50]
        return super().get_context_data(page=page, unpaid=unpaid, **kwargs)


class ExplainView(BackOfficePage, TemplateView):
    """Explain one line on the list, which takes it off."""

    permission_required = "add"
    template_name = "projects/admin/explain.html"
    page_title = "Explain a ledger line"
    header_icon = "warning"

    def get_parent_crumbs(self):
        return [{"url": reverse("spend:attention"), "label": AttentionView.page_title}]

    def dispatch(self, request, *args, **kwargs):
        self.line = get_object_or_404(
            SpendLine.objects.select_related("project").exclude(attention=""), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, form=None, **kwargs):
        return super().get_context_data(line=self.line, form=form or ExplainForm(), **kwargs)

    def post(self, request, *args, **kwargs):
        form = ExplainForm(request.POST)
        if form.is_valid():
            try:
                spend_line_explain(
                    user=request.user, line=self.line, explanation=form.cleaned_data["explanation"]
                )
            except ValidationError as error:
                form.add_error(
                    "explanation" if hasattr(error, "message_dict") else None, error.messages[0]
                )
            else:
                messages.success(request, f"{self.line.transaction_number} explained.")
                return redirect("spend:attention")
        return self.render_to_response(self.get_context_data(form=form), status=400)


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
        page = Paginator(overdue_reports(timezone.localdate()), 50).get_page(
            self.request.GET.get("p")
        )
        return super().get_context_data(
            page=page, due_days=settings.PROGRESS_REPORT_DUE_DAYS, **kwargs
        )

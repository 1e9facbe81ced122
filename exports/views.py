"""The finance dashboard in the back office: budget against actual with filters, spend and
budget by month, and the files for the same filters (the workbook, the Transparency Code CSV
and 360Giving)."""

import io
import tempfile

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView, View

from core.admin.views import BackOfficePage
from core.financial_years import current_fy
from exports.grants import write_grants_json, write_grants_xlsx
from exports.models import WorkbookRun
from exports.runs import FILE_LIFE, storage
from exports.services import workbook_prepare
from exports.tasks import workbook_build
from exports.transparency import write_transparency
from exports.workbook import write_workbook
from projects.filters import FinanceFilterSet
from projects.models import SpendLine
from projects.selectors import monthly_chart
from projects.selectors.budget import budget_page, budget_totals

ROWS_PER_PAGE = 50


class FinanceDashboardView(BackOfficePage, TemplateView):
    """Budget against actual, for finance and everyone who reads the ledger."""

    permission_model = SpendLine
    template_name = "exports/dashboard.html"
    page_title = "Budget against actual"
    header_icon = "table"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = FinanceFilterSet(self.request.GET or {"financial_year": current_fy()})
        period, filters = filterset.arguments()
        context.update(
            {
                "filters": filterset,
                "page": budget_page(period, self.request.GET.get("page"), ROWS_PER_PAGE, **filters),
                "totals": budget_totals(period, **filters),
                "period": period,
                "chart": monthly_chart(period, filters),
                "query": self.request.GET.urlencode() or f"financial_year={current_fy()}",
            }
        )
        return context


class FinanceFileView(BackOfficePage, View):
    """A file for the dashboard's filters: the same people, the same figures."""

    permission_model = SpendLine

    def file_name(self, stem, period, extension):
        name = f"{stem}-{period.financial_year or 'all-years'}"
        if period.quarter:
            name += f"-q{period.quarter}"
        return f"{name}.{extension}"


class WorkbookDownload(FinanceFileView, TemplateView):
    """A year's workbook is written as it is sent; the all-years one, which reads every
    ledger line, is prepared in the background from a page that says so."""

    template_name = "exports/workbook_all_years.html"
    page_title = "The all-years workbook"
    header_icon = "table"

    def get(self, request, *args, **kwargs):
        period, filters = FinanceFilterSet(request.GET).arguments()
        if period.financial_year is None:
            return super().get(request, *args, **kwargs)
        # FileResponse closes the file (and so deletes it) once it has been sent.
        handle = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115
        write_workbook(handle, period, **filters)
        handle.seek(0)
        return FileResponse(
            handle, as_attachment=True, filename=self.file_name("spend", period, "xlsx")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["query"] = self.request.GET.urlencode()
        context["runs"] = WorkbookRun.objects.filter(
            requested_by=self.request.user, created_at__gte=timezone.now() - FILE_LIFE
        )[:10]
        return context


class WorkbookPrepare(FinanceFileView):
    def post(self, request):
        run = workbook_prepare(
            user=request.user, query=request.POST.get("query", ""), task=workbook_build
        )
        return redirect(reverse("finance:workbook_run", args=[run.pk]))


class WorkbookRunView(FinanceFileView, TemplateView):
    """How the prepared workbook is getting on, and its download once written: for the
    person who asked for it alone."""

    template_name = "exports/workbook_run.html"
    page_title = "The all-years workbook"
    header_icon = "table"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["run"] = get_object_or_404(
            WorkbookRun, pk=kwargs["pk"], requested_by=self.request.user
        )
        context["file_life_hours"] = int(FILE_LIFE.total_seconds() // 3600)
        return context


class WorkbookFile(FinanceFileView):
    def get(self, request, pk):
        run = get_object_or_404(WorkbookRun, pk=pk, requested_by=request.user)
        if run.status != WorkbookRun.Status.DONE or not run.file:
            raise Http404("This workbook is not ready, or its file has been deleted.")
        name = f"spend-all-years-{run.created_at:%Y-%m-%d}.xlsx"
        return FileResponse(storage().open(run.file), as_attachment=True, filename=name)


class TransparencyDownload(FinanceFileView):
    """The Transparency Code CSV for the dashboard's year or quarter (all projects: the file
    is the council's publication, not a slice of it)."""

    def get(self, request):
        period, _ = FinanceFilterSet(request.GET).arguments()
        name = self.file_name("transparency-spend", period, "csv")
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        write_transparency(response, period)
        return response


class GrantsDownload(FinanceFileView):
    """The 360Giving file of every grant awarded, as JSON or the standard's spreadsheet."""

    def get(self, request, format):
        if format == "xlsx":
            buffer = io.BytesIO()
            write_grants_xlsx(buffer)
            buffer.seek(0)
            return FileResponse(buffer, as_attachment=True, filename="360giving-grants.xlsx")
        response = HttpResponse(content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="360giving-grants.json"'
        write_grants_json(response)
        return response

"""The finance dashboard in the back office: budget against actual with filters, spend and
budget by month, and the workbook for the same filters."""

import io
import tempfile
from collections import defaultdict
from decimal import Decimal

import django_filters
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q, Sum
from django.http import FileResponse, HttpResponse
from django.views.generic import TemplateView
from wagtail.admin.views import generic

from governance.financial_years import current_fy, fy_name, fy_start_year
from governance.models import Fund
from projects.exports.grants import write_grants_json, write_grants_xlsx
from projects.exports.transparency import write_transparency
from projects.exports.workbook import _months, write_workbook
from projects.models import BudgetProfileLine, Project
from projects.selectors import (
    Period,
    budget_against_actual,
    projects,
    spend_each_month,
    totals,
)
from proposals.models import Proposal


def year_choices():
    start = fy_start_year(current_fy())
    return [(fy_name(year), fy_name(year)) for year in range(start + 1, start - 5, -1)]


class FinanceFilterSet(django_filters.FilterSet):
    """Filters shared by the dashboard and its workbook download."""

    financial_year = django_filters.ChoiceFilter(
        label="Financial year", choices=year_choices, method="noop", empty_label="All years"
    )
    quarter = django_filters.ChoiceFilter(
        label="Quarter",
        choices=[(q, f"Q{q}") for q in range(1, 5)],
        method="noop",
        empty_label="Whole year",
    )
    fund = django_filters.ModelChoiceFilter(queryset=Fund.objects.all())
    kind = django_filters.ChoiceFilter(choices=Proposal.Kind.choices)
    status = django_filters.ChoiceFilter(choices=Project.Status.choices)
    # A reference box, not a list: a national programme has thousands of projects.
    project = django_filters.CharFilter(
        label="Project reference or cost centre", method="noop", max_length=30
    )

    class Meta:
        model = Project
        fields = []

    def noop(self, queryset, name, value):
        return queryset

    def arguments(self):
        """(Period, selector filters) from the valid form."""
        data = self.form.cleaned_data if self.is_valid() else {}
        quarter = (
            int(data["quarter"]) if data.get("quarter") and data.get("financial_year") else None
        )
        filters = {k: data[k] for k in ("fund", "kind", "status") if data.get(k)}
        if data.get("project"):
            code = data["project"].strip()
            found = Project.objects.filter(Q(reference__iexact=code) | Q(cost_centre__iexact=code))
            # An unknown reference chooses no project, and the page says none match.
            filters["project"] = found.values_list("pk", flat=True).first() or 0
        return Period(data.get("financial_year") or None, quarter), filters


def monthly_chart(period, filters):
    """Budget (each quarter's profile spread over its months) and spend, month by month, for
    the projects the filters choose: two grouped queries, however many projects."""
    months = _months(period)
    if not months:
        return []
    spent = defaultdict(Decimal, spend_each_month(period, **filters))
    budget = defaultdict(Decimal)
    profile = (
        BudgetProfileLine.objects.filter(
            project__in=projects(**filters), financial_year=period.financial_year
        )
        .order_by()
        .values("quarter")
        .annotate(total=Sum("amount"))
        .values_list("quarter", "total")
    )
    for quarter, amount in profile:
        for offset in range(3):
            month = months[(quarter - 1) * 3 + offset] if len(months) == 12 else None
            if month:
                budget[month] += amount / 3
    top = max([*spent.values(), *budget.values(), Decimal(1)])
    bars = []
    for index, month in enumerate(months):
        budget_height = max(int(budget[month] / top * CHART_HEIGHT), 0)
        spent_height = max(int(spent[month] / top * CHART_HEIGHT), 0)
        bars.append(
            {
                "month": month,
                "budget": budget[month],
                "spent": spent[month],
                "x": index * 80 + 8,
                "spent_x": index * 80 + 36,
                "budget_y": CHART_HEIGHT - budget_height,
                "budget_height": budget_height,
                "spent_y": CHART_HEIGHT - spent_height,
                "spent_height": spent_height,
            }
        )
    return bars


CHART_HEIGHT = 170
ROWS_PER_PAGE = 50


class FinanceDashboardView(generic.base.WagtailAdminTemplateMixin, TemplateView):
    template_name = "projects/admin/dashboard.html"
    page_title = "Budget against actual"
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("projects.view_spendline"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = FinanceFilterSet(self.request.GET or {"financial_year": current_fy()})
        period, filters = filterset.arguments()
        rows = budget_against_actual(period, **filters)
        context.update(
            {
                "filters": filterset,
                "page": Paginator(rows, ROWS_PER_PAGE).get_page(self.request.GET.get("page")),
                "totals": totals(rows),
                "period": period,
                "chart": monthly_chart(period, filters),
                "query": self.request.GET.urlencode() or f"financial_year={current_fy()}",
            }
        )
        return context


def _finance_only(request):
    if not request.user.has_perm("projects.view_spendline"):
        raise PermissionDenied


def _file_name(stem, period, extension):
    name = f"{stem}-{period.financial_year or 'all-years'}"
    if period.quarter:
        name += f"-q{period.quarter}"
    return f"{name}.{extension}"


def workbook_download(request):
    _finance_only(request)
    period, filters = FinanceFilterSet(request.GET).arguments()
    # FileResponse closes the file (and so deletes it) once it has been sent.
    handle = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115
    write_workbook(handle, period, **filters)
    handle.seek(0)
    return FileResponse(handle, as_attachment=True, filename=_file_name("spend", period, "xlsx"))


def transparency_download(request):
    """The Transparency Code CSV for the dashboard's year or quarter (all projects: the file
    is the council's publication, not a slice of it)."""
    _finance_only(request)
    period, _ = FinanceFilterSet(request.GET).arguments()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{_file_name("transparency-spend", period, "csv")}"'
    )
    write_transparency(response, period)
    return response


def grants_download(request, format):
    """The 360Giving file of every grant awarded, as JSON or the standard's spreadsheet."""
    _finance_only(request)
    if format == "xlsx":
        buffer = io.BytesIO()
        write_grants_xlsx(buffer)
        buffer.seek(0)
        return FileResponse(buffer, as_attachment=True, filename="360giving-grants.xlsx")
    response = HttpResponse(content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="360giving-grants.json"'
    write_grants_json(response)
    return response

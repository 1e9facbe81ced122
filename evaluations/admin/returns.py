"""The quarterly progress information in the back office: the returns sent (locked, kept as
a history), and each ended quarter's figures to check and send."""

import csv

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.views.generic import TemplateView, View

from core.admin.views import BackOfficePage
from core.admin.viewsets import ScreensViewSet
from core.cells import safe_text
from core.financial_years import validate_financial_year
from evaluations.models import QuarterlyReturn
from evaluations.selectors.returns import ended_quarters, return_figures, sent_returns
from evaluations.services import quarterly_return_send


class ReturnPage(BackOfficePage):
    permission_model = QuarterlyReturn
    header_icon = "clipboard-list"

    def get_parent_crumbs(self):
        return [{"url": reverse("quarterly_returns:index"), "label": "Quarterly returns"}]


class ReturnsView(ReturnPage, TemplateView):
    template_name = "evaluations/admin/returns.html"
    page_title = "Quarterly returns"

    def get_parent_crumbs(self):
        return []

    def get_context_data(self, **kwargs):
        sent = Paginator(sent_returns(), 20).get_page(self.request.GET.get("p"))
        done = set(QuarterlyReturn.objects.values_list("financial_year", "quarter"))
        due = [q for q in ended_quarters(timezone.localdate()) if q not in done]
        return super().get_context_data(sent=sent, due=due, **kwargs)


class PrepareView(ReturnPage, TemplateView):
    """The quarter's figures as they would be sent; sending locks them."""

    template_name = "evaluations/admin/return.html"

    def dispatch(self, request, *args, **kwargs):
        try:
            validate_financial_year(kwargs["financial_year"])
        except ValidationError as error:
            raise Http404 from error
        if not 1 <= kwargs["quarter"] <= 4:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Quarterly return Q{self.kwargs['quarter']} {self.kwargs['financial_year']}"

    def get_context_data(self, **kwargs):
        figures = return_figures(self.kwargs["financial_year"], self.kwargs["quarter"])
        return super().get_context_data(figures=figures, sent=None, **kwargs)

    def post(self, request, financial_year, quarter):
        try:
            sent = quarterly_return_send(
                user=request.user, financial_year=financial_year, quarter=quarter
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(reverse("quarterly_returns:index"))
        messages.success(request, f"{sent} sent and locked.")
        return redirect(reverse("quarterly_returns:detail", args=[sent.pk]))


class SentView(ReturnPage, TemplateView):
    template_name = "evaluations/admin/return.html"

    def get_page_title(self):
        return str(self.sent)

    def get_context_data(self, **kwargs):
        return super().get_context_data(figures=self.sent.figures, sent=self.sent, **kwargs)

    def dispatch(self, request, *args, **kwargs):
        self.sent = get_object_or_404(QuarterlyReturn, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)


class SentCsv(ReturnPage, View):
    def get(self, request, pk):
        sent = get_object_or_404(QuarterlyReturn, pk=pk)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        name = f"quarterly-return-{sent.financial_year}-q{sent.quarter}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        writer = csv.writer(response)
        figures = sent.figures
        writer.writerow(["Measure", "Outcome area", "Count"])
        for key, label in HEADLINES:
            writer.writerow([label, "", figures[key]])
        for row in figures["outcomes"]:
            area = safe_text(f"{row['number']}. {row['name']}")
            for key, label in AREA_COUNTS:
                writer.writerow([label, area, row[key]])
        return response


HEADLINES = [
    ("families_supported", "Families worked with"),
    ("families_eligible", "Eligible families worked with"),
    ("successful_family_outcomes", "Successful family outcomes"),
    ("outcomes_achieved", "Outcome areas achieved"),
]
AREA_COUNTS = [
    ("families_with_need", "Families with the need"),
    ("achieved", "Needs achieved"),
    ("sustained", "Needs sustained"),
]


class QuarterlyReturnViewSet(ScreensViewSet):
    name = "quarterly_returns"
    icon = "clipboard-list"
    menu_label = "Quarterly returns"
    menu_order = 323
    add_to_admin_menu = True
    permission = "evaluations.view_quarterlyreturn"

    def get_urlpatterns(self):
        return [
            path("", ReturnsView.as_view(), name="index"),
            path("<str:financial_year>/q<int:quarter>/", PrepareView.as_view(), name="prepare"),
            path("<int:pk>/", SentView.as_view(), name="detail"),
            path("<int:pk>/csv/", SentCsv.as_view(), name="csv"),
        ]

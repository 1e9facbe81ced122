from django.urls import path
from django.utils import timezone
from wagtail import hooks

from core.admin.viewsets import ScreensViewSet
from exports.panels import spend_panel
from exports.views import (
    FinanceDashboardView,
    GrantsDownload,
    TransparencyDownload,
    WorkbookDownload,
    WorkbookFile,
    WorkbookPrepare,
    WorkbookRunView,
)


class FinanceViewSet(ScreensViewSet):
    """Budget against actual and the files finance downloads and publishes from it."""

    name = "finance"
    icon = "table"
    menu_label = "Budget against actual"
    menu_order = 225
    add_to_admin_menu = True
    permission = "projects.view_spendline"

    def get_urlpatterns(self):
        return [
            path("", FinanceDashboardView.as_view(), name="index"),
            path("workbook/", WorkbookDownload.as_view(), name="workbook"),
            path("workbook/prepare/", WorkbookPrepare.as_view(), name="workbook_prepare"),
            path("workbook/<int:pk>/", WorkbookRunView.as_view(), name="workbook_run"),
            path("workbook/<int:pk>/file/", WorkbookFile.as_view(), name="workbook_file"),
            path("transparency/", TransparencyDownload.as_view(), name="transparency"),
            path("360giving.<str:format>", GrantsDownload.as_view(), name="360giving"),
        ]


@hooks.register("register_admin_viewset")
def register_finance():
    return FinanceViewSet()


@hooks.register("register_log_actions")
def register_export_actions(actions):
    actions.register_action(
        "exports.workbook_prepare",
        "Prepare the all-years workbook",
        "Asked for the all-years workbook",
    )


@hooks.register("construct_homepage_panels")
def finance_panel(request, panels):
    if request.user.has_perm("projects.add_spendline"):
        panels.append(spend_panel(timezone.localdate()))

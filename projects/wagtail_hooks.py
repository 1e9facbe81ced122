import django_filters
from django.urls import path, reverse
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.widgets.button import Button

from governance.admin_listing import ListingViewSet
from governance.filters import ProjectReferenceFilter
from projects.admin_forms import SpendLineForm
from projects.admin_plans import BudgetProfileView, MilestonesView
from projects.admin_views import OverdueReportsView, SpendImportView
from projects.dashboard import (
    FinanceDashboardView,
    grants_download,
    transparency_download,
    workbook_download,
)
from projects.models import ProgressReport, Project, SpendLine


class ProjectFilterSet(WagtailFilterSet):
    class Meta:
        model = Project
        fields = ["status", "rag", "kind", "fund", "lead_organisation"]


def plan_buttons(user, project):
    """Header buttons from a project's edit and inspect pages to its profile and milestones."""
    buttons = []
    if user.has_perm("projects.change_budgetprofileline"):
        buttons.append(
            Button(
                "Budget profile",
                url=reverse("project_profile", args=[project.pk]),
                icon_name="table",
                priority=30,
            )
        )
    if user.has_perm("projects.change_milestone"):
        buttons.append(
            Button(
                "Milestones",
                url=reverse("project_milestones", args=[project.pk]),
                icon_name="date",
                priority=31,
            )
        )
    return buttons


class ProjectEditView(generic.EditView):
    @cached_property
    def header_more_buttons(self):
        return [*super().header_more_buttons, *plan_buttons(self.request.user, self.object)]


class ProjectInspectView(generic.InspectView):
    @cached_property
    def header_more_buttons(self):
        return [*super().header_more_buttons, *plan_buttons(self.request.user, self.object)]


class ProjectViewSet(ListingViewSet):
    """Projects are created by an approval; the programme team keeps their status, rating,
    dates and cost centre up to date here, and their budget profile and milestones."""

    model = Project
    url_namespace = "projects_admin"
    edit_view_class = ProjectEditView
    inspect_view_class = ProjectInspectView
    icon = "folder-open-inverse"
    menu_label = "Projects"
    menu_order = 220
    add_to_admin_menu = True
    list_display = [
        "reference",
        "title",
        "lead_organisation",
        "status",
        "rag",
        "cost_centre",
        "approved_amount",
    ]
    list_export = [
        "reference",
        "title",
        "kind",
        "lead",
        "lead_organisation",
        "fund",
        "approved_amount",
        "cost_centre",
        "start_date",
        "end_date",
        "status",
        "rag",
    ]
    filterset_class = ProjectFilterSet
    search_fields = ["reference", "title", "cost_centre", "lead_organisation__name"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "reference",
        "title",
        "kind",
        "lead",
        "lead_organisation",
        "fund",
        "approved_amount",
        "cost_centre",
        "start_date",
        "end_date",
        "status",
        "rag",
        "decision",
    ]
    form_fields = ["cost_centre", "start_date", "end_date", "status", "rag"]

    list_select_related = ["lead_organisation", "fund"]


class SpendFilterSet(WagtailFilterSet):
    project = ProjectReferenceFilter()
    date = django_filters.DateFromToRangeFilter(label="Date")

    class Meta:
        model = SpendLine
        fields = ["project", "expense_type", "date", "spend_import"]


class SpendLineViewSet(ListingViewSet):
    model = SpendLine
    icon = "list-ul"
    menu_label = "Spend ledger"
    menu_order = 230
    add_to_admin_menu = True
    list_display = [
        "transaction_number",
        "date",
        "supplier",
        "cost_centre",
        "expense_type",
        "net_amount",
        "irrecoverable_vat",
    ]
    list_export = [
        "transaction_number",
        "date",
        "supplier",
        "description",
        "cost_centre",
        "expense_type",
        "net_amount",
        "irrecoverable_vat",
    ]
    filterset_class = SpendFilterSet
    search_fields = ["transaction_number", "supplier", "description", "cost_centre"]
    inspect_view_enabled = True

    def get_form_class(self, for_update=False):
        return SpendLineForm

    list_select_related = ["project"]


class ProgressReportFilterSet(WagtailFilterSet):
    project = ProjectReferenceFilter()

    class Meta:
        model = ProgressReport
        fields = ["project", "financial_year", "quarter", "rag"]


class ProgressReportViewSet(ListingViewSet):
    """Leads' quarterly reports, read-only here: they are written in the portal."""

    model = ProgressReport
    icon = "doc-full"
    menu_label = "Progress reports"
    menu_order = 226
    add_to_admin_menu = True
    list_display = [
        "project",
        Column("period", label="Quarter", accessor="__str__"),
        "rag",
        "families_supported",
        "submitted_by",
        "submitted_at",
    ]
    list_export = [
        "project",
        "financial_year",
        "quarter",
        "rag",
        "families_supported",
        "narrative",
        "risks",
        "submitted_by",
        "submitted_at",
    ]
    filterset_class = ProgressReportFilterSet
    search_fields = ["narrative", "risks", "project__reference", "project__title"]
    inspect_view_enabled = True
    form_fields = ["narrative"]

    list_select_related = ["project", "submitted_by"]


@hooks.register("register_admin_viewset")
def register_progress_reports():
    return ProgressReportViewSet("progress_reports")


@hooks.register("register_admin_viewset")
def register_projects():
    return ProjectViewSet("projects")


@hooks.register("register_admin_viewset")
def register_spend():
    return SpendLineViewSet("spend")


@hooks.register("register_admin_urls")
def register_spend_import_url():
    return [
        path("spend-import/", SpendImportView.as_view(), name="spend_import"),
        path("projects/<int:pk>/profile/", BudgetProfileView.as_view(), name="project_profile"),
        path("projects/<int:pk>/milestones/", MilestonesView.as_view(), name="project_milestones"),
        path("progress-reports/overdue/", OverdueReportsView.as_view(), name="overdue_reports"),
        path("finance/", FinanceDashboardView.as_view(), name="finance_dashboard"),
        path("finance/workbook/", workbook_download, name="finance_workbook"),
        path("finance/transparency/", transparency_download, name="finance_transparency"),
        path(
            "finance/360giving.<str:format>",
            grants_download,
            name="finance_360giving",
        ),
    ]


class SpendImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("projects.add_spendline")


class FinanceMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("projects.view_spendline")


@hooks.register("register_admin_menu_item")
def register_finance_menu_item():
    return FinanceMenuItem(
        "Budget against actual", reverse("finance_dashboard"), icon_name="table", order=225
    )


@hooks.register("register_admin_menu_item")
def register_spend_import_menu_item():
    return SpendImportMenuItem(
        "Import spend", reverse("spend_import"), icon_name="upload", order=231
    )


@hooks.register("register_log_actions")
def register_project_actions(actions):
    actions.register_action(
        "projects.decision_changed", "Decision changed", "The group's decision changed the project"
    )
    actions.register_action("projects.budget_profile", "Budget profile", "Changed the profile")
    actions.register_action("projects.spend_import", "Import spend", "Imported ledger lines")
    actions.register_action("projects.milestones", "Milestones", "Changed the milestones")
    actions.register_action(
        "projects.progress_report", "Progress report", "Sent a quarterly progress report"
    )


class OverdueMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("projects.view_progressreport")


@hooks.register("register_admin_menu_item")
def register_overdue_menu_item():
    return OverdueMenuItem(
        "Overdue reports", reverse("overdue_reports"), icon_name="warning", order=227
    )

"""The back office's project, ledger and progress report listings, and the screens each
registers: a project's budget profile and milestones, the ledger import and the overdue
reports."""

from django.urls import path, reverse
from django.utils.functional import cached_property
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.widgets import HeaderButton

from core.admin.viewsets import CountsInspectView, ListingViewSet
from projects.admin.agreements import AgreementView, PaymentApproveView, PaymentMatchView
from projects.admin.closure import ClosureView
from projects.admin.forms import SpendLineForm
from projects.admin.plans import BudgetProfileView, MilestonesView
from projects.admin.views import (
    AttentionView,
    CloseMonthView,
    ExplainView,
    OverdueReportsView,
    SpendImportView,
)
from projects.filters import ProgressReportFilterSet, ProjectFilterSet, SpendFilterSet
from projects.models import ProgressReport, Project, SpendLine

# (permission, label, URL name, icon) of each screen of a project's plan and money.
PLAN_SCREENS = [
    ("projects.change_budgetprofileline", "Budget profile", "profile", "table"),
    ("projects.change_milestone", "Milestones", "milestones", "date"),
    ("projects.view_grantagreement", "Agreement and payments", "agreement", "doc-full"),
    ("projects.view_project", "Final report and closure", "closure", "success"),
]


def plan_buttons(user, project):
    """Buttons in the header of a project's edit and inspect pages (not hidden in its "..."
    menu) to its budget profile, milestones, and agreement and payments."""
    return [
        HeaderButton(
            label,
            url=reverse(f"projects_admin:{name}", args=[project.pk]),
            icon_name=icon,
            priority=30 + index,
        )
        for index, (permission, label, name, icon) in enumerate(PLAN_SCREENS)
        if user.has_perm(permission)
    ]


class ProjectEditView(generic.EditView):
    @cached_property
    def header_buttons(self):
        return [*super().header_buttons, *plan_buttons(self.request.user, self.object)]


class ProjectInspectView(CountsInspectView):
    @cached_property
    def header_buttons(self):
        return [*super().header_buttons, *plan_buttons(self.request.user, self.object)]


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
        "lead_officer",
        "cost_centre",
        "approved_amount",
    ]
    list_export = [
        "reference",
        "title",
        "kind",
        "lead",
        "lead_organisation",
        "lead_officer",
        "fund",
        "approved_amount",
        "cost_centre",
        "start_date",
        "end_date",
        "status",
        "rag",
    ]
    filterset_class = ProjectFilterSet
    inspect_view_enabled = True
    inspect_view_fields = [
        "reference",
        "title",
        "kind",
        "lead",
        "lead_organisation",
        "lead_officer",
        "fund",
        "approved_amount",
        "cost_centre",
        "start_date",
        "end_date",
        "status",
        "rag",
        "approved_on",
        "withdrawn",
    ]
    form_fields = ["lead_officer", "cost_centre", "start_date", "end_date", "status", "rag"]

    list_select_related = ["lead_organisation", "fund", "lead_officer"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/profile/", self.construct_view(BudgetProfileView), name="profile"),
            path("<int:pk>/milestones/", self.construct_view(MilestonesView), name="milestones"),
            path("<int:pk>/agreement/", self.construct_view(AgreementView), name="agreement"),
            path("<int:pk>/closure/", self.construct_view(ClosureView), name="closure"),
            path(
                "<int:pk>/payments/<int:payment_pk>/approve/",
                self.construct_view(PaymentApproveView),
                name="payment_approve",
            ),
            path(
                "<int:pk>/payments/<int:payment_pk>/match/",
                self.construct_view(PaymentMatchView),
                name="payment_match",
            ),
        ]


class SpendLineViewSet(ListingViewSet):
    model = SpendLine
    icon = "list-ul"
    menu_label = "Spend ledger"
    menu_order = 230
    add_to_admin_menu = True
    list_display = [
        "transaction_number",
        "line_number",
        "date",
        "supplier",
        "cost_centre",
        "expense_type",
        "net_amount",
        "irrecoverable_vat",
    ]
    list_export = [
        "transaction_number",
        "line_number",
        "date",
        "supplier",
        "description",
        "cost_centre",
        "expense_type",
        "net_amount",
        "irrecoverable_vat",
    ]
    filterset_class = SpendFilterSet
    inspect_view_enabled = True

    def get_form_class(self, for_update=False):
        return SpendLineForm

    list_select_related = ["project"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("import/", self.construct_view(SpendImportView), name="import"),
            path("close-month/", self.construct_view(CloseMonthView), name="close_month"),
            path("attention/", self.construct_view(AttentionView), name="attention"),
            path("attention/<int:pk>/", self.construct_view(ExplainView), name="explain"),
        ]


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
    family_counts = ("families_supported",)
    filterset_class = ProgressReportFilterSet
    search_fields = ["narrative", "risks", "project__reference", "project__title"]
    inspect_view_enabled = True
    form_fields = ["narrative"]

    list_select_related = ["project", "submitted_by"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("overdue/", self.construct_view(OverdueReportsView), name="overdue"),
        ]

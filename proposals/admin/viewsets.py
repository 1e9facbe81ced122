from django.urls import path

from core.admin.columns import MoneyColumn, WhenColumn
from core.admin.viewsets import ProgrammeViewSet
from proposals.admin.filters import ProposalFilterSet
from proposals.admin.views import ProposalIndexView, ProposalInspectView, ScreeningView
from proposals.models import Proposal


class ProposalViewSet(ProgrammeViewSet):
    """Proposals are changed only through the portal and the screening view, so the
    programme team lists, inspects and screens them here but never edits them directly."""

    model = Proposal
    icon = "doc-full-inverse"
    menu_label = "Proposals"
    menu_order = 100
    add_to_admin_menu = True
    url_namespace = "proposals_admin"
    url_prefix = "proposals"
    index_view_class = ProposalIndexView
    inspect_view_class = ProposalInspectView
    inspect_view_enabled = True
    filterset_class = ProposalFilterSet
    list_display = [
        "reference",
        "title",
        "lead_organisation",
        "kind",
        "status",
        "meeting",
        MoneyColumn("total_requested", label="Requested", sort_key="total_requested"),
        WhenColumn("updated_at", label="Last change", sort_key="updated_at"),
    ]
    list_export = [
        "reference",
        "title",
        "kind",
        "status",
        "lead",
        "lead_organisation",
        "meeting",
        "submitted_at",
        "total_requested",
    ]
    export_headings = {"total_requested": "Total requested (GBP)"}
    export_filename = "proposals"
    ordering = ["-submitted_at"]
    form_fields = ["title"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("screen/<int:pk>/", self.construct_view(ScreeningView), name="screen"),
        ]

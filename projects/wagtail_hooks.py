import django_filters
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet

from projects.models import Project


class ProjectFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        choices=[
            ("it", "IT project"),
            ("research", "Research project"),
            ("community", "Community involvement"),
            ("funded_service", "Funded service"),
        ]
    )

    class Meta:
        model = Project
        fields = ["status", "rag", "kind", "fund", "lead_organisation"]


class ProjectViewSet(ModelViewSet):
    """Projects are created by an approval; the programme team keeps their status, rating,
    dates and cost centre up to date here."""

    model = Project
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

    def get_queryset(self, request):
        return Project.objects.select_related("lead_organisation", "fund")


@hooks.register("register_admin_viewset")
def register_projects():
    return ProjectViewSet("projects")


@hooks.register("register_log_actions")
def register_project_actions(actions):
    actions.register_action(
        "projects.decision_changed", "Decision changed", "The group's decision changed the project"
    )
    actions.register_action("projects.budget_profile", "Budget profile", "Changed the profile")
    actions.register_action("projects.spend_import", "Import spend", "Imported ledger lines")

from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from core.admin.dashboard import Row, WorkPanel
from core.admin.menu import PermissionMenuItem
from core.panels import Panel
from evaluations.admin.claims import ClaimViewSet
from evaluations.admin.returns import QuarterlyReturnViewSet
from evaluations.admin.viewsets import (
    DataReleaseViewSet,
    EvaluationStudyViewSet,
    FamilyImportViewSet,
    FamilyViewSet,
    ProjectResultViewSet,
    ProjectTargetViewSet,
    UnitCostViewSet,
)
from evaluations.models import FamilyImport
from evaluations.permissions import can_enter_results
from evaluations.selectors.projects import project_outcomes, result_quarters
from projects.permissions import sees_exact_counts


@hooks.register("register_admin_viewset")
def register_families():
    return FamilyViewSet("families")


@hooks.register("register_admin_viewset")
def register_family_imports():
    return FamilyImportViewSet("family_imports")


@hooks.register("register_admin_viewset")
def register_project_results():
    return ProjectResultViewSet("project_results")


@hooks.register("register_admin_viewset")
def register_project_targets():
    return ProjectTargetViewSet("project_targets")


@hooks.register("register_admin_viewset")
def register_unit_costs():
    return UnitCostViewSet("unit_costs")


@hooks.register("register_admin_viewset")
def register_studies():
    return EvaluationStudyViewSet("evaluation_studies")


@hooks.register("register_admin_viewset")
def register_data_releases():
    return DataReleaseViewSet("data_releases")


@hooks.register("register_admin_menu_item")
def register_family_import_menu_item():
    return PermissionMenuItem(
        "Import family outcomes",
        reverse("families:import"),
        icon_name="upload",
        order=321,
        permission="evaluations.add_familyimport",
    )


@hooks.register("register_admin_menu_item")
def register_case_level_menu_item():
    return PermissionMenuItem(
        "Case-level return",
        reverse("families:case_level"),
        icon_name="download",
        order=322,
        permission="evaluations.add_datarelease",
    )


@hooks.register("register_admin_menu_item")
def register_results_menu_item():
    return PermissionMenuItem(
        "Results and value",
        reverse("evaluations:results"),
        icon_name="view",
        order=305,
        permission="evaluations.view_projectresult",
    )


@hooks.register("register_log_actions")
def register_evaluation_actions(actions):
    actions.register_action(
        "evaluations.family_import", "Import family outcomes", "Imported family outcome records"
    )
    actions.register_action(
        "evaluations.data_release",
        "Case-level data released",
        "Downloaded the anonymised case-level return",
    )
    actions.register_action(
        "evaluations.results", "Outcome results", "Entered a quarter's outcome results"
    )
    for action, label, message in [
        ("claim_build", "Claim built", "Built a results-based claim and drew its audit sample"),
        ("claim_verdict", "Audit verdict", "Recorded internal audit's verdict on a family"),
        ("claim_submit", "Claim submitted", "Submitted the results-based claim"),
    ]:
        actions.register_action(f"evaluations.{action}", label, message)
    actions.register_action(
        "evaluations.quarterly_return",
        "Quarterly return sent",
        "Sent the quarterly progress information",
    )


@hooks.register("project_page_panels")
def project_outcomes_panel(request, project):
    """A project's outcome targets beside what it has reported, on its portal page."""
    return Panel(
        "evaluations/includes/project_outcomes.html",
        {
            "project": project,
            "rows": project_outcomes(
                project, suppressed=not sees_exact_counts(request.user, project)
            ),
            "quarters": result_quarters(project, timezone.localdate()),
            "can_enter": can_enter_results(request.user, project),
        },
    )


@hooks.register("construct_homepage_panels")
def family_imports_panel(request, panels):
    """When the case-management export was last imported, for the programme team."""
    if not request.user.has_perm("evaluations.add_familyimport"):
        return
    last = FamilyImport.objects.select_related("imported_by").first()
    panels.append(
        WorkPanel(
            name="family-imports",
            heading="Family outcomes",
            summary=f"Last imported {timezone.localtime(last.imported_at):%-d %B %Y}: "
            f"{last.filename}, {last.families_added:,} families added, "
            f"{last.families_updated:,} updated"
            if last
            else "No case-management export has been imported yet.",
            rows=[Row("Import the latest export", reverse("families:import"))],
            link_text="Results and value",
            link_url=reverse("evaluations:results"),
            order=50,
        )
    )


@hooks.register("register_admin_viewset")
def register_quarterly_returns():
    return QuarterlyReturnViewSet()


@hooks.register("register_admin_viewset")
def register_claims():
    return ClaimViewSet()

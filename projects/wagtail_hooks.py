from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from core.admin.find import HOOK as SEARCH_HOOK
from core.admin.find import FindSection
from core.admin.menu import PermissionMenuItem
from projects.admin.panels import attention_panel, overdue_panel
from projects.admin.variations import VariationViewSet
from projects.admin.viewsets import ProgressReportViewSet, ProjectViewSet, SpendLineViewSet
from projects.models import Project, SpendLine


@hooks.register("register_admin_viewset")
def register_progress_reports():
    return ProgressReportViewSet("progress_reports")


@hooks.register("register_admin_viewset")
def register_projects():
    return ProjectViewSet("projects")


@hooks.register("register_admin_viewset")
def register_variations():
    return VariationViewSet("variations")


@hooks.register("register_admin_viewset")
def register_spend():
    return SpendLineViewSet("spend")


@hooks.register("register_admin_menu_item")
def register_spend_import_menu_item():
    return PermissionMenuItem(
        "Import spend",
        reverse("spend:import"),
        icon_name="upload",
        order=231,
        permission="projects.add_spendline",
    )


@hooks.register("register_admin_menu_item")
def register_close_month_menu_item():
    return PermissionMenuItem(
        "Close a month",
        reverse("spend:close_month"),
        icon_name="lock",
        order=232,
        permission="projects.add_spendline",
    )


@hooks.register("register_admin_menu_item")
def register_overdue_menu_item():
    return PermissionMenuItem(
        "Overdue reports",
        reverse("progress_reports:overdue"),
        icon_name="warning",
        order=227,
        permission="projects.view_progressreport",
    )


@hooks.register("register_log_actions")
def register_project_actions(actions):
    actions.register_action(
        "projects.decision_changed", "Decision changed", "The group's decision changed the project"
    )
    actions.register_action("projects.budget_profile", "Budget profile", "Changed the profile")
    actions.register_action("projects.spend_import", "Import spend", "Imported ledger lines")
    actions.register_action(
        "projects.spend_explained", "Explain spend", "Explained a ledger line needing attention"
    )
    actions.register_action("projects.month_close", "Close month", "Closed a month of the ledger")
    actions.register_action("projects.milestones", "Milestones", "Changed the milestones")
    for action, label, message in [
        ("agreement_issue", "Issue agreement", "Issued the agreement and its payment schedule"),
        ("agreement_accept", "Accept agreement", "Accepted the agreement"),
        ("payment_request", "Request payment", "Requested a scheduled payment"),
        ("payment_approve", "Approve payment", "Approved a requested payment"),
        ("payment_match", "Match payment", "Matched a payment to the ledger line that paid it"),
        ("final_report", "Final report", "Sent the project's final report"),
        ("close", "Close project", "Signed the project off and closed it"),
        ("variation_request", "Ask for a variation", "Asked for a variation to the plan"),
        ("variation_agree", "Agree a variation", "Agreed a variation: a new version of the plan"),
        ("variation_refuse", "Refuse a variation", "Refused a variation"),
        ("variation_withdraw", "Withdraw a variation", "Withdrew a variation"),
        ("variation_meeting", "Variation to a meeting", "Put a variation to a group meeting"),
    ]:
        actions.register_action(f"projects.{action}", label, message)
    actions.register_action(
        "projects.progress_report", "Progress report", "Sent a quarterly progress report"
    )


@hooks.register("construct_homepage_panels")
def spend_attention_panel(request, panels):
    if request.user.has_perm("projects.add_spendline"):
        panels.append(attention_panel())


@hooks.register("construct_homepage_panels")
def overdue_reports_panel(request, panels):
    if request.user.has_perm("projects.change_project"):
        panels.append(overdue_panel(timezone.localdate()))


@hooks.register(SEARCH_HOOK)
def projects_search():
    return FindSection(
        label="Projects",
        queryset=lambda: Project.objects.select_related("lead_organisation"),
        listing_url_name="projects_admin:index",
        url=lambda project: reverse("projects_admin:edit", args=[project.pk]),
        detail=lambda project: (
            f"{project.lead_organisation} · {project.get_status_display()} · "
            f"£{project.approved_amount:,.2f} approved"
        ),
        order=20,
    )


@hooks.register(SEARCH_HOOK)
def ledger_search():
    return FindSection(
        label="Spend lines",
        queryset=lambda: SpendLine.objects.select_related("project"),
        listing_url_name="spend:index",
        url=lambda line: reverse("spend:inspect", args=[line.pk]),
        detail=lambda line: (
            f"{line.date:%-d %b %Y} · {line.project.reference} · £{line.net_amount:,.2f}"
        ),
        order=40,
    )

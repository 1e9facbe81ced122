"""The five groups people are put in, and what each may do.

The groups and their permissions are set after every ``migrate`` (``set_up_roles``), never by
hand. Chair and vice-chair are roles of a strategic-group membership, not groups.
"""

from django.contrib.auth.management import create_permissions

from core.auth_backends import group_names

PROJECT_LEADS = "Project leads"
GROUP_MEMBERS = "Strategic group members"
PROGRAMME_TEAM = "Programme team"
FINANCE = "Finance"
# Internal and external audit: read everything in the back office, including the audit trail,
# change nothing, and never see family records.
AUDITORS = "Auditors"

ROLE_NAMES = [PROJECT_LEADS, GROUP_MEMBERS, PROGRAMME_TEAM, FINANCE, AUDITORS]

_REFERENCE_DATA = [
    "organisation",
    "membership",
    "priority",
    "criterion",
    "fund",
    "headlinetarget",
    "importlayout",
]


def _crud(app_label, model_names, actions=("add", "change", "delete", "view")):
    return [f"{app_label}.{action}_{model}" for model in model_names for action in actions]


ROLE_PERMISSIONS = {
    PROJECT_LEADS: ["proposals.add_proposal"],
    GROUP_MEMBERS: [],
    PROGRAMME_TEAM: [
        "wagtailadmin.access_admin",
        *_crud("programme", [*_REFERENCE_DATA, "meeting", "interest"]),
        "governance.view_decision",
        "governance.view_agendaitem",
        "proposals.view_proposal",
        "proposals.screen_proposal",
        "programme.view_outcome",
        "programme.change_outcome",
        *_crud("evaluations", ["unitcost", "evaluationstudy", "projecttarget", "projectresult"]),
        *_crud("evaluations", ["family", "familyimport", "datarelease"], ("view",)),
        # Importing family records and releasing the anonymised case-level return.
        "evaluations.add_familyimport",
        "evaluations.add_datarelease",
        "evaluations.change_valueassumptions",
        # Sending the quarterly progress information to the department.
        *_crud("evaluations", ["quarterlyreturn"], ("add", "view")),
        # Building and submitting the results-based claim.
        *_crud("evaluations", ["claim"], ("add", "view")),
        "evaluations.view_claimedfamily",
        # Setting how long family records and proposal files are kept.
        "programme.change_retentionpolicy",
        *_crud(
            "projects", ["project", "milestone", "budgetprofileline"], ("add", "change", "view")
        ),
        *_crud("projects", ["spendline", "spendimport"], ("view",)),
        "projects.view_progressreport",
        # Issuing agreements and approving the payments leads request.
        *_crud("projects", ["grantagreement", "scheduledpayment"], ("add", "change", "view")),
        # Variations are asked for and decided through the portal and the services (which
        # check change_project), never edited as records.
        "projects.view_variation",
        *_crud("wagtaildocs", ["document"], ("add", "change", "delete")),
        *_crud("wagtailimages", ["image"], ("add", "change", "delete")),
    ],
    FINANCE: [
        "wagtailadmin.access_admin",
        *_crud("programme", ["fund", "importlayout"]),
        *_crud("programme", ["organisation", "priority", "criterion", "meeting"], ("view",)),
        "governance.view_decision",
        "proposals.view_proposal",
        *_crud("projects", ["project", "milestone", "budgetprofileline"], ("view",)),
        *_crud("projects", ["spendline", "spendimport"], ("add", "view")),
        "projects.view_progressreport",
        # Matching the ledger line that paid an approved payment.
        "projects.view_grantagreement",
        *_crud("projects", ["scheduledpayment"], ("change", "view")),
        "projects.view_variation",
        "programme.view_outcome",
        *_crud("evaluations", ["unitcost", "projecttarget", "projectresult"], ("view",)),
    ],
    AUDITORS: [
        "wagtailadmin.access_admin",
        *_crud("programme", [*_REFERENCE_DATA, "meeting", "interest", "outcome"], ("view",)),
        *_crud("governance", ["decision", "agendaitem"], ("view",)),
        "proposals.view_proposal",
        *_crud(
            "projects",
            [
                "project",
                "milestone",
                "budgetprofileline",
                "spendline",
                "spendimport",
                "grantagreement",
                "scheduledpayment",
                "variation",
            ],
            ("view",),
        ),
        "projects.view_progressreport",
        *_crud(
            "evaluations",
            [
                "familyimport",
                "datarelease",
                "unitcost",
                "evaluationstudy",
                "projecttarget",
                "projectresult",
                "quarterlyreturn",
                "claim",
                "claimedfamily",
            ],
            ("view",),
        ),
        # Internal audit validates each claim's sample.
        "evaluations.change_claimedfamily",
    ],
}


def set_up_roles(apps, **kwargs):
    """After every ``migrate`` (``ProgrammeConfig.ready`` connects it to ``post_migrate``):
    our roles replace Wagtail's generic Editors and Moderators, each holds exactly the
    permissions this file gives it, and the programme team edits the public site."""
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Moderators"]).delete()
    sync_role_permissions(apps)
    grant_site_editing(apps)


def sync_role_permissions(apps):
    """Create the groups and give each exactly the permissions in ROLE_PERMISSIONS."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        wanted = []
        for dotted in codenames:
            app_label, codename = dotted.split(".")
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is not None:
                wanted.append(permission)
        group.permissions.set(wanted)


def grant_site_editing(apps):
    """Let the programme team edit the public site and its documents."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    team = Group.objects.get(name=PROGRAMME_TEAM)
    root = Page.objects.filter(depth=1).first()
    if root is not None:
        for codename in ["add_page", "change_page", "publish_page", "delete_page"]:
            GroupPagePermission.objects.get_or_create(
                group=team,
                page=root,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for app_label, codenames in {
            "wagtaildocs": ["add_document", "change_document", "choose_document"],
            "wagtailimages": ["add_image", "change_image", "choose_image"],
        }.items():
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=team,
                    collection=root_collection,
                    permission=Permission.objects.get(
                        content_type__app_label=app_label, codename=codename
                    ),
                )


def has_role(user, *names) -> bool:
    """Whether a signed-in user holds any of the named roles (no query once read)."""
    return bool(user_roles(user) & set(names))


def user_roles(user):
    """The role names a signed-in user holds, for the portal's landing page and navigation:
    their groups' names, read once a request with their permissions (``group_names``)."""
    if not user.is_authenticated:
        return set()
    roles = set(group_names(user))
    if user.is_superuser:
        roles.add(PROGRAMME_TEAM)
    return roles

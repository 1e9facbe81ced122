"""Who may see and do what with a project. Checked by every view and service."""

from django.conf import settings

from programme.roles import GROUP_MEMBERS, has_role


def is_project_lead(user, project):
    """The project's lead, or a co-lead of the proposal it came from."""
    if not user.is_authenticated:
        return False
    if project.lead_id == user.pk:
        return True
    return project.proposal.co_leads.filter(pk=user.pk).exists()


def can_view_project(user, project):
    """Its leads, the programme team and finance, and the strategic group that funds it."""
    if not user.is_authenticated:
        return False
    if is_project_lead(user, project) or user.has_perm("projects.view_project"):
        return True
    return has_role(user, GROUP_MEMBERS)


def can_report(user, project):
    """Leads write their project's progress reports; the programme team may enter one for
    them (from an email or a meeting)."""
    return is_project_lead(user, project) or user.has_perm("projects.change_project")


def sees_exact_counts(user, project):
    """The families a lead reports are exact for the project's leads (their own figures) and
    the programme team; everyone else reads them through the disclosure rule."""
    return is_project_lead(user, project) or user.has_perm(settings.EXACT_COUNTS_PERMISSION)


def can_ask_for_variation(user, project):
    """Leads ask for variations to their project; the programme team may record one for
    them."""
    return is_project_lead(user, project) or user.has_perm("projects.change_project")

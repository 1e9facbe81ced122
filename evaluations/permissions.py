"""Who may see and enter outcome results. Checked by every view and service."""

from programme.roles import GROUP_MEMBERS, user_roles
from projects.permissions import can_report


def can_enter_results(user, project) -> bool:
    """The project's leads, and the programme team for them."""
    return can_report(user, project) or user.has_perm("evaluations.change_projectresult")


def sees_results(user) -> bool:
    """The group, and everyone in the back office who reads the results (finance, the
    programme team, auditors)."""
    return GROUP_MEMBERS in user_roles(user) or user.has_perm("evaluations.view_projectresult")


def sees_family_rows(user) -> bool:
    """Family-level rows and unsuppressed counts are for the programme team only."""
    return user.is_authenticated and user.has_perm("evaluations.view_family")

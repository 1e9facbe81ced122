"""Who may do what in the group's business. Checked by every view and again by every service."""

from programme.models import Meeting
from programme.permissions import is_chair
from programme.roles import AUDITORS, GROUP_MEMBERS, PROGRAMME_TEAM, has_role
from proposals.permissions import is_lead


def sees_meetings(user) -> bool:
    """The group and the programme team read the meetings, their papers and questions."""
    return (
        user.is_authenticated and user.is_active and has_role(user, GROUP_MEMBERS, PROGRAMME_TEAM)
    )


def reads_meetings(user) -> bool:
    """Those who take part, and the auditors, who read the whole record (meetings, papers,
    attendance, declarations, published votes, decisions, minutes) and change nothing: every
    action checks ``sees_meetings`` or ``runs_meetings`` or membership of the group again."""
    return sees_meetings(user) or (
        user.is_authenticated and user.is_active and has_role(user, AUDITORS)
    )


def runs_meetings(user, meeting: Meeting | None = None) -> bool:
    """The chair and vice-chair, and the programme team as secretary."""
    if not user.is_authenticated:
        return False
    if user.has_perm("programme.change_meeting"):
        return True
    return is_chair(user, meeting.date if meeting else None)


def answers_questions(user, proposal) -> bool:
    """The proposal's leads answer the group's questions; the programme team may for them."""
    if user.has_perm("programme.change_meeting"):
        return True
    return proposal is not None and is_lead(user, proposal)

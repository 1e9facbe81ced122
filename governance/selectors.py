"""Reads of governance data that more than one page, export or admin view needs."""

from governance.models import Membership, Priority


def priorities_for_public():
    """The programme's core priorities and the group's additional priority issues."""
    priorities = list(Priority.objects.all())
    return (
        [p for p in priorities if not p.is_additional],
        [p for p in priorities if p.is_additional],
    )


def current_memberships(user=None, on=None):
    memberships = Membership.objects.current(on).select_related("user", "organisation")
    if user is not None:
        memberships = memberships.filter(user=user)
    return memberships


def meeting_for_submission(on):
    """The next meeting whose submission deadline has not passed on the given day."""
    from governance.models import Meeting

    return Meeting.objects.open_for_submission(on).first()

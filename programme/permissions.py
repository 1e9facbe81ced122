"""Who holds which seat: the chair and vice-chair are roles of a membership, not groups."""

import datetime

from programme.models import Membership

CHAIRS = (Membership.Role.CHAIR, Membership.Role.VICE_CHAIR)


def is_chair(user, on: datetime.date | None) -> bool:
    """Whether the person is the chair or vice-chair on the day (today when None)."""
    if not user.is_authenticated:
        return False
    return Membership.objects.current(on).filter(user=user, role__in=CHAIRS).exists()

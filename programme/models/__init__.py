from .interests import Interest
from .meetings import Meeting
from .outcomes import Outcome
from .people import Membership, Organisation, User
from .reference import Criterion, Fund, Priority

__all__ = [
    "Criterion",
    "Fund",
    "Interest",
    "Meeting",
    "Membership",
    "Organisation",
    "Outcome",
    "Priority",
    "User",
]

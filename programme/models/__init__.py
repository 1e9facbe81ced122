from .interests import Interest
from .layouts import ImportLayout
from .meetings import Meeting
from .outcomes import HeadlineTarget, Outcome
from .people import Membership, Organisation, User
from .reference import Criterion, Fund, Priority
from .retention import RetentionPolicy
from .sessions import SignedInSession

__all__ = [
    "Criterion",
    "Fund",
    "HeadlineTarget",
    "ImportLayout",
    "Interest",
    "Meeting",
    "Membership",
    "Organisation",
    "Outcome",
    "Priority",
    "RetentionPolicy",
    "SignedInSession",
    "User",
]

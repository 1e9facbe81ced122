from .meetings import Meeting
from .pages import DocumentsPage, HomePage, StandardPage
from .people import Membership, Organisation, User
from .reference import Criterion, Fund, Priority

__all__ = [
    "Criterion",
    "DocumentsPage",
    "Fund",
    "HomePage",
    "Meeting",
    "Membership",
    "Organisation",
    "Priority",
    "StandardPage",
    "User",
]

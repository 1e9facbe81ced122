from .agenda import AgendaItem, PapersPack, Question
from .conduct import Attendance, Declaration, Interest
from .decisions import Ballot, Condition, Decision, Minutes, Vote
from .meetings import Meeting
from .pages import DecisionsPage, DocumentsPage, HomePage, StandardPage
from .people import Membership, Organisation, User
from .reference import Criterion, Fund, Priority

__all__ = [
    "AgendaItem",
    "Attendance",
    "Ballot",
    "Condition",
    "Decision",
    "DecisionsPage",
    "Declaration",
    "Interest",
    "Minutes",
    "PapersPack",
    "Question",
    "Vote",
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

from .agenda import AgendaItem, PapersPack, Question
from .attendance import Attendance, Declaration
from .decisions import APPROVALS, Ballot, Condition, Decision, Minutes, Vote

__all__ = [
    "APPROVALS",
    "AgendaItem",
    "Attendance",
    "Ballot",
    "Condition",
    "Decision",
    "Declaration",
    "Minutes",
    "PapersPack",
    "Question",
    "Vote",
]

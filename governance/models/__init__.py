from .agenda import AgendaItem, PapersPack, Question
from .attendance import Attendance, Declaration
from .decisions import APPROVALS, Ballot, Commitment, Condition, Decision, Minutes, Vote

__all__ = [
    "APPROVALS",
    "AgendaItem",
    "Attendance",
    "Ballot",
    "Commitment",
    "Condition",
    "Decision",
    "Declaration",
    "Minutes",
    "PapersPack",
    "Question",
    "Vote",
]

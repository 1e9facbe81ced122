"""Every change to the group's records: keyword-only, one transaction, permission checked,
audited. ``user=None`` is the system itself (a management command run by an operator)."""

from .agenda import agenda_add_urgent, agenda_build, agenda_move, agenda_publish
from .attendance import (
    attendance_all_present,
    attendance_record,
    declaration_record,
    dispensation_grant,
)
from .decisions import chairs_action_record, condition_met, decision_correct, decision_record
from .meetings import meeting_adjourn, meeting_cancel, meeting_close, meeting_start
from .minutes import minutes_amend, minutes_approve, minutes_draft
from .questions import question_answer, question_ask
from .variations import variation_item_decide
from .votes import vote_cast, vote_close, vote_open

__all__ = [
    "agenda_add_urgent",
    "agenda_build",
    "agenda_move",
    "agenda_publish",
    "attendance_all_present",
    "attendance_record",
    "chairs_action_record",
    "condition_met",
    "decision_correct",
    "decision_record",
    "declaration_record",
    "dispensation_grant",
    "meeting_adjourn",
    "meeting_cancel",
    "meeting_close",
    "meeting_start",
    "minutes_amend",
    "minutes_approve",
    "minutes_draft",
    "question_answer",
    "question_ask",
    "variation_item_decide",
    "vote_cast",
    "vote_close",
    "vote_open",
]

from wagtail import hooks

from core.admin.viewsets import ListingViewSet
from core.panels import Panel
from governance.filters import DecisionFilterSet
from governance.forms import AnswerForm
from governance.models import Decision
from governance.selectors.proposals import decisions_on, questions_on


class DecisionViewSet(ListingViewSet):
    """Decisions are recorded in the meeting and never edited: listed and inspected here."""

    model = Decision
    icon = "success"
    menu_label = "Decisions"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["proposal", "outcome", "approved_amount", "decided_on", "meeting", "fund"]
    list_export = [
        "proposal",
        "outcome",
        "approved_amount",
        "decided_on",
        "meeting",
        "fund",
        "reasons",
        "override_reason",
        "is_chairs_action",
        "corrects",
    ]
    filterset_class = DecisionFilterSet
    search_fields = ["proposal__reference", "proposal__title", "reasons"]
    inspect_view_enabled = True
    form_fields = ["reasons"]

    list_select_related = ["proposal", "meeting", "fund"]


@hooks.register("register_admin_viewset")
def register_decisions():
    return DecisionViewSet("decisions")


GOVERNANCE_ACTIONS = {
    "governance.agenda_build": ("Build agenda", "Built the agenda"),
    "governance.agenda_publish": ("Publish agenda", "Published the agenda and papers"),
    "governance.agenda_urgent": ("Urgent item", "Added urgent business"),
    "governance.attendance": ("Attendance", "Recorded attendance"),
    "governance.declaration": ("Declaration", "Recorded a declaration of interest"),
    "governance.dispensation": ("Dispensation", "Granted a dispensation"),
    "governance.question": ("Question", "Asked a question on the papers"),
    "governance.answer": ("Answer", "Answered a question"),
    "governance.meeting_start": ("Start meeting", "Started the meeting"),
    "governance.meeting_close": ("Close meeting", "Closed the meeting"),
    "governance.vote_open": ("Open vote", "Opened a vote"),
    "governance.vote_cast": ("Vote", "Cast a vote"),
    "governance.vote_close": ("Close vote", "Closed a vote"),
    "governance.decision": ("Decision", "Recorded a decision"),
    "governance.decision_correct": ("Correct decision", "Corrected a decision"),
    "governance.condition_met": ("Condition met", "Marked a condition met"),
    "governance.minutes_draft": ("Draft minutes", "Drafted the minutes"),
    "governance.minutes_approve": ("Approve minutes", "Approved the minutes"),
}


@hooks.register("register_log_actions")
def register_governance_actions(actions):
    for action, (label, message) in GOVERNANCE_ACTIONS.items():
        actions.register_action(action, label, message)


@hooks.register("proposal_page_panels")
def decisions_panel(request, proposal):
    """The group's decisions on a proposal, on its leads' page, with their letters."""
    decisions = list(decisions_on(proposal))
    if decisions:
        return Panel(
            "governance/panels/proposal_decisions.html",
            {"proposal": proposal, "decisions": decisions},
            order=10,
        )
    return None


@hooks.register("proposal_page_panels")
def questions_panel(request, proposal):
    """The group's questions on a proposal's papers, for its leads to answer."""
    questions = list(questions_on(proposal))
    if questions:
        return Panel(
            "governance/panels/proposal_questions.html",
            {"proposal": proposal, "questions": questions, "answer_form": AnswerForm()},
            order=20,
        )
    return None

from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from core.admin.dashboard import Row, WorkPanel
from core.admin.viewsets import ListingViewSet
from core.panels import Panel
from governance.filters import DecisionFilterSet
from governance.forms import AnswerForm
from governance.models import Decision
from governance.permissions import reads_meetings
from governance.selectors.meetings import open_conditions
from governance.selectors.proposals import decisions_on, questions_on
from programme.selectors import next_meeting


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
    "governance.meeting_adjourn": ("Adjourn meeting", "Adjourned the meeting"),
    "governance.meeting_cancel": ("Cancel meeting", "Cancelled the meeting"),
    "governance.vote_open": ("Open vote", "Opened a vote"),
    "governance.vote_cast": ("Vote", "Cast a vote"),
    "governance.vote_close": ("Close vote", "Closed a vote"),
    "governance.decision": ("Decision", "Recorded a decision"),
    "governance.decision_correct": ("Correct decision", "Corrected a decision"),
    "governance.condition_met": ("Condition met", "Marked a condition met"),
    "governance.variation_decision": (
        "Variation decided",
        "Recorded the group's decision on a variation",
    ),
    "governance.minutes_draft": ("Draft minutes", "Drafted the minutes"),
    "governance.minutes_amend": ("Amend minutes", "Amended the draft minutes"),
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


@hooks.register("construct_homepage_panels")
def next_meeting_panel(request, panels):
    """The next meeting's dates and where it is run, for the people who run it."""
    if not request.user.has_perm("programme.change_meeting"):
        return
    meeting = next_meeting()
    if meeting is None:
        summary, rows = "No meeting is scheduled. Schedule a year from Meetings.", []
    else:
        summary = f"{meeting.date:%-d %B %Y}: {meeting.get_status_display().lower()}"
        rows = [
            Row("Submission deadline", detail=f"{meeting.submission_deadline:%-d %B %Y}"),
            Row("Papers out by", detail=f"{meeting.papers_date:%-d %B %Y}"),
            Row("Open the meeting room", reverse("governance:meeting", args=[meeting.pk])),
        ]
    panels.append(
        WorkPanel(
            name="next-meeting",
            heading="Next meeting",
            summary=summary,
            rows=rows,
            link_text="All meetings",
            link_url=reverse("meetings:index"),
            order=20,
        )
    )


@hooks.register("construct_homepage_panels")
def conditions_panel(request, panels):
    """Conditions of approvals not yet met, overdue ones first."""
    if not request.user.has_perm("governance.view_decision"):
        return
    today = timezone.localdate()
    conditions = open_conditions()
    overdue = conditions.filter(due_date__lt=today).count()
    panels.append(
        WorkPanel(
            name="conditions",
            heading="Conditions of approval",
            summary=f"{conditions.count()} not yet met, {overdue} overdue",
            rows=[
                Row(
                    f"{condition.decision.proposal.reference}: {condition.text}",
                    detail=f"due {condition.due_date:%-d %B %Y}, {condition.owner}",
                )
                for condition in conditions[:5]
            ],
            order=40,
        )
    )


@hooks.register("meeting_links")
def meeting_room_link(user):
    """From the meeting's back-office page to its meeting room, where the agenda is built and
    the meeting run."""
    if reads_meetings(user):
        return [("Meeting room", lambda meeting: reverse("governance:meeting", args=[meeting.pk]))]
    return []

from django.urls import path
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from governance import audit
from governance.admin_listing import ListingViewSet, ProgrammeViewSet
from governance.admin_views import MeetingIndexView, ScheduleMeetingsView
from governance.filters import (
    DecisionFilterSet,
    FundFilterSet,
    InterestFilterSet,
    MeetingFilterSet,
    MembershipFilterSet,
    OrganisationFilterSet,
)
from governance.models import (
    Criterion,
    Decision,
    Fund,
    Interest,
    Meeting,
    Membership,
    Organisation,
    Priority,
)


class OrganisationViewSet(ProgrammeViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organisations"
    list_display = ["name", "short_name", "sector", "on_strategic_group"]
    list_export = [
        "name",
        "short_name",
        "sector",
        "on_strategic_group",
        "org_identifier",
        "website",
    ]
    filterset_class = OrganisationFilterSet
    search_fields = ["name", "short_name"]
    inspect_view_enabled = True
    form_fields = [
        "name",
        "short_name",
        "sector",
        "on_strategic_group",
        "org_identifier",
        "website",
    ]


class MembershipViewSet(ListingViewSet):
    model = Membership
    icon = "user"
    menu_label = "Group members"
    list_display = ["user", "organisation", "role", "start_date", "end_date"]
    list_export = ["user", "organisation", "role", "start_date", "end_date"]
    filterset_class = MembershipFilterSet
    search_fields = ["user__first_name", "user__last_name", "user__email", "organisation__name"]
    inspect_view_enabled = True
    form_fields = ["user", "organisation", "role", "start_date", "end_date"]

    list_select_related = ["user", "organisation"]


class PriorityViewSet(ProgrammeViewSet):
    model = Priority
    icon = "pick"
    menu_label = "Priorities"
    list_display = ["title", "is_additional", "sort_order"]
    search_fields = ["title", "description"]
    inspect_view_enabled = True
    form_fields = ["title", "description", "is_additional", "sort_order"]


class CriterionViewSet(ProgrammeViewSet):
    model = Criterion
    icon = "tasks"
    menu_label = "Criteria"
    list_display = ["title", "is_active", "sort_order"]
    list_filter = ["is_active"]
    search_fields = ["title", "guidance"]
    inspect_view_enabled = True
    form_fields = ["title", "guidance", "sort_order", "is_active"]


class FundViewSet(ProgrammeViewSet):
    model = Fund
    icon = "table"
    menu_label = "Funds"
    list_display = ["name", "financial_year", "total_budget", "funder"]
    list_export = ["name", "financial_year", "total_budget", "funder"]
    filterset_class = FundFilterSet
    search_fields = ["name", "funder"]
    inspect_view_enabled = True
    form_fields = ["name", "financial_year", "total_budget", "funder", "description"]


class MeetingViewSet(ProgrammeViewSet):
    model = Meeting
    index_view_class = MeetingIndexView
    icon = "date"
    menu_label = "Meetings"
    menu_order = 200
    add_to_admin_menu = True
    list_display = [
        "date",
        "start_time",
        "location",
        "submission_deadline",
        "papers_date",
        "status",
    ]
    list_export = ["date", "start_time", "location", "submission_deadline", "papers_date", "status"]
    filterset_class = MeetingFilterSet
    search_fields = ["location"]
    inspect_view_enabled = True
    form_fields = [
        "date",
        "start_time",
        "location",
        "online_link",
        "submission_deadline",
        "papers_date",
    ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("schedule/", ScheduleMeetingsView.as_view(), name="schedule"),
        ]


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


class InterestViewSet(ListingViewSet):
    model = Interest
    icon = "warning"
    menu_label = "Register of interests"
    list_display = ["member", "organisation", "description", "registered_on", "ended_on"]
    list_export = ["member", "organisation", "description", "registered_on", "ended_on"]
    filterset_class = InterestFilterSet
    search_fields = ["description", "member__last_name", "organisation__name"]
    inspect_view_enabled = True
    form_fields = ["member", "organisation", "description", "registered_on", "ended_on"]

    list_select_related = ["member", "organisation"]


class ProgrammeSetUpGroup(ViewSetGroup):
    menu_label = "Programme set-up"
    menu_icon = "cogs"
    menu_order = 300
    items = [
        OrganisationViewSet("organisations"),
        MembershipViewSet("memberships"),
        InterestViewSet("interests"),
        PriorityViewSet("priorities"),
        CriterionViewSet("criteria"),
        FundViewSet("funds"),
    ]


@hooks.register("register_admin_viewset")
def register_programme_set_up():
    return ProgrammeSetUpGroup()


@hooks.register("register_admin_viewset")
def register_meetings():
    return MeetingViewSet("meetings")


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


hooks.register("register_admin_urls", audit.urls)
hooks.register("register_reports_menu_item", audit.menu_item)
hooks.register("construct_reports_menu", audit.replace_site_history)

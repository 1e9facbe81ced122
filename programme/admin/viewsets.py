"""The back office's programme set-up: organisations, the strategic group's members and their
interests, priorities, criteria, funds, the meeting calendar, the headline outcomes and the
import layouts."""

from django.urls import path
from wagtail.admin.viewsets.base import ViewSetGroup

from core.admin.viewsets import ListingViewSet, ProgrammeViewSet
from programme.admin.views import (
    MeetingEditView,
    MeetingIndexView,
    MeetingInspectView,
    ScheduleMeetingsView,
)
from programme.filters import (
    FundFilterSet,
    InterestFilterSet,
    MeetingFilterSet,
    MembershipFilterSet,
    OrganisationFilterSet,
)
from programme.models import (
    Criterion,
    Fund,
    HeadlineTarget,
    ImportLayout,
    Interest,
    Meeting,
    Membership,
    Organisation,
    Outcome,
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


class HeadlineTargetViewSet(ProgrammeViewSet):
    model = HeadlineTarget
    icon = "pick"
    menu_label = "Headline targets"
    list_display = ["financial_year", "successful_families", "note"]
    list_export = ["financial_year", "successful_families", "note"]
    search_fields = ["financial_year", "note"]
    form_fields = ["financial_year", "successful_families", "note"]


class ImportLayoutViewSet(ProgrammeViewSet):
    model = ImportLayout
    icon = "upload"
    menu_label = "Import layouts"
    list_display = ["name", "kind", "based_on", "updated_at"]
    list_export = ["name", "kind", "based_on", "columns", "aliases"]
    list_filter = ["kind"]
    search_fields = ["name", "columns", "aliases"]
    inspect_view_enabled = True
    form_fields = [
        "name",
        "kind",
        "based_on",
        "columns",
        "segment_separator",
        "delimiter",
        "encoding",
        "header_row",
        "decimal_comma",
        "aliases",
    ]


class MeetingViewSet(ProgrammeViewSet):
    model = Meeting
    index_view_class = MeetingIndexView
    edit_view_class = MeetingEditView
    inspect_view_class = MeetingInspectView
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
        return [
            *super().get_urlpatterns(),
            path("schedule/", self.construct_view(ScheduleMeetingsView), name="schedule"),
        ]


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


class OutcomeViewSet(ProgrammeViewSet):
    """The ten headline outcomes, seeded by a migration. The programme team may edit their
    wording but has no permission to add or delete one: the framework is the national one."""

    model = Outcome
    icon = "success"
    menu_label = "Headline outcomes"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["number", "name"]
    search_fields = ["name", "description"]
    inspect_view_enabled = True
    form_fields = ["name", "description"]


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
        HeadlineTargetViewSet("headline-targets"),
        ImportLayoutViewSet("import-layouts"),
    ]

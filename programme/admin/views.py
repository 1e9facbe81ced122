"""The meeting calendar's back-office screens: its listing's "Schedule a year" button, the
screen that schedules a year of meetings, and the links from a meeting to where the apps above
work on it (the ``meeting_links`` hook: each function registered returns, for a person,
(label, function of a meeting giving its url) pairs; the meeting room is governance's)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import FormView
from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.widgets import HeaderButton, ListingButton

from core.admin.views import BackOfficePage
from core.admin.viewsets import CountsInspectView, SafeExportIndexView
from programme.admin.forms import ScheduleForm
from programme.services import meetings_schedule


def meeting_links(user):
    """(label, url for a meeting) pairs this person is offered, asked once per page."""
    return [link for links_for in hooks.get_hooks("meeting_links") for link in links_for(user)]


class MeetingLinksMixin:
    """The meeting's page in the back office links to its meeting room."""

    @cached_property
    def header_buttons(self):
        return [
            *super().header_buttons,
            *(
                HeaderButton(label, url=url_for(self.object), icon_name="group")
                for label, url_for in meeting_links(self.request.user)
            ),
        ]


class MeetingEditView(MeetingLinksMixin, generic.EditView):
    pass


class MeetingInspectView(MeetingLinksMixin, CountsInspectView):
    pass


class MeetingIndexView(SafeExportIndexView):
    @cached_property
    def links(self):
        return meeting_links(self.request.user)

    def get_list_more_buttons(self, instance):
        return [
            *super().get_list_more_buttons(instance),
            *(
                ListingButton(label, url=url_for(instance), icon_name="group", priority=5)
                for label, url_for in self.links
            ),
        ]

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.request.user.has_perm("programme.add_meeting"):
            buttons.append(
                HeaderButton("Schedule a year", url=reverse("meetings:schedule"), icon_name="date")
            )
        return buttons


class ScheduleMeetingsView(BackOfficePage, FormView):
    """Registered by the meetings viewset: the programme team (who may add meetings) only."""

    permission_required = "add"
    template_name = "programme/admin/schedule.html"
    form_class = ScheduleForm
    page_title = "Schedule a year of meetings"
    header_icon = "date"

    def form_valid(self, form):
        year = form.cleaned_data["financial_year"]
        created = meetings_schedule(user=self.request.user, financial_year=year)
        messages.success(self.request, f"{len(created)} meetings added for {year}.")
        return redirect("meetings:index")

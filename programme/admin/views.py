"""The meeting calendar's back-office screens: its listing's "Schedule a year" button and the
screen that schedules a year of meetings."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import FormView
from wagtail.admin.widgets import HeaderButton

from core.admin.views import BackOfficePage
from core.admin.viewsets import SafeExportIndexView
from programme.admin.forms import ScheduleForm
from programme.services import meetings_schedule


class MeetingIndexView(SafeExportIndexView):
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

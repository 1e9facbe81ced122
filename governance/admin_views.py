from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import FormView
from wagtail.admin.views import generic
from wagtail.admin.widgets import HeaderButton

from governance.admin_listing import SafeExportIndexView
from governance.financial_years import current_fy, fy_name, fy_start_year
from governance.services import meetings_schedule


class ScheduleForm(forms.Form):
    financial_year = forms.ChoiceField(label="Financial year")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        start = fy_start_year(current_fy())
        self.fields["financial_year"].choices = [
            (fy_name(year), fy_name(year)) for year in range(start - 1, start + 3)
        ]
        self.fields["financial_year"].initial = fy_name(start + 1)


class MeetingIndexView(SafeExportIndexView):
    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.request.user.has_perm("governance.add_meeting"):
            buttons.append(
                HeaderButton("Schedule a year", url=reverse("meetings:schedule"), icon_name="date")
            )
        return buttons


class ScheduleMeetingsView(generic.base.WagtailAdminTemplateMixin, FormView):
    template_name = "governance/admin/schedule.html"
    form_class = ScheduleForm
    page_title = "Schedule a year of meetings"
    header_icon = "date"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("meetings:index"), "label": "Meetings"},
            {"url": "", "label": self.page_title},
        ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("governance.add_meeting"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        year = form.cleaned_data["financial_year"]
        created = meetings_schedule(user=self.request.user, financial_year=year)
        messages.success(self.request, f"{len(created)} meetings added for {year}.")
        return redirect("meetings:index")

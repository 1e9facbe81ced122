"""Signing a project off in the back office: its final report, what it spent and what it
releases, and the payments still open; signing off closes it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import TemplateView

from core.admin.views import BackOfficePage
from projects import services
from projects.models import Project, ProjectClosure, ScheduledPayment
from projects.selectors import spent_and_underspend


class ClosureView(BackOfficePage, TemplateView):
    template_name = "projects/admin/closure.html"
    page_title = "Final report and closure"
    header_icon = "success"
    permission_model = Project

    @cached_property
    def project(self):
        return get_object_or_404(Project, pk=self.kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.project)

    def get_parent_crumbs(self):
        url = reverse("projects_admin:edit", args=[self.project.pk])
        return [{"url": url, "label": str(self.project)}]

    def get_context_data(self, **kwargs):
        spent, underspend = spent_and_underspend(self.project)
        open_payments = ScheduledPayment.objects.filter(
            agreement__project=self.project,
            status__in=[ScheduledPayment.Status.REQUESTED, ScheduledPayment.Status.APPROVED],
        ).order_by("number")
        return super().get_context_data(
            project=self.project,
            closure=ProjectClosure.objects.filter(project=self.project).first(),
            spent=spent,
            underspend=underspend,
            open_payments=open_payments,
            **kwargs,
        )

    def post(self, request, pk):
        try:
            closure = services.project_close(user=request.user, project=self.project)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                f"{self.project.reference} is closed; its underspend of "
                f"£{closure.underspend:,.2f} is back in its fund years.",
            )
        return redirect(request.path)

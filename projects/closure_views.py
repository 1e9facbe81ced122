"""A project's final report, in the portal, for its leads (or the programme team)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from core.forms import GovukFormMixin
from projects import services
from projects.models import ProjectClosure
from projects.permissions import can_report
from projects.selectors import visible_project


class FinalReportForm(GovukFormMixin, forms.Form):
    delivered = forms.CharField(
        label="What did the project deliver?", widget=forms.Textarea(attrs={"rows": 5})
    )
    families_supported = forms.IntegerField(
        label="How many families did it work with over its life?", min_value=0
    )
    results = forms.CharField(
        label="What results did it achieve against its targets?",
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    lessons = forms.CharField(
        label="What should the programme learn from it?",
        widget=forms.Textarea(attrs={"rows": 4}),
    )


FIELDS = ["delivered", "families_supported", "results", "lessons"]


@login_required
@require_http_methods(["GET", "POST"])
def final_report(request, reference):
    project = visible_project(request.user, reference)
    if not can_report(request.user, project):
        raise PermissionDenied
    sent = ProjectClosure.objects.filter(project=project).first()
    initial = {name: getattr(sent, name) for name in FIELDS} if sent else None
    form = FinalReportForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.closure_report_submit(user=request.user, project=project, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                "Your final report has been sent. The programme team signs the project off.",
            )
            return redirect("projects:detail", project.reference)
    return render(
        request, "projects/final_report.html", {"project": project, "form": form, "sent": sent}
    )

"""The lead's side of the agreement in the portal: reading and accepting it, and requesting
each scheduled payment with the progress report it rests on."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from core.forms import GovukFormMixin, GovukRadios
from projects import services
from projects.agreements import payment_totals, payments_of
from projects.models import GrantAgreement, ScheduledPayment
from projects.permissions import is_project_lead
from projects.selectors import visible_project


def _agreement(request, reference):
    project = visible_project(request.user, reference)
    agreement = GrantAgreement.objects.filter(project=project).select_related(
        "issued_by", "accepted_by"
    )
    found = agreement.first()
    if found is None:
        raise Http404("This project has no agreement yet.")
    return project, found


@login_required
def agreement_detail(request, reference):
    project, agreement = _agreement(request, reference)
    return render(
        request,
        "projects/agreement.html",
        {
            "project": project,
            "agreement": agreement,
            "payments": payments_of(project),
            "totals": payment_totals(project),
            "is_lead": is_project_lead(request.user, project),
        },
    )


@login_required
@require_POST
def agreement_accept(request, reference):
    project, agreement = _agreement(request, reference)
    try:
        services.agreement_accept(user=request.user, agreement=agreement)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "You have accepted the agreement. You can now request payments.")
    return redirect("projects:agreement", project.reference)


class RequestForm(GovukFormMixin, forms.Form):
    report = forms.ModelChoiceField(
        label="Which progress report shows the work this payment is for?",
        queryset=None,
        widget=GovukRadios,
        empty_label=None,
        error_messages={"required": "Choose the progress report the payment rests on"},
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["report"]
        field.queryset = project.reports.order_by("-financial_year", "-quarter")
        field.label_from_instance = lambda report: f"Q{report.quarter} {report.financial_year}"


@login_required
@require_http_methods(["GET", "POST"])
def payment_request(request, reference, number):
    project, agreement = _agreement(request, reference)
    if not is_project_lead(request.user, project):
        raise PermissionDenied
    payment = get_object_or_404(ScheduledPayment, agreement=agreement, number=number)
    form = RequestForm(request.POST if request.method == "POST" else None, project=project)
    if request.method == "POST" and form.is_valid():
        try:
            services.payment_request(
                user=request.user, payment=payment, report=form.cleaned_data["report"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, f"Payment {payment.number} requested from the programme team."
            )
            return redirect("projects:agreement", project.reference)
    return render(
        request,
        "projects/payment_request.html",
        {"project": project, "payment": payment, "form": form},
    )

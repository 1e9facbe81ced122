"""The programme team's side of a project's agreement in the back office: issuing it with its
payment schedule, approving the payments the lead requests and, with finance, naming the
ledger line that paid each."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import TemplateView, View

from core.admin.views import BackOfficePage
from core.forms import add_service_errors
from projects import services
from projects.agreements import (
    Instalment,
    payment_totals,
    payments_of,
    suggested_schedule,
    usual_kind,
)
from projects.models import GrantAgreement, Project, ScheduledPayment


class IssueForm(forms.Form):
    kind = forms.ChoiceField(
        label="How the money goes", choices=GrantAgreement.Kind.choices, widget=forms.RadioSelect
    )
    bank_details_checked = forms.BooleanField(
        label="The organisation's bank details have been checked (for a grant)",
        required=False,
        help_text="Recorded as checked by you today. The details themselves are never kept here.",
    )


class InstalmentForm(forms.Form):
    due_on = forms.DateField(
        label="Due", widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
    amount = forms.DecimalField(label="Amount (£)", max_digits=12, decimal_places=2, min_value=0)


InstalmentFormSet = forms.formset_factory(InstalmentForm, extra=2)


class MatchForm(forms.Form):
    transaction_number = forms.CharField(label="Ledger transaction number", max_length=40)


class AgreementView(BackOfficePage, TemplateView):
    """The project's agreement and payments; the form to issue it while there is none."""

    template_name = "projects/admin/agreement.html"
    page_title = "Agreement and payments"
    header_icon = "doc-full"
    permission_model = GrantAgreement

    @cached_property
    def project(self):
        return get_object_or_404(
            Project.objects.select_related("lead_organisation"), pk=self.kwargs["pk"]
        )

    def get_page_subtitle(self):
        return str(self.project)

    def get_parent_crumbs(self):
        url = reverse("projects_admin:edit", args=[self.project.pk])
        return [{"url": url, "label": str(self.project)}]

    def forms(self, data=None):
        """The issue form and the schedule: offered from the budget profile, and, once
        posted, exactly what was posted (an unchanged offered row still counts)."""
        kind = usual_kind(self.project)
        if data is not None:
            return IssueForm(data), InstalmentFormSet(data, prefix="payments")
        offered = [
            {"due_on": i.due_on, "amount": i.amount} for i in suggested_schedule(self.project)
        ]
        return (
            IssueForm(initial={"kind": kind}),
            InstalmentFormSet(initial=offered, prefix="payments"),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(project=self.project, **kwargs)
        agreement = GrantAgreement.objects.filter(project=self.project).first()
        context["agreement"] = agreement
        if agreement is None:
            if "form" not in kwargs:
                context["form"], context["schedule"] = self.forms()
        else:
            context["payments"] = payments_of(self.project)
            context["totals"] = payment_totals(self.project)
            context["match_form"] = MatchForm()
        return context

    def post(self, request, *args, **kwargs):
        form, schedule = self.forms(request.POST)
        if form.is_valid() and schedule.is_valid():
            instalments = [
                Instalment(due_on=row.cleaned_data["due_on"], amount=row.cleaned_data["amount"])
                for row in schedule.forms
                if row.cleaned_data
            ]
            try:
                services.agreement_issue(
                    user=request.user,
                    project=self.project,
                    kind=form.cleaned_data["kind"],
                    schedule=instalments,
                    bank_details_checked=form.cleaned_data["bank_details_checked"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "Agreement issued: the lead is asked to accept it.")
                return redirect(request.path)
        return self.render_to_response(self.get_context_data(form=form, schedule=schedule))


class PaymentActionView(BackOfficePage, View):
    """A button on the agreement page, for one scheduled payment."""

    permission_model = ScheduledPayment
    permission_required = "change"

    def post(self, request, pk, payment_pk):
        payment = get_object_or_404(ScheduledPayment, pk=payment_pk, agreement__project_id=pk)
        try:
            self.act(payment)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(reverse("projects_admin:agreement", args=[pk]))


class PaymentApproveView(PaymentActionView):
    def act(self, payment):
        services.payment_approve(user=self.request.user, payment=payment)
        messages.success(self.request, f"Payment {payment.number} approved for finance to pay.")


class PaymentMatchView(PaymentActionView):
    def act(self, payment):
        form = MatchForm(self.request.POST)
        if not form.is_valid():
            raise ValidationError("Enter the ledger line's transaction number.")
        services.payment_match(
            user=self.request.user,
            payment=payment,
            transaction_number=form.cleaned_data["transaction_number"],
        )
        messages.success(self.request, f"Payment {payment.number} matched: paid.")

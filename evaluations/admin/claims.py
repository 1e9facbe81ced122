"""The results-based claim in the back office: build a window's claim, internal audit's
verdicts on its sample, submission, and the department's CSV."""

import csv

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.views.generic import TemplateView, View

from core.admin.views import BackOfficePage
from core.admin.viewsets import ScreensViewSet
from evaluations.models import Claim, ClaimedFamily
from evaluations.selectors.claims import audit_sample, claim_totals, claimed_families
from evaluations.services import claim_build, claim_submit, claim_verdict


class BuildForm(forms.Form):
    name = forms.CharField(label="Name", max_length=100)
    window_start = forms.DateField(
        label="Window starts", widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
    window_end = forms.DateField(
        label="Window ends", widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )


class ClaimPage(BackOfficePage):
    permission_model = Claim
    header_icon = "tick-inverse"


class ClaimsView(ClaimPage, TemplateView):
    template_name = "evaluations/admin/claims.html"
    page_title = "Results-based claims"

    def get_context_data(self, **kwargs):
        claims = Paginator(Claim.objects.all(), 20).get_page(self.request.GET.get("p"))
        kwargs.setdefault("form", BuildForm())
        return super().get_context_data(claims=claims, **kwargs)

    def post(self, request):
        form = BuildForm(request.POST)
        if form.is_valid():
            try:
                claim = claim_build(user=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect(reverse("claims:detail", args=[claim.pk]))
        return self.render_to_response(self.get_context_data(form=form))


class ClaimView(ClaimPage, TemplateView):
    template_name = "evaluations/admin/claim.html"

    @cached_property
    def claim(self):
        return get_object_or_404(Claim, pk=self.kwargs["pk"])

    def get_page_title(self):
        return str(self.claim)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            claim=self.claim,
            totals=claim_totals(self.claim),
            sample=audit_sample(self.claim),
            **kwargs,
        )


class ClaimAction(ClaimPage, View):
    def post(self, request, pk, **kwargs):
        claim = get_object_or_404(Claim, pk=pk)
        try:
            self.act(claim, **kwargs)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(reverse("claims:detail", args=[claim.pk]))


class VerdictView(ClaimAction):
    def act(self, claim, family_pk):
        claimed = get_object_or_404(ClaimedFamily, pk=family_pk, claim=claim)
        claim_verdict(
            user=self.request.user,
            claimed=claimed,
            passed=self.request.POST.get("verdict") == "passed",
            reason=self.request.POST.get("reason", ""),
        )


class SubmitView(ClaimAction):
    def act(self, claim):
        claim_submit(user=self.request.user, claim=claim)
        messages.success(self.request, f"{claim} submitted and locked.")


class ClaimCsv(ClaimPage, View):
    """The department's layout: one row a family claimed (its hashed case reference) with
    the outcome areas it sustained, then the totals."""

    def get(self, request, pk):
        claim = get_object_or_404(Claim, pk=pk)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        name = f"claim-{claim.window_end:%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        writer = csv.writer(response)
        writer.writerow(["Family (hashed case reference)", "Outcome areas sustained", "Areas"])
        for case_hash, outcomes in claimed_families(claim).values_list("case_hash", "outcomes"):
            writer.writerow([case_hash, len(outcomes), " ".join(str(n) for n in outcomes)])
        totals = claim_totals(claim)
        writer.writerow(["Total families claimed", totals.families, ""])
        for number, count in totals.by_outcome:
            writer.writerow([f"Families sustaining outcome area {number}", count, ""])
        return response


class ClaimViewSet(ScreensViewSet):
    name = "claims"
    icon = "tick-inverse"
    menu_label = "Results-based claims"
    menu_order = 324
    add_to_admin_menu = True
    permission = "evaluations.view_claim"

    def get_urlpatterns(self):
        return [
            path("", ClaimsView.as_view(), name="index"),
            path("<int:pk>/", ClaimView.as_view(), name="detail"),
            path(
                "<int:pk>/families/<int:family_pk>/verdict/", VerdictView.as_view(), name="verdict"
            ),
            path("<int:pk>/submit/", SubmitView.as_view(), name="submit"),
            path("<int:pk>/csv/", ClaimCsv.as_view(), name="csv"),
        ]

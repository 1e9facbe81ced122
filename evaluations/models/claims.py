"""The results-based claim: under the national programme the council is paid for each family
that achieves a successful family outcome, claimed in windows, validated first by internal
audit on a reproducible random sample, and locked once submitted."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class Claim(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Being audited"
        SUBMITTED = "submitted", "Submitted: locked"

    name = models.CharField(max_length=100, help_text='For example "Claim window 2, 2026-27".')
    programme_period = models.CharField(
        max_length=40, help_text="A family is claimed at most once in a programme period."
    )
    window_start = models.DateField()
    window_end = models.DateField()
    seed = models.PositiveBigIntegerField(
        help_text="The random seed the audit sample was drawn with: the same seed draws the "
        "same sample."
    )
    payment_per_family = models.DecimalField(max_digits=8, decimal_places=2)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    built_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    built_at = models.DateTimeField()
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    financial_year = models.CharField(
        max_length=7, blank=True, help_text="The year whose income the claim adds to: submitted in."
    )
    expected_payment = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Families claimed times the payment for each, when submitted.",
    )

    class Meta:
        ordering = ["-window_end", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(window_end__gte=models.F("window_start")), name="claim_window_order"
            )
        ]

    def __str__(self):
        return self.name


class ClaimedFamily(models.Model):
    """One family in a claim: by its pseudonymised case reference and plan, so the claim
    survives the family record's deletion under the retention policy."""

    class Verdict(models.TextChoices):
        NOT_SAMPLED = "", "Not in the sample"
        WAITING = "waiting", "Waiting for internal audit"
        PASSED = "passed", "Passed"
        FAILED = "failed", "Failed: withdrawn from the claim"

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="families")
    family = models.ForeignKey(
        "evaluations.Family", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    case_hash = models.CharField(max_length=64)
    plan_start = models.DateField()
    outcomes = models.JSONField(help_text="The outcome areas the family sustained.")
    verdict = models.CharField(max_length=10, choices=Verdict.choices, blank=True)
    reason = models.TextField(blank=True)
    audited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    audited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["claim", "case_hash"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "case_hash"], name="a_family_once_a_claim"),
        ]

    def __str__(self):
        return f"{self.case_hash[:12]} in {self.claim}"

    @property
    def withdrawn(self):
        return self.verdict == self.Verdict.FAILED

from django.conf import settings
from django.db import models


class ImmutableError(Exception):
    pass


class ProposalVersion(models.Model):
    """What the lead submitted, frozen: every field, the budget, the outcome targets, the
    answers and the attachment list. The group and the programme team always read a version."""

    proposal = models.ForeignKey(
        "proposals.Proposal", on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveIntegerField()
    submitted_at = models.DateTimeField()
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    meeting = models.ForeignKey(
        "programme.Meeting", on_delete=models.PROTECT, related_name="+", null=True
    )
    total_requested = models.DecimalField(max_digits=12, decimal_places=2)
    snapshot = models.JSONField()

    class Meta:
        ordering = ["proposal", "number"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "number"], name="one_version_number")
        ]

    def __str__(self):
        return f"{self.proposal.reference} version {self.number}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ImmutableError("A submitted version never changes.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableError("A submitted version is never deleted.")


class Screening(models.Model):
    """The programme team's check of one submitted version against the criteria."""

    class Recommendation(models.TextChoices):
        ELIGIBLE = "eligible", "Eligible: place on the agenda"
        RETURN = "return", "Return to the lead for more information"

    version = models.ForeignKey(
        ProposalVersion, on_delete=models.PROTECT, related_name="screenings"
    )
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    screened_at = models.DateTimeField(auto_now_add=True)
    recommendation = models.CharField(max_length=20, choices=Recommendation.choices)
    reasons = models.TextField(
        blank=True, help_text="Shown to the lead when the proposal is returned."
    )

    class Meta:
        ordering = ["-screened_at"]

    def __str__(self):
        return f"Screening of {self.version}"

    @property
    def failed_criteria(self):
        return [r for r in self.results.all() if r.result == CriterionResult.Result.NOT_MET]


class CriterionResult(models.Model):
    class Result(models.TextChoices):
        MET = "met", "Met"
        PARTLY = "partly", "Partly met"
        NOT_MET = "not_met", "Not met"

    screening = models.ForeignKey(Screening, on_delete=models.CASCADE, related_name="results")
    criterion = models.ForeignKey("programme.Criterion", on_delete=models.PROTECT, related_name="+")
    result = models.CharField(max_length=10, choices=Result.choices)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["criterion__sort_order", "criterion__title"]
        constraints = [
            models.UniqueConstraint(
                fields=["screening", "criterion"], name="one_result_per_criterion"
            )
        ]

    def __str__(self):
        return f"{self.criterion}: {self.get_result_display()}"

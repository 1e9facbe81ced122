"""What each project set out to achieve against the ten headline outcomes, and what its lead
(or the programme team) reports each quarter."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q

from core.financial_years import validate_financial_year

# What a lead reports for each outcome each quarter, in the order they are entered.
RESULT_FIGURES = ("families_supported", "families_achieved", "families_sustained")


class ProjectTarget(models.Model):
    """Families a project expects to achieve an outcome; copied from the approved proposal
    when the project is created, then kept by the programme team."""

    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="outcome_targets"
    )
    outcome = models.ForeignKey("programme.Outcome", on_delete=models.PROTECT, related_name="+")
    expected_families = models.PositiveIntegerField(validators=[MinValueValidator(1)])

    class Meta:
        ordering = ["project", "outcome__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "outcome"], name="one_project_target_per_outcome"
            ),
        ]

    def __str__(self):
        return f"{self.project}: {self.outcome.name}, {self.expected_families} families"


class ProjectResult(models.Model):
    """A project's families in one outcome area in one quarter."""

    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="outcome_results"
    )
    financial_year = models.CharField(max_length=7, validators=[validate_financial_year])
    quarter = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    outcome = models.ForeignKey("programme.Outcome", on_delete=models.PROTECT, related_name="+")
    families_supported = models.PositiveIntegerField(default=0)
    families_achieved = models.PositiveIntegerField(
        default=0, help_text="Families who achieved this outcome in the quarter."
    )
    families_sustained = models.PositiveIntegerField(
        default=0, help_text="Families confirmed this quarter as sustaining it six months on."
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    entered_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["project", "-financial_year", "-quarter", "outcome__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "financial_year", "quarter", "outcome"],
                name="one_result_per_outcome_a_quarter",
            ),
            models.CheckConstraint(
                condition=Q(quarter__gte=1, quarter__lte=4), name="result_quarter_1_to_4"
            ),
            models.CheckConstraint(
                condition=Q(families_achieved__lte=F("families_supported"))
                & Q(families_sustained__lte=F("families_achieved")),
                name="result_sustained_within_achieved_within_supported",
                violation_error_message=(
                    "Families sustained cannot be more than families achieved, nor achieved "
                    "more than supported."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.project.reference} {self.financial_year} Q{self.quarter} {self.outcome.name}"

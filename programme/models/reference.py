from django.core.validators import MinValueValidator
from django.db import models

from core.financial_years import validate_financial_year


class Priority(models.Model):
    """One of the programme's priorities; proposals say which they address."""

    title = models.CharField(max_length=255, unique=True)
    description = models.TextField(blank=True)
    is_additional = models.BooleanField(
        "additional priority issue",
        default=False,
        help_text="Agreed by the strategic group in addition to the programme's core priorities.",
    )
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["is_additional", "sort_order", "title"]
        verbose_name_plural = "priorities"

    def __str__(self):
        return self.title


class Criterion(models.Model):
    """A question every proposal must answer and the programme team screens against."""

    title = models.CharField(max_length=255, unique=True)
    guidance = models.TextField(
        blank=True, help_text="What a good answer shows; shown to leads and screeners."
    )
    sort_order = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(
        default=True, help_text="Only active criteria are asked of new proposals."
    )

    class Meta:
        ordering = ["sort_order", "title"]
        verbose_name_plural = "criteria"

    def __str__(self):
        return self.title


class Fund(models.Model):
    """A pot of money for one financial year, from which the group approves projects."""

    name = models.CharField(max_length=200)
    financial_year = models.CharField(
        max_length=7, validators=[validate_financial_year], help_text="For example 2025-26."
    )
    total_budget = models.DecimalField(
        "total budget (£)",
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    funder = models.CharField(
        max_length=200, blank=True, help_text="Where the money comes from, e.g. a government grant."
    )
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["-financial_year", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "financial_year"],
                name="fund_name_unique_per_year",
                violation_error_message="There is already a fund with this name in that year.",
            ),
            models.CheckConstraint(
                condition=models.Q(total_budget__gte=0),
                name="fund_budget_not_negative",
                violation_error_message="A fund's budget cannot be negative.",
            ),
        ]

    def __str__(self):
        return f"{self.name} {self.financial_year}"

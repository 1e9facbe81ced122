from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from core.financial_years import validate_financial_year


class Outcome(models.Model):
    """One of the ten Supporting Families headline outcomes. Seeded by a migration."""

    number = models.PositiveSmallIntegerField(
        unique=True, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    name = models.CharField(max_length=200, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.name}"


class HeadlineTarget(models.Model):
    """The programme's headline aim for a financial year: how many families it means to see
    achieve and sustain all their outcomes (successful family outcomes) that year."""

    financial_year = models.CharField(
        max_length=7,
        unique=True,
        validators=[validate_financial_year],
        help_text="For example 2026-27.",
    )
    successful_families = models.PositiveIntegerField(
        "successful family outcomes aimed for",
        validators=[MinValueValidator(1)],
    )
    note = models.CharField(
        max_length=255, blank=True, help_text="Where the aim comes from, e.g. the annual plan."
    )

    class Meta:
        ordering = ["-financial_year"]

    def __str__(self):
        return f"{self.financial_year}: {self.successful_families:,} families"

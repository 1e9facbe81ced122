"""What outcomes are worth: unit costs and the adjustments the fiscal benefit estimate makes."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from core.financial_years import validate_financial_year


class UnitCost(models.Model):
    """What an achieved outcome saves the public purse, per family, from a published unit cost
    database. Used only for the fiscal benefit estimate, which is labelled as an estimate."""

    class Agency(models.TextChoices):
        LOCAL_AUTHORITY = "local_authority", "Local authority"
        NHS = "nhs", "NHS"
        POLICE = "police", "Police"
        CRIMINAL_JUSTICE = "criminal_justice", "Criminal justice"
        DWP = "dwp", "DWP (welfare)"
        EDUCATION = "education", "Education"
        HOUSING = "housing", "Housing"

    outcome = models.ForeignKey(
        "programme.Outcome", on_delete=models.PROTECT, related_name="unit_costs"
    )
    description = models.CharField(max_length=255)
    value = models.DecimalField(
        "value per family (£)", max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    agency = models.CharField("agency that bears the cost", max_length=20, choices=Agency.choices)
    source = models.CharField(max_length=255, help_text="The unit cost database and its line.")
    price_year = models.CharField(
        max_length=7, validators=[validate_financial_year], help_text="Like 2025-26."
    )

    class Meta:
        ordering = ["outcome__number", "agency"]
        constraints = [
            models.CheckConstraint(condition=models.Q(value__gte=0), name="unit_cost_not_negative")
        ]

    def __str__(self):
        return f"{self.outcome.name}: {self.description} (£{self.value:,.2f})"


@register_setting(icon="percent")
class ValueAssumptions(BaseGenericSetting):
    """The adjustments the fiscal benefit estimate makes, shown beside every estimate."""

    deadweight_percent = models.DecimalField(
        "deadweight (%)",
        max_digits=5,
        decimal_places=2,
        default=Decimal("30.00"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text="The share of outcomes that would have happened without the programme.",
    )
    optimism_bias_percent = models.DecimalField(
        "optimism bias (%)",
        max_digits=5,
        decimal_places=2,
        default=Decimal("20.00"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text="A reduction for the confidence in the data and the unit costs.",
    )

    class Meta:
        verbose_name = "value for money assumptions"

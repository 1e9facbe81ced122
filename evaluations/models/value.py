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

    class Kind(models.TextChoices):
        FISCAL = "fiscal", "Fiscal (a saving to the public purse)"
        ECONOMIC = "economic", "Economic (to the wider economy)"
        SOCIAL = "social", "Social (to wellbeing)"

    agency = models.CharField("agency that bears the cost", max_length=20, choices=Agency.choices)
    kind = models.CharField(
        "kind of value",
        max_length=10,
        choices=Kind.choices,
        default=Kind.FISCAL,
        help_text="As the unit cost database classes it: only fiscal value counts towards the "
        "return on investment; economic and social value are shown beside it.",
    )
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
    benefit_years = models.PositiveSmallIntegerField(
        "benefit period (years)",
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text="How many years a sustained outcome's value is counted for: its unit cost "
        "once a year, the first year undiscounted.",
    )
    discount_rate_percent = models.DecimalField(
        "discount rate (%)",
        max_digits=4,
        decimal_places=2,
        default=Decimal("3.50"),
        validators=[MinValueValidator(0), MaxValueValidator(20)],
        help_text="HM Treasury Green Book social time preference rate: 3.5% a year.",
    )

    class Meta:
        verbose_name = "value for money assumptions"

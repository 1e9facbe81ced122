from django.core.validators import MinValueValidator
from django.db import models
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="time")
class RetentionPolicy(BaseGenericSetting):
    """How long family records and the files attached to proposals are kept. The daily
    ``apply_retention`` command deletes what has passed its period and records what it did."""

    family_record_months = models.PositiveIntegerField(
        default=72,
        validators=[MinValueValidator(12)],
        help_text="Months a family's record is kept after its case closed and the six months "
        "in which its outcomes are sustained have passed. At least 12.",
    )
    attachment_months = models.PositiveIntegerField(
        default=72,
        validators=[MinValueValidator(12)],
        help_text="Months the files attached to a proposal are kept after it was decided, "
        "withdrawn or last changed. At least 12.",
    )

    class Meta:
        verbose_name = "retention policy"

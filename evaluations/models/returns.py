from django.conf import settings
from django.db import models
from django.db.models import Q


class QuarterlyReturn(models.Model):
    """The quarterly progress information sent to the department: families worked with,
    eligible and with successful outcomes, and each outcome area, for one quarter, as the
    results calendar counted them when sent. Locked once sent; the history is kept."""

    financial_year = models.CharField(max_length=7)
    quarter = models.PositiveSmallIntegerField()
    figures = models.JSONField(help_text="The counts sent, exactly as they were sent.")
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    sent_at = models.DateTimeField()

    class Meta:
        ordering = ["-financial_year", "-quarter"]
        constraints = [
            models.UniqueConstraint(
                fields=["financial_year", "quarter"], name="one_return_a_quarter"
            ),
            models.CheckConstraint(
                condition=Q(quarter__gte=1, quarter__lte=4), name="return_quarter_1_to_4"
            ),
        ]

    def __str__(self):
        return f"Quarterly return Q{self.quarter} {self.financial_year}"

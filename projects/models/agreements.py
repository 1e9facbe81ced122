"""After approval: the agreement under which a project draws its money, and the payments it
schedules. A partner organisation signs a grant agreement; a council service gets an internal
budget transfer on the same schedule. No money is drawn until the agreement is accepted."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from projects.models.projects import ProgressReport, Project, SpendLine


class GrantAgreement(models.Model):
    class Kind(models.TextChoices):
        GRANT = "grant", "Grant agreement (a partner organisation)"
        TRANSFER = "transfer", "Internal budget transfer (a council service)"

    class Status(models.TextChoices):
        ISSUED = "issued", "Issued: waiting for the lead to accept it"
        ACCEPTED = "accepted", "Accepted"

    project = models.OneToOneField(Project, on_delete=models.PROTECT, related_name="agreement")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    conditions = models.TextField(
        blank=True, help_text="The group's conditions on the approval, carried over when issued."
    )
    bank_details_checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Who confirmed the organisation's bank details (never the details).",
    )
    bank_details_checked_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ISSUED)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField()
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="agreement_amount_positive"),
            models.CheckConstraint(
                condition=~Q(kind="grant") | Q(bank_details_checked_on__isnull=False),
                name="grant_bank_details_checked",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display().split(' (')[0]} for {self.project.reference}"

    @property
    def accepted(self):
        return self.status == self.Status.ACCEPTED


class ScheduledPayment(models.Model):
    """One payment of an agreement's schedule: requested by the lead with the period's
    progress report, approved by the programme team, paid when the ledger line that paid it
    is matched (by transaction number, or by supplier and amount on import)."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        REQUESTED = "requested", "Requested"
        APPROVED = "approved", "Approved"
        PAID = "paid", "Paid"
        CANCELLED = "cancelled", "Not needed: the project closed"

    agreement = models.ForeignKey(GrantAgreement, on_delete=models.CASCADE, related_name="payments")
    number = models.PositiveSmallIntegerField()
    due_on = models.DateField()
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    report = models.ForeignKey(
        ProgressReport,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="payments",
        help_text="The progress report the request rests on.",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    spend_line = models.OneToOneField(
        SpendLine, null=True, blank=True, on_delete=models.PROTECT, related_name="payment"
    )

    class Meta:
        ordering = ["agreement", "number"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "number"], name="one_payment_number"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="payment_amount_positive"),
            models.CheckConstraint(
                condition=~Q(status="paid") | Q(spend_line__isnull=False),
                name="paid_payment_has_its_line",
            ),
        ]

    def __str__(self):
        return f"Payment {self.number} of {self.agreement.project.reference}"

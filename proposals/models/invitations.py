from django.conf import settings
from django.db import models
from django.db.models import Q


class CoLeadInvitation(models.Model):
    """An invitation to co-lead a proposal, sent to an email address. The person becomes a
    co-lead only when they accept it, signed in with that address; inviting tells the lead
    nothing about whether the address has an account."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for an answer"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        WITHDRAWN = "withdrawn", "Withdrawn"

    proposal = models.ForeignKey(
        "proposals.Proposal", on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(help_text="In the normal form every address is kept in.")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    invited_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-invited_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "email"],
                condition=Q(status="pending"),
                name="one_open_invitation_per_address",
            )
        ]

    def __str__(self):
        return f"{self.email} invited to co-lead {self.proposal}"

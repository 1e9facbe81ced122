"""Declarations and attendance: who may take part in each item."""

from django.conf import settings
from django.db import models


class Declaration(models.Model):
    """A member's interest in one agenda item. A prejudicial interest bars them from voting on
    it and from its quorum, unless a dispensation is recorded."""

    item = models.ForeignKey(
        "governance.AgendaItem", on_delete=models.CASCADE, related_name="declarations"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="declarations"
    )
    nature = models.TextField()
    prejudicial = models.BooleanField(default=False)
    automatic = models.BooleanField(
        default=False,
        help_text="Flagged by the system: the member leads the proposal or "
        "represents the proposing organisation.",
    )
    dispensation = models.TextField(blank=True, help_text="Why the bar is lifted, if it is.")
    dispensation_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["item", "member__last_name"]
        constraints = [
            models.UniqueConstraint(fields=["item", "member"], name="one_declaration_per_item")
        ]

    def __str__(self):
        return f"{self.member} on {self.item}"

    @property
    def bars(self):
        return self.prejudicial and not self.dispensation


class Attendance(models.Model):
    class Capacity(models.TextChoices):
        MEMBER = "member", "Member"
        SUBSTITUTE = "substitute", "Substitute"
        ADVISER = "adviser", "Adviser"
        OFFICER = "officer", "Officer in attendance"

    meeting = models.ForeignKey(
        "programme.Meeting", on_delete=models.CASCADE, related_name="attendance"
    )
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    capacity = models.CharField(max_length=20, choices=Capacity.choices)
    substitute_for = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The member whose seat a substitute takes.",
    )
    present = models.BooleanField(default=True, help_text="Untick to record apologies.")

    class Meta:
        ordering = ["meeting", "capacity", "person__last_name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_attendance_per_person"),
            models.CheckConstraint(
                condition=models.Q(capacity="substitute", substitute_for__isnull=False)
                | ~models.Q(capacity="substitute"),
                name="substitute_names_the_member",
                violation_error_message="A substitute must name the member they replace.",
            ),
        ]

    def __str__(self):
        return f"{self.person} at {self.meeting}"

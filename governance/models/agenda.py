from django.conf import settings
from django.db import models
from django.db.models import Q


class AgendaItem(models.Model):
    """One item on a meeting's agenda, in the usual order of business."""

    class Section(models.IntegerChoices):
        APOLOGIES = 10, "Apologies"
        MINUTES = 20, "Minutes of the last meeting"
        DECLARATIONS = 30, "Declarations of interest"
        ACTIONS = 40, "Action and conditions log"
        PROPOSALS = 50, "Funding proposals"
        VARIATIONS = 55, "Project variations"
        CHAIRS_ACTIONS = 60, "Chair's actions for noting"
        URGENT = 70, "Urgent business"

    meeting = models.ForeignKey(
        "programme.Meeting", on_delete=models.CASCADE, related_name="agenda"
    )
    section = models.PositiveSmallIntegerField(choices=Section.choices)
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=255)
    proposal = models.ForeignKey(
        "proposals.Proposal",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agenda_items",
    )
    version = models.ForeignKey(
        "proposals.ProposalVersion",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The submitted version the group considers.",
    )
    variation = models.ForeignKey(
        "projects.Variation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agenda_items",
        help_text="A variation beyond the programme team's delegation, for the group to decide.",
    )
    urgent_reason = models.TextField(
        blank=True, help_text="Why a late item cannot wait: the chair's stated reason."
    )
    carried_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="carried_to"
    )
    discussion = models.TextField(
        blank=True, help_text="What the group discussed, in the secretary's words, for the minutes."
    )

    class Meta:
        ordering = ["meeting", "section", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "proposal"],
                condition=Q(proposal__isnull=False),
                name="proposal_once_per_agenda",
            ),
            models.CheckConstraint(
                condition=~Q(section=70) | ~Q(urgent_reason=""),
                name="urgent_item_has_a_reason",
                violation_error_message="Urgent business needs the chair's reason.",
            ),
        ]

    def __str__(self):
        return f"{self.meeting}: {self.title}"

    @property
    def is_decision_item(self):
        return self.proposal_id is not None and self.section in (
            self.Section.PROPOSALS,
            self.Section.VARIATIONS,
            self.Section.URGENT,
        )


class PapersPack(models.Model):
    """What was circulated when the agenda was published, frozen: the agenda, each proposal's
    submitted version and screening, and the fund position."""

    meeting = models.OneToOneField(
        "programme.Meeting", on_delete=models.PROTECT, related_name="papers"
    )
    published_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    content = models.JSONField()

    def __str__(self):
        return f"Papers for {self.meeting}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Published papers never change.")
        super().save(*args, **kwargs)


class Question(models.Model):
    """A member's question on an item before the meeting, and the lead's answer."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="questions")
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField()
    asked_at = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["asked_at", "pk"]

    def __str__(self):
        return f"Question on {self.item}"

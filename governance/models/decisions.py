"""Votes and decisions. A decision is final: a correction is a new decision that names the
one it corrects."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class Vote(models.Model):
    class State(models.TextChoices):
        CREATED = "created", "Not yet open"
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"
        PUBLISHED = "published", "Published"

    class Casting(models.TextChoices):
        FOR = "for", "For"
        AGAINST = "against", "Against"

    item = models.OneToOneField(
        "governance.AgendaItem", on_delete=models.PROTECT, related_name="vote"
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.CREATED)
    opened_at = models.DateTimeField(null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    casting_vote = models.CharField(max_length=10, choices=Casting.choices, blank=True)

    def __str__(self):
        return f"Vote on {self.item}"


class Ballot(models.Model):
    class Choice(models.TextChoices):
        FOR = "for", "For"
        AGAINST = "against", "Against"
        ABSTAIN = "abstain", "Abstain"

    vote = models.ForeignKey(Vote, on_delete=models.PROTECT, related_name="ballots")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    choice = models.CharField(max_length=10, choices=Choice.choices)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The member, or the secretary for someone in the room without a device.",
    )
    cast_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["vote", "member__last_name"]
        constraints = [
            models.UniqueConstraint(fields=["vote", "member"], name="one_ballot_per_member")
        ]

    def __str__(self):
        return f"{self.member}: {self.get_choice_display()}"

    @property
    def entered_by_secretary(self):
        return self.entered_by_id != self.member_id


class Decision(models.Model):
    class Outcome(models.TextChoices):
        APPROVED = "approved", "Approved"
        APPROVED_WITH_CONDITIONS = "approved_with_conditions", "Approved with conditions"
        REJECTED = "rejected", "Rejected"
        DEFERRED = "deferred", "Deferred to the next meeting"

    proposal = models.ForeignKey(
        "proposals.Proposal", on_delete=models.PROTECT, related_name="decisions"
    )
    item = models.ForeignKey(
        "governance.AgendaItem",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    meeting = models.ForeignKey(
        "programme.Meeting",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    fund = models.ForeignKey(
        "programme.Fund", null=True, blank=True, on_delete=models.PROTECT, related_name="decisions"
    )
    outcome = models.CharField(max_length=30, choices=Outcome.choices)
    approved_amount = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    reasons = models.TextField(blank=True)
    decided_on = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    override_reason = models.TextField(
        blank=True,
        help_text="Why the group approved a proposal that failed a criterion at screening or "
        "exceeds the fund's remaining budget.",
    )
    corrects = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="corrected_by"
    )
    is_chairs_action = models.BooleanField(default=False)
    alternatives_considered = models.TextField(blank=True)
    interests_declared = models.TextField(blank=True)

    class Meta:
        ordering = ["-decided_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    outcome__in=["approved", "approved_with_conditions"], approved_amount__gt=0
                )
                | (
                    ~Q(outcome__in=["approved", "approved_with_conditions"])
                    & Q(approved_amount__isnull=True)
                ),
                name="decision_amount_only_when_approved",
                violation_error_message="An approval needs an amount of more than £0; other "
                "decisions have none.",
            ),
        ]

    def __str__(self):
        return f"{self.proposal.reference}: {self.get_outcome_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("A decision is final. Record a new decision that corrects it.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("A decision is final and is never deleted.")

    @property
    def is_approval(self):
        return self.outcome in APPROVALS


# The outcomes that commit money: one list for the fund position, the decision rules and the
# projects an approval creates.
APPROVALS = (Decision.Outcome.APPROVED, Decision.Outcome.APPROVED_WITH_CONDITIONS)


class Condition(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="conditions")
    text = models.TextField()
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    due_date = models.DateField()
    review_date = models.DateField(
        help_text="It comes back to the agenda from this date until met."
    )
    met_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["review_date", "pk"]

    def __str__(self):
        return self.text[:80]


class Minutes(models.Model):
    """A meeting's minutes. While a draft they are read from the meeting's record (attendance,
    declarations, votes, decisions) with the secretary's notes; once approved at a later
    meeting they are locked, and what they said then is kept as it was."""

    meeting = models.OneToOneField(
        "programme.Meeting", on_delete=models.PROTECT, related_name="minutes"
    )
    other_business = models.TextField(
        blank=True, help_text="Anything else the group discussed, for the minutes."
    )
    drafted_at = models.DateTimeField(auto_now=True)
    approved_at_meeting = models.ForeignKey(
        "programme.Meeting", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_on = models.DateField(null=True, blank=True)
    approved_record = models.TextField(
        blank=True, editable=False, help_text="The minutes as approved (HTML), for the group."
    )
    public_record = models.TextField(
        blank=True,
        editable=False,
        help_text="The approved minutes as published (HTML): tallies, no votes by name.",
    )

    class Meta:
        verbose_name_plural = "minutes"

    def __str__(self):
        return f"Minutes of {self.meeting}"

    @property
    def locked(self):
        return self.approved_on is not None

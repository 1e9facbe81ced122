"""A change to a project's plan after approval, asked for with reasons: more time, a
different spending profile, money moved between budget lines, a change of scope. The
programme team decides one within the limits the group delegated to it; a larger one goes
on the group's next agenda. Each variation agreed is a new version of the plan, kept with
what it changed."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from projects.models.projects import Project


class Variation(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", "Waiting for the programme team"
        REFERRED = "referred", "Referred to the group"
        AGREED = "agreed", "Agreed"
        REFUSED = "refused", "Refused"
        WITHDRAWN = "withdrawn", "Withdrawn"

    # Waiting for a decision: at most one a project.
    OPEN = (Status.REQUESTED, Status.REFERRED)

    class Route(models.TextChoices):
        DELEGATED = "delegated", "Within the programme team's delegation"
        GROUP = "group", "For the group"

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="variations")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REQUESTED)
    route = models.CharField(max_length=10, choices=Route.choices)
    route_reason = models.CharField(
        max_length=255, help_text="Why it is, or is not, within the team's delegation."
    )
    reasons = models.TextField(help_text="Why the lead asks for the change.")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField()
    before = models.JSONField(help_text="The plan when the variation was asked for.")
    after = models.JSONField(help_text="The plan it asks for.")
    changes = models.JSONField(
        help_text="[kind, what, before, after] for each thing that changes, as the pages show "
        "it; kind is time, profile, budget or scope."
    )
    money_moved = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        help_text="Money moved between quarters or between budget lines, whichever is more.",
    )
    meeting = models.ForeignKey(
        "programme.Meeting",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="variations",
        help_text="The group meeting a referred variation goes to.",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_on = models.DateField(null=True, blank=True)
    decision_note = models.TextField(blank=True)
    version = models.PositiveIntegerField(
        null=True, blank=True, help_text="The plan's version this variation made, once agreed."
    )

    class Meta:
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["project"],
                condition=Q(status__in=["requested", "referred"]),
                name="one_open_variation_a_project",
                violation_error_message="This project already has a variation waiting for a "
                "decision.",
            ),
            models.UniqueConstraint(
                fields=["project", "version"],
                condition=Q(version__isnull=False),
                name="one_variation_a_plan_version",
            ),
        ]

    def __str__(self):
        return f"{self.project.reference} variation {self.pk}"

    @property
    def is_open(self):
        return self.status in self.OPEN

    @property
    def changes_in_words(self):
        return "; ".join(
            f"{what}: {before} to {after}" for _kind, what, before, after in self.changes
        )

    @property
    def kinds(self):
        """What the variation changes, in words, in a fixed order."""
        changed = {change[0] for change in self.changes}
        return [label for kind, label in KINDS if kind in changed]


KINDS = [
    ("time", "Dates"),
    ("profile", "Spending profile"),
    ("budget", "Budget lines"),
    ("scope", "Scope"),
]

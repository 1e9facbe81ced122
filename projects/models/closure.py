"""A project's end: the lead's final report, then the programme team's sign-off, which
closes the project (read-only from then), cancels payments never requested and releases what
it did not spend back to the fund years it was committed to."""

from django.conf import settings
from django.db import models

from projects.models.projects import Project


class ProjectClosure(models.Model):
    project = models.OneToOneField(Project, on_delete=models.PROTECT, related_name="closure")
    delivered = models.TextField(help_text="What the project delivered.")
    families_supported = models.PositiveIntegerField(
        help_text="Families the project worked with over its life."
    )
    results = models.TextField(help_text="Results against the project's targets.")
    lessons = models.TextField(help_text="What the programme should learn from it.")
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reported_at = models.DateTimeField()
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signed_off_at = models.DateTimeField(null=True, blank=True)
    spent = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True, help_text="Spent, at sign-off."
    )
    underspend = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Approved less spent, at sign-off: released to the fund years.",
    )

    def __str__(self):
        return f"Closure of {self.project.reference}"

    @property
    def signed_off(self):
        return self.signed_off_at is not None

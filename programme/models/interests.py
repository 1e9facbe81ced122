from django.conf import settings
from django.db import models
from django.db.models import Q


class InterestQuerySet(models.QuerySet):
    def current(self, on):
        """Entries on the register on a day: registered by then and not yet ended."""
        return self.filter(registered_on__lte=on).filter(
            Q(ended_on__isnull=True) | Q(ended_on__gte=on)
        )


class Interest(models.Model):
    """The standing register: a member's interests, and those of the organisations they
    represent."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="interests"
    )
    organisation = models.ForeignKey(
        "programme.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="interests",
        help_text="The organisation the interest is in, if any.",
    )
    description = models.TextField()
    registered_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)

    objects = InterestQuerySet.as_manager()

    class Meta:
        ordering = ["member__last_name", "-registered_on"]

    def __str__(self):
        return f"{self.member}: {self.description[:60]}"

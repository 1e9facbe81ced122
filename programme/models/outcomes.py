from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class Outcome(models.Model):
    """One of the ten Supporting Families headline outcomes. Seeded by a migration."""

    number = models.PositiveSmallIntegerField(
        unique=True, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    name = models.CharField(max_length=200, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.name}"

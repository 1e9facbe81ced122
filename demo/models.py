from django.db import models


class DemoBuild(models.Model):
    """The day the demonstration data was built as of. The demo is coherent as of that day
    (the meeting held that day, the reports then due); seeding it again keeps that day, so
    running ``seed_demo`` twice never moves or duplicates anything."""

    built_on = models.DateField()

    def __str__(self):
        return f"Demo built as of {self.built_on:%-d %B %Y}"

"""Families and their needs counted by the day something happened to them, so that every
results figure for any window of days is a sum over a few thousand rows instead of a pass over
every family. Kept by ``evaluations.day_counts`` whenever families are imported."""

from django.db import models


class DayCount(models.Model):
    class Event(models.TextChoices):
        STARTED = "started", "Plans started"
        STARTED_ELIGIBLE = "started_eligible", "Plans of eligible families started"
        CLOSED = "closed", "Cases closed"
        CLOSED_ELIGIBLE = "closed_eligible", "Cases of eligible families closed"
        SUCCESSFUL = "successful", "Successful family outcomes (six months after closure)"
        NEED_OPENED = "need_opened", "Needs open (identified, with the plan started)"
        NEED_CLOSED = "need_closed", "Needs whose case closed"
        NEED_ACHIEVED = "need_achieved", "Needs achieved"
        NEED_SUSTAINED = "need_sustained", "Needs sustained (six months after closure)"
        FUNDED_STARTED = "funded_started", "Plans started of families a funded project supported"
        FUNDED_CLOSED = "funded_closed", "Cases closed of families a funded project supported"
        FUNDED_SUCCESSFUL = (
            "funded_successful",
            "Successful family outcomes of families a funded project supported",
        )
        FUNDED_ACHIEVED = "funded_achieved", "Needs achieved by families a funded project supported"
        FUNDED_SUSTAINED = (
            "funded_sustained",
            "Needs sustained by families a funded project supported",
        )

    event = models.CharField(max_length=20, choices=Event.choices)
    outcome = models.PositiveSmallIntegerField(
        help_text="The outcome area's number for the needs' events; 0 for the families'."
    )
    day = models.DateField()
    count = models.IntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "outcome", "day"], name="one_count_a_day")
        ]

    def __str__(self):
        return f"{self.day}: {self.count} {self.get_event_display().lower()}"


class MonthCount(models.Model):
    """The results calendar summed by month, kept with it (``evaluations.day_counts``): a
    window's whole months are read from here, a thirtieth of the days' rows."""

    event = models.CharField(max_length=20, choices=DayCount.Event.choices)
    outcome = models.PositiveSmallIntegerField()
    day = models.DateField(help_text="The month's first day.")
    count = models.IntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "outcome", "day"], name="one_count_a_month")
        ]

    def __str__(self):
        return f"{self.day:%B %Y}: {self.count} {self.get_event_display().lower()}"


class ProjectDayCount(models.Model):
    """Each funded project's families counted by day (``evaluations.project_counts``): what its
    value for money divides its spend by, for any window, without a pass over the families."""

    class Event(models.TextChoices):
        STARTED = "started", "Supports begun"
        ENDED = "ended", "Supports ended"
        SUCCESSFUL = "successful", "Successful family outcomes of the families it supported"
        ACHIEVED = "achieved", "Needs achieved once its support had begun"
        CARRIED = "carried", "Supports open on 1 April, begun before it"

    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="+")
    event = models.CharField(max_length=12, choices=Event.choices)
    day = models.DateField()
    count = models.IntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["project", "event", "day"], name="one_project_count_a_day"
            )
        ]
        # Whether a project counted anything in a window: one probe a project.
        indexes = [models.Index(fields=["project", "day"], name="project_count_days")]

    def __str__(self):
        return f"{self.day}: {self.count} {self.get_event_display().lower()}"

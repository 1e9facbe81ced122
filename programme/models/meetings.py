import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q

from core.working_days import clear_working_days_before, working_days_before


def usual_start_time():
    """The time the group usually meets (a callable: Django's check would take a fixed time
    default for a mistaken "now" whenever it runs at that hour)."""
    return datetime.time.fromisoformat(settings.MEETING_START_TIME)


class MeetingQuerySet(models.QuerySet):
    def open_for_submission(self, on):
        """Meetings whose submission deadline has not passed on the given day, soonest first."""
        return self.filter(submission_deadline__gte=on, status=Meeting.Status.SCHEDULED).order_by(
            "date"
        )

    def taking_papers(self, on):
        """Meetings whose papers have not gone out on the given day (scheduled, papers date
        not passed), soonest first: where an eligible proposal can still be placed."""
        return self.filter(papers_date__gte=on, status=Meeting.Status.SCHEDULED).order_by("date")


class Meeting(models.Model):
    """A meeting of the strategic group. Proposals are submitted for a meeting by its
    submission deadline; papers go to members by its papers date."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        AGENDA_PUBLISHED = "agenda_published", "Agenda published"
        IN_SESSION = "in_session", "In session"
        CLOSED = "closed", "Closed"
        MINUTES_APPROVED = "minutes_approved", "Minutes approved"
        ADJOURNED = "adjourned", "Adjourned"
        CANCELLED = "cancelled", "Cancelled"

    # Statuses after which nothing more happens at the meeting itself.
    ENDED = (Status.CLOSED, Status.ADJOURNED, Status.MINUTES_APPROVED, Status.CANCELLED)

    date = models.DateField(unique=True)
    start_time = models.TimeField(default=usual_start_time)
    location = models.CharField(
        max_length=255, blank=True, help_text="A room and building, or 'Online'."
    )
    online_link = models.URLField(blank=True)
    submission_deadline = models.DateField(
        blank=True, help_text="Leave blank for 15 working days before the meeting."
    )
    papers_date = models.DateField(
        blank=True, help_text="Leave blank for 5 clear working days before the meeting."
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    status_reason = models.TextField(
        blank=True, help_text="Why the meeting was cancelled or adjourned."
    )
    planned_date = models.DateField(
        null=True, blank=True, help_text="The date it was planned for, when it was held on another."
    )
    date_reason = models.TextField(
        blank=True, help_text="Why the meeting was held on a day other than the one planned."
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(submission_deadline__lte=models.F("papers_date"))
                & Q(papers_date__lt=models.F("date")),
                name="meeting_deadline_before_papers_before_meeting",
                violation_error_message=(
                    "The submission deadline must be on or before the papers date, "
                    "and the papers date before the meeting."
                ),
            )
        ]

    def __str__(self):
        return f"Strategic group, {self.date:%-d %B %Y}"

    def save(self, *args, **kwargs):
        self._fill_default_dates()
        super().save(*args, **kwargs)

    def clean(self):
        self._fill_default_dates()

    def _fill_default_dates(self):
        if self.date is None:
            return
        if not self.submission_deadline:
            self.submission_deadline = working_days_before(
                self.date, settings.SUBMISSION_DEADLINE_WORKING_DAYS
            )
        if not self.papers_date:
            self.papers_date = clear_working_days_before(
                self.date, settings.PAPERS_CLEAR_WORKING_DAYS
            )

    def not_held(self, today):
        """A meeting whose date has passed without it starting: the programme team should
        record what happened (cancel it, with the reason)."""
        return self.date < today and self.status in (
            self.Status.SCHEDULED,
            self.Status.AGENDA_PUBLISHED,
        )

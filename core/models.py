"""What every import of another system's file records: the file, who, when and its rows."""

from django.conf import settings
from django.db import models


class ImportRecord(models.Model):
    """One import of a file from another system (the finance ledger, case management). Each
    import's own model adds what it counted."""

    filename = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    imported_at = models.DateTimeField(auto_now_add=True)
    rows_in_file = models.PositiveIntegerField()

    class Meta:
        abstract = True
        ordering = ["-imported_at"]

    def __str__(self):
        return f"{self.filename} ({self.imported_at:%d %b %Y})"


class SentReminder(models.Model):
    """A reminder the daily ``send_reminders`` command has sent, so each is sent once: its
    kind and the key of what it is about (a report's quarter, a condition's review date)."""

    kind = models.CharField(max_length=40)
    key = models.CharField(max_length=100)
    recipients = models.TextField(help_text="The addresses it went to, one a line.")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="one_reminder_of_a_kind_a_key")
        ]

    def __str__(self):
        return f"{self.kind} {self.key} ({self.sent_at:%d %b %Y})"


class Deletion(models.Model):
    """What a run of the retention policy deleted: how many of what kind, older than which
    day. Never what the records said."""

    kind = models.CharField(max_length=60)
    count = models.PositiveIntegerField()
    cutoff = models.DateField(help_text="Records whose period ended before this day.")
    deleted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-deleted_at", "pk"]

    def __str__(self):
        return f"{self.count:,} {self.kind} ended before {self.cutoff:%-d %B %Y}"


class ImportRun(models.Model):
    """A back-office import working in the background (core.import_runs): the kept upload,
    how far the worker has got, and what the person sees (the preview, the problems or the
    result). Only the person who uploaded it sees it."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting for the worker"
        CHECKING = "checking", "Checking"
        CHECKED = "checked", "Checked: confirm to import"
        REFUSED = "refused", "Refused: nothing imported"
        WRITING = "writing", "Importing"
        DONE = "done", "Imported"
        CANCELLED = "cancelled", "Cancelled"
        FAILED = "failed", "Failed: nothing imported"

    kind = models.CharField(max_length=40, help_text="Which import: the ledger or families.")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    filename = models.CharField(max_length=255)
    layout = models.CharField(max_length=60, blank=True)
    sha256 = models.CharField(max_length=64)
    kept = models.CharField(
        max_length=255, blank=True, help_text="The kept file in private storage, until done."
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    preview = models.JSONField(default=dict, blank=True)
    problems = models.JSONField(
        default=list, blank=True, help_text="The kinds of problem, grouped (core.problems)."
    )
    problem_count = models.PositiveIntegerField(default=0)
    problems_file = models.CharField(max_length=255, blank=True)
    message = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.filename}: {self.get_status_display()}"

    @property
    def working(self):
        return self.status in {self.Status.QUEUED, self.Status.CHECKING, self.Status.WRITING}

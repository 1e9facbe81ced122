from django.conf import settings
from django.db import models


class WorkbookRun(models.Model):
    """An all-years workbook prepared in the background (exports.runs): the dashboard's
    filters it was asked for, how far the worker has got and the file, kept in private
    storage for a day. Only the person who asked for it sees it."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting for the worker"
        WRITING = "writing", "Being written"
        DONE = "done", "Ready to download"
        FAILED = "failed", "Failed"
        EXPIRED = "expired", "Deleted after a day"

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    query = models.CharField(
        max_length=500, blank=True, help_text="The dashboard's filters, as its address has them."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    file = models.CharField(max_length=255, blank=True)
    message = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Workbook of {self.created_at:%d/%m/%Y %H:%M}: {self.get_status_display()}"

    @property
    def working(self):
        return self.status in (self.Status.QUEUED, self.Status.WRITING)

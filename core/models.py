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

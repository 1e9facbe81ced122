import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.db import models


def _private_storage():
    return storages["private"]


def attachment_path(instance, filename):
    """Stored under a random name: the person's file name is kept for display only."""
    return f"proposals/{instance.proposal_id}/{uuid.uuid4().hex}"


class Attachment(models.Model):
    proposal = models.ForeignKey(
        "proposals.Proposal", on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(upload_to=attachment_path, storage=_private_storage, max_length=255)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    removed_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Removed from the proposal; kept because a submitted version may list it.",
    )
    retired_on = models.DateField(
        null=True,
        blank=True,
        help_text="The file was deleted under the retention policy on this day; its name stays.",
    )

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name

from django.conf import settings
from django.db import models


class SignedInSession(models.Model):
    """One place a person is signed in: kept beside Django's session so they can see where
    they are signed in and end any of them (programme.sessions keeps it)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signed_in_sessions"
    )
    session_key = models.CharField(max_length=40, unique=True)
    signed_in_at = models.DateTimeField(auto_now_add=True)
    last_seen_at = models.DateTimeField()
    user_agent = models.CharField(max_length=255, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-last_seen_at", "pk"]
        indexes = [models.Index(fields=["user", "last_seen_at"])]

    def __str__(self):
        return f"{self.user} since {self.signed_in_at:%d %b %Y %H:%M}"

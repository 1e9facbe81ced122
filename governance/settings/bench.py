"""The benchmark's real server (gunicorn on 127.0.0.1): development settings with DEBUG off,
so nothing is kept per query, over plain HTTP on the loopback address."""

from .dev import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

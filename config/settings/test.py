"""The test suite: SQLite by default, PostgreSQL when DATABASE_URL says so."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, STORAGES

# The suite tests the benchmarks' data generator too.
INSTALLED_APPS = ["benchmarks", *INSTALLED_APPS]
SECRET_KEY = "test-only-key-0b6f8e2d9c4a1f3e7d5b"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DEMO_DATA_ALLOWED = True

_TMP = Path(tempfile.mkdtemp(prefix="families-test-"))
MEDIA_ROOT = _TMP / "media"
PRIVATE_MEDIA_ROOT = _TMP / "private"
DEMO_FILES_DIR = _TMP / "demo-files"
STORAGES = {
    **STORAGES,
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
}
# Imports run in the request, so a test sees the whole upload-check-confirm-write at once;
# tests/core/test_import_runs.py queues them in the database as the site does.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "imports": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}

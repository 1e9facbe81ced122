"""The benchmarks (``make bench``, which sets DJANGO_SETTINGS_MODULE to this module): the
benchmarks app with its commands, and a real server for the load run (gunicorn on 127.0.0.1)
with development settings but DEBUG off, so nothing is kept per query, over plain HTTP on the
loopback address, with database connections kept as production keeps them."""

import os

from .dev import *  # noqa: F403
from .dev import DATABASES, INSTALLED_APPS

INSTALLED_APPS = ["benchmarks", *INSTALLED_APPS]
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# As in production: each worker thread keeps its database connection.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

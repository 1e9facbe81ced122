"""Production: every secret from the environment, HTTPS only. Refuses to start without a
SECRET_KEY rather than fall back to a known one."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, MIDDLEWARE, STORAGES, env_bool

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set in the environment (at least 50 random characters) "
        "for production settings."
    )

FAMILY_HASH_SECRET = os.environ.get("FAMILY_HASH_SECRET", "")
if len(FAMILY_HASH_SECRET) < 32:
    raise ImproperlyConfigured(
        "FAMILY_HASH_SECRET must be set in the environment (at least 32 random characters): "
        "family case references are hashed with it. Keep it with the database's backups."
    )

DEBUG = False
# Keep each worker thread's database connection for a minute rather than open one per request:
# on PostgreSQL a new connection costs more than a portal page (see docs/benchmarks.md).
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True

# Static files are collected (manage.py collectstatic) and served by WhiteNoise with
# hashed, compressed names, so the app servers need no separate web server for them.
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

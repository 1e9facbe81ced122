"""Production: every secret from the environment, HTTPS only. Refuses to start without a
SECRET_KEY rather than fall back to a known one."""

import math
import os
import zlib
from collections import Counter

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, MIDDLEWARE, STORAGES, env_bool

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set in the environment (at least 50 random characters) "
        "for production settings."
    )


def _looks_random(secret: str) -> bool:
    """At least 90 bits by the Shannon entropy of its characters (a random 32-character hex or
    base64 token scores 97 or more; "bbbb..." scores 0), and not a pattern that compresses:
    "0123456789" four times scores 133 bits but deflates to 21 bytes, a random token to 36+."""
    counts = Counter(secret)
    bits = -sum(n * math.log2(n / len(secret)) for n in counts.values())
    return bits >= 90 and len(zlib.compress(secret.encode(), 9)) >= 30


FAMILY_HASH_SECRET = os.environ.get("FAMILY_HASH_SECRET", "")
if len(FAMILY_HASH_SECRET) < 32 or not _looks_random(FAMILY_HASH_SECRET):
    raise ImproperlyConfigured(
        "FAMILY_HASH_SECRET must be set in the environment to at least 32 random characters "
        "(for example from `python -c 'import secrets; print(secrets.token_urlsafe(48))'`); "
        "a repeated or patterned value is refused. Family case references are hashed with it. "
        "Keep it with the database's backups."
    )

DEBUG = False
# Two-factor sign-in for the back-office roles, unless explicitly switched off (for example
# where the council's identity provider already asks for a second factor).
TWO_FACTOR_REQUIRED = os.environ.get("TWO_FACTOR_REQUIRED", "true").lower() in {"1", "true", "yes"}
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

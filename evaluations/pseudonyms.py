"""Case references are hashed as they arrive and never stored or shown in clear.

The hash is HMAC-SHA256 keyed with ``FAMILY_HASH_SECRET``: without the key nobody can test a
guessed reference against it, and with it the same case always gets the same hash, so a new
export of the case-management system updates the families already here. Changing the key
orphans every family already imported; keep it with the database's backups."""

import hashlib
import hmac

from django.conf import settings


def normalise(reference):
    return " ".join((reference or "").upper().split())


def case_hash(reference):
    key = settings.FAMILY_HASH_SECRET.encode()
    return hmac.new(key, normalise(reference).encode(), hashlib.sha256).hexdigest()

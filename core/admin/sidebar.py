"""The back office's sidebar (Wagtail's ``sidebar_props`` tag) is the same for a person on
every page: the menu their permissions show, their name and avatar, in their language. It
took about 10 ms and three queries on every page, so it is built once and kept for a few
minutes under a key of everything it depends on; a change of permissions, groups, name,
avatar or language is a new key, and anything else it reads (page and collection
permissions) shows within ``KEPT_SECONDS``."""

import hashlib

from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.admin.templatetags import wagtailadmin_tags

from core.auth_backends import group_names

KEPT_SECONDS = 300


def sidebar_props(context):
    key = _key(context["request"].user)
    props = cache.get(key)
    if props is None:
        props = wagtailadmin_tags.sidebar_props(context)
        cache.set(key, props, KEPT_SECONDS)
    return props


def _key(user) -> str:
    profile = getattr(user, "wagtail_userprofile", None)
    avatar = profile.avatar.name if profile is not None and profile.avatar else ""
    depends_on = (
        user.pk,
        user.is_superuser,
        user.get_full_name(),
        user.email,
        avatar,
        get_language(),
        sorted(user.get_all_permissions()),
        sorted(group_names(user)),
    )
    return "sidebar:" + hashlib.sha256(repr(depends_on).encode()).hexdigest()


def use_kept_sidebar():
    """Templates that ``{% load wagtailadmin_tags %}`` get this ``sidebar_props`` in place of
    Wagtail's (called from ``CoreConfig.ready``, before any template is compiled)."""
    wagtailadmin_tags.register.simple_tag(sidebar_props, takes_context=True, name="sidebar_props")

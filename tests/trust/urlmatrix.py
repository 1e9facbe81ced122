"""Every URL the product serves, read from the URL configuration, and what a request to one
by a person in a role comes to, for the permission matrix."""

import copy

from django.contrib import messages
from django.contrib.messages import get_messages
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.admin.viewsets import viewsets
from wagtail.documents.models import Document
from wagtail.models import ModelLogEntry, PageLogEntry

from tests.trust.world import POST_DATA, ROLES, viewset_object

OUR_APPS = (
    "core",
    "programme",
    "proposals",
    "governance",
    "projects",
    "evaluations",
    "public",
    "exports",
    "portal",
)
# Outcomes that let nobody in, after which nothing may have changed.
DENIED = {"login", "403", "404", "no"}


def walk(patterns, namespace="", prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from walk(pattern.url_patterns, inner, route)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", route, pattern


def _ours(name, pattern, viewsets_by_namespace):
    namespace = name.split(":")[0] if ":" in name else ""
    view = getattr(pattern.callback, "view_class", None) or pattern.callback
    return namespace in viewsets_by_namespace or view.__module__.split(".")[0] in OUR_APPS


def our_viewsets():
    """Back-office viewsets registered by our apps, by URL namespace."""
    get_resolver().url_patterns  # noqa: B018 - loading the URLs registers the viewsets
    return {
        viewset.url_namespace: viewset
        for viewset in viewsets.viewsets
        if type(viewset).__module__.split(".")[0] in OUR_APPS
    }


def product_urls():
    """Names of every URL outside the back office, and of every back-office URL our apps
    add. Wagtail's own back-office URLs are swept separately."""
    ours = our_viewsets()
    names = []
    for name, route, pattern in walk(get_resolver().url_patterns):
        if (not route.startswith("admin/") or _ours(name, pattern, ours)) and name not in names:
            names.append(name)
    return names


def wagtail_admin_urls():
    """Wagtail's own back-office URLs that take no arguments, but signing in and out."""
    ours = our_viewsets()
    urls = []
    for name, route, pattern in walk(get_resolver().url_patterns):
        if not route.startswith("admin/") or _ours(name, pattern, ours):
            continue
        if any(mark in route for mark in "<(^") or "login" in route or "logout" in route:
            continue
        urls.append("/" + route)
    return sorted(set(urls))


def path_for(name, world):
    special = {
        "wagtail_serve": "/",
        "wagtailcore_login": "/_util/login/",
        "wagtaildocs_serve": _document_path(),
        "wagtaildocs_authenticate_with_password": "/documents/authenticate_with_password/1/",
        "wagtailcore_authenticate_with_password": "/_util/authenticate_with_password/1/1/",
    }
    if name in special:
        return special[name]
    if name in world.arguments:
        return reverse(name, kwargs=world.arguments[name])
    namespace = name.split(":")[0]
    viewset = our_viewsets().get(namespace)
    try:
        return reverse(name)
    except Exception:
        if viewset is None:
            raise
    return reverse(name, kwargs={"pk": viewset_object(viewset.model, world).pk})


def _document_path():
    document = Document.objects.order_by("pk").first()
    return f"/documents/{document.pk}/{document.filename}"


def clients_for(world):
    clients = {}
    for role in ROLES:
        client = Client()
        if world.users[role] is not None:
            client.force_login(world.users[role])
        clients[role] = client
    return clients


def _audit_entries():
    return ModelLogEntry.objects.count() + PageLogEntry.objects.count()


def outcome(response):
    """What a response comes to: its status, "login" for a redirect to sign in, "no" for a
    redirect carrying a refusal, "302" for any other redirect."""
    if response.status_code not in (301, 302):
        return str(response.status_code)
    location = response["Location"]
    if location.startswith(("/accounts/login/", "/admin/login/")):
        return "login"
    refused = any(m.level == messages.ERROR for m in get_messages(response.wsgi_request))
    return "no" if refused else "302"


def try_url(client, method, path, name=""):
    """Make the request, undo whatever it changed, and return (outcome, audit entries it
    wrote)."""
    cookies = copy.deepcopy(client.cookies)
    with transaction.atomic():
        before = _audit_entries()
        if method == "POST":
            response = client.post(path, POST_DATA.get(name, {}))
        else:
            response = client.get(path)
        written = _audit_entries() - before
        transaction.set_rollback(True)
    client.cookies = cookies  # signing out, say, must not sign the client out for good
    return outcome(response), written

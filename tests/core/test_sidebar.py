"""The back office's sidebar is built once for a person and kept: the same menu on every page,
their own and no one else's, and a new one as soon as their permissions change."""

import json
import re

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from programme import roles
from programme.models import User

pytestmark = pytest.mark.django_db

PROPS = re.compile(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>')


def sidebar(response):
    return json.loads(PROPS.search(response.content.decode()).group(1))


def menu_urls(props):
    return set(re.findall(r'"url": "([^"]+)"', json.dumps(props)))


def signed_in(client, user):
    client.force_login(user)
    return client


def test_the_sidebar_is_built_once_for_a_person(client, programme_officer):
    client = signed_in(client, programme_officer)
    first = client.get("/admin/proposals/")
    with CaptureQueriesContext(connection) as again:
        second = client.get("/admin/proposals/")
    with CaptureQueriesContext(connection) as built:
        cache.clear()
        client.get("/admin/proposals/")
    assert sidebar(first) == sidebar(second)
    assert len(again) < len(built)


def test_each_person_sees_their_own_menu(client, programme_officer, finance_officer):
    team = sidebar(signed_in(client, programme_officer).get("/admin/"))
    finance = sidebar(signed_in(client, finance_officer).get("/admin/"))
    assert "/admin/families/" in menu_urls(team)
    assert "/admin/families/" not in menu_urls(finance)
    assert "/admin/spend/import/" in menu_urls(finance)
    assert "/admin/spend/import/" not in menu_urls(team)


def test_a_new_role_shows_in_the_sidebar_at_once(client, finance_officer):
    client = signed_in(client, finance_officer)
    before = menu_urls(sidebar(client.get("/admin/")))
    User.objects.get(pk=finance_officer.pk).groups.add(Group.objects.get(name=roles.PROGRAMME_TEAM))
    after = menu_urls(sidebar(client.get("/admin/")))
    assert "/admin/families/" not in before
    assert "/admin/families/" in after


def test_a_new_name_shows_in_the_sidebar_at_once(client, programme_officer):
    client = signed_in(client, programme_officer)
    client.get("/admin/")
    User.objects.filter(pk=programme_officer.pk).update(first_name="Ngozi")
    assert "Ngozi" in json.dumps(sidebar(client.get("/admin/")))

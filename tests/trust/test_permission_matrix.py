"""Every URL, for every role, gives the outcome the permission matrix says, and a refused
request changes nothing. A URL added without a line in the matrix fails here."""

import pytest
from django.db import transaction
from django.urls import get_resolver

from governance.models import Ballot
from tests.trust import world as worlds
from tests.trust.matrix import MATRIX
from tests.trust.moduledb import undone_after_module
from tests.trust.urlmatrix import (
    DENIED,
    clients_for,
    path_for,
    product_urls,
    try_url,
    wagtail_admin_urls,
    walk,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def world(demo_data, django_db_blocker):
    """The demo and the matrix's additions, built once for the module and undone after it."""
    with undone_after_module(django_db_blocker):
        built = worlds.build(demo_data)
        yield built, clients_for(built)


def test_every_url_has_a_line_in_the_matrix():
    assert sorted(product_urls()) == sorted(MATRIX)


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_role_gets_what_the_matrix_says(world, name):
    built, clients = world
    method, expected = MATRIX[name]
    path = path_for(name, built)
    seen = {}
    for role, client in clients.items():
        outcome, written = try_url(client, method, path, name)
        seen[role] = outcome + ("!" if written else "")
        assert not (outcome in DENIED and written), f"{role} was refused but changed something"
    assert seen == expected, path


# Wagtail's pages anyone may open: its translations, its icons and resetting a password.
OPEN_ADMIN_PATHS = ["/admin/jsi18n/", "/admin/sprite/", "/admin/password_reset/"]


def test_wagtails_own_back_office_turns_away_everyone_but_staff(world):
    _built, clients = world
    refused = {}
    for path in wagtail_admin_urls():
        if path.startswith(tuple(OPEN_ADMIN_PATHS)):
            continue
        for role in ["anon", "lead", "member", "chair"]:
            outcome, written = try_url(clients[role], "GET", path)
            if outcome != ("login" if role == "anon" else "403") or written:
                refused[(path, role)] = outcome
    assert refused == {}


def test_a_barred_members_vote_is_refused_and_not_recorded(world):
    built, clients = world
    path = path_for("governance:vote", built)
    with transaction.atomic():
        response = clients["barred"].post(path, {"choice": "for"}, follow=True)
        assert b"prejudicial interest has been declared" in response.content
        assert not Ballot.objects.filter(
            vote__item=built.item, member=built.users["barred"]
        ).exists()
        transaction.set_rollback(True)


def test_a_members_vote_is_recorded_once(world):
    built, clients = world
    path = path_for("governance:vote", built)
    with transaction.atomic():
        clients["member"].post(path, {"choice": "for"})
        clients["member"].post(path, {"choice": "against"})
        ballots = Ballot.objects.filter(vote__item=built.item, member=built.users["member"])
        assert [b.choice for b in ballots] == ["against"]
        transaction.set_rollback(True)


def test_no_url_of_the_product_is_exempt_from_csrf_checks():
    """Every URL in the matrix. (Wagtail's read-only admin API is exempt as Django REST
    framework views are; it enforces CSRF itself for signed-in sessions.)"""
    names = set(product_urls())
    exempt = [
        name
        for name, _route, pattern in walk(get_resolver().url_patterns)
        if name in names and getattr(pattern.callback, "csrf_exempt", False)
    ]
    assert exempt == []

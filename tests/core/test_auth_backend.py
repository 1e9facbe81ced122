"""The signed-in person and their Wagtail profile are read in one query, and their
permissions, their own and their groups', in one more."""

from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.users.models import UserProfile

from core.auth_backends import ModelBackendFewerQueries, group_names, permitted_content_types
from programme.roles import FINANCE
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def fresh(user):
    return get_user_model().objects.get(pk=user.pk)


def test_a_person_has_their_groups_permissions_and_their_own():
    user = UserFactory(role=FINANCE)
    own = Permission.objects.get(codename="view_organisation")
    user.user_permissions.add(own)
    group_perms = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Group.objects.get(name=FINANCE).permissions.select_related("content_type")
    }
    assert fresh(user).get_all_permissions() == group_perms | {"programme.view_organisation"}


def test_the_permissions_and_groups_take_one_query_per_request():
    user = fresh(UserFactory(role=FINANCE))
    with CaptureQueriesContext(connection) as queries:
        user.has_perm("projects.view_spendline")
        user.has_perm("proposals.screen_proposal")
        assert group_names(user) == {FINANCE}
    assert len(queries) == 1


def test_someone_in_no_group_has_no_group_names():
    assert group_names(fresh(UserFactory())) == set()


def test_a_superuser_has_every_permission():
    user = fresh(UserFactory(is_superuser=True))
    assert len(user.get_all_permissions()) == Permission.objects.count()


def test_someone_inactive_has_none():
    user = UserFactory(role=FINANCE)
    user.is_active = False
    assert user.get_all_permissions() == set()
    assert not user.has_perm("projects.view_spendline")
    assert group_names(user) == {FINANCE}


def test_the_person_comes_with_their_profile_in_one_query():
    user = UserFactory(role=FINANCE)
    UserProfile.get_for_user(user)
    with CaptureQueriesContext(connection) as queries:
        signed_in = ModelBackendFewerQueries().get_user(user.pk)
        assert signed_in.wagtail_userprofile.user_id == user.pk
    assert len(queries) == 1


def test_someone_inactive_or_unknown_is_not_signed_in():
    user = UserFactory(role=FINANCE, is_active=False)
    assert ModelBackendFewerQueries().get_user(user.pk) is None
    assert ModelBackendFewerQueries().get_user(user.pk + 1000) is None


def test_the_kinds_of_record_a_person_holds_permissions_on_come_with_the_permissions():
    user = UserFactory(role=FINANCE)
    kinds = set(
        Group.objects.get(name=FINANCE).permissions.values_list("content_type_id", flat=True)
    )
    user = fresh(user)
    with CaptureQueriesContext(connection) as queries:
        assert permitted_content_types(user) == kinds
    assert len(queries) == 1


def test_a_permission_is_asked_of_the_backends_once_per_request():
    user = fresh(UserFactory(role=FINANCE))
    with mock.patch.object(
        ModelBackendFewerQueries, "has_perm", autospec=True, return_value=True
    ) as asked:
        assert user.has_perm("projects.view_spendline")
        assert user.has_perm("projects.view_spendline")
    assert asked.call_count == 1


def test_a_permission_on_a_record_is_asked_each_time():
    user = fresh(UserFactory(role=FINANCE))
    record = object()
    with mock.patch.object(
        ModelBackendFewerQueries, "has_perm", autospec=True, return_value=False
    ) as asked:
        user.has_perm("projects.view_spendline", record)
        user.has_perm("projects.view_spendline", record)
    assert asked.call_count == 2

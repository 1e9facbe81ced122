import pytest

from programme import roles
from tests.factories import MembershipFactory, UserFactory


@pytest.fixture
def lead(db):
    return UserFactory(role=roles.PROJECT_LEADS)


@pytest.fixture
def member(db):
    return MembershipFactory().user


@pytest.fixture
def programme_officer(db):
    return UserFactory(role=roles.PROGRAMME_TEAM)


@pytest.fixture
def finance_officer(db):
    return UserFactory(role=roles.FINANCE)


@pytest.fixture
def client_for(client):
    """A test client signed in as the given user."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in

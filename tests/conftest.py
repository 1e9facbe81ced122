import pytest
from django.core.cache import cache
from django.utils import timezone
from hypothesis import settings

from programme import roles
from tests import demo_snapshot
from tests.factories import MembershipFactory, UserFactory

# Timings belong in benchmarks: no property test fails for being slow on a busy machine.
settings.register_profile("suite", deadline=None)
settings.load_profile("suite")


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with nothing cached (a kept sidebar, core.admin.sidebar), as the
    database starts empty: rows rolled back may leave their keys behind."""
    cache.clear()


@pytest.fixture(scope="session")
def demo_data(django_db_setup, django_db_blocker):
    """The demo's rows, seeded once for the session (tests/demo_snapshot.py)."""
    with django_db_blocker.unblock():
        return demo_snapshot.take()


@pytest.fixture
def demo(db, demo_data):
    """The demo, as `make run` seeds it, fresh for this test."""
    demo_snapshot.restore(demo_data)


@pytest.fixture
def today(time_machine):
    """Today, for a test that depends on it: the clock is held still (time-machine) so the
    test cannot straddle midnight. CI runs the suite again with the clock moved (.ci/run)."""
    time_machine.move_to(timezone.now(), tick=False)
    return timezone.localdate()


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

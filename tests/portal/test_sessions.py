"""Everyone sees where they are signed in and can sign out of any other session, or all of
them; nobody can end someone else's."""

import pytest
from django.test import Client
from wagtail.models import ModelLogEntry

from programme.models import SignedInSession
from programme.services import sessions_end
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def signed_in(user, agent):
    """Signed in through the sign-in page, from a browser that says what it is."""
    client = Client(HTTP_USER_AGENT=agent)
    response = client.post("/accounts/login/", {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return client


def test_each_sign_in_is_listed_with_its_browser(lead):
    laptop = signed_in(lead, "Firefox on a laptop")
    signed_in(lead, "Safari on a phone")
    page = laptop.get("/accounts/sessions/").content.decode()
    assert "Firefox on a laptop" in page
    assert "Safari on a phone" in page
    assert page.count("This session") == 1


def test_signing_out_another_session_ends_it_there(lead):
    laptop = signed_in(lead, "Laptop")
    phone = signed_in(lead, "Phone")
    other = SignedInSession.objects.get(user_agent="Phone")
    response = laptop.post(f"/accounts/sessions/{other.pk}/end/")
    assert response.status_code == 302
    assert phone.get("/portal/").status_code == 302
    assert laptop.get("/portal/").status_code == 200
    assert ModelLogEntry.objects.filter(action="programme.sessions_end").count() == 1


def test_signing_out_everywhere_else_keeps_this_session(lead):
    laptop = signed_in(lead, "Laptop")
    others = [signed_in(lead, f"Phone {n}") for n in range(2)]
    laptop.post("/accounts/sessions/others/end/")
    assert [client.get("/portal/").status_code for client in others] == [302, 302]
    assert list(SignedInSession.objects.values_list("user_agent", flat=True)) == ["Laptop"]


def test_nobody_ends_someone_elses_session(lead, member):
    theirs = signed_in(member, "Their browser")
    mine = signed_in(lead, "Mine")
    session = SignedInSession.objects.get(user=member)
    assert mine.post(f"/accounts/sessions/{session.pk}/end/").status_code == 404
    assert sessions_end(user=lead, keep="", session_id=session.pk) == 0
    assert theirs.get("/portal/").status_code == 200


def test_signing_out_forgets_the_session(lead):
    client = signed_in(lead, "Laptop")
    client.post("/accounts/logout/")
    assert not SignedInSession.objects.exists()

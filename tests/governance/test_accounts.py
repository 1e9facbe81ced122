import re

import pytest
from django.core import mail

from programme.models import Organisation, User
from tests.factories import PASSWORD, UserFactory


@pytest.mark.django_db
def test_people_sign_in_with_their_email_in_any_case(client):
    UserFactory(email="priya.shah@families.example")
    response = client.post(
        "/accounts/login/", {"username": "Priya.Shah@Families.example", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/portal/"


@pytest.mark.django_db
def test_a_wrong_password_shows_an_error_summary(client):
    UserFactory(email="someone@families.example")
    response = client.post(
        "/accounts/login/", {"username": "someone@families.example", "password": "wrong"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Enter a correct email address and password." in page


@pytest.mark.django_db
def test_signing_out_ends_the_session(client_for):
    client = client_for(UserFactory())
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert client.get("/portal/").status_code == 302


@pytest.mark.django_db
def test_a_password_reset_email_carries_a_working_link(client):
    user = UserFactory(email="reset.me@families.example")
    client.post("/accounts/password-reset/", {"email": "reset.me@families.example"})
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/password-reset/\S+/)", mail.outbox[0].body)
    response = client.get(link.group(1), follow=True)
    form_url = response.redirect_chain[-1][0]
    new_password = "another-long-password-7"
    response = client.post(form_url, {"new_password1": new_password, "new_password2": new_password})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new_password)


@pytest.mark.django_db
def test_a_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client):
    response = client.post("/accounts/password-reset/", {"email": "nobody@families.example"})
    assert response.status_code == 302
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_user_editor_sets_a_persons_organisation(client):
    admin = User.objects.create_superuser("admin@families.example", "a-long-admin-pass-1")
    person = UserFactory(email="someone.new@families.example")
    police = Organisation.objects.create(name="Merseyside Police", sector="police")
    client.force_login(admin)
    page = client.get(f"/admin/users/edit/{person.pk}/").content.decode()
    assert 'name="organisation"' in page
    response = client.post(
        f"/admin/users/edit/{person.pk}/",
        {
            "email": person.email,
            "first_name": "Sam",
            "last_name": "Jones",
            "is_active": "on",
            "organisation": police.pk,
            "job_title": "Inspector",
            "password1": "",
            "password2": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    person.refresh_from_db()
    assert (person.organisation, person.job_title) == (police, "Inspector")

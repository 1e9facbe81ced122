"""'Have your say': anyone can send the programme team a message without an account; robots
are trapped, an address may send a few an hour, and the team reads them in the back office."""

import pytest
from wagtail.contrib.forms.models import FormSubmission

from programme.models import User
from public.models import FeedbackPage

pytestmark = pytest.mark.django_db

MESSAGE = {"your_message": "The parenting course helped us.", "which_best_describes_you": "Other"}


@pytest.fixture
def page(demo):
    return FeedbackPage.objects.live().get()


def test_anyone_can_send_a_message_and_is_thanked(client, page):
    response = client.post(page.url, MESSAGE)
    assert response.status_code == 200
    assert "Message sent" in response.content.decode()
    assert FormSubmission.objects.filter(page=page).count() == 1


def test_an_empty_message_is_refused_with_the_fields_named(client, page):
    response = client.post(page.url, {})
    page_html = response.content.decode()
    assert response.status_code == 400
    assert '<a href="#id_your_message">Enter your message</a>' in page_html
    radios = '<a href="#id_which_best_describes_you_0">Select which best describes you</a>'
    assert radios in page_html
    assert not FormSubmission.objects.exists()


def test_a_robot_that_fills_the_hidden_box_is_thanked_and_nothing_is_kept(client, page):
    response = client.post(page.url, {**MESSAGE, "website": "http://spam.example"})
    assert "Message sent" in response.content.decode()
    assert not FormSubmission.objects.exists()


def test_an_address_may_send_only_a_few_messages_an_hour(client, page, settings):
    settings.FEEDBACK_PER_HOUR = 2
    for _ in range(2):
        client.post(page.url, MESSAGE)
    refused = client.post(page.url, MESSAGE)
    assert refused.status_code == 400
    assert "try again later" in refused.content.decode()
    assert FormSubmission.objects.count() == 2
    other = client.post(page.url, MESSAGE, REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200


def test_the_programme_team_reads_the_messages_in_the_back_office(client, page):
    client.post(page.url, MESSAGE)
    client.force_login(User.objects.get(email="programme@families.example"))
    listing = client.get(f"/admin/forms/submissions/{page.pk}/").content.decode()
    assert "The parenting course helped us." in listing

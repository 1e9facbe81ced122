"""The meeting room and the lead's answer follow the GOV.UK error pattern: a form that fails
is shown again, with an error summary linking to the field, the message beside it and the
answers kept, never a banner over a collapsed form."""

import datetime

import pytest

from governance import services
from governance.models import AgendaItem, Question, Vote
from programme.models import Meeting, User

pytestmark = pytest.mark.django_db


def person(role):
    return User.objects.get(email=f"{role}@families.example")


@pytest.fixture
def item(demo):
    """An item at today's meeting (in session) whose vote has not opened."""
    meeting = Meeting.objects.get(status=Meeting.Status.IN_SESSION)
    return (
        AgendaItem.objects.filter(meeting=meeting, proposal__isnull=False)
        .exclude(vote__state__in=[Vote.State.OPEN, Vote.State.CLOSED])
        .first()
    )


@pytest.fixture
def voted_item(item):
    """The item once the group has voted on it, awaiting its decision."""
    vote = services.vote_open(user=person("chair"), item=item)
    services.vote_cast(user=person("member"), vote=vote, choice="for")
    services.vote_close(user=person("chair"), vote=vote)
    return item


def url(item, action):
    return f"/portal/meetings/{item.meeting_id}/items/{item.pk}/{action}/"


def test_an_empty_declaration_is_shown_again_with_its_field_named(client, item):
    client.force_login(person("member"))
    response = client.post(url(item, "declare"), {"prejudicial": "on"})
    page = response.content.decode()
    assert response.status_code == 400
    assert '<a href="#id_nature">Describe your interest</a>' in page
    assert 'class="govuk-error-message"' in page
    assert '<details class="govuk-details" open>' in page


def test_a_condition_without_its_owner_names_the_missing_fields_and_keeps_the_answers(
    client, voted_item
):
    client.force_login(person("chair"))
    response = client.post(
        url(voted_item, "decide"),
        {"outcome": "approved_with_conditions", "condition": "Quarterly attendance data"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert '<a href="#id_condition_owner">Select the condition&#x27;s owner</a>' in page
    assert '<a href="#id_condition_due">Enter the date the condition is due</a>' in page
    assert "Quarterly attendance data</textarea>" in page


def test_an_empty_answer_to_the_group_is_refused_with_its_field_named(client, demo):
    question = Question.objects.filter(answer="").first()
    client.force_login(person("lead"))
    response = client.post(f"/portal/questions/{question.pk}/answer/", {"answer": "  "})
    page = response.content.decode()
    assert response.status_code == 400
    assert '<a href="#id_answer">Enter your answer</a>' in page
    assert question.text in page
    question.refresh_from_db()
    assert question.answer == ""


def test_a_decision_carries_several_conditions_each_with_its_owner_and_dates(
    client, voted_item, today
):
    chair = person("chair")
    client.force_login(chair)
    later = today + datetime.timedelta(days=60)
    response = client.post(
        url(voted_item, "decide"),
        {
            "outcome": "approved_with_conditions",
            "approved_amount": "1000.00",
            "condition": "Quarterly attendance data",
            "condition_owner": chair.pk,
            "condition_due": later.isoformat(),
            "condition_review": later.isoformat(),
            "condition_2": "A data-sharing agreement with the police",
            "condition_2_owner": chair.pk,
            "condition_2_due": later.isoformat(),
            "condition_2_review": later.isoformat(),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    decision = voted_item.decisions.get()
    assert sorted(c.text for c in decision.conditions.all()) == [
        "A data-sharing agreement with the police",
        "Quarterly attendance data",
    ]


def test_a_second_condition_without_its_owner_is_named(client, voted_item):
    client.force_login(person("chair"))
    response = client.post(
        url(voted_item, "decide"),
        {"outcome": "approved_with_conditions", "condition_2": "Attendance data"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Select condition 2&#x27;s owner" in page
    assert not voted_item.decisions.exists()

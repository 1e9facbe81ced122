"""A member's question reaches the lead: an email with a link to answer it, and a banner on
the lead's portal home until it is answered."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from governance import services
from governance.models import Decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def papers_out(meeting_setup):
    """The papers are out and the meeting has not started: the time for questions."""
    meeting = meeting_setup["meeting"]
    type(meeting).objects.filter(pk=meeting.pk).update(status="agenda_published")
    meeting.refresh_from_db()
    return meeting_setup


def ask(setup):
    return services.question_ask(
        user=setup["members"][0], item=setup["item"], text="How many families a year?"
    )


def test_the_lead_is_emailed_with_a_link_to_answer(papers_out, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        question = ask(papers_out)
    message = mail.outbox[-1]
    assert message.to[0] == papers_out["proposal"].lead.email
    assert "How many families a year?" in message.body
    assert f"/portal/questions/{question.pk}/answer/" in message.body


def test_the_question_waits_on_the_leads_home_page_until_answered(client_for, papers_out):
    question = ask(papers_out)
    lead = papers_out["proposal"].lead
    client = client_for(lead)
    assert "How many families a year?" in client.get("/portal/").content.decode()
    services.question_answer(user=lead, question=question, answer="About 400.")
    assert "Questions to answer" not in client.get("/portal/").content.decode()


def test_an_answer_cannot_be_written_or_rewritten_once_the_item_is_decided(papers_out):
    question = ask(papers_out)
    lead = papers_out["proposal"].lead
    services.question_answer(user=lead, question=question, answer="About 400.")
    meeting = papers_out["meeting"]
    type(meeting).objects.filter(pk=meeting.pk).update(status="in_session")
    services.decision_record(
        user=papers_out["chair"],
        item=papers_out["item"],
        outcome=Decision.Outcome.DEFERRED,
        reasons="Not reached.",
        today=meeting.date,
    )
    with pytest.raises(ValidationError, match="cannot change"):
        services.question_answer(user=lead, question=question, answer="About 4,000.")
    question.refresh_from_db()
    assert question.answer == "About 400."

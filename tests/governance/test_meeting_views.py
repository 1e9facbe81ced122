import datetime

import pytest
from django.core.exceptions import PermissionDenied

from governance import services
from governance.models import Decision, Declaration, Question, Vote
from tests.factories import CriterionFactory, MeetingFactory, PriorityFactory
from tests.governance.conftest import eligible_proposal


def urls(setup):
    meeting, item = setup["meeting"], setup["item"]
    return [
        f"/portal/meetings/{meeting.pk}/",
        f"/portal/meetings/{meeting.pk}/papers/",
        f"/portal/meetings/{meeting.pk}/items/{item.pk}/",
    ]


def test_members_read_the_meeting_its_papers_and_items(client_for, meeting_setup):
    client = client_for(meeting_setup["members"][0])
    for url in urls(meeting_setup):
        assert client.get(url).status_code == 200, url
    papers = client.get(urls(meeting_setup)[1]).content.decode()
    assert meeting_setup["proposal"].reference in papers
    assert "Remaining if all were approved" in papers


def test_project_leads_cannot_read_the_groups_meeting_pages(client_for, meeting_setup, lead):
    client = client_for(lead)
    for url in urls(meeting_setup):
        assert client.get(url).status_code == 403, url


def test_anonymous_visitors_are_sent_to_sign_in(client, meeting_setup):
    for url in urls(meeting_setup):
        assert client.get(url)["Location"].startswith("/accounts/login/")


def test_a_member_cannot_open_a_vote_by_posting_to_its_url(client_for, meeting_setup):
    setup = meeting_setup
    url = f"/portal/meetings/{setup['meeting'].pk}/items/{setup['item'].pk}/vote/open/"
    response = client_for(setup["members"][0]).post(url, follow=True)
    assert "Only the chair, the vice-chair or the programme team" in response.content.decode()
    assert not Vote.objects.filter(state="open").exists()


def test_the_chair_opens_and_a_member_votes_through_the_portal(client, meeting_setup):
    setup = meeting_setup
    base = f"/portal/meetings/{setup['meeting'].pk}/items/{setup['item'].pk}/"
    client.force_login(setup["chair"])
    client.post(base + "vote/open/")
    client.force_login(setup["members"][0])
    client.post(base + "vote/cast/", {"choice": "for"})
    page = client.get(base).content.decode()
    assert "You voted for" in page
    vote = Vote.objects.get()
    assert vote.ballots.get().member == setup["members"][0]


def test_a_member_declares_an_interest_through_the_portal(client_for, meeting_setup):
    member = meeting_setup["members"][0]
    url = (
        f"/portal/meetings/{meeting_setup['meeting'].pk}/items/{meeting_setup['item'].pk}/declare/"
    )
    client_for(member).post(url, {"nature": "My sister works there", "prejudicial": "on"})
    assert Declaration.objects.get(member=member).prejudicial


def test_a_member_asks_and_the_lead_answers_on_their_proposal_page(
    client, group, programme_officer
):
    CriterionFactory()
    PriorityFactory()
    meeting = MeetingFactory(date=datetime.date(2030, 3, 6))
    proposal = eligible_proposal(programme_officer)
    services.agenda_publish(user=programme_officer, meeting=meeting)
    item = meeting.agenda.get(proposal=proposal)
    client.force_login(group["members"][0])
    client.post(f"/portal/meetings/{meeting.pk}/items/{item.pk}/ask/", {"text": "Who refers?"})
    question = Question.objects.get()
    client.force_login(proposal.lead)
    assert "Who refers?" in client.get(f"/portal/proposals/{proposal.reference}/").content.decode()
    client.post(
        f"/portal/questions/{question.pk}/answer/",
        {"answer": "Schools and GPs."},
    )
    question.refresh_from_db()
    assert question.answer == "Schools and GPs."


def test_another_lead_cannot_answer_a_question(client_for, meeting_setup, lead):
    setup = meeting_setup
    question = Question.objects.create(item=setup["item"], asked_by=setup["chair"], text="Why?")
    with pytest.raises(PermissionDenied, match="Only the proposal's leads"):
        services.question_answer(user=lead, question=question, answer="Because")


def test_only_the_chair_reaches_chairs_action(client_for, meeting_setup):
    assert client_for(meeting_setup["members"][0]).get("/portal/chairs-action/").status_code == 403
    assert client_for(meeting_setup["chair"]).get("/portal/chairs-action/").status_code == 200


def test_urgent_business_needs_the_chairs_reason(client_for, meeting_setup, programme_officer):
    late = eligible_proposal(programme_officer)
    url = f"/portal/meetings/{meeting_setup['meeting'].pk}/urgent/"
    client = client_for(meeting_setup["chair"])
    response = client.post(url, {"proposal": late.pk, "reason": ""})
    assert "There is a problem" in response.content.decode()
    client.post(url, {"proposal": late.pk, "reason": "Funding lapses on 31 March."})
    item = meeting_setup["meeting"].agenda.get(proposal=late)
    assert item.urgent_reason == "Funding lapses on 31 March."


def approved_at_20000(setup):
    """The item voted through and approved for £20,000; returns the decision and the item's
    page address."""
    vote = services.vote_open(user=setup["chair"], item=setup["item"])
    services.vote_cast(user=setup["members"][0], vote=vote, choice="for")
    services.vote_close(user=setup["chair"], vote=vote)
    decision = services.decision_record(
        user=setup["chair"], item=setup["item"], outcome="approved", approved_amount="20000"
    )
    return decision, f"/portal/meetings/{setup['meeting'].pk}/items/{setup['item'].pk}/"


def test_a_decision_is_corrected_from_the_item_page(client_for, meeting_setup):
    setup = meeting_setup
    decision, base = approved_at_20000(setup)
    client = client_for(setup["chair"])
    client.post(
        base + f"decisions/{decision.pk}/correct/",
        {
            "correct-outcome": "approved",
            "correct-approved_amount": "19000",
            "correct-reasons": "Minuted in error",
        },
    )
    correction = Decision.objects.get(corrects=decision)
    assert correction.approved_amount == 19000
    page = client.get(base).content.decode()
    assert "Corrected" in page
    assert "This corrects an earlier decision" in page


def test_a_correction_to_approved_with_conditions_takes_its_conditions(client_for, meeting_setup):
    setup = meeting_setup
    decision, base = approved_at_20000(setup)
    response = client_for(setup["chair"]).post(
        base + f"decisions/{decision.pk}/correct/",
        {
            "correct-outcome": "approved_with_conditions",
            "correct-approved_amount": "20000",
            "correct-reasons": "The conditions were left out of the record",
            "correct-condition": "Quarterly attendance data",
            "correct-condition_owner": setup["chair"].pk,
            "correct-condition_due": "2030-06-30",
            "correct-condition_review": "2030-07-10",
        },
    )
    assert response.status_code == 302
    correction = Decision.objects.get(corrects=decision)
    assert [c.text for c in correction.conditions.all()] == ["Quarterly attendance data"]

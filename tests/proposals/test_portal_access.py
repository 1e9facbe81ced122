"""Who can open which proposal page. Nobody learns of another's proposal by guessing a URL."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from programme.models import Meeting
from proposals import services
from proposals.models import Proposal
from tests.factories import UserFactory, add_co_lead, complete_proposal
from tests.proposals.conftest import TODAY
from tests.proposals.test_attachments import PDF

LEAD_ONLY_PAGES = [
    "",
    "check/",
    "about/",
    "need/",
    "priorities/",
    "delivery/",
    "outcomes/",
    "criteria/",
    "budget/",
    "attachments/",
    "co-leads/",
    "withdraw/",
]


@pytest.fixture
def proposal(ready):
    proposal = complete_proposal()
    services.attachment_add(
        user=proposal.lead, proposal=proposal, uploaded_file=SimpleUploadedFile("plan.pdf", PDF)
    )
    return proposal


def url(proposal, suffix=""):
    return f"/portal/proposals/{proposal.reference}/{suffix}"


@pytest.mark.parametrize("suffix", LEAD_ONLY_PAGES)
def test_the_lead_opens_every_page_of_their_draft(client_for, proposal, suffix):
    assert client_for(proposal.lead).get(url(proposal, suffix)).status_code == 200


@pytest.mark.parametrize("suffix", LEAD_ONLY_PAGES)
def test_another_lead_gets_404_from_every_page_of_a_draft(client_for, proposal, lead, suffix):
    assert client_for(lead).get(url(proposal, suffix)).status_code == 404


@pytest.mark.parametrize("suffix", ["about/", "budget/", "check/"])
def test_another_lead_cannot_post_to_a_draft(client_for, proposal, lead, suffix):
    response = client_for(lead).post(url(proposal, suffix), {"title": "Hijacked", "summary": "x"})
    assert response.status_code == 404
    proposal.refresh_from_db()
    assert proposal.title != "Hijacked"
    assert proposal.status == Proposal.Status.DRAFT


@pytest.mark.parametrize("who", ["lead", "member", "programme_officer", "finance_officer"])
def test_nobody_but_its_leads_sees_a_draft_or_its_files(client_for, proposal, who, request):
    client = client_for(request.getfixturevalue(who))
    attachment = proposal.attachments.get()
    assert client.get(url(proposal)).status_code == 404
    assert client.get(url(proposal, f"attachments/{attachment.pk}/")).status_code == 404


def test_a_co_lead_can_edit_the_proposal(client_for, proposal, lead):
    add_co_lead(proposal, lead)
    response = client_for(lead).get(url(proposal, "about/"))
    assert response.status_code == 200


def test_the_programme_team_reads_the_submitted_version_and_its_files(
    client_for, proposal, programme_officer
):
    services.proposal_submit(user=proposal.lead, proposal=proposal, today=TODAY)
    client = client_for(programme_officer)
    response = client.get(url(proposal), follow=True)
    assert response.redirect_chain[-1][0] == url(proposal, "versions/1/")
    download = client.get(url(proposal, f"attachments/{proposal.attachments.get().pk}/"))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Disposition"].startswith('attachment; filename="plan.pdf"')


def test_group_members_read_proposals_once_their_papers_are_published(client_for, proposal, member):
    services.proposal_submit(user=proposal.lead, proposal=proposal, today=TODAY)
    client = client_for(member)
    attachment = url(proposal, f"attachments/{proposal.attachments.get().pk}/")
    assert client.get(url(proposal, "versions/1/")).status_code == 404
    Proposal.objects.filter(pk=proposal.pk).update(status=Proposal.Status.ELIGIBLE)
    assert client.get(url(proposal, "versions/1/")).status_code == 404
    assert client.get(attachment).status_code == 404
    proposal.refresh_from_db()
    Meeting.objects.filter(pk=proposal.meeting_id).update(status=Meeting.Status.AGENDA_PUBLISHED)
    assert client.get(url(proposal, "versions/1/")).status_code == 200
    assert client.get(attachment).status_code == 200


def test_anonymous_visitors_are_sent_to_sign_in(client, proposal):
    response = client.get(url(proposal))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_people_who_are_not_leads_cannot_start_proposals(client_for, member):
    assert client_for(member).get("/portal/proposals/new/").status_code == 403
    assert client_for(member).get("/portal/proposals/").status_code == 403


@pytest.mark.django_db
def test_a_lead_sees_only_their_own_proposals_in_the_list(client_for, ready):
    mine = complete_proposal()
    theirs = complete_proposal(lead=UserFactory(role="Project leads"))
    page = client_for(mine.lead).get("/portal/proposals/").content.decode()
    assert mine.reference in page
    assert theirs.reference not in page


@pytest.mark.parametrize("kind", ["budget", "attachments", "co-leads"])
def test_another_proposals_id_in_a_remove_url_is_not_found(client_for, proposal, kind):
    other = complete_proposal()
    services.attachment_add(
        user=other.lead, proposal=other, uploaded_file=SimpleUploadedFile("plan.pdf", PDF)
    )
    co_lead = UserFactory()
    other.co_leads.add(co_lead)
    foreign_id = {
        "budget": other.budget_lines.first().pk,
        "attachments": other.attachments.get().pk,
        "co-leads": co_lead.pk,
    }[kind]
    response = client_for(proposal.lead).post(url(proposal, f"{kind}/{foreign_id}/remove/"))
    assert response.status_code == 404
    assert other.budget_lines.count() and other.attachments.filter(removed_at=None).exists()
    assert other.co_leads.filter(pk=co_lead.pk).exists()

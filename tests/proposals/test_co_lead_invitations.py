"""Co-leads by invitation: a lead invites an address, and its owner becomes a co-lead only by
accepting, signed in with that address. Inviting never tells the lead whether the address has
an account."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from programme import roles
from proposals import services
from proposals.models import CoLeadInvitation
from tests.factories import UserFactory, complete_proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(ready):
    return complete_proposal()


def invite(proposal, email):
    return services.co_lead_invite(user=proposal.lead, proposal=proposal, email=email)


def test_an_invited_lead_is_not_a_co_lead_until_they_accept(proposal, lead):
    invitation = invite(proposal, lead.email)
    assert not proposal.co_leads.filter(pk=lead.pk).exists()
    services.co_lead_accept(user=lead, invitation=invitation)
    assert proposal.co_leads.filter(pk=lead.pk).exists()
    invitation.refresh_from_db()
    assert invitation.status == CoLeadInvitation.Status.ACCEPTED
    assert ModelLogEntry.objects.filter(action="proposals.co_lead_add").exists()


def test_the_invited_lead_is_emailed_and_an_unknown_address_is_not(
    proposal, lead, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite(proposal, lead.email)
        invite(proposal, "nobody@nowhere.example")
    assert [message.to for message in mail.outbox] == [[lead.email]]
    assert proposal.reference in mail.outbox[0].subject


def test_the_page_says_the_same_whether_or_not_the_address_has_an_account(
    client_for, proposal, lead
):
    client = client_for(proposal.lead)
    url = f"/portal/proposals/{proposal.reference}/co-leads/"
    pages = []
    for email in [lead.email, "nobody@nowhere.example"]:
        response = client.post(url, {"email": email}, follow=True)
        pages.append(response.content.decode().replace(email, "ADDRESS"))
    assert "We have invited ADDRESS" in pages[0]
    assert pages[0].count("ADDRESS") == pages[1].count("ADDRESS")
    assert not proposal.co_leads.exists()


def test_someone_else_cannot_accept_an_invitation(proposal, lead, client_for):
    invitation = invite(proposal, lead.email)
    stranger = UserFactory(role=roles.PROJECT_LEADS)
    with pytest.raises(PermissionDenied):
        services.co_lead_accept(user=stranger, invitation=invitation)
    response = client_for(stranger).post(f"/portal/proposals/invitations/{invitation.pk}/accept/")
    assert response.status_code == 404
    assert not proposal.co_leads.exists()


def test_a_declined_invitation_cannot_then_be_accepted(proposal, lead):
    invitation = invite(proposal, lead.email)
    services.co_lead_decline(user=lead, invitation=invitation)
    with pytest.raises(PermissionDenied):
        services.co_lead_accept(user=lead, invitation=invitation)
    assert not proposal.co_leads.exists()


def test_a_withdrawn_invitation_cannot_be_accepted(proposal, lead):
    invitation = invite(proposal, lead.email)
    services.co_lead_invitation_withdraw(
        user=proposal.lead, proposal=proposal, invitation_id=invitation.pk
    )
    with pytest.raises(PermissionDenied):
        services.co_lead_accept(user=lead, invitation=invitation)
    assert not proposal.co_leads.exists()


def test_an_address_in_another_form_is_the_same_invitation(proposal, lead):
    invite(proposal, lead.email)
    with pytest.raises(ValidationError, match="already been invited"):
        invite(proposal, lead.email.upper())


def test_the_lead_cannot_invite_themselves(proposal):
    with pytest.raises(ValidationError, match="proposal's lead"):
        invite(proposal, proposal.lead.email)


def test_the_invited_lead_answers_from_their_home_page(client_for, proposal, lead):
    invite(proposal, lead.email)
    client = client_for(lead)
    home = client.get("/portal/").content.decode()
    assert "Invitations to co-lead" in home
    invitation = CoLeadInvitation.objects.get()
    response = client.post(f"/portal/proposals/invitations/{invitation.pk}/accept/")
    assert response.status_code == 302
    assert proposal.co_leads.filter(pk=lead.pk).exists()

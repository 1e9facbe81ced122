"""The agenda reads as the group's papers do: standing items numbered, the funding proposals
one numbered item with each proposal numbered under it."""

import re

import pytest

from governance.models import AgendaItem
from programme.models import Meeting, User

pytestmark = pytest.mark.django_db


def test_the_funding_proposals_are_one_agenda_item_with_each_proposal_under_it(client, demo):
    meeting = Meeting.objects.get(status=Meeting.Status.IN_SESSION)
    client.force_login(User.objects.get(email="member@families.example"))
    page = client.get(f"/portal/meetings/{meeting.pk}/").content.decode()
    agenda = page[page.index('<h2 class="govuk-heading-l">Agenda</h2>') :]
    nested = re.search(r"Funding proposals</span>\s*<ol[^>]*>(.*?)</ol>", agenda, re.S)
    proposals = AgendaItem.objects.filter(meeting=meeting, proposal__isnull=False)
    assert nested is not None
    assert nested.group(1).count("<li>") == proposals.count()
    assert all(item.title in nested.group(1) for item in proposals)
    assert agenda.count("Funding proposals") == 1

"""The forward plan lists the decisions the group will take: each proposal screened eligible
and placed on a meeting still to come, with its organisation and the amount requested."""

import pytest

from core.money import pounds
from proposals.models import Proposal
from proposals.selectors import forward_plan

pytestmark = pytest.mark.django_db


def test_the_forward_plan_lists_each_eligible_proposal_on_a_meeting_to_come(client, demo, today):
    page = client.get("/forward-plan/").content.decode()
    planned = list(forward_plan(today))
    assert planned
    for proposal in planned:
        assert proposal.reference in page
        assert pounds(proposal.total_requested) in page
        assert f"{proposal.meeting.date:%-d %B %Y}" in page
    decided = Proposal.objects.filter(status=Proposal.Status.DECIDED).first()
    assert decided.reference not in page

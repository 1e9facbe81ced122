import datetime
from decimal import Decimal

import pytest

from governance import services
from governance.models import Attendance
from programme.models import Membership
from proposals import services as proposal_services
from proposals.models import CriterionResult, Screening
from tests.factories import (
    CriterionFactory,
    FundFactory,
    MeetingFactory,
    MembershipFactory,
    PriorityFactory,
    complete_proposal,
)

MEETING_DAY = datetime.date(2030, 3, 6)
BEFORE_DEADLINE = datetime.date(2030, 1, 6)


@pytest.fixture
def group(db):
    """A chair, a vice-chair, three members and an adviser."""
    return {
        "chair": MembershipFactory(role=Membership.Role.CHAIR).user,
        "vice": MembershipFactory(role=Membership.Role.VICE_CHAIR).user,
        "members": [MembershipFactory().user for _ in range(3)],
        "adviser": MembershipFactory(role=Membership.Role.ADVISER).user,
    }


def eligible_proposal(officer, failed=False, amount=None, second_year=False):
    """Submitted and screened eligible; ``second_year`` delivers to March 2032, asking as much
    again in 2031-32."""
    proposal = complete_proposal(
        **({"delivery_end": datetime.date(2032, 3, 31)} if second_year else {})
    )
    if amount:
        proposal.budget_lines.update(amount=amount)
    if second_year:
        line = proposal.budget_lines.get()
        line.pk, line.financial_year = None, "2031-32"
        line.save()
    proposal_services.proposal_submit(user=proposal.lead, proposal=proposal, today=BEFORE_DEADLINE)
    result = CriterionResult.Result.NOT_MET if failed else CriterionResult.Result.MET
    proposal_services.proposal_screen(
        user=officer,
        proposal=proposal,
        results={a.criterion: (result, "") for a in proposal.answers.select_related("criterion")},
        recommendation=Screening.Recommendation.ELIGIBLE,
        today=BEFORE_DEADLINE,
    )
    proposal.refresh_from_db()
    return proposal


@pytest.fixture
def meeting_setup(group, programme_officer):
    """A published agenda with one proposal, everyone present, the meeting in session."""
    return set_up_meeting(group, programme_officer)


def set_up_meeting(group, programme_officer, **proposal_options):
    CriterionFactory(title="Value for money")
    PriorityFactory()
    FundFactory(financial_year="2029-30", total_budget=Decimal("100000.00"))
    FundFactory(financial_year="2030-31", total_budget=Decimal("100000.00"))
    meeting = MeetingFactory(date=MEETING_DAY)
    MeetingFactory(date=datetime.date(2030, 5, 8))
    proposal = eligible_proposal(programme_officer, **proposal_options)
    services.agenda_publish(user=programme_officer, meeting=meeting)
    for user in [group["chair"], group["vice"], *group["members"]]:
        services.attendance_record(
            user=programme_officer,
            meeting=meeting,
            person=user,
            capacity=Attendance.Capacity.MEMBER,
        )
    services.meeting_start(user=group["chair"], meeting=meeting, today=MEETING_DAY)
    meeting.refresh_from_db()
    item = meeting.agenda.get(proposal=proposal)
    return {"meeting": meeting, "proposal": proposal, "item": item, **group}

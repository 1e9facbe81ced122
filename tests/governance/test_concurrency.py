"""Parallel votes on PostgreSQL: row locks and the unique constraint, not luck."""

import datetime
import threading
import time

import pytest
from django.db import connection, connections
from django.test import Client

from governance import services
from governance.models import Attendance, Ballot
from governance.services import agenda as agenda_services
from governance.voting import tally
from proposals import services as proposal_services
from proposals.models import CriterionResult, Screening
from tests.factories import (
    CriterionFactory,
    MeetingFactory,
    MembershipFactory,
    PriorityFactory,
    complete_proposal,
)
from tests.governance.conftest import BEFORE_DEADLINE, MEETING_DAY

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL's row locks (DATABASE_URL)"
    ),
]


def test_twenty_members_voting_at_once_twice_each_leave_twenty_votes(
    group, programme_officer, request
):
    setup = request.getfixturevalue("meeting_setup")
    extra = [MembershipFactory().user for _ in range(15)]
    for user in extra:
        services.attendance_record(
            user=programme_officer,
            meeting=setup["meeting"],
            person=user,
            capacity=Attendance.Capacity.MEMBER,
        )
    voters = [setup["chair"], setup["vice"], *setup["members"], *extra]
    assert len(voters) == 20
    vote = services.vote_open(user=setup["chair"], item=setup["item"])
    start = threading.Barrier(len(voters))
    errors = []

    url = f"/portal/meetings/{setup['meeting'].pk}/items/{setup['item'].pk}/vote/cast/"
    clients = []
    for user in voters:
        client = Client()
        client.force_login(user)
        clients.append(client)

    def cast_twice(client, index):
        try:
            start.wait()
            for choice in ["against", "for" if index % 4 else "abstain"]:
                response = client.post(url, {"choice": choice})
                if response.status_code != 302:
                    errors.append(response.status_code)
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=cast_twice, args=(c, i)) for i, c in enumerate(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Ballot.objects.filter(vote=vote).count() == 20

    assert tally(vote) == {"for": 15, "against": 0, "abstain": 5}


def test_screening_while_the_papers_go_out_never_strands_the_proposal(
    group, programme_officer, monkeypatch
):
    """Publishing holds the meeting's row while it sends the papers; a proposal screened
    eligible in that moment waits, then rolls on to the next meeting, instead of staying placed
    on a meeting whose agenda was built without it."""
    CriterionFactory(title="Value for money")
    PriorityFactory()
    meeting = MeetingFactory(date=MEETING_DAY)
    later = MeetingFactory(date=datetime.date(2030, 5, 8))
    proposal = complete_proposal()
    proposal_services.proposal_submit(user=proposal.lead, proposal=proposal, today=BEFORE_DEADLINE)
    results = {a.criterion: (CriterionResult.Result.MET, "") for a in proposal.answers.all()}
    publishing = threading.Event()

    def send_while_holding_the_meeting(held):
        publishing.set()
        time.sleep(1)  # keep the meeting's row locked while the screening arrives

    monkeypatch.setattr(agenda_services, "send_papers", send_while_holding_the_meeting)
    errors = []

    def publish():
        try:
            services.agenda_publish(user=programme_officer, meeting=meeting)
        finally:
            connections.close_all()

    def screen():
        try:
            publishing.wait(10)
            proposal_services.proposal_screen(
                user=programme_officer,
                proposal=proposal,
                results=results,
                recommendation=Screening.Recommendation.ELIGIBLE,
                today=BEFORE_DEADLINE,
            )
        except Exception as error:  # noqa: BLE001 - asserted below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=publish), threading.Thread(target=screen)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    proposal.refresh_from_db()
    assert proposal.status == "eligible"
    assert meeting.agenda.filter(proposal=proposal).exists() or proposal.meeting == later

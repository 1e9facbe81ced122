"""Parallel votes on PostgreSQL: row locks and the unique constraint, not luck."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client

from governance import services
from governance.models import Attendance, Ballot
from governance.voting import tally
from tests.factories import MembershipFactory

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

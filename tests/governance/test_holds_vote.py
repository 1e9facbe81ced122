"""holds_vote asks for one person what item_voters works out for the whole meeting."""

import pytest

from governance import services
from governance.models import Attendance
from governance.voting import holds_vote, item_voters
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_holds_vote_agrees_with_item_voters_for_everyone(meeting_setup, programme_officer):
    meeting, item = meeting_setup["meeting"], meeting_setup["item"]
    absent = MembershipFactory().user
    covered = MembershipFactory().user
    substitute = UserFactory()
    stray_substitute = UserFactory()
    visitor = UserFactory()
    services.attendance_record(
        user=programme_officer, meeting=meeting, person=absent,
        capacity=Attendance.Capacity.MEMBER, present=False,
    )  # fmt: skip
    services.attendance_record(
        user=programme_officer, meeting=meeting, person=substitute,
        capacity=Attendance.Capacity.SUBSTITUTE, substitute_for=covered,
    )  # fmt: skip
    services.attendance_record(
        user=programme_officer, meeting=meeting, person=stray_substitute,
        capacity=Attendance.Capacity.SUBSTITUTE, substitute_for=meeting_setup["members"][0],
    )  # fmt: skip
    barred = meeting_setup["members"][1]
    services.declaration_record(
        user=barred, item=item, nature="Trustee of the proposing charity", prejudicial=True
    )
    voters = item_voters(item)
    people = [
        meeting_setup["chair"], meeting_setup["vice"], *meeting_setup["members"],
        meeting_setup["adviser"], absent, covered, substitute, stray_substitute, visitor,
    ]  # fmt: skip
    assert substitute.pk in voters and barred.pk not in voters
    for person in people:
        assert holds_vote(person.pk, item) == (person.pk in voters), person

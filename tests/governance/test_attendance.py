"""The secretary records attendance: one member at a time, or everyone not yet recorded in
one step, and the page changes without reloading."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from governance import services
from governance.models import Attendance
from tests.factories import MeetingFactory
from tests.governance.conftest import MEETING_DAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(group, programme_officer):
    """Papers out; the chair has sent apologies and nobody else is recorded."""
    meeting = MeetingFactory(date=MEETING_DAY)
    services.attendance_record(
        user=programme_officer,
        meeting=meeting,
        person=group["chair"],
        capacity=Attendance.Capacity.MEMBER,
        present=False,
    )
    return meeting


def test_everyone_not_yet_recorded_is_marked_present_and_apologies_stay(
    meeting, group, programme_officer
):
    recorded = services.attendance_all_present(user=programme_officer, meeting=meeting)
    present = set(
        Attendance.objects.filter(meeting=meeting, present=True).values_list("person", flat=True)
    )
    assert recorded == 4
    assert present == {group["vice"].pk, *(member.pk for member in group["members"])}
    assert not Attendance.objects.get(meeting=meeting, person=group["chair"]).present


def test_marking_everyone_again_is_refused_with_a_reason(meeting, programme_officer):
    services.attendance_all_present(user=programme_officer, meeting=meeting)
    with pytest.raises(ValidationError, match="already recorded"):
        services.attendance_all_present(user=programme_officer, meeting=meeting)


def test_a_member_cannot_mark_everyone_present(meeting, group):
    with pytest.raises(PermissionDenied):
        services.attendance_all_present(user=group["members"][0], meeting=meeting)


def test_the_page_asks_for_the_seats_only_and_gets_them_with_what_happened(
    client_for, meeting, programme_officer
):
    response = client_for(programme_officer).post(
        f"/portal/meetings/{meeting.pk}/attendance/everyone/",
        headers={"X-Partial": "attendance-seats"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert '<div id="attendance-seats">' in page
    assert "Everyone not yet recorded is marked present." in page
    assert "<html" not in page
    assert "Mark everyone present" not in page


def test_without_the_script_the_form_posts_and_returns_to_the_page(
    client_for, meeting, programme_officer
):
    response = client_for(programme_officer).post(
        f"/portal/meetings/{meeting.pk}/attendance/everyone/"
    )
    assert response.status_code == 302
    assert response.url == f"/portal/meetings/{meeting.pk}/attendance/"

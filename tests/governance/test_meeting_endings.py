"""A meeting can end other ways than with every item decided: closed with the rest deferred
in one confirmed step, adjourned part-way, or cancelled before it starts. Each needs its
reason, and nothing changes when it is refused."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from governance import services
from governance.models import Decision
from governance.selectors.minutes import minutes_html
from programme.models import Meeting
from proposals.models import Proposal
from tests.factories import MeetingFactory
from tests.governance.conftest import BEFORE_DEADLINE, MEETING_DAY, eligible_proposal

pytestmark = pytest.mark.django_db

NEXT_MEETING = datetime.date(2030, 5, 8)


def status(meeting):
    return Meeting.objects.get(pk=meeting.pk).status


def test_closing_defers_the_rest_in_one_step_with_the_reason(meeting_setup):
    meeting = meeting_setup["meeting"]
    services.meeting_close(user=meeting_setup["chair"], meeting=meeting, defer_rest="Out of time")
    decision = meeting_setup["item"].decisions.get()
    assert (decision.outcome, decision.reasons) == (Decision.Outcome.DEFERRED, "Out of time")
    assert Proposal.objects.get(pk=meeting_setup["proposal"].pk).meeting.date == NEXT_MEETING
    assert status(meeting) == Meeting.Status.CLOSED
    assert "Out of time" in minutes_html(meeting)


def test_the_close_page_lists_what_is_left_and_needs_a_reason(client_for, meeting_setup):
    meeting = meeting_setup["meeting"]
    client = client_for(meeting_setup["chair"])
    url = f"/portal/meetings/{meeting.pk}/defer-the-rest/"
    page = client.get(url).content.decode()
    assert meeting_setup["item"].title in page
    refused = client.post(url, {"reason": ""})
    assert refused.status_code == 400
    assert "Say why the rest are deferred" in refused.content.decode()
    assert status(meeting) == Meeting.Status.IN_SESSION
    assert client.post(url, {"reason": "Out of time"}).status_code == 302
    assert status(meeting) == Meeting.Status.CLOSED


def test_adjourning_defers_the_rest_and_keeps_the_reason(client_for, meeting_setup):
    meeting = meeting_setup["meeting"]
    url = f"/portal/meetings/{meeting.pk}/adjourn/"
    response = client_for(meeting_setup["chair"]).post(url, {"reason": "Lost its quorum"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.status, meeting.status_reason) == (Meeting.Status.ADJOURNED, "Lost its quorum")
    decision = meeting_setup["item"].decisions.get()
    assert decision.reasons == "Not reached: the meeting was adjourned (Lost its quorum)."


def test_a_meeting_not_in_session_cannot_be_adjourned(meeting_setup):
    meeting = meeting_setup["meeting"]
    services.meeting_close(user=meeting_setup["chair"], meeting=meeting, defer_rest="Out of time")
    with pytest.raises(ValidationError, match="Only a meeting in session"):
        services.meeting_adjourn(user=meeting_setup["chair"], meeting=meeting, reason="x")
    assert status(meeting) == Meeting.Status.CLOSED


def test_a_member_cannot_cancel_or_adjourn(client_for, meeting_setup):
    meeting = meeting_setup["meeting"]
    client = client_for(meeting_setup["members"][0])
    assert (
        client.post(f"/portal/meetings/{meeting.pk}/adjourn/", {"reason": "x"}).status_code == 403
    )
    assert client.post(f"/portal/meetings/{meeting.pk}/cancel/", {"reason": "x"}).status_code == 403
    assert status(meeting) == Meeting.Status.IN_SESSION


@pytest.fixture
def placed(group, programme_officer):
    meeting = MeetingFactory(date=MEETING_DAY)
    later = MeetingFactory(date=NEXT_MEETING)
    proposal = eligible_proposal(programme_officer)
    return meeting, later, proposal


def test_cancelling_moves_the_placed_proposals_on_and_tells_their_leads(
    placed, programme_officer, django_capture_on_commit_callbacks
):
    meeting, later, proposal = placed
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_cancel(user=programme_officer, meeting=meeting, reason="Snow")
    meeting.refresh_from_db()
    assert (meeting.status, meeting.status_reason) == (Meeting.Status.CANCELLED, "Snow")
    assert Proposal.objects.get(pk=proposal.pk).meeting == later
    assert [m.to[0] for m in mail.outbox] == [proposal.lead.email]
    assert "moves to the next meeting, on 8 May 2030" in mail.outbox[0].body
    assert later in Meeting.objects.open_for_submission(BEFORE_DEADLINE)
    assert meeting not in Meeting.objects.open_for_submission(BEFORE_DEADLINE)


def test_cancelling_after_the_papers_went_out_tells_the_group(
    placed, programme_officer, group, django_capture_on_commit_callbacks
):
    meeting, _later, _proposal = placed
    services.agenda_publish(user=programme_officer, meeting=meeting)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_cancel(user=programme_officer, meeting=meeting, reason="Snow")
    subjects = {message.subject for message in mail.outbox}
    assert "Cancelled: the strategic group meeting on 6 March 2030" in subjects


def test_a_meeting_with_proposals_cannot_be_cancelled_without_a_next_meeting(
    placed, programme_officer
):
    meeting, later, proposal = placed
    Meeting.objects.filter(pk=later.pk).update(status=Meeting.Status.CANCELLED)
    with pytest.raises(ValidationError, match="Schedule the next meeting first"):
        services.meeting_cancel(user=programme_officer, meeting=meeting, reason="Snow")
    assert status(meeting) == Meeting.Status.SCHEDULED
    assert Proposal.objects.get(pk=proposal.pk).meeting == meeting


def test_a_meeting_in_session_cannot_be_cancelled(meeting_setup):
    with pytest.raises(ValidationError, match="has not started"):
        services.meeting_cancel(
            user=meeting_setup["chair"], meeting=meeting_setup["meeting"], reason="x"
        )


def test_a_past_meeting_never_started_says_so(client_for, placed, programme_officer, time_machine):
    meeting, _later, _proposal = placed
    time_machine.move_to(MEETING_DAY + datetime.timedelta(days=3))
    page = client_for(programme_officer).get(f"/portal/meetings/{meeting.pk}/").content.decode()
    assert "date has passed and it was not started" in page

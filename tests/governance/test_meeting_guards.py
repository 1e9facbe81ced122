"""A meeting's life has guards: it starts on its date, closes only when every proposal has
a decision, and an item the group did not reach (or could not vote on) is deferred without a
vote."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from governance import services
from governance.models import Decision
from programme.models import Meeting, Membership
from proposals.models import Proposal
from tests.factories import MeetingFactory
from tests.governance.conftest import MEETING_DAY, eligible_proposal
from tests.governance.test_decisions import carried, decide

pytestmark = pytest.mark.django_db


def test_a_meeting_starts_on_another_day_only_with_the_reason(meeting_setup):
    meeting = meeting_setup["meeting"]
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.AGENDA_PUBLISHED)
    with pytest.raises(ValidationError, match="planned for 6 March 2030. Say why"):
        services.meeting_start(
            user=meeting_setup["chair"],
            meeting=meeting,
            today=MEETING_DAY - datetime.timedelta(days=1),
        )
    meeting.refresh_from_db()
    assert (meeting.status, meeting.date) == (Meeting.Status.AGENDA_PUBLISHED, MEETING_DAY)


def test_a_meeting_held_on_another_day_takes_that_date_and_keeps_the_planned_one(meeting_setup):
    meeting = meeting_setup["meeting"]
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.AGENDA_PUBLISHED)
    held = MEETING_DAY + datetime.timedelta(days=7)
    services.meeting_start(
        user=meeting_setup["chair"], meeting=meeting, reason="Snow closed the town hall", today=held
    )
    meeting.refresh_from_db()
    assert (meeting.status, meeting.date, meeting.planned_date) == (
        Meeting.Status.IN_SESSION,
        held,
        MEETING_DAY,
    )
    assert meeting.date_reason == "Snow closed the town hall"
    carried(meeting_setup)
    assert decide(meeting_setup, outcome="approved", approved_amount="1000").decided_on == held


@pytest.mark.parametrize(
    ("day", "refusal"),
    [
        (datetime.date(2030, 2, 20), "only after that"),
        (datetime.date(2030, 5, 8), "between the meetings before and after"),
    ],
)
def test_a_meeting_is_not_held_before_its_papers_date_or_after_the_next_meeting(
    meeting_setup, day, refusal
):
    meeting = meeting_setup["meeting"]
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.AGENDA_PUBLISHED)
    with pytest.raises(ValidationError, match=refusal):
        services.meeting_start(
            user=meeting_setup["chair"], meeting=meeting, reason="Moved", today=day
        )
    meeting.refresh_from_db()
    assert (meeting.status, meeting.date, meeting.planned_date) == (
        Meeting.Status.AGENDA_PUBLISHED,
        MEETING_DAY,
        None,
    )


def test_the_start_page_asks_for_the_reason(client_for, meeting_setup):
    meeting = meeting_setup["meeting"]
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.AGENDA_PUBLISHED)
    client = client_for(meeting_setup["chair"])
    refused = client.post(f"/portal/meetings/{meeting.pk}/start/", {"reason": ""})
    assert refused.status_code == 400
    assert "Say why the meeting is held today" in refused.content.decode()
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.AGENDA_PUBLISHED


def test_a_meeting_cannot_close_with_a_proposal_undecided(meeting_setup):
    with pytest.raises(ValidationError, match="Record a decision on every proposal"):
        services.meeting_close(user=meeting_setup["chair"], meeting=meeting_setup["meeting"])
    meeting_setup["meeting"].refresh_from_db()
    assert meeting_setup["meeting"].status == Meeting.Status.IN_SESSION


def test_an_item_not_voted_on_is_deferred_with_its_reason_and_the_meeting_can_close(
    meeting_setup,
):
    decision = decide(meeting_setup, outcome="deferred", reasons="Not quorate for this item")
    services.meeting_close(user=meeting_setup["chair"], meeting=meeting_setup["meeting"])
    assert decision.outcome == Decision.Outcome.DEFERRED
    assert Proposal.objects.get(pk=meeting_setup["proposal"].pk).meeting.date > MEETING_DAY
    assert Meeting.objects.get(pk=meeting_setup["meeting"].pk).status == Meeting.Status.CLOSED


def test_a_deferral_without_a_vote_needs_its_reason(meeting_setup):
    with pytest.raises(ValidationError, match="Say why the item is deferred"):
        decide(meeting_setup, outcome="deferred")


def test_without_a_vote_an_item_can_only_be_deferred(meeting_setup):
    with pytest.raises(ValidationError, match="once the vote on the item has closed"):
        decide(meeting_setup, outcome="approved", approved_amount="1000")


def test_the_secretary_defers_an_item_from_the_meeting_room(client_for, meeting_setup):
    item = meeting_setup["item"]
    client = client_for(meeting_setup["chair"])
    url = f"/portal/meetings/{item.meeting_id}/items/{item.pk}/defer/"
    empty = client.post(url, {"defer-reasons": ""})
    assert empty.status_code == 400
    assert "Say why the item is deferred" in empty.content.decode()
    assert client.post(url, {"defer-reasons": "Not reached"}).status_code == 302
    assert item.decisions.get().outcome == Decision.Outcome.DEFERRED


def test_a_voted_item_is_still_decided_after_its_vote(meeting_setup):
    carried(meeting_setup)
    assert decide(meeting_setup, outcome="approved", approved_amount="1000").outcome == "approved"


def test_the_secretary_cannot_silently_replace_a_members_own_vote(meeting_setup):
    vote = services.vote_open(user=meeting_setup["chair"], item=meeting_setup["item"])
    member = meeting_setup["members"][0]
    services.vote_cast(user=member, vote=vote, choice="against")
    with pytest.raises(ValidationError, match="has voted themselves"):
        services.vote_cast(user=meeting_setup["chair"], vote=vote, choice="for", member=member)
    assert vote.ballots.get(member=member).choice == "against"
    services.vote_cast(
        user=meeting_setup["chair"], vote=vote, choice="for", member=member, replace_own=True
    )
    entry = ModelLogEntry.objects.filter(action="governance.vote_cast").latest("timestamp")
    assert vote.ballots.get(member=member).choice == "for"
    assert entry.data["replaced_own_vote"] == "against"


def test_a_chair_cannot_grant_a_dispensation_on_their_own_interest(meeting_setup):
    chair = meeting_setup["chair"]
    declaration = services.declaration_record(
        user=chair, item=meeting_setup["item"], nature="Trustee", prejudicial=True
    )
    with pytest.raises(PermissionDenied, match="your own interest"):
        services.dispensation_grant(user=chair, declaration=declaration, reason="Needed")
    declaration.refresh_from_db()
    assert declaration.dispensation == ""
    services.dispensation_grant(
        user=meeting_setup["vice"], declaration=declaration, reason="Quorum needs her"
    )
    declaration.refresh_from_db()
    assert declaration.dispensation_by == meeting_setup["vice"]


def test_publishing_asks_first_and_warns_while_proposals_can_still_arrive(
    client_for, group, programme_officer, time_machine
):
    meeting = MeetingFactory(date=MEETING_DAY)
    proposal = eligible_proposal(programme_officer)
    time_machine.move_to(datetime.datetime(2030, 1, 6, 12), tick=False)
    client = client_for(programme_officer)
    page = client.get(f"/portal/meetings/{meeting.pk}/publish/").content.decode()
    assert "can still be submitted for this meeting until" in page
    assert proposal.reference in page
    assert f"Publish and email {Membership.objects.count()} members" in page
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.SCHEDULED
    client.post(f"/portal/meetings/{meeting.pk}/publish/")
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.AGENDA_PUBLISHED

"""Minutes are a structured draft read from the meeting's record, amended by the secretary
until a later meeting approves them; then locked as they were, and published without the
votes by name."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from governance import services
from governance.models import AgendaItem, Attendance, Minutes
from governance.selectors.minutes import minutes_html, minutes_shown
from programme.models import Meeting
from tests.factories import UserFactory
from tests.governance.test_decisions import carried, decide

pytestmark = pytest.mark.django_db

FOLLOWING = datetime.date(2030, 5, 8)


def closed(setup, amount="1000"):
    carried(setup)
    decide(setup, outcome="approved", approved_amount=amount)
    services.meeting_close(user=setup["chair"], meeting=setup["meeting"])
    return Minutes.objects.get(meeting=setup["meeting"])


def approved(setup, minutes):
    following = Meeting.objects.get(date=FOLLOWING)
    services.agenda_build(user=setup["chair"], meeting=following)
    Meeting.objects.filter(pk=following.pk).update(status=Meeting.Status.IN_SESSION)
    services.minutes_approve(user=setup["chair"], minutes=minutes, at_meeting=following)
    minutes.refresh_from_db()
    return minutes


def test_the_draft_reads_the_vote_the_ballots_and_the_decision_from_the_record(meeting_setup):
    closed(meeting_setup)
    text = minutes_html(meeting_setup["meeting"])
    assert "Vote: for 3, against 0, abstain 0" in text
    assert f"{meeting_setup['members'][0]} for" in text
    assert "Approved, £1,000.00." in text


def test_the_chair_is_minuted_as_chair_not_member(meeting_setup):
    closed(meeting_setup)
    text = minutes_html(meeting_setup["meeting"])
    chair_row = text.split(str(meeting_setup["chair"]), 1)[1].split("</tr>", 1)[0]
    assert ">Chair<" in chair_row


def test_a_substitute_is_minuted_by_name_for_the_member_they_replace(meeting_setup):
    meeting, absent = meeting_setup["meeting"], meeting_setup["members"][0]
    substitute = UserFactory()
    Attendance.objects.filter(meeting=meeting, person=absent).update(present=False)
    services.attendance_record(
        user=meeting_setup["chair"],
        meeting=meeting,
        person=substitute,
        capacity=Attendance.Capacity.SUBSTITUTE,
        substitute_for=absent,
    )
    vote = services.vote_open(user=meeting_setup["chair"], item=meeting_setup["item"])
    for member in [substitute, *meeting_setup["members"][1:]]:
        services.vote_cast(user=member, vote=vote, choice="for")
    services.vote_close(user=meeting_setup["chair"], vote=vote)
    text = minutes_html(meeting)
    assert f"Substitute for {absent}" in text
    assert f"{substitute} (for {absent}) for" in text
    assert f"Apologies were received from {absent}" in text


def test_the_secretary_adds_the_discussion_and_other_business(meeting_setup, programme_officer):
    minutes = closed(meeting_setup)
    item = meeting_setup["item"]
    services.minutes_amend(
        user=programme_officer,
        minutes=minutes,
        discussions={item.pk: "Members asked how families would be referred."},
        other_business="The next meeting will be online.",
    )
    text = minutes_html(meeting_setup["meeting"])
    assert "Members asked how families would be referred." in text
    assert "The next meeting will be online." in text
    entry = ModelLogEntry.objects.get(action="governance.minutes_amend")
    assert entry.data["changed"] == [item.title, "Other business"]


def test_a_member_cannot_amend_the_minutes(meeting_setup):
    minutes = closed(meeting_setup)
    with pytest.raises(PermissionDenied):
        services.minutes_amend(
            user=meeting_setup["members"][0],
            minutes=minutes,
            discussions={meeting_setup["item"].pk: "Mine"},
            other_business="",
        )
    assert AgendaItem.objects.get(pk=meeting_setup["item"].pk).discussion == ""


def test_a_note_on_another_meetings_item_is_refused(meeting_setup, programme_officer):
    minutes = closed(meeting_setup)
    other = Meeting.objects.get(date=FOLLOWING)
    services.agenda_build(user=programme_officer, meeting=other)
    stranger = other.agenda.order_by("pk").first()
    with pytest.raises(ValidationError, match="not on this agenda"):
        services.minutes_amend(
            user=programme_officer,
            minutes=minutes,
            discussions={stranger.pk: "Elsewhere"},
            other_business="",
        )
    stranger.refresh_from_db()
    assert stranger.discussion == ""


def test_approved_minutes_are_locked_as_they_were(meeting_setup, programme_officer):
    minutes = approved(meeting_setup, closed(meeting_setup))
    with pytest.raises(ValidationError, match="approved and locked"):
        services.minutes_amend(
            user=programme_officer, minutes=minutes, discussions={}, other_business="Later"
        )
    decision = meeting_setup["item"].decisions.get()
    services.decision_correct(
        user=programme_officer,
        decision=decision,
        outcome="approved",
        approved_amount="900",
        reasons="Wrong figure",
    )
    shown = minutes_shown(minutes)
    assert "£1,000.00" in shown
    assert "£900.00" not in shown
    assert "£900.00" in minutes_html(meeting_setup["meeting"])


def test_the_approving_meeting_minutes_that_it_approved_the_last_ones(meeting_setup):
    approved(meeting_setup, closed(meeting_setup))
    text = minutes_html(Meeting.objects.get(date=FOLLOWING))
    assert "The minutes of the meeting on 6 March 2030 were approved as a true record." in text


def test_published_minutes_give_tallies_but_not_votes_by_name(meeting_setup):
    minutes = approved(meeting_setup, closed(meeting_setup))
    public = minutes_shown(minutes, public=True)
    assert "Vote: for 3, against 0, abstain 0" in public
    assert "Recorded votes" not in public
    assert "Recorded votes" in minutes_shown(minutes)


def test_the_edit_page_saves_the_notes_and_names_a_field_too_long(
    client_for, meeting_setup, programme_officer
):
    minutes = closed(meeting_setup)
    item = meeting_setup["item"]
    client = client_for(programme_officer)
    url = f"/portal/meetings/{meeting_setup['meeting'].pk}/minutes/"
    assert item.title in client.get(url).content.decode()
    refused = client.post(url, {f"discussion_{item.pk}": "x" * 10_001, "other_business": ""})
    assert refused.status_code == 400
    assert f'href="#id_discussion_{item.pk}"' in refused.content.decode()
    saved = client.post(url, {f"discussion_{item.pk}": "Agreed.", "other_business": ""})
    assert saved.status_code == 302
    item.refresh_from_db()
    assert item.discussion == "Agreed."
    assert Minutes.objects.get(pk=minutes.pk).other_business == ""

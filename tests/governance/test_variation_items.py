"""A variation beyond the programme team's delegation reaches the group's next agenda as an
item like a proposal, with its papers, conflicts and vote, and the group's decision makes (or
refuses) the plan's next version."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from governance import services
from governance.models import AgendaItem, Attendance
from governance.selectors.minutes import minutes_html
from programme.models import Meeting
from projects.models import Project, Variation
from projects.selectors.variations import current_plan, plan_version
from tests.factories import MeetingFactory, ask_variation

NEXT_MEETING = datetime.date(2030, 5, 8)


def approve(setup):
    vote = services.vote_open(user=setup["chair"], item=setup["item"])
    for member in setup["members"]:
        services.vote_cast(user=member, vote=vote, choice="for")
    services.vote_close(user=setup["chair"], vote=vote)
    services.decision_record(
        user=setup["chair"], item=setup["item"], outcome="approved", approved_amount="20000"
    )
    return Project.objects.get()


def refer(project):
    """Move £2,500 from the first quarter to the last: far beyond 10% of £20,000."""
    profile = {key: Decimal(amount) for key, amount in current_plan(project)["profile"].items()}
    first, last = min(profile), max(profile)
    profile[first] -= Decimal("2500.00")
    profile[last] += Decimal("2500.00")
    return ask_variation(project, profile=profile, reasons="Recruitment slipped a quarter.")


def in_session(setup, meeting):
    services.agenda_publish(user=setup["chair"], meeting=meeting)
    for user in [setup["chair"], setup["vice"], *setup["members"]]:
        services.attendance_record(
            user=setup["chair"], meeting=meeting, person=user, capacity=Attendance.Capacity.MEMBER
        )
    services.meeting_start(user=setup["chair"], meeting=meeting, today=meeting.date)
    meeting.refresh_from_db()
    return meeting.agenda.get(variation__isnull=False)


def vote(setup, item, choice):
    ballot = services.vote_open(user=setup["chair"], item=item)
    for member in setup["members"]:
        services.vote_cast(user=member, vote=ballot, choice=choice)
    services.vote_close(user=setup["chair"], vote=ballot)


@pytest.fixture
def referred(meeting_setup):
    project = approve(meeting_setup)
    variation = refer(project)
    return {**meeting_setup, "project": project, "variation": variation}


def test_a_referred_variation_goes_on_the_next_meetings_agenda(referred):
    meeting = Meeting.objects.get(date=NEXT_MEETING)
    assert referred["variation"].meeting == meeting
    item = in_session(referred, meeting)
    assert (item.section, item.variation, item.proposal) == (
        AgendaItem.Section.VARIATIONS,
        referred["variation"],
        referred["project"].proposal,
    )
    assert item.is_decision_item
    assert item.title.endswith(": variation (spending profile)")


def test_the_papers_carry_what_the_variation_changes_and_why(referred):
    meeting = Meeting.objects.get(date=NEXT_MEETING)
    in_session(referred, meeting)
    [paper] = meeting.papers.content["variations"]
    assert paper["reasons"] == "Recruitment slipped a quarter."
    assert paper["money_moved"] == "2500.00"
    assert "more than the 10% delegated" in paper["route_reason"]
    assert [change[0] for change in paper["changes"]] == ["profile", "profile"]


def test_the_group_agreeing_makes_the_plans_next_version(referred):
    item = in_session(referred, Meeting.objects.get(date=NEXT_MEETING))
    vote(referred, item, "for")
    variation = services.variation_item_decide(user=referred["chair"], item=item, outcome="agreed")
    assert (variation.status, variation.version, variation.decided_on) == (
        Variation.Status.AGREED,
        2,
        NEXT_MEETING,
    )
    assert current_plan(referred["project"])["profile"] == variation.after["profile"]


def test_a_lost_vote_refuses_the_variation_with_the_reasons(referred):
    item = in_session(referred, Meeting.objects.get(date=NEXT_MEETING))
    vote(referred, item, "against")
    with pytest.raises(ValidationError, match="vote was lost"):
        services.variation_item_decide(user=referred["chair"], item=item, outcome="agreed")
    variation = services.variation_item_decide(
        user=referred["chair"], item=item, outcome="refused", note="Spend is already late."
    )
    assert (variation.status, variation.decision_note) == (
        Variation.Status.REFUSED,
        "Spend is already late.",
    )
    assert plan_version(referred["project"]) == 1


def test_the_group_decides_only_after_its_vote(referred):
    item = in_session(referred, Meeting.objects.get(date=NEXT_MEETING))
    with pytest.raises(ValidationError, match="once the vote on the item has closed"):
        services.variation_item_decide(user=referred["chair"], item=item, outcome="agreed")


def test_a_member_cannot_record_the_groups_decision(referred):
    item = in_session(referred, Meeting.objects.get(date=NEXT_MEETING))
    vote(referred, item, "for")
    with pytest.raises(Exception, match="Only the chair"):
        services.variation_item_decide(user=referred["members"][0], item=item, outcome="agreed")


def test_a_deferred_variation_goes_on_the_following_meetings_agenda(referred):
    item = in_session(referred, Meeting.objects.get(date=NEXT_MEETING))
    later = MeetingFactory(date=datetime.date(2030, 7, 10))
    services.variation_item_decide(
        user=referred["chair"], item=item, outcome="deferred", note="Not reached."
    )
    referred["variation"].refresh_from_db()
    assert referred["variation"].meeting == later
    services.agenda_build(user=referred["chair"], meeting=later)
    assert later.agenda.filter(variation=referred["variation"], carried_from=item).exists()


def test_a_variation_left_undecided_at_a_closed_meeting_comes_back(referred):
    meeting = Meeting.objects.get(date=NEXT_MEETING)
    in_session(referred, meeting)
    services.meeting_close(user=referred["chair"], meeting=meeting)
    later = MeetingFactory(date=datetime.date(2030, 7, 10))
    services.agenda_build(user=referred["chair"], meeting=later)
    referred["variation"].refresh_from_db()
    assert referred["variation"].meeting == later
    assert later.agenda.filter(variation=referred["variation"]).exists()


def test_the_minutes_record_what_the_group_decided_on_the_variation(referred):
    meeting = Meeting.objects.get(date=NEXT_MEETING)
    item = in_session(referred, meeting)
    vote(referred, item, "for")
    services.variation_item_decide(
        user=referred["chair"], item=item, outcome="agreed", note="Agreed with thanks."
    )
    html = minutes_html(meeting)
    assert "The variation was agreed: version 2 of the plan. Agreed with thanks." in html
    assert "Vote: for 3, against 0, abstain 0: carried." in html


def test_the_item_page_shows_the_variation_and_takes_the_groups_decision(referred, client_for):
    meeting = Meeting.objects.get(date=NEXT_MEETING)
    item = in_session(referred, meeting)
    client = client_for(referred["chair"])
    url = f"/portal/meetings/{meeting.pk}/items/{item.pk}/"
    page = client.get(url).content.decode()
    assert "What changes" in page and "Recruitment slipped a quarter." in page
    vote(referred, item, "for")
    response = client.post(
        f"{url}decide-variation/", {"variation-outcome": "agreed", "variation-note": ""}
    )
    assert response.status_code == 302
    assert "Variation agreed" in client.get(url).content.decode()

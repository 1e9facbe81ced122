"""Chair's action follows the meeting's rules: never by a conflicted chair, only on a
proposal screened eligible (or with an override reason), never dated in the future, and with
conditions as on any decision."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Site

from governance import services
from governance.models import AgendaItem, Decision
from governance.services.attendance import flag_conflicts
from programme.models import Interest, Meeting, Membership
from proposals.services import proposal_submit
from public.models import DecisionsPage
from tests.factories import complete_proposal
from tests.governance.conftest import BEFORE_DEADLINE, eligible_proposal

pytestmark = pytest.mark.django_db

DAY = datetime.date(2030, 3, 20)


@pytest.fixture(autouse=True)
def on_the_day(time_machine):
    time_machine.move_to(datetime.datetime(2030, 3, 20, 12), tick=False)


def act(user, proposal, **changes):
    fields = {
        "outcome": "approved",
        "approved_amount": "5000",
        "decided_on": DAY,
        "reasons": "A family hub closes on 1 April without it.",
        "alternatives": "Waiting for May's meeting.",
        "interests": "",
        **changes,
    }
    return services.chairs_action_record(user=user, proposal=proposal, **fields)


def test_a_chair_from_the_proposing_organisation_cannot_act_and_nothing_is_decided(
    meeting_setup, programme_officer
):
    proposal = eligible_proposal(programme_officer)
    chair = meeting_setup["chair"]
    organisation = Membership.objects.get(user=chair).organisation
    proposal.lead_organisation = organisation
    proposal.save(update_fields=["lead_organisation"])
    with pytest.raises(ValidationError, match="proposing organisation"):
        act(chair, proposal)
    assert not Decision.objects.filter(proposal=proposal).exists()


def test_the_vice_chair_acts_when_the_chair_is_conflicted(meeting_setup, programme_officer):
    proposal = eligible_proposal(programme_officer)
    proposal.lead_organisation = Membership.objects.get(user=meeting_setup["chair"]).organisation
    proposal.save(update_fields=["lead_organisation"])
    assert act(meeting_setup["vice"], proposal).is_chairs_action


def test_an_unscreened_proposal_needs_an_override_reason(meeting_setup):
    proposal = complete_proposal()
    proposal_submit(user=proposal.lead, proposal=proposal, today=BEFORE_DEADLINE)
    with pytest.raises(ValidationError, match="before it has been screened"):
        act(meeting_setup["chair"], proposal)
    decision = act(meeting_setup["chair"], proposal, override_reason="Screened by phone")
    assert decision.override_reason == "Screened by phone"


def test_chairs_action_cannot_be_dated_in_the_future(meeting_setup, programme_officer):
    with pytest.raises(ValidationError, match="cannot be in the future"):
        act(
            meeting_setup["chair"],
            eligible_proposal(programme_officer),
            decided_on=DAY + datetime.timedelta(days=1),
        )


def test_chairs_action_records_its_conditions(meeting_setup, programme_officer):
    decision = act(
        meeting_setup["chair"],
        eligible_proposal(programme_officer),
        outcome="approved_with_conditions",
        conditions=[
            {
                "text": "Share the data sharing agreement",
                "owner": meeting_setup["chair"],
                "due_date": datetime.date(2030, 4, 30),
                "review_date": datetime.date(2030, 5, 8),
            }
        ],
    )
    assert decision.conditions.get().text == "Share the data sharing agreement"


def test_the_chairs_action_page_takes_a_condition(client_for, meeting_setup, programme_officer):
    proposal = eligible_proposal(programme_officer)
    response = client_for(meeting_setup["chair"]).post(
        "/portal/chairs-action/",
        {
            "proposal": proposal.pk,
            "outcome": "approved_with_conditions",
            "approved_amount": "5000",
            "decided_on": "2030-03-20",
            "reasons": "Urgent",
            "alternatives": "None",
            "condition": "Quarterly attendance data",
            "condition_owner": meeting_setup["chair"].pk,
            "condition_due": "2030-04-30",
            "condition_review": "2030-05-08",
        },
    )
    assert response.status_code == 302
    assert Decision.objects.get(proposal=proposal).conditions.count() == 1


def test_chairs_action_is_listed_on_the_public_decisions_page(
    client, meeting_setup, programme_officer
):
    decision = act(meeting_setup["chair"], eligible_proposal(programme_officer))
    home = Site.objects.get(is_default_site=True).root_page
    page = DecisionsPage(title="Decisions", slug="decisions")
    home.add_child(instance=page)
    index = client.get(page.url).content.decode()
    listing = client.get(f"{page.url}chairs-actions/").content.decode()
    assert "1 urgent decision the chair took" in index
    assert decision.proposal.reference in listing
    assert "£5,000.00" in listing


def test_an_action_after_the_next_papers_are_out_is_added_as_an_addendum(
    meeting_setup, programme_officer
):
    urgent = eligible_proposal(programme_officer)
    following = Meeting.objects.get(date="2030-05-08")
    Meeting.objects.filter(pk=following.pk).update(status=Meeting.Status.AGENDA_PUBLISHED)
    decision = act(meeting_setup["chair"], urgent)
    noted = following.agenda.get(section=AgendaItem.Section.CHAIRS_ACTIONS)
    assert noted.title.startswith("Addendum: Chair's action 20 March 2030")
    assert decision.proposal.reference in noted.title


def test_a_registered_interest_in_the_proposing_organisation_bars_the_chair_and_is_flagged(
    meeting_setup, programme_officer
):
    proposal = eligible_proposal(programme_officer)
    chair = meeting_setup["chair"]
    Interest.objects.create(
        member=chair,
        organisation=proposal.lead_organisation,
        description="Trustee",
        registered_on=datetime.date(2029, 1, 1),
    )
    with pytest.raises(ValidationError, match="registered interest"):
        act(chair, proposal)
    item = AgendaItem.objects.create(
        meeting=meeting_setup["meeting"], section=50, title="x", proposal=proposal
    )
    flag_conflicts(item)
    flagged = item.declarations.get(member=chair)
    assert flagged.prejudicial and flagged.automatic
    assert flagged.nature.startswith("Registered interest in")

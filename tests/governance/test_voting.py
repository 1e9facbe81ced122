import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from governance import services
from governance.models import Attendance, Ballot, Vote
from governance.selectors.room import item_page
from governance.services.agenda import flag_conflicts
from governance.voting import result, tally
from tests.factories import MembershipFactory, UserFactory


@pytest.fixture
def open_vote(meeting_setup):
    return services.vote_open(user=meeting_setup["chair"], item=meeting_setup["item"])


def test_a_second_vote_replaces_the_first(meeting_setup, open_vote):
    member = meeting_setup["members"][0]
    services.vote_cast(user=member, vote=open_vote, choice="for")
    services.vote_cast(user=member, vote=open_vote, choice="against")
    assert list(open_vote.ballots.values_list("member", "choice")) == [(member.pk, "against")]


def test_a_barred_members_vote_is_refused(meeting_setup, programme_officer):
    member = meeting_setup["members"][1]
    services.declaration_record(
        user=member,
        item=meeting_setup["item"],
        nature="My charity delivers part of this.",
        prejudicial=True,
    )
    vote = services.vote_open(user=meeting_setup["chair"], item=meeting_setup["item"])
    with pytest.raises(PermissionDenied, match="prejudicial interest"):
        services.vote_cast(user=member, vote=vote, choice="for")
    assert Ballot.objects.count() == 0


def test_a_dispensation_lifts_the_bar(meeting_setup):
    member = meeting_setup["members"][1]
    declaration = services.declaration_record(
        user=member, item=meeting_setup["item"], nature="Trustee", prejudicial=True
    )
    services.dispensation_grant(
        user=meeting_setup["chair"],
        declaration=declaration,
        reason="Interest is remote; agreed by the monitoring officer.",
    )
    vote = services.vote_open(user=meeting_setup["chair"], item=meeting_setup["item"])
    assert services.vote_cast(user=member, vote=vote, choice="for").choice == "for"


def test_the_lead_organisations_member_is_flagged_automatically(meeting_setup):
    proposal = meeting_setup["proposal"]
    representative = MembershipFactory(organisation=proposal.lead_organisation).user
    flag_conflicts(meeting_setup["item"])
    declaration = meeting_setup["item"].declarations.get(member=representative)
    assert declaration.prejudicial and declaration.automatic
    assert "proposing organisation" in declaration.nature


def test_a_member_cannot_lift_an_automatic_bar_by_declaring_again(meeting_setup):
    proposal = meeting_setup["proposal"]
    representative = MembershipFactory(organisation=proposal.lead_organisation).user
    flag_conflicts(meeting_setup["item"])
    with pytest.raises(ValidationError, match="Only a dispensation"):
        services.declaration_record(
            user=representative, item=meeting_setup["item"], nature="Not really", prejudicial=False
        )
    declaration = meeting_setup["item"].declarations.get(member=representative)
    assert declaration.prejudicial and declaration.automatic
    assert "proposing organisation" in declaration.nature


def test_a_member_cannot_downgrade_their_own_prejudicial_declaration(meeting_setup):
    member = meeting_setup["members"][1]
    item = meeting_setup["item"]
    services.declaration_record(user=member, item=item, nature="Trustee", prejudicial=True)
    with pytest.raises(ValidationError, match="Only a dispensation"):
        services.declaration_record(user=member, item=item, nature="Trustee", prejudicial=False)
    vote = services.vote_open(user=meeting_setup["chair"], item=item)
    with pytest.raises(PermissionDenied, match="prejudicial interest"):
        services.vote_cast(user=member, vote=vote, choice="for")


def test_a_member_may_add_detail_to_an_automatic_flag_and_it_stays_automatic(meeting_setup):
    proposal = meeting_setup["proposal"]
    representative = MembershipFactory(organisation=proposal.lead_organisation).user
    flag_conflicts(meeting_setup["item"])
    services.declaration_record(
        user=representative, item=meeting_setup["item"], nature="I manage it", prejudicial=True
    )
    declaration = meeting_setup["item"].declarations.get(member=representative)
    assert declaration.automatic and declaration.nature == "I manage it"


def test_the_declare_form_shows_why_a_bar_cannot_be_lifted(meeting_setup, client_for):
    member = meeting_setup["members"][1]
    item = meeting_setup["item"]
    services.declaration_record(user=member, item=item, nature="Trustee", prejudicial=True)
    response = client_for(member).post(
        reverse("governance:declare", args=[item.meeting.pk, item.pk]), {"nature": "Trustee"}
    )
    assert response.status_code == 400
    assert "Only a dispensation" in response.content.decode()
    assert item.declarations.get(member=member).prejudicial


def test_advisers_and_absent_members_cannot_vote(meeting_setup, open_vote, programme_officer):
    with pytest.raises(PermissionDenied, match="recorded as present"):
        services.vote_cast(user=meeting_setup["adviser"], vote=open_vote, choice="for")
    absent = meeting_setup["members"][2]
    services.attendance_record(
        user=programme_officer,
        meeting=meeting_setup["meeting"],
        person=absent,
        capacity=Attendance.Capacity.MEMBER,
        present=False,
    )
    with pytest.raises(PermissionDenied):
        services.vote_cast(user=absent, vote=open_vote, choice="for")


def test_a_substitute_votes_in_the_absent_members_seat(meeting_setup, programme_officer):
    absent = meeting_setup["members"][2]
    substitute = UserFactory()
    meeting = meeting_setup["meeting"]
    services.attendance_record(
        user=programme_officer,
        meeting=meeting,
        person=absent,
        capacity=Attendance.Capacity.MEMBER,
        present=False,
    )
    services.attendance_record(
        user=programme_officer,
        meeting=meeting,
        person=substitute,
        capacity=Attendance.Capacity.SUBSTITUTE,
        substitute_for=absent,
    )
    vote = services.vote_open(user=meeting_setup["chair"], item=meeting_setup["item"])
    assert services.vote_cast(user=substitute, vote=vote, choice="abstain").member == substitute
    roll = {row["member"]: row for row in item_page(meeting_setup["item"], substitute)["roll"]}
    assert roll[f"{substitute} for {absent}"]["voted"]


def test_no_vote_outside_an_open_vote(meeting_setup, open_vote):
    member = meeting_setup["members"][0]
    services.vote_close(user=meeting_setup["chair"], vote=open_vote, casting_vote="for")
    with pytest.raises(ValidationError, match="not open"):
        services.vote_cast(user=member, vote=open_vote, choice="for")


def test_no_vote_opens_without_quorum(meeting_setup, programme_officer):
    meeting = meeting_setup["meeting"]
    for member in meeting_setup["members"] + [meeting_setup["vice"]]:
        services.attendance_record(
            user=programme_officer,
            meeting=meeting,
            person=member,
            capacity=Attendance.Capacity.MEMBER,
            present=False,
        )
    with pytest.raises(ValidationError, match="not quorate: 1 voting members can take part, 3"):
        services.vote_open(user=meeting_setup["chair"], item=meeting_setup["item"])
    assert not Vote.objects.filter(state="open").exists()


def test_barred_members_do_not_count_towards_the_items_quorum(meeting_setup):
    item = meeting_setup["item"]
    for member in meeting_setup["members"]:
        services.declaration_record(user=member, item=item, nature="Employer", prejudicial=True)
    with pytest.raises(ValidationError, match="not quorate: 2 voting members"):
        services.vote_open(user=meeting_setup["chair"], item=item)


def test_members_cannot_open_votes(meeting_setup):
    with pytest.raises(PermissionDenied):
        services.vote_open(user=meeting_setup["members"][0], item=meeting_setup["item"])


def test_the_secretary_enters_a_vote_for_a_member_in_the_room(
    meeting_setup, open_vote, programme_officer
):
    member = meeting_setup["members"][0]
    ballot = services.vote_cast(user=programme_officer, vote=open_vote, choice="for", member=member)
    assert ballot.entered_by_secretary


def test_a_member_cannot_vote_for_someone_else(meeting_setup, open_vote):
    with pytest.raises(PermissionDenied, match="secretary"):
        services.vote_cast(
            user=meeting_setup["members"][0],
            vote=open_vote,
            choice="for",
            member=meeting_setup["members"][1],
        )


def test_a_tie_needs_and_is_decided_by_the_chairs_casting_vote(meeting_setup, open_vote):
    chair, vice = meeting_setup["chair"], meeting_setup["vice"]
    a, b, _absent_from_vote = meeting_setup["members"]
    for voter, choice in [(chair, "for"), (vice, "for"), (a, "against"), (b, "against")]:
        services.vote_cast(user=voter, vote=open_vote, choice=choice)
    with pytest.raises(ValidationError, match="casting vote"):
        services.vote_close(user=chair, vote=open_vote)
    vote = services.vote_close(user=chair, vote=open_vote, casting_vote="against")
    assert result(vote) == "lost"


def test_a_casting_vote_is_refused_without_a_tie(meeting_setup, open_vote):
    services.vote_cast(user=meeting_setup["members"][0], vote=open_vote, choice="for")
    with pytest.raises(ValidationError, match="only on a tie"):
        services.vote_close(user=meeting_setup["chair"], vote=open_vote, casting_vote="for")


def test_the_tally_always_equals_the_votes(meeting_setup, open_vote):
    voters = [meeting_setup["chair"], meeting_setup["vice"], *meeting_setup["members"]]
    choices = ["for", "against", "abstain", "for", "for"]
    for voter, choice in zip(voters, choices, strict=True):
        services.vote_cast(user=voter, vote=open_vote, choice=choice)
    services.vote_cast(user=voters[1], vote=open_vote, choice="for")
    counts = tally(open_vote)
    assert counts == {"for": 4, "against": 0, "abstain": 1}
    assert sum(counts.values()) == open_vote.ballots.count() == 5

"""The programme team shares out screening: proposals awaiting screening are assigned to one
of its members, one or many at once (the listing's bulk action), through the service and the
audit log; nobody else may assign, and a proposal already screened is never assigned."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from core.search import index_rows
from programme import roles
from proposals import services
from proposals.models import Proposal
from tests.factories import UserFactory
from tests.proposals.test_back_office import submitted

BULK = "/admin/bulk/proposals/proposal/assign_screener/"


@pytest.fixture
def colleague(db):
    return UserFactory(role=roles.PROGRAMME_TEAM, first_name="Priya", last_name="Shah")


def ids(*proposals):
    return "?" + "&".join(f"id={proposal.pk}" for proposal in proposals)


def test_assigning_sets_the_screener_and_logs_each_proposal(programme_officer, colleague, ready):
    first, second = submitted(), submitted()
    services.proposals_assign_screener(
        user=programme_officer, proposals=[first, second], screener=colleague
    )
    assert set(Proposal.objects.values_list("screener", flat=True)) == {colleague.pk}
    entries = ModelLogEntry.objects.filter(action="proposals.assign_screener")
    assert entries.count() == 2
    assert entries.first().data == {"screener": "Priya Shah"}


def test_finance_may_not_assign_screening(finance_officer, colleague, ready):
    proposal = submitted()
    with pytest.raises(PermissionDenied):
        services.proposals_assign_screener(
            user=finance_officer, proposals=[proposal], screener=colleague
        )
    assert Proposal.objects.get().screener is None


def test_a_proposal_already_screened_stops_the_whole_assignment(
    programme_officer, colleague, ready
):
    waiting, screened = submitted(), submitted()
    Proposal.objects.filter(pk=screened.pk).update(status=Proposal.Status.ELIGIBLE)
    with pytest.raises(ValidationError, match=screened.reference):
        services.proposals_assign_screener(
            user=programme_officer, proposals=[waiting, screened], screener=colleague
        )
    assert not Proposal.objects.exclude(screener=None).exists()


def test_only_someone_who_screens_can_be_assigned(programme_officer, finance_officer, ready):
    with pytest.raises(ValidationError):
        services.proposals_assign_screener(
            user=programme_officer, proposals=[submitted()], screener=finance_officer
        )


def test_the_bulk_action_assigns_the_selected_proposals(
    client_for, programme_officer, colleague, ready
):
    first, second = submitted(), submitted()
    client = client_for(programme_officer)
    page = client.get(BULK + ids(first, second)).content.decode()
    assert first.reference in page and second.reference in page
    response = client.post(BULK + ids(first, second), {"screener": colleague.pk})
    assert response.status_code == 302
    assert Proposal.objects.filter(screener=colleague).count() == 2


def test_the_bulk_action_lists_a_screened_proposal_as_not_assignable(
    client_for, programme_officer, colleague, ready
):
    waiting, screened = submitted(), submitted()
    Proposal.objects.filter(pk=screened.pk).update(status=Proposal.Status.ELIGIBLE)
    client = client_for(programme_officer)
    page = client.get(BULK + ids(waiting, screened)).content.decode()
    assert "Only proposals awaiting screening can be assigned" in page
    client.post(BULK + ids(waiting, screened), {"screener": colleague.pk})
    assert list(Proposal.objects.exclude(screener=None)) == [waiting]


def test_the_bulk_action_refuses_finance_and_changes_nothing(
    client_for, finance_officer, colleague, ready
):
    proposal = submitted()
    client = client_for(finance_officer)
    # Wagtail turns a refusal into a redirect to the dashboard with the reason.
    for response in (
        client.get(BULK + ids(proposal)),
        client.post(BULK + ids(proposal), {"screener": colleague.pk}),
    ):
        assert (response.status_code, response.url) == (302, "/admin/")
    assert Proposal.objects.get().screener is None


def test_mine_to_screen_lists_what_is_assigned_to_me(
    client_for, programme_officer, colleague, ready
):
    mine, theirs = submitted(), submitted()
    services.proposals_assign_screener(user=colleague, proposals=[mine], screener=programme_officer)
    services.proposals_assign_screener(user=colleague, proposals=[theirs], screener=colleague)
    page = client_for(programme_officer).get("/admin/proposals/?show=mine_to_screen")
    html = page.content.decode()
    assert mine.reference in html and theirs.reference not in html


def test_only_those_who_screen_are_offered_assigning(
    client_for, programme_officer, finance_officer, ready
):
    submitted()
    team = client_for(programme_officer).get("/admin/proposals/").content.decode()
    finance = client_for(finance_officer).get("/admin/proposals/").content.decode()
    assert "data-bulk-action-checkbox" in team and "Assign screener" in team
    assert "data-bulk-action-checkbox" in finance and "Export" in finance
    assert "Assign screener" not in finance and "Place on next agenda" not in finance


def test_select_all_assigns_only_what_the_filtered_listing_shows(
    client_for, programme_officer, colleague, ready
):
    """Wagtail's "select all in listing" sends the listing's query string with id=all."""
    shown, hidden = submitted(), submitted()
    Proposal.objects.filter(pk=hidden.pk).update(kind=Proposal.Kind.RESEARCH)
    client = client_for(programme_officer)
    query = f"?kind={shown.kind}&id=all"

    page = client.get(BULK + query).content.decode()
    client.post(BULK + query, {"screener": colleague.pk})

    assert shown.reference in page and hidden.reference not in page
    assert Proposal.objects.get(pk=shown.pk).screener == colleague
    assert Proposal.objects.get(pk=hidden.pk).screener is None


def test_select_all_keeps_to_the_listings_search(client_for, programme_officer, colleague, ready):
    shown, hidden = submitted(), submitted()
    Proposal.objects.filter(pk=shown.pk).update(title="Holiday activities with food")
    index_rows(Proposal.objects.filter(pk=shown.pk))  # update() saves nothing to re-index
    client = client_for(programme_officer)

    client.post(BULK + "?q=holiday&id=all", {"screener": colleague.pk})

    assert Proposal.objects.get(pk=shown.pk).screener == colleague
    assert Proposal.objects.get(pk=hidden.pk).screener is None

"""The listing's other bulk actions: the programme team places eligible proposals on the next
open agenda (through the service and the audit log); anyone who may list proposals downloads
the selected ones with the listing's columns."""

import datetime
import io

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from programme.models import Meeting
from proposals import services
from proposals.models import Proposal
from tests.proposals.test_assign_screener import ids
from tests.proposals.test_back_office import submitted

PLACE = "/admin/bulk/proposals/proposal/place_on_agenda/"
EXPORT = "/admin/bulk/proposals/proposal/export_selection/"
TODAY = datetime.date(2030, 1, 2)


def eligible(meeting=None):
    proposal = submitted()
    Proposal.objects.filter(pk=proposal.pk).update(
        status=Proposal.Status.ELIGIBLE, meeting=meeting
    )
    return Proposal.objects.get(pk=proposal.pk)


def test_placing_moves_eligible_proposals_to_the_next_open_agenda(programme_officer, ready):
    march, may, _july = ready
    later = eligible(meeting=may)

    meeting, moved = services.proposals_place_on_next_agenda(
        user=programme_officer, proposals=[later], today=TODAY
    )

    assert (meeting, moved) == (march, [later])
    assert Proposal.objects.get(pk=later.pk).meeting == march
    entry = ModelLogEntry.objects.get(action="proposals.place_on_agenda")
    assert entry.data == {"meeting": str(march), "was": str(may)}


def test_a_published_agenda_is_passed_over_for_the_next_open_one(programme_officer, ready):
    march, may, _july = ready
    Meeting.objects.filter(pk=march.pk).update(status=Meeting.Status.AGENDA_PUBLISHED)

    meeting, _moved = services.proposals_place_on_next_agenda(
        user=programme_officer, proposals=[eligible()], today=TODAY
    )

    assert meeting == may


def test_a_proposal_already_placed_there_is_left_alone(programme_officer, ready):
    march = ready[0]
    there = eligible(meeting=march)

    _meeting, moved = services.proposals_place_on_next_agenda(
        user=programme_officer, proposals=[there], today=TODAY
    )

    assert moved == []
    assert not ModelLogEntry.objects.filter(action="proposals.place_on_agenda").exists()


def test_a_proposal_not_eligible_stops_the_whole_placing(programme_officer, ready):
    may = ready[1]
    ok, waiting = eligible(meeting=may), submitted()

    with pytest.raises(ValidationError, match=waiting.reference):
        services.proposals_place_on_next_agenda(
            user=programme_officer, proposals=[ok, waiting], today=TODAY
        )

    assert Proposal.objects.get(pk=ok.pk).meeting == may


def test_finance_may_not_place_proposals(finance_officer, ready):
    may = ready[1]
    proposal = eligible(meeting=may)

    with pytest.raises(PermissionDenied):
        services.proposals_place_on_next_agenda(
            user=finance_officer, proposals=[proposal], today=TODAY
        )

    assert Proposal.objects.get(pk=proposal.pk).meeting == may


def test_the_bulk_action_places_the_selected_proposals(client_for, programme_officer, ready):
    march, may, _july = ready
    first, second = eligible(meeting=may), eligible()
    client = client_for(programme_officer)

    page = client.get(PLACE + ids(first, second)).content.decode()
    response = client.post(PLACE + ids(first, second))

    assert str(march) in page
    assert response.status_code == 302
    assert set(Proposal.objects.values_list("meeting", flat=True)) == {march.pk}


def test_the_placing_bulk_action_refuses_finance(client_for, finance_officer, ready):
    may = ready[1]
    proposal = eligible(meeting=may)
    client = client_for(finance_officer)

    for response in (client.get(PLACE + ids(proposal)), client.post(PLACE + ids(proposal))):
        assert (response.status_code, response.url) == (302, "/admin/")
    assert Proposal.objects.get(pk=proposal.pk).meeting == may


def test_export_offers_the_selection_in_the_listings_columns(client_for, finance_officer, ready):
    chosen, _other, also = submitted(), submitted(), submitted()
    client = client_for(finance_officer)

    page = client.get(EXPORT + ids(chosen, also))
    (excel,) = [url for label, url in page.context["downloads"] if label == "Download Excel"]
    workbook = b"".join(client.get(excel).streaming_content)
    sheet = openpyxl.load_workbook(io.BytesIO(workbook)).active

    references = sorted(row[0] for row in sheet.iter_rows(min_row=2, values_only=True))
    assert references == sorted([chosen.reference, also.reference])
    assert next(sheet.iter_rows(max_row=1, values_only=True))[0] == "Reference"


def test_export_changes_nothing_and_takes_no_post(client_for, programme_officer, ready):
    proposal = submitted()

    response = client_for(programme_officer).post(EXPORT + ids(proposal))

    assert response.status_code == 405


def test_someone_who_may_not_list_proposals_cannot_export(client_for, lead, ready):
    proposal = submitted()

    response = client_for(lead).get(EXPORT + ids(proposal))

    assert response.status_code in (302, 403)
    assert "downloads" not in (response.context or {})

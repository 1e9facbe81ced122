"""A lead's journey through the task list, check answers and submit, on the server side."""

from decimal import Decimal

import pytest

from programme.models import Outcome, Priority
from proposals.models import Proposal


@pytest.fixture
def draft(client_for, lead, ready):
    client = client_for(lead)
    response = client.post(
        "/portal/proposals/new/",
        {"title": "Reader groups", "kind": "community", "lead_organisation": lead.organisation_id},
    )
    assert response.status_code == 302
    return client, Proposal.objects.get(title="Reader groups")


def test_starting_a_proposal_opens_its_task_list(draft):
    client, proposal = draft
    page = client.get(f"/portal/proposals/{proposal.reference}/").content.decode()
    assert "You have completed 0 of 9 sections." in page
    assert "govuk-task-list" in page


def test_a_section_saves_as_a_draft(draft):
    client, proposal = draft
    client.post(
        f"/portal/proposals/{proposal.reference}/need/",
        {
            "need_and_evidence": "High need in north Liverpool.",
            "whole_family_approach": "One family plan.",
        },
    )
    proposal.refresh_from_db()
    assert proposal.need_and_evidence == "High need in north Liverpool."
    assert proposal.status == Proposal.Status.DRAFT


def test_a_budget_amount_is_read_as_people_type_it(draft):
    client, proposal = draft
    client.post(
        f"/portal/proposals/{proposal.reference}/budget/",
        {
            "financial_year": "2026-27",
            "cost_type": "staff",
            "description": "Reading group facilitator",
            "amount": "£12,345.67",
        },
    )
    assert proposal.budget_lines.get().amount == Decimal("12345.67")


@pytest.mark.parametrize("amount", ["0", "-5", "12.345", "twelve"])
def test_a_bad_budget_amount_is_named_in_the_error_summary(draft, amount):
    client, proposal = draft
    response = client.post(
        f"/portal/proposals/{proposal.reference}/budget/",
        {
            "financial_year": "2026-27",
            "cost_type": "staff",
            "description": "x",
            "amount": amount,
        },
    )
    page = response.content.decode()
    assert "There is a problem" in page
    assert 'href="#id_amount"' in page
    assert proposal.budget_lines.count() == 0


def test_submitting_an_incomplete_proposal_shows_an_error_summary_linking_each_section(draft):
    client, proposal = draft
    response = client.post(f"/portal/proposals/{proposal.reference}/check/")
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page
    assert f'href="/portal/proposals/{proposal.reference}/budget/"' in page
    assert "Budget: Add at least one budget line" in page
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.DRAFT


def test_a_complete_proposal_submits_from_check_answers(draft, criteria):
    client, proposal = draft
    ref = proposal.reference
    client.post(
        f"/portal/proposals/{ref}/about/",
        {
            "title": "Reader groups",
            "kind": "community",
            "lead_organisation": proposal.lead.organisation_id,
            "summary": "Weekly shared reading.",
        },
    )
    client.post(
        f"/portal/proposals/{ref}/need/",
        {
            "need_and_evidence": "Families in recovery.",
            "whole_family_approach": "Whole family.",
        },
    )
    client.post(
        f"/portal/proposals/{ref}/priorities/", {"priorities": [Priority.objects.first().pk]}
    )
    client.post(f"/portal/proposals/{ref}/outcomes/", {"outcome_4": "40", "outcome_5": "25"})
    client.post(
        f"/portal/proposals/{ref}/budget/",
        {
            "financial_year": "2026-27",
            "cost_type": "commissioned",
            "description": "The Reader",
            "amount": "18000",
        },
    )
    client.post(
        f"/portal/proposals/{ref}/delivery/",
        {
            "delivery_start": "2026-09-01",
            "delivery_end": "2027-02-28",
            "sustainability": "Ends.",
        },
    )
    client.post(f"/portal/proposals/{ref}/criteria/", {f"answer_{c.pk}": "Yes." for c in criteria})
    page = client.get(f"/portal/proposals/{ref}/check/").content.decode()
    assert "£18,000.00" in page
    assert "Promoting recovery and reducing harm from substance use" in page
    response = client.post(f"/portal/proposals/{ref}/check/")
    assert response.status_code == 302
    assert response["Location"] == f"/portal/proposals/{ref}/submitted/"
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.SUBMITTED
    assert (
        proposal.outcome_targets.get(outcome=Outcome.objects.get(number=4)).expected_families == 40
    )

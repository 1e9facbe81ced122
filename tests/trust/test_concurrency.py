"""At the same moment on PostgreSQL: submissions at the deadline, the same proposal submitted
from two tabs, proposals started together, and the same file imported twice at once. Nothing
is duplicated and nothing is lost, by row locks, advisory locks and constraints, not luck."""

import hashlib
import threading

import pytest
from django.db import connection, connections

from evaluations.family_csv import check
from evaluations.models import Family
from evaluations.services import family_outcomes_import
from programme import roles
from projects.models import SpendImport, SpendLine
from projects.services import spend_import
from proposals import services
from proposals.models import Proposal, ProposalVersion
from tests.factories import (
    MeetingFactory,
    ProjectFactory,
    UserFactory,
    complete_proposal,
    family_rows_csv,
    need_rows,
)

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL's locks (DATABASE_URL)"
    ),
]


def at_once(*calls):
    """Run each call in its own thread and connection, all released together; returns
    (results, errors)."""
    start = threading.Barrier(len(calls))
    results, errors = [None] * len(calls), []

    def run(index, call):
        try:
            start.wait()
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - collected for the test to assert on
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


def test_ten_leads_submitting_on_deadline_day_are_all_placed_on_that_meeting():
    meeting = MeetingFactory()
    proposals = [complete_proposal() for _ in range(10)]
    results, errors = at_once(
        *[
            lambda p=p: services.proposal_submit(
                user=p.lead, proposal=p, today=meeting.submission_deadline
            )
            for p in proposals
        ]
    )
    assert errors == []
    assert ProposalVersion.objects.count() == 10
    assert set(Proposal.objects.values_list("meeting", flat=True)) == {meeting.pk}


def test_one_proposal_submitted_from_two_tabs_at_once_is_submitted_once():
    meeting = MeetingFactory()
    proposal = complete_proposal()
    submit = lambda: services.proposal_submit(  # noqa: E731
        user=proposal.lead, proposal=proposal, today=meeting.submission_deadline
    )
    results, errors = at_once(submit, submit)
    assert ProposalVersion.objects.filter(proposal=proposal).count() == 1
    assert len(errors) == 1  # the second finds it already submitted, after the first's lock


def test_proposals_started_together_get_different_references():
    leads = [UserFactory(role=roles.PROJECT_LEADS) for _ in range(12)]
    results, errors = at_once(
        *[
            lambda lead=lead: services.proposal_create(
                user=lead,
                kind="funded_service",
                title="At once",
                lead_organisation=lead.organisation,
            )
            for lead in leads
        ]
    )
    assert errors == []
    references = [proposal.reference for proposal in results]
    assert len(set(references)) == 12


LEDGER = (
    "Transaction Number,Date,Supplier,Description,Cost Centre,Expense Type,Net Amount\n"
    + "".join(f"T{n:05d},01/06/2026,Acme Ltd,Work,FP2026005,Staff,100.00\n" for n in range(500))
).encode()


def test_the_same_ledger_imported_twice_at_once_is_written_once(finance_officer):
    ProjectFactory(cost_centre="FP2026005")
    imported = lambda: spend_import(user=finance_officer, data=LEDGER, filename="june.csv")  # noqa: E731
    results, errors = at_once(imported, imported)
    assert errors == []
    assert sorted(result.added for result in results) == [0, 500]
    assert sorted(result.already_there for result in results) == [0, 500]
    assert SpendLine.objects.count() == 500
    assert SpendImport.objects.count() == 2


def test_the_same_families_imported_twice_at_once_are_written_once(programme_officer):
    rows = []
    for n in range(200):
        rows += need_rows(
            f"CASE-{n:04d}",
            "06/01/2025",
            "30/06/2025",
            (1, 4, 9),
            achieved="01/05/2025",
            sustained="yes",
        )
    data = family_rows_csv(rows)

    def imported():
        return family_outcomes_import(
            user=programme_officer,
            checked=check(data),
            filename="cases.csv",
            sha256=hashlib.sha256(data).hexdigest(),
        )

    results, errors = at_once(imported, imported)
    assert errors == []
    assert sorted(result.added for result in results) == [0, 200]
    assert sorted(result.unchanged for result in results) == [0, 200]
    assert Family.objects.count() == 200

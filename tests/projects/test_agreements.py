"""After approval: the agreement is issued with its payment schedule and accepted by the lead;
each payment is requested with a progress report, approved, and paid when the ledger line
that paid it is matched."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from programme.models import Organisation
from projects import services
from projects.agreements import Instalment, payment_totals, suggested_schedule, unpaid_payments
from projects.models import GrantAgreement, ScheduledPayment, SpendLine
from projects.services.agreements import NO_PAYMENT, NOT_ACCEPTED
from tests.factories import (
    OrganisationFactory,
    ProgressReportFactory,
    ProjectFactory,
    UserFactory,
    issue_agreement,
)
from tests.projects.test_spend_import import HEADER

pytestmark = pytest.mark.django_db
Status = ScheduledPayment.Status


@pytest.fixture
def project():
    partner = OrganisationFactory(name="Barnardo's", sector=Organisation.Sector.VOLUNTARY)
    project = ProjectFactory(approved_amount=Decimal("40000.00"), cost_centre="FP2026005")
    project.lead_organisation = partner
    project.save()
    return project


def ledger(*rows):
    return (HEADER + "".join(row + "\n" for row in rows)).encode()


def import_ledger(finance, *rows):
    return services.spend_import(user=finance, data=ledger(*rows), filename="ledger.csv")


def requested(project, officer, number=1):
    agreement = issue_agreement(project, officer)
    payment = agreement.payments.get(number=number)
    report = ProgressReportFactory(project=project)
    return services.payment_request(user=project.lead, payment=payment, report=report)


def test_issuing_records_the_schedule_and_is_audited(project, programme_officer):
    agreement = issue_agreement(project, programme_officer, accept=False)
    assert agreement.status == GrantAgreement.Status.ISSUED
    assert agreement.amount == Decimal("40000.00")
    assert list(agreement.payments.values_list("number", "amount")) == [
        (1, Decimal("20000.00")),
        (2, Decimal("20000.00")),
    ]
    assert agreement.bank_details_checked_by == programme_officer
    assert ModelLogEntry.objects.filter(action="projects.agreement_issue").count() == 1


def test_a_schedule_that_does_not_add_up_to_the_approval_is_refused(project, programme_officer):
    with pytest.raises(ValidationError, match="add up to £30,000.00; the approval is £40,000.00"):
        issue_agreement(project, programme_officer, amounts=[Decimal("30000.00")])
    assert not GrantAgreement.objects.exists()


def test_a_payment_outside_the_projects_dates_is_refused(project, programme_officer):
    late = Instalment(
        due_on=project.end_date + datetime.timedelta(days=1), amount=Decimal("40000.00")
    )
    with pytest.raises(ValidationError, match="outside the project's dates"):
        services.agreement_issue(
            user=programme_officer, project=project, kind="transfer", schedule=[late]
        )


def test_a_grant_needs_the_bank_details_checked_first(project, programme_officer):
    schedule = [Instalment(due_on=project.start_date, amount=Decimal("40000.00"))]
    with pytest.raises(ValidationError, match="bank details"):
        services.agreement_issue(
            user=programme_officer, project=project, kind="grant", schedule=schedule
        )
    transfer = services.agreement_issue(
        user=programme_officer, project=project, kind="transfer", schedule=schedule
    )
    assert transfer.bank_details_checked_by is None


def test_only_the_programme_team_issues_an_agreement(project, finance_officer):
    with pytest.raises(PermissionDenied):
        issue_agreement(project, finance_officer)


def test_only_the_projects_lead_accepts_it(project, programme_officer, lead):
    agreement = issue_agreement(project, programme_officer, accept=False)
    with pytest.raises(PermissionDenied):
        services.agreement_accept(user=lead, agreement=agreement)
    services.agreement_accept(user=project.lead, agreement=agreement)
    agreement.refresh_from_db()
    assert agreement.accepted and agreement.accepted_by == project.lead


def test_no_payment_is_requested_before_the_agreement_is_accepted(project, programme_officer):
    agreement = issue_agreement(project, programme_officer, accept=False)
    report = ProgressReportFactory(project=project)
    with pytest.raises(ValidationError, match="Accept the agreement first"):
        services.payment_request(
            user=project.lead, payment=agreement.payments.first(), report=report
        )


def test_a_payment_rests_on_one_of_the_projects_own_reports(project, programme_officer):
    agreement = issue_agreement(project, programme_officer)
    someone_elses = ProgressReportFactory()
    with pytest.raises(ValidationError, match="this project's progress reports"):
        services.payment_request(
            user=project.lead, payment=agreement.payments.first(), report=someone_elses
        )


def test_an_approved_payment_is_matched_to_the_ledger_line_that_paid_it(
    project, programme_officer, finance_officer
):
    payment = requested(project, programme_officer)
    services.payment_approve(user=programme_officer, payment=payment)
    result = import_ledger(
        finance_officer,
        "T9001,01/06/2026,Barnardo’s,Grant payment 1,FP2026005,Grants,20000.00,0",
    )
    payment.refresh_from_db()
    assert result.payments_matched == 1
    assert payment.status == Status.PAID
    assert payment.spend_line.transaction_number == "T9001"
    assert payment.spend_line.attention == ""


def test_finance_matches_a_payment_by_its_transaction_number(
    project, programme_officer, finance_officer
):
    payment = requested(project, programme_officer)
    services.payment_approve(user=programme_officer, payment=payment)
    import_ledger(finance_officer, "T9002,01/06/2026,BACS 4471,Payment,FP2026005,Grants,20000.00,0")
    payment.refresh_from_db()
    assert payment.status == Status.APPROVED
    services.payment_match(user=finance_officer, payment=payment, transaction_number="T9002")
    payment.refresh_from_db()
    assert payment.status == Status.PAID


def test_a_transaction_of_another_amount_is_not_matched(
    project, programme_officer, finance_officer
):
    payment = requested(project, programme_officer)
    services.payment_approve(user=programme_officer, payment=payment)
    import_ledger(finance_officer, "T9003,01/06/2026,BACS,Payment,FP2026005,Grants,19999.99,0")
    with pytest.raises(ValidationError, match="the payment is £20,000.00"):
        services.payment_match(user=finance_officer, payment=payment, transaction_number="T9003")


def test_a_grant_line_no_approved_payment_explains_needs_attention(
    project, programme_officer, finance_officer
):
    issue_agreement(project, programme_officer)
    import_ledger(
        finance_officer,
        "T9004,01/06/2026,Barnardo's,Advance,FP2026005,Grants,500.00,0",
        "T9006,02/06/2026,Venue Hire Ltd,Room,FP2026005,Premises,80.00,0",
    )
    assert SpendLine.objects.get(transaction_number="T9004").attention == NO_PAYMENT
    assert SpendLine.objects.get(transaction_number="T9006").attention == ""


def test_money_paid_before_the_agreement_is_accepted_needs_attention(
    project, programme_officer, finance_officer
):
    issue_agreement(project, programme_officer, accept=False)
    import_ledger(finance_officer, "T9005,01/06/2026,Barnardo's,Early,FP2026005,Grants,500.00,0")
    assert SpendLine.objects.get(transaction_number="T9005").attention == NOT_ACCEPTED


def test_an_approved_payment_the_ledger_never_shows_needs_attention_after_a_month(
    project, programme_officer
):
    payment = requested(project, programme_officer)
    services.payment_approve(user=programme_officer, payment=payment)
    payment.refresh_from_db()
    assert list(unpaid_payments(now=payment.approved_at + datetime.timedelta(days=29))) == []
    later = payment.approved_at + datetime.timedelta(days=31)
    assert list(unpaid_payments(now=later)) == [payment]


def test_the_totals_count_each_payment_as_far_as_it_has_gone(
    project, programme_officer, finance_officer
):
    payment = requested(project, programme_officer)
    assert payment_totals(project).requested == Decimal("20000.00")
    services.payment_approve(user=programme_officer, payment=payment)
    totals = payment_totals(project)
    assert (totals.scheduled, totals.requested, totals.approved, totals.paid) == (
        Decimal("40000.00"),
        Decimal("20000.00"),
        Decimal("20000.00"),
        Decimal("0.00"),
    )
    scheduled = ScheduledPayment.objects.filter(agreement__project=project)
    assert totals.scheduled == sum(p.amount for p in scheduled)


def test_the_suggested_schedule_follows_the_budget_profile(project):
    project.profile.create(financial_year="2026-27", quarter=1, amount=Decimal("15000.00"))
    project.profile.create(financial_year="2026-27", quarter=3, amount=Decimal("25000.00"))
    assert suggested_schedule(project) == [
        Instalment(due_on=datetime.date(2026, 4, 1), amount=Decimal("15000.00")),
        Instalment(due_on=datetime.date(2026, 10, 1), amount=Decimal("25000.00")),
    ]


def test_only_a_lead_requests_and_only_the_team_approves(
    project, programme_officer, finance_officer
):
    agreement = issue_agreement(project, programme_officer)
    report = ProgressReportFactory(project=project)
    with pytest.raises(PermissionDenied):
        services.payment_request(
            user=UserFactory(), payment=agreement.payments.first(), report=report
        )
    payment = services.payment_request(
        user=project.lead, payment=agreement.payments.first(), report=report
    )
    with pytest.raises(PermissionDenied):
        services.payment_approve(user=finance_officer, payment=payment)

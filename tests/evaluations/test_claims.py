"""The results-based claim: built from the families held, each case claimed once in the
programme period, audited on a reproducible sample, submitted and locked."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from evaluations.models import Claim, ClaimedFamily
from evaluations.selectors.claims import claim_totals
from evaluations.selectors.results import family_counts
from evaluations.services import claim_build, claim_submit, claim_verdict
from evaluations.services.claims import draw_sample
from governance.selectors.meetings import fund_positions
from programme import roles
from tests.factories import FundFactory, UserFactory, family_rows_csv, need_rows

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 23)
Q3 = (datetime.date(2025, 10, 1), datetime.date(2025, 12, 31))
Q4 = (datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))
Verdict = ClaimedFamily.Verdict


def cases(prefix, count, closed):
    rows = []
    for number in range(count):
        rows += need_rows(f"{prefix}-{number}", "06/01/2025", closed, [1, 4, 9],
                          achieved="01/05/2025", sustained="yes")  # fmt: skip
    return rows


@pytest.fixture
def families(import_families):
    """Twelve successful family outcomes counted in Q3 2025-26 and six in Q4."""
    rows = cases("CASE", 12, "30/06/2025") + cases("LATER", 6, "15/08/2025")
    import_families(family_rows_csv(rows), today=TODAY)


@pytest.fixture
def auditor():
    return UserFactory(role=roles.AUDITORS)


def build(user, window, name="Claim"):
    return claim_build(
        user=user, name=name, window_start=window[0], window_end=window[1], today=TODAY
    )


def audit_all(claim, auditor, fail=()):
    for claimed in claim.families.filter(verdict=Verdict.WAITING):
        failed = claimed.case_hash in fail
        claim_verdict(
            user=auditor, claimed=claimed, passed=not failed, reason="No evidence" if failed else ""
        )


def test_a_claim_counts_what_the_outcome_report_counts_for_the_window(families, programme_officer):
    claim = build(programme_officer, Q3)
    (counts,) = family_counts([Q3])
    assert claim_totals(claim).families == counts["successful"] == 12
    assert claim_totals(claim).by_outcome == [(1, 12), (4, 12), (9, 12)]


def test_the_next_window_never_claims_a_family_again(
    families, programme_officer, auditor, import_families
):
    first = build(programme_officer, Q3)
    audit_all(first, auditor)
    claim_submit(user=programme_officer, claim=first)
    both = (Q3[0], Q4[1])
    second = build(programme_officer, both, name="Claim 2")
    claimed_first = set(first.families.values_list("case_hash", flat=True))
    claimed_second = set(second.families.values_list("case_hash", flat=True))
    assert not claimed_first & claimed_second
    assert len(claimed_second) == 6


def test_a_case_with_two_successful_plans_is_one_family(programme_officer, import_families):
    first = need_rows("TWICE", "06/01/2025", "01/04/2025", [1, 4, 9],
                      achieved="01/03/2025", sustained="yes")  # fmt: skip
    second = need_rows("TWICE", "02/04/2025", "30/06/2025", [2, 3, 5],
                       achieved="01/05/2025", sustained="yes")  # fmt: skip
    import_families(family_rows_csv(first + second + cases("CASE", 5, "30/06/2025")), today=TODAY)
    (counts,) = family_counts([Q3])
    assert counts["successful"] == 7
    claim = build(programme_officer, Q3)
    assert claim_totals(claim).families == 6


def test_the_sample_is_drawn_again_from_its_seed(families, programme_officer):
    claim = build(programme_officer, Q3)
    sampled = set(claim.families.exclude(verdict="").values_list("case_hash", flat=True))
    hashes = list(claim.families.values_list("case_hash", flat=True))
    assert len(sampled) == 5
    assert draw_sample(hashes, claim.seed) == sampled


def test_a_family_failed_at_audit_is_withdrawn_with_the_reason(
    families, programme_officer, auditor
):
    claim = build(programme_officer, Q3)
    failed = claim.families.filter(verdict=Verdict.WAITING).first()
    audit_all(claim, auditor, fail={failed.case_hash})
    failed.refresh_from_db()
    assert (failed.verdict, failed.reason) == (Verdict.FAILED, "No evidence")
    totals = claim_totals(claim)
    assert (totals.families, totals.withdrawn) == (11, 1)
    assert totals.expected_payment == 11 * claim.payment_per_family


def test_a_failure_needs_its_reason(families, programme_officer, auditor):
    claim = build(programme_officer, Q3)
    claimed = claim.families.filter(verdict=Verdict.WAITING).first()
    with pytest.raises(ValidationError, match="Say why"):
        claim_verdict(user=auditor, claimed=claimed, passed=False)


def test_only_internal_audit_records_verdicts(families, programme_officer):
    claim = build(programme_officer, Q3)
    claimed = claim.families.filter(verdict=Verdict.WAITING).first()
    with pytest.raises(PermissionDenied):
        claim_verdict(user=programme_officer, claimed=claimed, passed=True)


def test_a_claim_waits_for_its_audit_then_locks(families, programme_officer, auditor):
    claim = build(programme_officer, Q3)
    with pytest.raises(ValidationError, match="5 sampled families still to check"):
        claim_submit(user=programme_officer, claim=claim)
    audit_all(claim, auditor)
    claim_submit(user=programme_officer, claim=claim)
    claimed = claim.families.exclude(verdict="").first()
    with pytest.raises(ValidationError, match="locked"):
        claim_verdict(user=auditor, claimed=claimed, passed=False, reason="Late doubt")


def test_a_window_still_open_cannot_be_claimed(families, programme_officer):
    with pytest.raises(ValidationError, match="once it has ended"):
        build(programme_officer, (datetime.date(2026, 10, 1), datetime.date(2026, 12, 31)))
    assert not Claim.objects.exists()


def test_the_csv_rows_add_up_to_its_totals(families, programme_officer, client_for):
    claim = build(programme_officer, Q3)
    response = client_for(programme_officer).get(f"/admin/claims/{claim.pk}/csv/")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    families_rows = [row for row in rows[1:] if len(row[0]) == 64]
    total = next(row for row in rows if row[0] == "Total families claimed")
    assert len(families_rows) == int(total[1]) == 12
    area_4 = next(row for row in rows if row[0] == "Families sustaining outcome area 4")
    assert int(area_4[1]) == sum("4" in row[2].split() for row in families_rows)


def test_a_submitted_claim_adds_its_payment_to_the_years_income(
    families, programme_officer, auditor, time_machine
):
    time_machine.move_to(datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.UTC), tick=False)
    FundFactory(financial_year="2026-27", total_budget=Decimal("100000.00"))
    (before,) = fund_positions("2026-27", {}, today=TODAY)
    claim = build(programme_officer, Q3)
    audit_all(claim, auditor)
    claim_submit(user=programme_officer, claim=claim)
    (after,) = fund_positions("2026-27", {}, today=TODAY)
    claim.refresh_from_db()
    assert (claim.financial_year, claim.expected_payment) == ("2026-27", Decimal("9600.00"))
    assert after["income"] == Decimal("9600.00")
    assert after["remaining"] - before["remaining"] == Decimal("9600.00")


def test_the_results_page_sets_the_years_claims_against_its_aim(
    families, programme_officer, auditor, client_for
):
    claim = build(programme_officer, Q3)
    audit_all(claim, auditor)
    claim_submit(user=programme_officer, claim=claim)
    page = client_for(programme_officer).get("/portal/results/?year=2025-26").content.decode()
    assert "Families claimed for results-based payment, 2025-26" in page
    assert "1 Oct 2025 to 31 Dec 2025" in page

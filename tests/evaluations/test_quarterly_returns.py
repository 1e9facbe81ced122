"""The quarterly return: counted from the same calendar as the results pages, for a quarter
that has ended, sent once and locked, kept as a history."""

import csv
import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from evaluations.models import QuarterlyReturn
from evaluations.selectors.results import by_outcome, results_by_year
from evaluations.selectors.returns import ended_quarters, return_figures
from evaluations.services import quarterly_return_send
from programme import roles
from tests.factories import UserFactory, family_rows_csv, need_rows

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 23)


@pytest.fixture
def families(import_families):
    rows = []
    for number in range(12):
        closed = "30/06/2025" if number < 8 else ""
        rows += need_rows(f"CASE-{number}", "06/01/2025", closed, [1, 4, 9],
                          achieved="01/05/2025", sustained="yes" if closed else "")  # fmt: skip
    import_families(family_rows_csv(rows), today=TODAY)


def test_the_quarters_successful_outcomes_add_up_to_the_years(families):
    quarters = [return_figures("2025-26", q)["successful_family_outcomes"] for q in range(1, 5)]
    (year,) = results_by_year(["2025-26"], TODAY)
    assert quarters == year["successful_by_quarter"]
    assert sum(quarters) == year["successful_family_outcomes"] == 8


def test_each_outcome_area_is_counted_as_the_results_pages_count_it(families):
    year = {row["number"]: row for row in by_outcome("2024-25", TODAY)}
    q4 = return_figures("2024-25", 4)
    assert q4["families_supported"] == 12
    for row in q4["outcomes"]:
        assert row["families_with_need"] == year[row["number"]]["families_with_need"]


def test_sending_locks_the_figures_as_they_were(families, programme_officer, import_families):
    sent = quarterly_return_send(
        user=programme_officer, financial_year="2025-26", quarter=3, today=TODAY
    )
    rows = need_rows("CASE-LATE", "06/01/2025", "30/06/2025", [2, 3, 5],
                     achieved="01/05/2025", sustained="yes")  # fmt: skip
    import_families(family_rows_csv(rows), today=TODAY)
    sent.refresh_from_db()
    assert sent.figures["successful_family_outcomes"] == 8
    assert return_figures("2025-26", 3)["successful_family_outcomes"] == 9
    with pytest.raises(ValidationError, match="has been sent already"):
        quarterly_return_send(
            user=programme_officer, financial_year="2025-26", quarter=3, today=TODAY
        )


def test_a_quarter_that_has_not_ended_cannot_be_sent(programme_officer):
    with pytest.raises(ValidationError, match="has not ended"):
        quarterly_return_send(
            user=programme_officer, financial_year="2026-27", quarter=3, today=TODAY
        )


def test_only_the_programme_team_sends_it(finance_officer):
    with pytest.raises(PermissionDenied):
        quarterly_return_send(
            user=finance_officer, financial_year="2025-26", quarter=1, today=TODAY
        )


def test_the_quarters_offered_are_those_ended(families):
    assert ended_quarters(TODAY, 3) == [("2026-27", 2), ("2026-27", 1), ("2025-26", 4)]


def test_the_csv_holds_what_was_sent(families, client_for, programme_officer, freeze_today):
    client = client_for(programme_officer)
    response = client.post("/admin/quarterly_returns/2025-26/q3/")
    sent = QuarterlyReturn.objects.get()
    assert response.url == f"/admin/quarterly_returns/{sent.pk}/"
    rows = list(csv.reader(io.StringIO(client.get(f"{response.url}csv/").content.decode())))
    counts = {(measure, area): int(count) for measure, area, count in rows[1:]}
    assert counts[("Successful family outcomes", "")] == sent.figures["successful_family_outcomes"]
    sustained = [v for (measure, _area), v in counts.items() if measure == "Needs sustained"]
    assert sum(sustained) == sum(row["sustained"] for row in sent.figures["outcomes"]) == 24


def test_the_history_lists_what_was_sent_and_offers_the_rest(
    families, client_for, programme_officer, freeze_today
):
    quarterly_return_send(user=programme_officer, financial_year="2026-27", quarter=2, today=TODAY)
    page = client_for(programme_officer).get("/admin/quarterly_returns/").content.decode()
    assert "Q2 2026-27</a></td>" in page
    assert 'href="/admin/quarterly_returns/2026-27/q1/"' in page
    assert 'href="/admin/quarterly_returns/2026-27/q2/"' not in page


@pytest.fixture
def freeze_today(time_machine):
    time_machine.move_to(datetime.datetime.combine(TODAY, datetime.time(12)), tick=False)


def test_an_auditor_reads_the_return_but_cannot_send_it(client_for, freeze_today):
    auditor = UserFactory(role=roles.AUDITORS)
    client = client_for(auditor)
    assert client.get("/admin/quarterly_returns/2025-26/q3/").status_code == 200
    client.post("/admin/quarterly_returns/2025-26/q3/")
    assert not QuarterlyReturn.objects.exists()

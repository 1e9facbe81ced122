"""A back-office listing of a whole large table shows PostgreSQL's estimate of its rows,
saying "about", instead of counting millions of rows for every page; a filtered listing, a
small table and SQLite are counted exactly. The ledger's listing order is read from an
index."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import search
from core.admin import estimates
from tests.factories import ProjectFactory, SpendLineFactory
from tests.plans import listing_query, plan_with_indexes_preferred

pytestmark = pytest.mark.django_db
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the estimate is PostgreSQL's (pg_class)"
)


@pytest.fixture
def ledger():
    """Two pages of ledger lines, the table analysed as autovacuum would."""
    project = ProjectFactory()
    SpendLineFactory.create_batch(25, project=project)
    SpendLineFactory(project=project, supplier="Barnardo's")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE projects_spendline")


@on_postgresql
def test_a_whole_large_table_shows_its_estimate_without_counting(
    client_for, finance_officer, ledger, monkeypatch
):
    monkeypatch.setattr(estimates, "ESTIMATE_FROM", 20)
    client = client_for(finance_officer)
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/admin/spend/").content.decode()
    assert "About 26 spend lines" in page
    (statement,) = [q["sql"] for q in queries if "pg_class" in q["sql"]]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, COSTS OFF) {statement}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    # The COUNT sits in the statement's other branch, which PostgreSQL never runs.
    assert "never executed" in plan, plan


@on_postgresql
def test_an_unfiltered_listing_is_counted_in_the_statement_that_asks_for_the_estimate(
    client_for, finance_officer, ledger
):
    """So the page takes as many queries as on SQLite, and either side of the threshold."""
    with CaptureQueriesContext(connection) as queries:
        page = client_for(finance_officer).get("/admin/spend/").content.decode()
    assert "26 spend lines" in page and "About" not in page
    assert len([q for q in queries if "pg_class" in q["sql"] or "COUNT(" in q["sql"]]) == 1


def test_a_filtered_listing_is_counted_exactly(client_for, finance_officer, ledger, monkeypatch):
    monkeypatch.setattr(estimates, "ESTIMATE_FROM", 20)
    page = client_for(finance_officer).get("/admin/spend/?expense_type=Staff").content.decode()
    assert "26 spend lines" in page
    assert "About" not in page


def test_a_search_below_the_threshold_is_counted_exactly(client_for, finance_officer, ledger):
    page = client_for(finance_officer).get("/admin/spend/?q=Acme").content.decode()
    assert "There are 25 matches" in page
    assert "About" not in page


@on_postgresql
def test_a_search_past_the_threshold_shows_the_estimate_of_its_matches(
    client_for, finance_officer, ledger, monkeypatch
):
    """A word in a million ledger lines: counting them took seconds (and they were too many
    to rank, so the listing keeps its order)."""
    monkeypatch.setattr(estimates, "ESTIMATE_FROM", 1)
    monkeypatch.setattr(search, "RANK_AT_MOST", 0)
    with CaptureQueriesContext(connection) as queries:
        page = client_for(finance_officer).get("/admin/spend/?q=Acme").content.decode()
    assert "About" in page and "spend lines" in page
    (statement,) = [q["sql"] for q in queries if "SELECT CASE WHEN rows" in q["sql"]]
    assert "programme_estimated_rows(" in statement
    assert not [q for q in queries if q["sql"].startswith("SELECT COUNT(")]


def test_a_table_below_the_threshold_is_counted_exactly(client_for, finance_officer, ledger):
    page = client_for(finance_officer).get("/admin/spend/").content.decode()
    assert "26 spend lines" in page
    assert "About 26" not in page


@on_postgresql
def test_the_ledgers_first_page_is_read_from_its_index_without_a_sort(
    client_for, finance_officer, ledger
):
    listing = listing_query(
        client_for(finance_officer), "/admin/spend/", 'SELECT "projects_spendline"'
    )
    plan = plan_with_indexes_preferred(listing)
    assert "spend_ledger_order" in plan, plan
    assert "Sort" not in plan, plan

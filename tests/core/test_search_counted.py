"""A page of search results ranked by relevance brings the number of matches with it: one
ranking of the matches gives the page and the count, so they are not matched a second time
to be counted (PostgreSQL; SQLite counts them as before)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ProposalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def matches():
    """23 proposals that match "reader" (more than a page of 20) and one that does not."""
    best = ProposalFactory(title="Reader groups for reader families", status="submitted")
    rest = [ProposalFactory(title=f"Reader group {n}", status="submitted") for n in range(22)]
    ProposalFactory(title="Parenting course", status="submitted")
    return best, rest


def test_the_first_page_shows_every_match_counted(client_for, programme_officer, matches):
    page = client_for(programme_officer).get("/admin/proposals/?q=reader").content.decode()
    assert "23 proposals" in page
    best, rest = matches
    assert len([p for p in [best, *rest] if p.reference in page]) == 20


def test_the_second_page_holds_the_matches_past_the_first(
    client_for, programme_officer, matches
):
    page = client_for(programme_officer).get("/admin/proposals/?q=reader&p=2").content.decode()
    assert "23 proposals" in page
    assert page.count("Reader group") == 3


def test_a_page_past_the_last_match_shows_the_last_page(client_for, programme_officer, matches):
    page = client_for(programme_officer).get("/admin/proposals/?q=reader&p=3").content.decode()
    assert "23 proposals" in page
    assert page.count("Reader group") == 3


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's ranking counts")
def test_the_matches_are_not_counted_by_a_query_of_their_own(
    client_for, programme_officer, matches
):
    client = client_for(programme_officer)
    with CaptureQueriesContext(connection) as queries:
        client.get("/admin/proposals/?q=reader")
    ranked = [q["sql"] for q in queries if "ts_rank" in q["sql"]]
    assert len(ranked) == 1 and "COUNT(*) OVER ()" in ranked[0]
    assert not [q for q in queries if 'AS "__count"' in q["sql"] and "index_entries" in q["sql"]]

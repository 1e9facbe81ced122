"""A search whose matches PostgreSQL expects to be too many to rank (a word in a million
ledger lines) keeps its listing's order and says so; below that, searches rank. SQLite has
no estimate to ask for and always ranks."""

import datetime

import pytest
from django.db import connection

from core import planner, search
from core.search import results
from projects.models import SpendLine
from tests.factories import ProjectFactory, SpendLineFactory
from tests.plans import plan_with_indexes_preferred

pytestmark = pytest.mark.django_db
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the planner's estimate is PostgreSQL's"
)
DAYS = [datetime.date(2026, 5, day) for day in (3, 9, 1)]


@pytest.fixture
def venue_lines():
    project = ProjectFactory()
    SpendLineFactory(project=project, supplier="Venue Hire Venue Hire Ltd", date=DAYS[0])
    SpendLineFactory(project=project, supplier="Venue Hire Ltd", date=DAYS[1])
    SpendLineFactory(project=project, supplier="Venue Ltd", description="Hire", date=DAYS[2])


@on_postgresql
def test_too_many_matches_keep_the_listings_order_and_the_page_says_so(
    client_for, finance_officer, venue_lines, monkeypatch
):
    monkeypatch.setattr(search, "RANK_AT_MOST", 0)
    page = client_for(finance_officer).get("/admin/spend/?q=venue+hire")
    assert "too many to sort by relevance" in page.content.decode()
    assert [line.date for line in page.context["object_list"]] == sorted(DAYS, reverse=True)


def test_a_search_with_few_matches_is_ranked(client_for, finance_officer, venue_lines):
    page = client_for(finance_officer).get("/admin/spend/?q=venue+hire")
    assert "too many to sort by relevance" not in page.content.decode()
    suppliers = [line.supplier for line in page.context["object_list"]]
    assert suppliers[0] == "Venue Hire Venue Hire Ltd"


@on_postgresql
def test_the_estimate_or_count_counts_below_its_threshold(venue_lines):
    lines = SpendLine.objects.filter(supplier__startswith="Venue")
    assert planner.estimate_or_count(lines, 1_000_000) == (3, False)
    rows, estimated = planner.estimate_or_count(lines, 0)
    assert estimated and rows == planner.estimated_rows(lines)


@on_postgresql
def test_a_record_can_be_found_from_its_key_through_the_entries_index(venue_lines):
    """The unranked search names the index's condition, so PostgreSQL may look each line's
    entry up by the line's key (the newest of a million matching lines first)."""
    matching = results(
        SpendLine.objects.order_by("-date"), "venue", SpendLine.search_lookups, by_relevance=False
    )
    sql, params = matching[:20].query.sql_with_params()
    with connection.cursor() as cursor:
        plan = plan_with_indexes_preferred(cursor.mogrify(sql, params))
    assert "wagtailsearch_indexentry_type_key" in plan, plan

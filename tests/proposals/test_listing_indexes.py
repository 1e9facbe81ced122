"""The proposals listing's first page, newest first or by last change, is read from an index
(named in migration proposals 0005), not by sorting every proposal."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from proposals.models import Proposal
from tests.factories import ProposalFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the plan is PostgreSQL's (EXPLAIN)"
    ),
]


@pytest.mark.parametrize(
    ("query", "index"),
    [("", "proposal_listing"), ("?ordering=-updated_at", "proposal_last_change")],
)
def test_the_listings_first_page_comes_from_an_index(client_for, programme_officer, query, index):
    ProposalFactory.create_batch(5, status=Proposal.Status.SUBMITTED)
    with CaptureQueriesContext(connection) as queries:
        client_for(programme_officer).get(f"/admin/proposals/{query}")
    (listing,) = [
        q["sql"] for q in queries
        if q["sql"].startswith('SELECT "proposals_proposal"."id"') and " LIMIT " in q["sql"]
    ]  # fmt: skip
    with connection.cursor() as cursor:
        # On a test's few rows a sort is cheaper than any index; with sorting and whole-table
        # scans priced out, a Sort is left in the plan only if no index gives this order.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute(f"EXPLAIN {listing}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert index in plan, plan
    assert "Sort" not in plan, plan

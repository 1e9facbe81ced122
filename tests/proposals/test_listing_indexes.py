"""The proposals listing's first page, newest first or by last change, is read from an index
(named in migration proposals 0005), not by sorting every proposal."""

import pytest
from django.db import connection

from proposals.models import Proposal
from tests.factories import ProposalFactory
from tests.plans import listing_query, plan_with_indexes_preferred

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
    listing = listing_query(
        client_for(programme_officer),
        f"/admin/proposals/{query}",
        'SELECT "proposals_proposal"."id"',
    )
    plan = plan_with_indexes_preferred(listing)
    assert index in plan, plan
    assert "Sort" not in plan, plan

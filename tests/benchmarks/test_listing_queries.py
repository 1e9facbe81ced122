"""Every listing page takes the same number of queries, at most 15 (the audit trail 20),
however much data there is: checked on the demo and again after the scale generator has added
to it."""

from io import StringIO

import pytest
from django.db import transaction
from django.utils import timezone

from benchmarks.generate import Generator
from benchmarks.listings import LISTING_PAGES, query_counts, query_limit
from tests import demo_snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def counts(demo_data, django_db_blocker):
    """Query counts on the demo, then on the demo plus the small scale data set."""
    with django_db_blocker.unblock():
        try:
            with transaction.atomic():
                demo_snapshot.restore(demo_data)
                small = query_counts()
                Generator("test", 1, timezone.localdate(), stdout=StringIO()).run()
                large = query_counts()
                raise _Undo
        except _Undo:
            pass
    return small, large


class _Undo(Exception):
    pass


@pytest.mark.parametrize("label", [label for label, _email, _url in LISTING_PAGES])
def test_a_listing_page_takes_the_same_queries_with_more_data(counts, label):
    small, large = counts
    assert small[label][0] == large[label][0] == 200
    assert large[label][1] == small[label][1]


@pytest.mark.parametrize("label", [label for label, _email, _url in LISTING_PAGES])
def test_a_listing_page_takes_no_more_queries_than_its_target(counts, label):
    assert counts[1][label][1] <= query_limit(label)

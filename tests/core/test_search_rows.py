"""Rows written in bulk (an import's ledger lines) are indexed by ``index_rows``: on
PostgreSQL by one INSERT ... SELECT that makes the entries Wagtail's own indexer would."""

import pytest
from django.db import connection
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from core.search import index_rows, search
from core.search_backends.postgres import ENTRY_COLUMNS
from projects.models import SpendLine
from proposals.models import Proposal
from tests.factories import ProposalFactory, SpendLineFactory

pytestmark = pytest.mark.django_db

# The entry's columns but its kind (SQLite's entries have no plain-text copies).
ENTRY = [
    name
    for name in ENTRY_COLUMNS[1:]
    if name in {field.name for field in IndexEntry._meta.get_fields()}
]


def entries(model):
    rows = IndexEntry.objects.filter(content_type__model=model._meta.model_name)
    return sorted(rows.values_list(*ENTRY))


def written_by_wagtail(queryset):
    get_search_backend().add_bulk(queryset.model, list(queryset))
    return entries(queryset.model)


@pytest.fixture
def lines(db):
    SpendLineFactory(supplier="Merseyside Police", description="  Domestic abuse training  ")
    SpendLineFactory(supplier="Acme Ltd", description="", expense_type="Mentoring")
    lines = SpendLine.objects.all()
    IndexEntry.objects.all().delete()
    return lines


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's set-based indexer")
def test_the_ledgers_entries_are_those_wagtails_indexer_makes(lines):
    wagtails = written_by_wagtail(lines)
    IndexEntry.objects.all().delete()
    assert index_rows(lines) == 2
    assert entries(SpendLine) == wagtails


def test_indexing_again_replaces_the_entries(lines):
    index_rows(lines)
    SpendLine.objects.filter(supplier="Acme Ltd").update(supplier="Blackburne House")
    index_rows(lines)
    assert IndexEntry.objects.count() == 2
    assert list(search(SpendLine.objects.all(), "Blackburne", {})) == [
        SpendLine.objects.get(supplier="Blackburne House")
    ]


def test_indexed_lines_are_found_by_stemmed_words(lines):
    index_rows(lines)
    found = search(SpendLine.objects.all(), "train police", {})
    assert [line.supplier for line in found] == ["Merseyside Police"]


def test_a_model_with_related_fields_is_indexed_record_by_record(db):
    proposal = ProposalFactory(title="Parenting support in Kirkby")
    IndexEntry.objects.all().delete()
    wagtails = written_by_wagtail(Proposal.objects.all())
    IndexEntry.objects.all().delete()
    assert index_rows(Proposal.objects.filter(pk=proposal.pk)) == 1
    assert entries(Proposal) == wagtails

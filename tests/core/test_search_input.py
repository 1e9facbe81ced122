"""Whatever is typed into a search box, the page answers: full-text syntax, stray quotes and
operators are words, never an error."""

import pytest

from tests.factories import ProposalFactory, SpendLineFactory

pytestmark = pytest.mark.django_db

HOSTILE = [
    '"',
    "'",
    '"unclosed phrase',
    "*",
    "parent*",
    "(",
    ")",
    "a AND",
    "OR",
    "NOT parenting",
    "NEAR(parenting support)",
    "-parenting",
    "+parenting",
    "^parenting",
    "title:parenting",
    "{title}: parenting",
    "parenting:",
    "org:",
    'org:"',
    "ref:'",
    "lead:%",
    "%_\\",
    "'; DROP TABLE proposals_proposal; --",
    "\x00",
    "tab\there\x01\x1f",
    "é ü 中文 🙂",
    "a" * 500,
    "word " * 60,
    ":",
    "&|!<->",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_the_search_page_answers_any_input(client_for, programme_officer, text):
    ProposalFactory(title="Parenting support", status="submitted")
    SpendLineFactory(supplier="Acme", description="Parenting leaflets")

    response = client_for(programme_officer).get("/admin/search/programme/", {"q": text})

    assert response.status_code == 200


@pytest.mark.parametrize("text", HOSTILE)
def test_the_proposals_listing_answers_any_search(client_for, programme_officer, text):
    ProposalFactory(title="Parenting support", status="submitted")

    response = client_for(programme_officer).get("/admin/proposals/", {"q": text})

    assert response.status_code == 200

"""The back office's proposal search ranks (core.search): a phrase in a title above the same
words in a budget line, field filters narrow in SQL, and a word's start still finds it."""

import pytest

from core.search import ranked_search, split_filters
from proposals import services
from proposals.selectors import proposals_for_back_office
from tests.factories import BudgetLineFactory, complete_proposal
from tests.proposals.conftest import TODAY

FIELD_FILTERS = {"org": ["lead_organisation__name"], "ref": ["reference"]}


def submitted(title, **fields):
    proposal = complete_proposal(title=title, **fields)
    services.proposal_submit(user=proposal.lead, proposal=proposal, today=TODAY)
    return proposal


def found(text):
    results = ranked_search(proposals_for_back_office(), text, FIELD_FILTERS)
    return [proposal.title for proposal in results]


def test_field_filters_are_taken_out_of_the_words():
    assert split_filters('org:"Barnardo\'s" family ref:FP-1 at 10:30', ["org", "ref"]) == (
        [("org", "Barnardo's"), ("ref", "FP-1")],
        "family at 10 30",
    )


@pytest.mark.django_db
def test_a_phrase_in_a_title_outranks_the_same_words_in_a_budget_line(ready):
    budget = complete_proposal(title="Youth outreach")
    BudgetLineFactory(proposal=budget, description="Family group conferencing sessions")
    services.proposal_submit(user=budget.lead, proposal=budget, today=TODAY)
    submitted("Family group conferencing")
    submitted("Something else entirely")
    assert found('"family group conferencing"') == ["Family group conferencing", "Youth outreach"]


@pytest.mark.django_db
def test_a_title_outranks_a_summary(ready):
    submitted("Parenting course", summary="Courses for parents of teenagers.")
    submitted("Youth club", summary="A parenting course for the youth club's families.")
    assert found("parenting course") == ["Parenting course", "Youth club"]


@pytest.mark.django_db
def test_a_field_filter_narrows_before_the_words_are_searched(ready):
    wanted = submitted("Family support workers")
    submitted("Family support workers")
    organisation = wanted.lead_organisation.name
    assert found(f'org:"{organisation}" family') == ["Family support workers"]
    assert [
        p.pk
        for p in ranked_search(
            proposals_for_back_office(), f"ref:{wanted.reference}", FIELD_FILTERS
        )
    ] == [wanted.pk]


@pytest.mark.django_db
def test_the_start_of_a_word_still_finds_it(ready):
    submitted("Operation Encompass")
    assert found("encomp") == ["Operation Encompass"]


@pytest.mark.django_db
def test_drafts_are_never_found(ready):
    complete_proposal(title="A private draft")
    assert found("private draft") == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "q=zebra&total_requested_min=100",
        "q=zebra&ordering=-total_requested",
        "q=zebra&ordering=reference",
        "q=zebra&status=submitted",
    ],
)
def test_the_listing_searches_within_its_filters_and_orderings(
    client_for, programme_officer, ready, query
):
    wanted = submitted("Zebra crossing patrols")
    submitted("Youth club")
    page = client_for(programme_officer).get(f"/admin/proposals/?{query}")
    assert page.status_code == 200
    assert wanted.reference in page.content.decode()
    assert "Youth club" not in page.content.decode()


@pytest.mark.django_db
def test_the_back_office_search_page_offers_the_listings(client_for, programme_officer):
    page = client_for(programme_officer).get("/admin/pages/search/?q=family").content.decode()
    assert "/admin/proposals/?q=family" in page
    assert "/admin/projects/?q=family" in page

"""The back office's one search box (core.admin.find): proposals, projects, organisations and
the ledger at once, ranked, each only for those who may list it."""

import pytest
from django.contrib.auth.models import Permission
from django.test import RequestFactory
from wagtail.admin.search import admin_search_areas

from tests.factories import (
    BudgetLineFactory,
    OrganisationFactory,
    ProjectFactory,
    ProposalFactory,
    SpendLineFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

URL = "/admin/search/programme/"


def sections(response):
    return [result.section.label for result in response.context["found"] if result.items]


def texts(response, label):
    (result,) = [r for r in response.context["found"] if r.section.label == label]
    return [item.text for item in result.items]


def test_one_search_finds_proposals_projects_organisations_and_spend(client_for, programme_officer):
    hub = OrganisationFactory(name="Parenting Hub Trust")
    ProposalFactory(title="Parenting support for fathers", status="submitted")
    ProjectFactory(title="Parenting circles")
    SpendLineFactory(supplier="Acme Print", description="Parenting leaflets")

    response = client_for(programme_officer).get(URL, {"q": "parenting"})

    assert sections(response) == ["Proposals", "Projects", "Organisations", "Spend lines"]
    assert texts(response, "Organisations") == [str(hub)]


def test_drafts_are_not_found(client_for, programme_officer):
    ProposalFactory(title="Parenting support draft")

    response = client_for(programme_officer).get(URL, {"q": "parenting"})

    assert "Proposals" not in sections(response)


def test_the_title_match_comes_first(client_for, programme_officer):
    in_line = ProposalFactory(title="Community hub", status="submitted")
    BudgetLineFactory(proposal=in_line, description="Parenting support sessions")
    in_title = ProposalFactory(title="Parenting support for fathers", status="submitted")

    response = client_for(programme_officer).get(URL, {"q": '"parenting support"'})

    assert texts(response, "Proposals") == [str(in_title), str(in_line)]


def test_a_section_links_to_its_listing_with_the_search(client_for, programme_officer):
    for number in range(6):
        ProposalFactory(title=f"Parenting support {number}", status="submitted")

    response = client_for(programme_officer).get(URL, {"q": "parenting"})

    (proposals,) = [r for r in response.context["found"] if r.section.label == "Proposals"]
    assert len(proposals.items) == 5
    assert proposals.more
    assert proposals.listing_url == "/admin/proposals/?q=parenting"


def test_a_field_filter_alone_finds_by_it(client_for, programme_officer):
    police = OrganisationFactory(name="Merseyside Police")
    theirs = ProposalFactory(
        lead=UserFactory(organisation=police), lead_organisation=police, status="submitted"
    )
    ProposalFactory(status="submitted")

    response = client_for(programme_officer).get(URL, {"q": 'org:"merseyside police"'})

    assert texts(response, "Proposals") == [str(theirs)]
    assert texts(response, "Organisations") == [str(police)]


def test_sections_a_person_may_not_list_are_not_searched(client):
    user = UserFactory()
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_proposal"),
    )
    ProjectFactory(title="Parenting circles")
    client.force_login(user)

    response = client.get(URL, {"q": "parenting"})

    assert [section.label for section in response.context["sections"]] == ["Proposals"]


def test_someone_who_may_list_none_of_them_is_refused(client):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    response = client.get(URL, {"q": "parenting"})

    assert (response.status_code, response.url) == (302, "/admin/")


def test_the_sidebar_search_box_searches_the_programme(programme_officer):
    request = RequestFactory().get("/admin/")
    request.user = programme_officer

    assert admin_search_areas.search_items_for_request(request)[0].url == URL


def test_the_query_count_does_not_grow_with_the_matches(
    client_for, programme_officer, django_assert_max_num_queries
):
    client = client_for(programme_officer)
    ProposalFactory(title="Parenting support", status="submitted")
    client.get(URL, {"q": "parenting"})
    for number in range(8):
        project = ProjectFactory(title=f"Parenting project {number}")
        SpendLineFactory(project=project, description="Parenting leaflets")
        OrganisationFactory(name=f"Parenting group {number}")

    with django_assert_max_num_queries(15):
        client.get(URL, {"q": "parenting"})

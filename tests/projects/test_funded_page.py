"""The public spending page's list of funded projects, a page at a time: the pages together
are every funded project in the list's order, and a page's projects come with what the page
shows of them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.selectors import funded_page, funded_projects
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def funded():
    kinds = ["funded_service", "it", "community", "research", "it", "funded_service", "it"]
    made = [ProjectFactory(kind=kind) for kind in kinds]
    ProjectFactory(kind="it", withdrawn=True)
    return made


def test_the_pages_together_are_every_funded_project_in_order(funded):
    pages = [funded_page(number, 3) for number in (1, 2, 3)]
    assert [p for page in pages for p in page.object_list] == list(funded_projects())
    assert pages[0].paginator.count == len(funded)


def test_a_page_shows_its_projects_organisations_without_another_query(funded):
    page = funded_page(2, 3)
    with CaptureQueriesContext(connection) as queries:
        names = [project.lead_organisation.name for project in page.object_list]
    assert len(queries) == 0
    assert len(names) == 3

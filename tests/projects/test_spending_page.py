from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from projects.services import project_follow_decision
from public.models import SpendingPage
from tests.factories import ProjectFactory, SpendLineFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page():
    home = Site.objects.get(is_default_site=True).root_page
    spending = SpendingPage(title="What is the money spent on?", slug="spend")
    home.add_child(instance=spending)
    return spending


def test_the_page_lists_approved_projects_by_kind_with_amounts(client, page):
    it = ProjectFactory(kind="it", approved_amount=Decimal("48500.00"), title="Pupil tracker")
    ProjectFactory(kind="funded_service", approved_amount=Decimal("270000.00"))
    SpendLineFactory(project=it, net_amount=Decimal("1000.00"), irrecoverable_vat=Decimal("5"))
    html = client.get(page.url).content.decode()
    assert "IT projects" in html and "Funded services" in html
    assert "Pupil tracker" in html
    assert "£318,500.00 in all" in html
    assert "£1,005.00" in html


def test_a_withdrawn_approval_is_not_listed(client, page, programme_officer):
    project = ProjectFactory(title="Withdrawn work")
    project_follow_decision(
        by=programme_officer,
        proposal=project.proposal,
        approved_amount=None,
        fund=None,
        decided_on=project.approved_on,
        decision=f"{project.reference}: Rejected",
    )
    assert "Withdrawn work" not in client.get(page.url).content.decode()


def test_the_page_takes_the_same_queries_for_more_projects(client, page):
    ProjectFactory()
    client.get(page.url)
    with CaptureQueriesContext(connection) as few:
        client.get(page.url)
    for _ in range(8):
        ProjectFactory()
    with CaptureQueriesContext(connection) as many:
        client.get(page.url)
    assert len(many) == len(few)

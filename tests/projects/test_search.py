"""The back office's project search ranks and takes field filters (core.search)."""

import re

import pytest

from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def found(client, query):
    page = client.get(f"/admin/projects/?q={query}").content.decode()
    return re.findall(r"FP-2030-\d{3}", page)


def test_a_title_outranks_the_proposals_summary(client_for, programme_officer):
    summary = ProjectFactory(title="Youth club", proposal__summary="A parenting course.")
    title = ProjectFactory(title="Parenting course")
    references = found(client_for(programme_officer), "parenting+course")
    assert references.index(title.reference) < references.index(summary.reference)


def test_ref_finds_a_project_by_its_cost_centre(client_for, programme_officer):
    wanted = ProjectFactory(title="Family support")
    ProjectFactory(title="Family support")
    references = found(client_for(programme_officer), f"ref:{wanted.cost_centre}")
    assert set(references) == {wanted.reference}

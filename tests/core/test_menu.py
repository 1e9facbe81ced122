"""The back office's sidebar is grouped, and each person sees only what they may open."""

import re

import pytest

from core.admin.menu import PermissionMenuItem
from programme.models import User

pytestmark = pytest.mark.django_db


def sidebar(client, email):
    client.force_login(User.objects.get(email=email))
    page = client.get("/admin/").content.decode()
    return re.findall(r'"label": "([^"]+)"', page.replace("&quot;", '"'))


def test_the_programme_team_sees_the_sidebar_in_its_groups(client, demo):
    labels = sidebar(client, "programme@families.example")
    groups = ["Proposals and meetings", "Projects and spend", "Results", "Programme set-up"]
    assert [label for label in labels if label in groups] == groups
    assert labels.index("Proposals") > labels.index("Proposals and meetings")
    assert labels.index("Import family outcomes") > labels.index("Results")


def test_finance_sees_import_spend_under_projects_and_spend_and_no_families(client, demo):
    labels = sidebar(client, "finance@families.example")
    assert (
        labels.index("Projects and spend") < labels.index("Import spend") < labels.index("Results")
    )
    assert "Families" not in labels


def test_a_grouped_item_is_checked_once_per_page(client, demo, monkeypatch):
    """Grouping must not check an item twice: a check can be a query (Wagtail's Forms)."""
    checks = []
    original = PermissionMenuItem.is_shown

    def counted(item, request):
        checks.append(item.name)
        return original(item, request)

    monkeypatch.setattr(PermissionMenuItem, "is_shown", counted)
    client.force_login(User.objects.get(email="programme@families.example"))
    client.get("/admin/")
    assert checks
    assert len(checks) == len(set(checks))

"""Every kind of state change leaves an entry (who, when, what) that the programme team and
auditors can read, filter and export from the back office; auditors change nothing."""

import csv
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.log_actions import registry
from wagtail.models import ModelLogEntry, Page, PageLogEntry

from core.admin.audit import readable_entries
from evaluations.services import data_release_record
from governance import services
from programme import roles
from programme.models import Meeting, Membership, User
from projects.models import Project
from projects.services import budget_profile_set
from proposals.models import Proposal
from tests import demo_snapshot
from tests.factories import UserFactory
from tests.trust.moduledb import undone_after_module

pytestmark = pytest.mark.django_db

# The changes the audit trail must show, by the action each is logged as.
AUDITED = {
    "proposal submitted": "proposals.submit",
    "proposal screened": "proposals.screen",
    "agenda published": "governance.agenda_publish",
    "interest declared": "governance.declaration",
    "vote cast": "governance.vote_cast",
    "decision recorded": "governance.decision",
    "project created": "wagtail.create",
    "budget profile changed": "projects.budget_profile",
    "spend imported": "projects.spend_import",
    "families imported": "evaluations.family_import",
    "family-level data released": "evaluations.data_release",
}


@pytest.fixture
def auditor(db):
    return UserFactory(role=roles.AUDITORS)


@pytest.fixture(scope="module")
def history(demo_data, django_db_blocker):
    """The demo (which is made through the services), and the changes it does not make;
    built once for the module and undone after it."""
    with undone_after_module(django_db_blocker):
        yield _make_history(demo_data)


def _make_history(demo_data):
    demo_snapshot.restore(demo_data)
    team = User.objects.get(email="programme@families.example")
    meeting = Meeting.objects.get(status=Meeting.Status.IN_SESSION)
    member = Membership.objects.current(meeting.date).voting().first().user
    services.declaration_record(
        user=member, item=meeting.agenda.first(), nature="Trustee", prejudicial=False
    )
    project = Project.objects.order_by("pk").first()
    cells = {(p.financial_year, p.quarter): p.amount for p in project.profile.all()}
    budget_profile_set(user=team, project=project, cells=cells, reason="Moved a quarter")
    data_release_record(user=team, purpose="Evaluation by the universities")
    return team


@pytest.mark.parametrize("change", sorted(AUDITED))
def test_the_auditor_can_read_each_kind_of_change_with_who_made_it(history, auditor, change):
    entries = ModelLogEntry.objects.viewable_by_user(auditor).filter(action=AUDITED[change])
    assert entries.exists()
    assert all(entry.user_id and entry.timestamp for entry in entries)


def test_the_audit_trail_lists_and_filters_entries(history, client, auditor):
    client.force_login(auditor)
    response = client.get("/admin/audit-trail/", {"action": "proposals.screen"})
    assert response.status_code == 200
    assert b"Audit trail" in response.content
    assert b"Tom Whitfield" in response.content  # the programme officer who screened


def test_the_person_filter_offers_everyone_in_the_trail(history, client, auditor):
    """Those who only changed records (not pages), such as finance importing spend, too."""
    importer = ModelLogEntry.objects.filter(action="projects.spend_import").first().user
    client.force_login(auditor)
    response = client.get("/admin/audit-trail/")
    users = response.context["filters"].form.fields["user"].queryset
    assert importer in users


def test_filtering_by_a_person_shows_only_their_entries(history, client, auditor):
    importer = ModelLogEntry.objects.filter(action="projects.spend_import").first().user
    client.force_login(auditor)
    response = client.get("/admin/audit-trail/", {"user": importer.pk})
    entries = response.context["object_list"]
    assert entries
    assert {entry.user_id for entry in entries} == {importer.pk}


def test_the_audit_trail_exports_who_when_and_what(history, client):
    client.force_login(history)
    response = client.get("/admin/audit-trail/", {"export": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert {"Name", "Action type", "User", "Date/Time"} <= set(rows[0])
    assert any(row["User"] == "Tom Whitfield" for row in rows)


def test_text_that_looks_like_a_formula_is_exported_as_text(history, client):
    proposal = Proposal.objects.exclude(status=Proposal.Status.DRAFT).first()
    Proposal.objects.filter(pk=proposal.pk).update(title='=HYPERLINK("http://x","y")')
    client.force_login(history)
    response = client.get("/admin/proposals/", {"export": "csv"})
    text = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in text
    assert "\n=HYPERLINK" not in text and ",=HYPERLINK" not in text


@pytest.mark.parametrize(
    "url", ["/admin/proposals/", "/admin/spend/", "/admin/decisions/", "/admin/audit-trail/"]
)
def test_the_auditor_reads_the_back_office(history, client, auditor, url):
    client.force_login(auditor)
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "url", ["/admin/funds/new/", "/admin/spend/import/", "/admin/families/", "/admin/users/"]
)
def test_the_auditor_changes_nothing_and_never_sees_family_records(history, client, auditor, url):
    client.force_login(auditor)
    response = client.get(url)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == "/admin/"


@pytest.mark.parametrize("role", [roles.AUDITORS, roles.PROGRAMME_TEAM, roles.FINANCE])
def test_each_person_reads_the_entries_wagtail_itself_would_give_them(history, rf, role):
    user = UserFactory(role=role)
    wagtails = set(ModelLogEntry.objects.viewable_by_user(User.objects.get(pk=user.pk)))
    request = rf.get("/admin/audit-trail/")
    request.user = User.objects.get(pk=user.pk)
    ours = readable_entries(request)[list(registry.get_log_entry_models()).index(ModelLogEntry)]
    assert set(ours) == wagtails


def test_the_type_filter_offers_the_kinds_of_record_in_the_trail(history, client, auditor):
    client.force_login(auditor)
    response = client.get("/admin/audit-trail/")
    offered = dict(response.context["filters"].form.fields["object_type"].choices)
    offered.pop("")  # "any"
    readable = {
        entries.content_type_id for entries in ModelLogEntry.objects.viewable_by_user(auditor)
    }
    assert set(offered) == readable
    assert offered[ContentType.objects.get_for_model(Project).pk] == "Project"


def test_filtering_by_type_shows_only_that_kind_of_record(history, client, auditor):
    project_type = ContentType.objects.get_for_model(Project)
    client.force_login(auditor)
    response = client.get("/admin/audit-trail/", {"object_type": project_type.pk})
    entries = response.context["object_list"]
    assert entries
    assert {entry.content_type_id for entry in entries} == {project_type.pk}


def test_an_entry_whose_kind_of_record_was_removed_does_not_break_the_trail(history, client):
    """Wagtail keeps a page's entries when its page type's content type is deleted, with no
    type: the trail lists them and the type filter leaves them out."""
    PageLogEntry.objects.create(
        page=Page.objects.get(depth=2),
        content_type=None,
        label="A retired page type",
        action="wagtail.edit",
        user=history,
        timestamp=timezone.now(),
    )
    client.force_login(history)
    response = client.get("/admin/audit-trail/")
    assert response.status_code == 200
    assert "" in dict(response.context["filters"].form.fields["object_type"].choices)
    assert b"A retired page type" in response.content

import pytest

from governance.models import Ballot
from programme.models import Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(demo):
    """The demo's public site."""


def test_the_home_page_says_what_the_programme_is_and_how_to_apply(client, site):
    page = client.get("/").content.decode()
    assert "whole family approach" in page
    assert "A whole family approach" in page
    assert "NEETs" in page
    assert "How to apply for funding" in page


def test_the_public_menu_lists_the_standard_and_documents_pages(client, site):
    page = client.get("/").content.decode()
    assert 'href="/about/"' in page
    assert 'href="/useful-documents/"' in page


def test_the_documents_page_links_the_outcomes_plan(client, site):
    response = client.get("/useful-documents/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Liverpool Families Programme Outcomes Plan 2015-2020" in page
    link = page.split('href="/documents/', 1)[1].split('"', 1)[0]
    document = client.get("/documents/" + link)
    assert document.status_code == 200
    assert b"".join(document.streaming_content).startswith(b"%PDF-")


def test_the_about_page_names_the_strategic_group(client, site):
    page = client.get("/about/").content.decode()
    assert "Merseyside Police" in page


def test_the_home_page_is_served_after_migrations_alone(client):
    assert client.get("/").status_code == 200


def test_published_decisions_show_amounts_but_no_votes_by_name(client, site):
    index = client.get("/decisions/")
    assert index.status_code == 200
    meeting = Meeting.objects.get(agenda__proposal__title="Schools Pupil Tracking Tool")
    assert f"/decisions/{meeting.pk}/" in index.content.decode()
    page = client.get(f"/decisions/{meeting.pk}/").content.decode()
    assert "Schools Pupil Tracking Tool" in page
    assert "£48,500.00" in page
    ballot = Ballot.objects.filter(vote__item__meeting=meeting).first()
    assert f"{ballot.member} {ballot.get_choice_display().lower()}" not in page
    assert "Recorded votes" not in page


def test_approved_minutes_are_public_with_the_discussion_and_tallies(client, site):
    meeting = Meeting.objects.get(agenda__proposal__title="Schools Pupil Tracking Tool")
    page = client.get(f"/decisions/{meeting.pk}/").content.decode()
    assert meeting.minutes.locked
    assert f"Approved as a true record on {meeting.minutes.approved_on:%-d %B %Y}" in page
    discussion = meeting.agenda.get(proposal__title="Schools Pupil Tracking Tool").discussion
    assert discussion and discussion in page
    assert "Vote: for " in page


def test_draft_minutes_are_not_public(client, site):
    meeting = Meeting.objects.filter(status="closed").get()
    page = client.get(f"/decisions/{meeting.pk}/").content.decode()
    assert not meeting.minutes.locked
    assert "published once the group approves them" in page
    assert "Vote: for " not in page


def test_decisions_of_a_meeting_not_yet_closed_are_not_public(client, site):
    meeting = Meeting.objects.get(status="in_session")
    assert client.get(f"/decisions/{meeting.pk}/").status_code == 404

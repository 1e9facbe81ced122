"""The demo's public site carries what the Liverpool Families Programme page says: the
council's five aims, the programme's phases, and all sixteen approved projects under their
four kinds, with their budgets."""

import re

import pytest

pytestmark = pytest.mark.django_db

PROJECTS = {
    "IT projects": ["Schools Pupil Tracking Tool", "I2 Analyst software"],
    "Research projects": ["Families Programme Evaluation", "Learning Disability Insight research"],
    "Community involvement projects": [
        "Parenting strategy",
        "Reader Organisation",
        "Child Sexual Exploitation awareness training",
    ],
    "Funded services": [
        "Family Intervention Programme team",
        "School Family Support Service",
        "Adult learning",
        "Multi Agency Safeguarding Hubs",
        "Community Capacity Development: Hearty Lives",
        "Community Capacity Development: voluntary sector networks",
        "Operation Encompass",
        "Early Help strategy implementation",
        "Multi agency workforce development",
    ],
}


def test_the_home_page_gives_the_councils_five_aims_and_the_programmes_phases(client, demo):
    page = client.get("/").content.decode()
    aims = re.search(r"full potential by:</p>\s*<ul>(.*?)</ul>", page, re.S)
    assert aims is not None and aims.group(1).count("<li>") == 5
    assert "Phase One" in page and "established in 2012" in page
    assert "Phase Two" in page and "April 2015" in page


def test_all_sixteen_approved_projects_are_shown_under_their_kinds(client, demo):
    page = client.get("/what-is-the-money-spent-on/").content.decode()
    sections = re.split(r'<h2 class="govuk-heading-l">([^<]+)</h2>', page)[1:]
    shown = dict(zip(sections[::2], sections[1::2], strict=True))
    assert list(shown) == list(PROJECTS)
    for heading, titles in PROJECTS.items():
        missing = [title for title in titles if title not in shown[heading]]
        assert missing == [], f"{heading}: {missing}"
    assert sum(len(titles) for titles in PROJECTS.values()) == 16

"""The demonstration data, built through the real services relative to the day it runs: the
programme, the group's past meetings with the proposals they approved, the proposals on their
way, projects with their spend and reports, families, and the files the README asks a
newcomer to import."""

from django.conf import settings
from django.utils import timezone

from demo import decisions, families, files, projects, proposals, variations
from demo.meetings import seed_meetings
from demo.pages import seed_pages
from demo.people import seed_organisations, seed_people
from demo.reference import seed_criteria, seed_funds, seed_priorities


def seed_programme(stdout, today):
    seed_organisations()
    logins = seed_people(today)
    seed_priorities()
    seed_criteria()
    funds = seed_funds(today)
    meetings = seed_meetings(today)
    seed_pages(settings.PROGRAMME_NAME)
    stdout.write(
        f"Programme: strategic group, priorities, criteria, fund {funds[0]}, "
        f"{len(meetings)} meetings."
    )
    return logins


def seed_all(stdout, today=None):
    """Every part in order; returns the demo logins as (role, email)."""
    today = today or timezone.localdate()
    logins = seed_programme(stdout, today)
    for part in (
        proposals.seed_history,
        decisions.seed,
        proposals.seed_in_motion,
        projects.seed,
        variations.seed,
        families.seed,
    ):
        logins += part(stdout, today) or []
    files.write(stdout, today)
    return logins

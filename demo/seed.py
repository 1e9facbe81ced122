"""The demonstration data, built through the real services: the programme, proposals, the
group's decisions, projects with their spend and reports, and families."""

from django.conf import settings

from demo import decisions, families, projects, proposals
from demo.meetings import seed_meetings
from demo.pages import seed_pages
from demo.people import seed_organisations, seed_people
from demo.reference import seed_criteria, seed_funds, seed_priorities


def seed_programme(stdout):
    seed_organisations()
    logins = seed_people()
    seed_priorities()
    seed_criteria()
    funds = seed_funds()
    meetings = seed_meetings()
    seed_pages(settings.PROGRAMME_NAME)
    stdout.write(
        f"Programme: strategic group, priorities, criteria, fund {funds[0]}, "
        f"{len(meetings)} meetings."
    )
    return logins


def seed_all(stdout):
    """Every part in order; returns the demo logins as (role, email)."""
    logins = seed_programme(stdout)
    for part in (proposals, decisions, projects, families):
        logins += part.seed(stdout) or []
    return logins

from django.conf import settings

from governance.demo.meetings import seed_meetings
from governance.demo.pages import seed_pages
from governance.demo.people import seed_organisations, seed_people
from governance.demo.reference import seed_criteria, seed_funds, seed_priorities


def seed(stdout):
    seed_organisations()
    logins = seed_people()
    seed_priorities()
    seed_criteria()
    funds = seed_funds()
    meetings = seed_meetings()
    seed_pages(settings.PROGRAMME_NAME)
    stdout.write(
        f"Governance: strategic group, priorities, criteria, fund {funds[0]}, "
        f"{len(meetings)} meetings."
    )
    return logins

"""Every portal, public and back-office listing page, with the demo login that reads it. The
benchmark times them and counts their queries; a test checks the counts do not grow with
the data."""

import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from programme.models import Meeting, User

LEAD = "lead@families.example"
# The demo's lead of running projects: the demo login leads none, so its projects page would
# be empty on the demo and full at scale, and skip the queries that fill the rows.
PROJECT_LEAD = "s.lunt@families.example"
MEMBER = "member@families.example"
TEAM = "programme@families.example"
FINANCE = "finance@families.example"
AUDITOR = "auditor@families.example"


def _next_meeting():
    meeting = Meeting.objects.filter(date__gte=timezone.localdate()).order_by("date").first()
    return f"/portal/meetings/{meeting.pk}/" if meeting else "/portal/meetings/"


LISTING_PAGES = [
    ("Portal: home (lead)", LEAD, "/portal/"),
    ("Portal: your proposals", LEAD, "/portal/proposals/"),
    ("Portal: your projects", PROJECT_LEAD, "/portal/projects/"),
    ("Portal: meetings", MEMBER, "/portal/meetings/"),
    ("Portal: next meeting's agenda", MEMBER, _next_meeting),
    ("Portal: results and value", MEMBER, "/portal/results/"),
    ("Public: home", None, "/"),
    ("Public: decisions", None, "/decisions/"),
    ("Public: what is the money spent on?", None, "/what-is-the-money-spent-on/"),
    ("Public: what has it achieved?", None, "/what-has-it-achieved/"),
    ("Admin: proposals", TEAM, "/admin/proposals/"),
    ("Admin: proposals, searched", TEAM, "/admin/proposals/?q=family+support"),
    ("Admin: search everything", TEAM, "/admin/search/programme/?q=parenting"),
    ("Admin: projects", TEAM, "/admin/projects/"),
    ("Admin: variations", TEAM, "/admin/variations/"),
    ("Admin: spend ledger", FINANCE, "/admin/spend/"),
    ("Admin: spend ledger, searched", FINANCE, "/admin/spend/?q=venue+hire"),
    ("Admin: budget against actual", FINANCE, "/admin/finance/"),
    ("Admin: progress reports", TEAM, "/admin/progress_reports/"),
    ("Admin: overdue reports", TEAM, "/admin/progress_reports/overdue/"),
    ("Admin: meetings", TEAM, "/admin/meetings/"),
    ("Admin: decisions", TEAM, "/admin/decisions/"),
    ("Admin: organisations", TEAM, "/admin/organisations/"),
    ("Admin: memberships", TEAM, "/admin/memberships/"),
    ("Admin: interests", TEAM, "/admin/interests/"),
    ("Admin: funds", TEAM, "/admin/funds/"),
    ("Admin: families", TEAM, "/admin/families/"),
    ("Admin: family imports", TEAM, "/admin/family_imports/"),
    ("Admin: project results", TEAM, "/admin/project_results/"),
    ("Admin: project targets", TEAM, "/admin/project_targets/"),
    ("Admin: unit costs", TEAM, "/admin/unit_costs/"),
    ("Admin: evaluation studies", TEAM, "/admin/evaluation_studies/"),
    ("Admin: priorities", TEAM, "/admin/priorities/"),
    ("Admin: criteria", TEAM, "/admin/criteria/"),
    ("Admin: outcomes", TEAM, "/admin/outcomes/"),
    ("Admin: case-level releases", TEAM, "/admin/data_releases/"),
    ("Admin: audit trail", TEAM, "/admin/audit-trail/"),
    ("Admin: audit trail (auditor)", AUDITOR, "/admin/audit-trail/"),
]


# The most queries a listing page may take (issue 21), whatever the data.
QUERY_LIMIT = 15
# Pages with a target of their own, and why. Their counts must still not grow with the data.
OWN_LIMITS = {
    "Admin: audit trail": (
        20,
        "Wagtail's site-history report: which page entries a person may read takes 4 "
        "queries, and each kind of record on the page one to fetch it",
    ),
}
# Pages whose count follows what the first page happens to hold (one query for each kind of
# record on it), so it is bounded by their limit but need not equal the demo's.
BY_KINDS_ON_THE_PAGE = {"Admin: audit trail", "Admin: audit trail (auditor)"}


def query_limit(label):
    return OWN_LIMITS[label][0] if label in OWN_LIMITS else QUERY_LIMIT


def _client(email, clients={}):  # noqa: B006 - one signed-in client per login, reused
    if email not in clients:
        client = Client(HTTP_HOST="localhost")
        if email:
            client.force_login(User.objects.get(email=email))
        clients[email] = client
    return clients[email]


def fetch(label, email, url):
    """(status, number of queries, seconds) for one page."""

    client = _client(email)
    path = url() if callable(url) else url
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(path)
        elapsed = time.perf_counter() - started
    return response.status_code, len(queries), elapsed


def query_counts():
    """{label: queries} for every listing page (each fetched twice; the second counts)."""
    counts = {}
    for label, email, url in LISTING_PAGES:
        fetch(label, email, url)
        status, queries, _seconds = fetch(label, email, url)
        counts[label] = (status, queries)
    return counts

"""The approved projects at work: statuses, milestones, progress reports, and the ledger from
the first project's start to the end of last month, imported through the real import."""

import csv
import datetime
import io
import random
from decimal import Decimal

from django.utils import timezone
from wagtail.models import Site

from core.search import index_rows
from demo.pages import child_page
from programme.models import User
from projects.agreements import suggested_schedule, usual_kind
from projects.models import GrantAgreement, Milestone, Project, ProjectClosure, SpendLine
from projects.reporting import quarters_reported_on
from projects.services import (
    agreement_accept,
    agreement_issue,
    closure_report_submit,
    payment_request,
    progress_report_submit,
    project_close,
    spend_import,
)
from projects.spend_csv import EXPORT_HEADER
from public.models import SpendingPage

SUPPLIERS = {
    "Staff": ["Liverpool City Council Payroll", "Barnardo's", "Agency Staffing Ltd"],
    "Premises": ["Venue Hire Liverpool Ltd", "St George's Hall Events", "Toxteth Town Hall"],
    "Supplies and services": ["Office Depot UK", "Merseyside Print Co", "Reading Materials Ltd"],
    "IT": ["Softcat plc", "Capita Business Services", "i2 Group (Harris)"],
    "Commissioned services": ["The Reader", "Hearty Lives Liverpool", "Family Action"],
    "Transport": ["Arriva North West", "Merseytravel"],
}
# Sessional workers paid as individuals: the Transparency Code file redacts their names.
INDIVIDUALS = ["Sarah Jones", "Michael Roberts", "Aisha Khan", "Tom Byrne"]
# One line in 12 is six times the usual size; dividing by this keeps the total on profile.
LUMPY = Decimal("1.4")


def months(start, end):
    day = datetime.date(start.year, start.month, 1)
    while day <= end:
        yield day
        day = datetime.date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def month_end(month):
    return datetime.date(month.year + (month.month == 12), month.month % 12 + 1, 1) - (
        datetime.timedelta(days=1)
    )


def as_approved(project):
    """A project's dates before any variation moved them: its ledger's history stays as it
    was written, whenever the demo is seeded again."""
    first = project.variations.filter(version__isnull=False).order_by("version").first()
    if first is None:
        return project.start_date, project.end_date
    return tuple(
        datetime.date.fromisoformat(first.before[key]) for key in ("start_date", "end_date")
    )


def ledger_rows(projects, first, last, seed=2026):
    """The ledger lines a finance system would hold for these projects, dated from ``first``
    to ``last``. Each month's lines come from that month alone (their own random stream and
    numbers), so a month reads the same whenever it is written."""
    rows = []
    dates = {project.pk: as_approved(project) for project in projects}
    for month in months(first, last):
        rng = random.Random(f"{seed}-{month:%Y-%m}")  # noqa: S311 - reproducible demo data
        sequence = 0
        latest = min(month_end(month), last)
        for project in projects:
            start, end = dates[project.pk]
            if start > latest or end < month:
                continue
            running = len(list(months(start, end)))
            monthly = project.approved_amount / running
            count = min(14, max(2, int(monthly / 1500)))
            per_line = monthly / count
            for _ in range(count):
                sequence += 1
                expense = rng.choice(list(SUPPLIERS))
                amount = per_line * Decimal(rng.uniform(0.6, 1.3)) / LUMPY
                if rng.random() < 0.08:  # invoices and payroll runs: the lines over £500
                    amount *= 6
                amount = amount.quantize(Decimal("0.01"))
                if rng.random() < 0.02:
                    amount = -(amount / 4).quantize(Decimal("0.01"))
                vat = Decimal("0.00")
                if rng.random() < 0.1:
                    vat = (amount * Decimal("0.2")).quantize(Decimal("0.01"))
                first_day = max(month, start).day
                day = month.replace(day=rng.randint(first_day, min(latest.day, 28)))
                supplier, supplier_type = rng.choice(SUPPLIERS[expense]), "Company"
                if expense == "Staff" and rng.random() < 0.1:
                    supplier, supplier_type = rng.choice(INDIVIDUALS), "Individual"
                rows.append(
                    [
                        f"AP{month:%Y%m}{sequence:04d}",
                        day.strftime("%d/%m/%Y"),
                        supplier,
                        f"{expense} for {project.title}"[:120],
                        project.cost_centre,
                        expense,
                        f"{amount:,.2f}",
                        f"{vat}",
                        supplier_type,
                    ]
                )
    return rows


def ledger_csv(rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_HEADER)
    writer.writerows(rows)
    return out.getvalue().encode()


MILESTONES = [
    "Staff in post and referral route agreed",
    "First families supported",
    "Mid-point review with the programme team",
    "Final report and exit plan",
]
NARRATIVES = [
    "Delivery is on plan. Referrals came mainly from schools and early help; families engaged "
    "well with the key worker model.",
    "Recruitment took longer than planned, so fewer families started than profiled. A second "
    "worker starts next month and the waiting list is being cleared.",
]


def plan(project):
    """Four milestones spread over the project's life, set once."""
    if project.milestones.exists():
        return
    span = (project.end_date - project.start_date).days
    Milestone.objects.bulk_create(
        Milestone(
            project=project,
            title=title,
            due_date=project.start_date + datetime.timedelta(days=span * step // 4 + 30),
        )
        for step, title in enumerate(MILESTONES)
    )


# Reports each project leaves for its lead to write, from its latest quarter back: the demo
# lead has one project with two overdue and one with its latest waiting.
LEFT_TO_WRITE = {
    "Parenting strategy": 2,
    "Child Sexual Exploitation awareness training": 1,
    "Early Help strategy implementation": 1,
    "Operation Encompass": 1,
}


def reports(project, today, rng):
    """Reports for the quarters owed, but the latest few where LEFT_TO_WRITE says so."""
    owed = quarters_reported_on(project, today)
    left = LEFT_TO_WRITE.get(project.title, 0)
    owed = owed[: len(owed) - left] if left else owed
    done = set(project.reports.values_list("financial_year", "quarter"))
    for due in owed:
        if (due.financial_year, due.quarter) in done:
            continue
        met = project.milestones.filter(met_on__isnull=True, due_date__lte=due.quarter_end)
        amber = rng.random() < 0.25
        progress_report_submit(
            user=project.lead,
            project=project,
            financial_year=due.financial_year,
            quarter=due.quarter,
            narrative=NARRATIVES[amber],
            rag=Project.Rag.AMBER if amber else Project.Rag.GREEN,
            families_supported=rng.randint(12, 90),
            risks="Staff turnover; referral volumes from secondary schools." if amber else "",
            milestones_met=list(met),
            today=min(today, due.due_date),
        )


def _status(project, today):
    """Running once delivery has started; completed once it has ended."""
    if project.end_date < today:
        return Project.Status.COMPLETED
    if project.start_date <= today:
        return Project.Status.ACTIVE
    return Project.Status.SET_UP


SPENDING_INTRO = (
    "<p>Funding proposals are submitted in advance of the bi-monthly meeting and shared with "
    "the group. The group meet and discuss the proposals. The proposals must meet the criteria "
    "of the programme in order to have funding approved. The projects approved so far, and "
    "what each has spent, are listed below; the list is updated as decisions are made and "
    "spend is recorded.</p>"
)


def spending_page():
    home = Site.objects.get(is_default_site=True).root_page.specific
    child_page(
        home,
        SpendingPage,
        "what-is-the-money-spent-on",
        title="What is the money spent on?",
        show_in_menus=True,
        intro=SPENDING_INTRO,
    )


def finance_export(today=None):
    """What finance would import next: this month's lines so far, and three lines from last
    month that the ledger already holds (importing them again adds nothing)."""
    today = today or timezone.localdate()
    projects = list(Project.objects.order_by("reference"))
    this_month = today.replace(day=1)
    last_month = (this_month - datetime.timedelta(days=1)).replace(day=1)
    already = ledger_rows(projects, last_month, this_month - datetime.timedelta(days=1))[:3]
    return ledger_csv([*ledger_rows(projects, this_month, today), *already])


def agreements(today):
    """The demo lead's projects under agreements: the older accepted, with its first payment
    requested on its latest report for the programme team to approve; the newer issued and
    waiting for the lead to accept it (its lines in the finance export still to import are
    money drawn before then, so they land on finance's "needs attention" list)."""
    officer = User.objects.get(email="programme@families.example")
    lead = User.objects.get(email="lead@families.example")
    older, newer = Project.objects.filter(lead=lead).order_by("start_date", "reference")[:2]
    if GrantAgreement.objects.filter(project__in=[older, newer]).exists():
        return
    for project in (older, newer):
        agreement_issue(
            user=officer,
            project=project,
            kind=usual_kind(project),
            schedule=suggested_schedule(project),
            bank_details_checked=True,
            today=today,
        )
    agreement_accept(user=lead, agreement=older.agreement)
    report = older.reports.order_by("-financial_year", "-quarter").first()
    first = older.agreement.payments.get(number=1)
    payment_request(user=lead, payment=first, report=report)


def closure(today):
    """The first project to complete, signed off with its final report: the public page shows
    it completed, and its underspend is back in its fund years."""
    if ProjectClosure.objects.exists():
        return
    done = Project.objects.filter(status=Project.Status.COMPLETED).order_by("end_date", "reference")
    project = done.select_related("lead").first()
    if project is None:
        return
    closure_report_submit(
        user=project.lead,
        project=project,
        delivered="The service ran as planned in every participating school; each family had "
        "a named worker and a plan reviewed every six weeks.",
        families_supported=64,
        results="Attendance improved for 41 of the 50 families targeted; 12 families were "
        "stepped down to universal services.",
        lessons="Recruit before the school year starts, and agree data sharing with schools in "
        "the first month.",
    )
    project_close(user=User.objects.get(email="programme@families.example"), project=project)


def seed(stdout, today=None):
    """Projects' statuses, milestones and reports, and the ledger to the end of last month:
    this month's lines are the finance export the demo leaves to import."""
    today = today or timezone.localdate()
    rng = random.Random(7)  # noqa: S311 - reproducible demo data, not security
    projects = list(Project.objects.order_by("reference"))
    for project in projects:
        status = _status(project, today)
        if project.status != status and project.status != Project.Status.CLOSED:
            project.status = status
            project.save(update_fields=["status", "updated_at"])
        plan(project)
        reports(project, today, rng)
    finance = User.objects.get(email="finance@families.example")
    first = min((project.start_date for project in projects), default=today)
    last = today.replace(day=1) - datetime.timedelta(days=1)
    result = spend_import(
        user=finance,
        data=ledger_csv(ledger_rows(projects, first, last)),
        filename="demo-ledger.csv",
    )
    # Searchable now, not only once the worker has run the import's indexing task.
    index_rows(SpendLine.objects.filter(spend_import=result.spend_import))
    spending_page()
    agreements(today)
    closure(today)
    stdout.write(
        f"Projects: {len(projects)} with milestones and progress reports; ledger "
        f"{result.added:,} lines added, {result.already_there:,} already there."
    )
    return []

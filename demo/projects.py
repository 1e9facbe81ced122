"""A year of ledger lines for the demo projects, imported through the real import."""

import csv
import datetime
import io
import random
from decimal import Decimal

from django.utils import timezone
from wagtail.models import Site

from demo.pages import child_page
from programme.models import User
from projects.models import Milestone, Project
from projects.reporting import quarters_reported_on
from projects.services import progress_report_submit, spend_import
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
TARGET_LINES = 2400
# One line in 12 is six times the usual size; dividing by this keeps the total on profile.
LUMPY = Decimal("1.4")


def months(start, end):
    day = datetime.date(start.year, start.month, 1)
    while day <= end:
        yield day
        day = datetime.date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def ledger_csv(projects, today, seed=2026):
    """The CSV a finance system would export for these projects up to today."""
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not security
    people = random.Random(seed + 1)  # noqa: S311 - its own stream keeps the ledger's draws
    sizes = random.Random(seed + 2)  # noqa: S311
    total = sum(p.approved_amount for p in projects) or 1
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_HEADER)
    number = 400000
    for project in projects:
        spans = list(months(project.start_date, min(today, project.end_date)))
        if not spans:
            continue
        count = max(len(spans), int(TARGET_LINES * project.approved_amount / total))
        monthly = project.approved_amount / 12
        per_line = monthly * len(spans) / count
        for index in range(count):
            month = spans[index % len(spans)]
            expense = rng.choice(list(SUPPLIERS))
            amount = per_line * Decimal(rng.uniform(0.6, 1.3)) / LUMPY
            if sizes.random() < 0.08:  # invoices and payroll runs: the lines over £500
                amount *= 6
            amount = amount.quantize(Decimal("0.01"))
            if rng.random() < 0.02:
                amount = -(amount / 4).quantize(Decimal("0.01"))
            vat = (amount * Decimal("0.2")).quantize(Decimal("0.01")) if rng.random() < 0.1 else 0
            number += 1
            day = month.replace(day=rng.randint(1, 28)).strftime("%d/%m/%Y")
            supplier, supplier_type = rng.choice(SUPPLIERS[expense]), "Company"
            if expense == "Staff" and people.random() < 0.1:
                supplier, supplier_type = people.choice(INDIVIDUALS), "Individual"
            writer.writerow(
                [
                    f"AP{number}",
                    day,
                    supplier,
                    f"{expense} for {project.title}"[:120],
                    project.cost_centre,
                    expense,
                    f"{amount:,.2f}",
                    f"{vat}",
                    supplier_type,
                ]
            )
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


def reports(project, today, rng):
    """Reports for the quarters owed; every other project leaves its latest for the lead to
    write, so the overdue list has something in it."""
    owed = quarters_reported_on(project, today)
    if int(project.reference[-1]) % 2:
        owed = owed[:-1]
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
            today=today,
        )


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


def seed(stdout, today=None):
    today = today or timezone.localdate()
    rng = random.Random(7)  # noqa: S311 - reproducible demo data, not security
    projects = list(Project.objects.order_by("reference"))
    for project in projects:
        if project.status == Project.Status.SET_UP and project.start_date <= today:
            project.status = Project.Status.ACTIVE
            project.save(update_fields=["status", "updated_at"])
        plan(project)
        reports(project, today, rng)
    finance = User.objects.get(email="finance@families.example")
    result = spend_import(
        user=finance, data=ledger_csv(projects, today), filename="demo-ledger.csv"
    )
    spending_page()
    stdout.write(
        f"Projects: {len(projects)} with milestones and progress reports; ledger "
        f"{result.added:,} lines added, {result.already_there:,} already there."
    )
    return []

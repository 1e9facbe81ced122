"""A year of ledger lines for the demo projects, imported through the real import."""

import csv
import datetime
import io
import random
from decimal import Decimal

from django.utils import timezone

from projects.imports import spend_import
from projects.models import Project

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
HEADER = [
    "Transaction Number",
    "Date",
    "Supplier",
    "Description",
    "Cost Centre",
    "Expense Type",
    "Net Amount",
    "Irrecoverable VAT",
    "Supplier Type",
]


def months(start, end):
    day = datetime.date(start.year, start.month, 1)
    while day <= end:
        yield day
        day = datetime.date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def ledger_csv(projects, today, seed=2026):
    """The CSV a finance system would export for these projects up to today."""
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not security
    people = random.Random(seed + 1)  # noqa: S311 - its own stream keeps the ledger's draws
    total = sum(p.approved_amount for p in projects) or 1
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
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
            amount = (per_line * Decimal(rng.uniform(0.6, 1.3))).quantize(Decimal("0.01"))
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


def seed(stdout, today=None):
    today = today or timezone.localdate()
    projects = list(Project.objects.order_by("reference"))
    result = spend_import(user=None, data=ledger_csv(projects, today), filename="demo-ledger.csv")
    stdout.write(
        f"Projects: {len(projects)}; ledger {result.added:,} lines added, "
        f"{result.already_there:,} already there."
    )
    return []

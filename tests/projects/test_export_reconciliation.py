"""The open-data files reconcile with the ledger to the penny: the Transparency Code CSV holds
exactly the ledger lines over £500, and each 360Giving grant's amounts are the project's
approval and the ledger lines that paid it, in both the JSON and the spreadsheet. Counted here
from the ledger's own rows, not from the summaries the files are written from."""

import csv
import io
from decimal import Decimal

import openpyxl
import pytest
from django.conf import settings
from django.db.models import Q

from core.money import MoneySum, to_money
from exports.grants import COLUMNS, grants_package, write_grants_xlsx
from exports.transparency import write_transparency
from projects.models import Project, SpendLine

pytestmark = pytest.mark.django_db


def pounds(value):
    return to_money(Decimal(str(value)))


def test_the_transparency_csv_is_every_ledger_line_over_the_threshold(demo):
    out = io.StringIO()
    write_transparency(out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    threshold = settings.TRANSPARENCY_THRESHOLD
    published = SpendLine.objects.filter(Q(net_amount__gt=threshold) | Q(net_amount__lt=-threshold))
    totals = published.aggregate(net=MoneySum("net_amount"), vat=MoneySum("irrecoverable_vat"))
    assert len(rows) == published.count() > 0
    assert sum(pounds(row["Net Amount"]) for row in rows) == totals["net"]
    assert sum(pounds(row["Irrecoverable VAT"]) for row in rows) == totals["vat"]
    assert {row["Transaction Number"] for row in rows} == set(
        published.values_list("transaction_number", flat=True)
    )


def paid_from_the_ledger(reference):
    lines = SpendLine.objects.filter(project__reference=reference)
    paid = lines.aggregate(net=MoneySum("net_amount"), vat=MoneySum("irrecoverable_vat"))
    return to_money((paid["net"] or 0) + (paid["vat"] or 0))


def test_each_grant_is_its_approval_and_what_the_ledger_paid(demo):
    grants = grants_package()["grants"]
    assert grants
    for grant in grants:
        reference = grant["id"].removeprefix(f"360G-{settings.GRANTS_360G_PREFIX}-")
        project = Project.objects.get(reference=reference)
        assert pounds(grant["amountAwarded"]) == project.approved_amount
        assert pounds(grant["amountDisbursed"]) == paid_from_the_ledger(project.reference)


def test_the_grants_spreadsheet_totals_match_the_json(demo):
    out = io.BytesIO()
    write_grants_xlsx(out)
    sheet = openpyxl.load_workbook(io.BytesIO(out.getvalue()))["grants"]
    titles = [title for title, _path in COLUMNS]
    awarded, disbursed = titles.index("Amount Awarded"), titles.index("Amount Disbursed")
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    grants = grants_package()["grants"]
    assert len(rows) == len(grants)
    assert sum(pounds(row[awarded]) for row in rows) == sum(
        pounds(g["amountAwarded"]) for g in grants
    )
    assert sum(pounds(row[disbursed]) for row in rows) == sum(
        pounds(g["amountDisbursed"]) for g in grants
    )

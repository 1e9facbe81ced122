"""The ledger's monthly totals always equal the ledger summed by project and month, whichever
way the lines were written."""

import datetime
import io
from collections import defaultdict
from decimal import Decimal

from django.core.management import call_command
from django.db import connection
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from projects import spend_totals
from projects.models import ProgrammeMonth, ProjectSpend, SpendLine, SpendMonth
from projects.periods import Period
from projects.selectors import spend_by_month
from projects.selectors.budget import budget_against_actual
from projects.services import spend_import
from tests.factories import ProjectFactory, SpendLineFactory

HEADER = "Transaction Number,Date,Supplier,Cost Centre,Expense Type,Net Amount,Irrecoverable VAT\n"


def from_ledger():
    totals = defaultdict(lambda: [Decimal("0.00"), 0])
    for project, day, net, vat in SpendLine.objects.values_list(
        "project", "date", "net_amount", "irrecoverable_vat"
    ):
        total = totals[(project, day.replace(day=1))]
        total[0] += net + vat
        total[1] += 1
    return {key: tuple(value) for key, value in totals.items()}


def kept():
    return {
        (row.project_id, row.month): (row.amount, row.lines) for row in SpendMonth.objects.all()
    }


def programme_from_ledger():
    """The ledger summed by month over every project."""
    totals = defaultdict(lambda: [Decimal("0.00"), 0])
    for (_project, month), (amount, lines) in from_ledger().items():
        totals[month][0] += amount
        totals[month][1] += lines
    return {month: tuple(value) for month, value in totals.items()}


def projects_from_ledger():
    """The ledger summed by project over all time."""
    totals = defaultdict(lambda: [Decimal("0.00"), 0])
    for (project, _month), (amount, lines) in from_ledger().items():
        totals[project][0] += amount
        totals[project][1] += lines
    return {project: tuple(value) for project, value in totals.items()}


def projects_kept():
    return {row.project_id: (row.amount, row.lines) for row in ProjectSpend.objects.all()}


def programme_kept():
    return {row.month: (row.amount, row.lines) for row in ProgrammeMonth.objects.all()}


def ledger_file(*rows):
    return (HEADER + "".join(",".join(row) + "\n" for row in rows)).encode()


def test_an_import_adds_to_the_months_it_touches(db, finance_officer):
    project = ProjectFactory(cost_centre="FP2026005")
    SpendLineFactory(project=project, date=datetime.date(2026, 5, 2), net_amount=Decimal("10"))
    spend_import(
        user=finance_officer,
        data=ledger_file(
            ["T1", "30/04/2026", "Barnardo's", "FP2026005", "Staff", "3850.00", "0"],
            ["T2", "01/05/2026", "Venue Hire", "FP2026005", "Premises", "240.50", "48.10"],
            ["T3", "31/05/2026", "Venue Hire", "FP2026005", "Premises", "-40.00", "0"],
        ),
        filename="may.csv",
    )
    assert kept() == {
        (project.pk, datetime.date(2026, 4, 1)): (Decimal("3850.00"), 1),
        (project.pk, datetime.date(2026, 5, 1)): (Decimal("258.60"), 3),
    }


def test_a_line_moved_to_another_project_and_month_leaves_both_right(db):
    line = SpendLineFactory(date=datetime.date(2026, 6, 30), net_amount=Decimal("75.25"))
    other = ProjectFactory()
    line.project, line.date = other, datetime.date(2026, 7, 1)
    line.save()
    assert kept() == {(other.pk, datetime.date(2026, 7, 1)): (Decimal("75.25"), 1)}


def test_a_deleted_line_leaves_its_month(db):
    line = SpendLineFactory(net_amount=Decimal("12.00"))
    SpendLineFactory(project=line.project, net_amount=Decimal("3.00"))
    line.delete()
    assert kept() == {(line.project_id, line.date.replace(day=1)): (Decimal("3.00"), 1)}


def test_a_line_added_in_the_back_office_counts_on_the_dashboard(client_for, finance_officer):
    project = ProjectFactory(cost_centre="FP2026009")
    client_for(finance_officer).post(
        "/admin/spend/new/",
        {
            "transaction_number": "MAN-1",
            "date": "2026-06-01",
            "supplier": "Acme",
            "cost_centre": "FP2026009",
            "expense_type": "Premises",
            "net_amount": "120.00",
            "irrecoverable_vat": "24.00",
        },
    )
    (row,) = budget_against_actual(Period("2026-27"), today=datetime.date(2026, 7, 1))
    assert (row.project, row.spent) == (project, Decimal("144.00"))


def test_the_command_rebuilds_totals_written_around(db):
    SpendLineFactory.create_batch(3, date=datetime.date(2026, 9, 9))
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {SpendMonth._meta.db_table}")  # noqa: S608
    call_command("refresh_spend_totals", stdout=io.StringIO())
    assert kept() == from_ledger() != {}
    assert programme_kept() == programme_from_ledger()
    assert projects_kept() == projects_from_ledger()


def test_spend_by_month_reads_the_totals(db):
    line = SpendLineFactory(date=datetime.date(2026, 8, 20), net_amount=Decimal("9.99"))
    assert spend_by_month(Period("2026-27")) == {
        (line.project_id, datetime.date(2026, 8, 1)): Decimal("9.99")
    }


class TotalsFollowAnyChanges(TestCase):
    """Any mix of lines added, moved and deleted one at a time or added in a batch (as the
    import does)."""

    @settings(max_examples=25, deadline=None)
    @given(
        st.lists(
            st.tuples(
                st.sampled_from(["add", "add_batch", "move", "delete", "refresh_month"]),
                st.integers(0, 2),
                st.dates(datetime.date(2025, 1, 1), datetime.date(2027, 12, 31)),
                st.decimals(-500, 5000, places=2),
            ),
            max_size=12,
        )
    )
    def test_totals_equal_the_ledger(self, steps):
        projects = ProjectFactory.create_batch(3)
        for action, index, day, amount in steps:
            line = SpendLine.objects.order_by("?").first()
            if action == "add" or line is None:
                SpendLineFactory(project=projects[index], date=day, net_amount=amount)
            elif action == "add_batch":
                batch = [
                    SpendLineFactory.build(project=projects[index], date=day, net_amount=amount),
                    SpendLineFactory.build(project=projects[0], date=day, net_amount=amount),
                ]
                SpendLine.objects.bulk_create(batch)
                spend_totals.add_lines(SpendLine.objects.filter(pk__in=[b.pk for b in batch]))
            elif action == "move":
                line.project, line.date = projects[index], day
                line.save()
            elif action == "delete":
                line.delete()
            else:
                spend_totals.refresh(projects=[projects[index].pk], first=day, last=day)
        assert kept() == from_ledger()
        assert programme_kept() == programme_from_ledger()
        assert projects_kept() == projects_from_ledger()

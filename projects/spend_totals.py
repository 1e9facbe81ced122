"""The ledger summed by project and month (``SpendMonth``), which every page, export and
report that shows spend reads instead of the ledger. The totals change in the transaction
that changed the ledger: the import adds its new lines to their months (``add_lines``); a
line saved or deleted one at a time (the back office, the shell, the tests' factories) has
its old and new months rebuilt from the ledger (``on_line_saved``, ``on_line_deleted``);
``refresh_spend_totals`` rebuilds everything. The programme's months (``ProgrammeMonth``, the
same summed over every project) and each project's all-time total (``ProjectSpend``) move
with them in the same transaction."""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.apps import apps as installed_apps
from django.db import transaction
from django.db.models import Count, F, Sum
from django.db.models.functions import TruncMonth

from core.bulk import add_to_totals, insert_select
from core.locks import one_at_a_time
from core.money import MoneySum
from projects.models import ProgrammeMonth, ProjectSpend, SpendLine, SpendMonth

# The columns of the rows _by_month gives: project, month, amount, lines.
PROJECT, MONTH = 0, 1


def _month_after(day):
    return datetime.date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def refresh(*, projects=None, first=None, last=None, apps=installed_apps):
    """Rebuild the totals of ``projects`` (ids; every project when None) for the months from
    the one ``first`` is in to the one ``last`` is in (dates; every month when None): one
    DELETE and one INSERT ... SELECT ... GROUP BY, in a transaction, one writer at a time.
    ``apps`` is a migration's models."""
    months = apps.get_model("projects", "SpendMonth")
    lines = apps.get_model("projects", "SpendLine").objects.order_by()
    totals = months.objects.all()
    if projects is not None:
        projects = list(projects)
        lines, totals = lines.filter(project__in=projects), totals.filter(project__in=projects)
    if first is not None:
        start = first.replace(day=1)
        lines, totals = lines.filter(date__gte=start), totals.filter(month__gte=start)
    if last is not None:
        after = _month_after(last)
        lines, totals = lines.filter(date__lt=after), totals.filter(month__lt=after)
    summed = _by_month(lines)
    with transaction.atomic():
        one_at_a_time("projects.spend_totals")
        totals.delete()
        insert_select(months, ["project_id", "month", "amount", "lines"], summed)
        sum_programme_months(apps, first and first.replace(day=1), last and _month_after(last))
        sum_project_spend(apps, projects)


def sum_project_spend(apps=installed_apps, projects=None):
    """Rebuild the all-time totals of ``projects`` (ids; every project when None) from their
    months."""
    within = {} if projects is None else {"project__in": projects}
    _resum(apps, "ProjectSpend", "project", **within)


def sum_programme_months(apps=installed_apps, start=None, after=None):
    """Rebuild the programme's months from ``start`` up to ``after`` (first days of months;
    None for no bound) from the projects' months."""
    within = {"month__gte": start, "month__lt": after}
    _resum(apps, "ProgrammeMonth", "month", **{k: v for k, v in within.items() if v})


def _resum(apps, name, key, **within):
    """Rebuild the rows of a sum of the projects' months by ``key`` (the model ``name``'s
    key, a column of the months too) that the lookups ``within`` choose: one DELETE and one
    INSERT ... SELECT ... GROUP BY."""
    totals = apps.get_model("projects", name)
    totals.objects.filter(**within).delete()
    months = apps.get_model("projects", "SpendMonth").objects.order_by().filter(**within)
    summed = (
        months.values(key)
        .annotate(total=Sum("amount"), n=Sum("lines"))
        .values_list(key, "total", "n")
    )
    insert_select(totals, [totals._meta.get_field(key).column, "amount", "lines"], summed)


def _by_month(lines):
    return (
        lines.order_by()
        .annotate(month=TruncMonth("date"))
        .values("project", "month")
        .annotate(
            amount=MoneySum(F("net_amount") + F("irrecoverable_vat")),
            lines=Count("pk"),
        )
        .values_list("project", "month", "amount", "lines")
    )


def add_lines(lines):
    """Add new ledger lines (a queryset of lines already written in this transaction) to
    their months' totals: one GROUP BY over those lines, and work proportional to the months
    touched, not to the ledger."""
    added = list(_by_month(lines))
    if not added:
        return
    programme, projects = _summed(added, by=MONTH), _summed(added, by=PROJECT)
    with transaction.atomic():
        one_at_a_time("projects.spend_totals")
        add_to_totals(SpendMonth, ["project_id", "month"], ["amount", "lines"], added)
        add_to_totals(ProgrammeMonth, ["month"], ["amount", "lines"], programme)
        add_to_totals(ProjectSpend, ["project_id"], ["amount", "lines"], projects)


def _summed(added, by):
    """Rows of (key, amount, lines) of the added (project, month, amount, lines) rows, summed
    by the column ``by`` (PROJECT or MONTH)."""
    totals = defaultdict(lambda: [Decimal("0.00"), 0])
    for row in added:
        totals[row[by]][0] += row[2]
        totals[row[by]][1] += row[3]
    return [(key, amount, lines) for key, (amount, lines) in totals.items()]


def refresh_for_lines(lines):
    """Rebuild the totals the given (project id, date) pairs fall in."""
    lines = list(lines)
    if lines:
        refresh(
            projects={project for project, _ in lines},
            first=min(day for _, day in lines),
            last=max(day for _, day in lines),
        )


def remember_old_place(sender, instance, raw=False, **kwargs):
    """Before a line is saved over, note its project and date: the totals it leaves change
    too."""
    instance._spend_was = None
    if instance.pk and not raw:
        instance._spend_was = (
            SpendLine.objects.filter(pk=instance.pk).values_list("project", "date").first()
        )


def on_line_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        was = getattr(instance, "_spend_was", None)
        refresh_for_lines([(instance.project_id, instance.date)] + ([was] if was else []))


def on_line_deleted(sender, instance, **kwargs):
    refresh_for_lines([(instance.project_id, instance.date)])

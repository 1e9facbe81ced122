"""The results calendar (``DayCount``): how many plans started, cases closed, needs were
achieved ... on each day. A window's figures come from it by sums:

- families supported (plan open at some point in the window) = plans started by its last day
  less cases closed before its first (a case closes on or after its plan starts);
- families with a need in an outcome area = needs open by the last day (identified, and the
  plan started) less those whose case closed before the first day (the import refuses a need
  identified after its case closed, so these had opened by then);
- successful family outcomes, needs achieved and needs sustained = those dated in the window.

The family import moves it by what the families it writes count (``events_of``) less what the
ones it replaces counted before (``counted``), in its transaction;
``manage.py refresh_results_calendar`` rebuilds it in SQL."""

import datetime
from collections import Counter

from django.apps import apps as installed_apps
from django.db import transaction
from django.db.models import Count, F, IntegerField, Q, Sum, Value
from django.db.models.functions import Coalesce, Greatest

from core.bulk import add_to_totals, insert_select
from core.locks import one_at_a_time
from evaluations.models import DayCount

Event = DayCount.Event
NO_OUTCOME = Value(0, output_field=IntegerField())
EVERY = Q()


def _families(apps, families, event, day, condition=EVERY):
    rows = apps.get_model("evaluations", "Family").objects.order_by()
    if families is not None:
        rows = rows.filter(pk__in=families)
    return (
        rows.filter(condition, **{f"{day}__isnull": False})
        .values(the_day=F(day))
        .annotate(event=Value(event.value), area=NO_OUTCOME, n=Count("pk"))
    )


def _needs(apps, families, event, day, condition=EVERY):
    rows = apps.get_model("evaluations", "FamilyNeed").objects.order_by()
    if families is not None:
        rows = rows.filter(family__in=families)
    return (
        rows.filter(condition)
        .annotate(the_day=day)
        .filter(the_day__isnull=False)
        .values("the_day", area=F("outcome__number"))
        .annotate(event=Value(event.value), n=Count("pk"))
    )


def sources(apps, families=None):
    """A queryset of (day, event, outcome area, count) for every event, counting the families
    given (a queryset of their ids; every family when None)."""
    return [
        _families(apps, families, Event.STARTED, "plan_start"),
        _families(apps, families, Event.STARTED_ELIGIBLE, "plan_start", Q(eligible=True)),
        _families(apps, families, Event.CLOSED, "case_closed"),
        _families(apps, families, Event.CLOSED_ELIGIBLE, "case_closed", Q(eligible=True)),
        _families(apps, families, Event.SUCCESSFUL, "sustain_until", Q(all_needs_sustained=True)),
        _needs(apps, families, Event.NEED_OPENED, Greatest("family__plan_start", "identified_on")),
        _needs(apps, families, Event.NEED_CLOSED, F("family__case_closed")),
        _needs(apps, families, Event.NEED_ACHIEVED, F("achieved_on")),
        _needs(
            apps,
            families,
            Event.NEED_SUSTAINED,
            F("family__sustain_until"),
            Q(sustained=True, achieved_on__isnull=False),
        ),
    ]


def refresh(apps=installed_apps):
    """Rebuild the calendar from every family: one DELETE and an INSERT ... SELECT ... GROUP BY
    an event, in one transaction, one writer at a time. ``apps`` is a migration's models."""
    counts = apps.get_model("evaluations", "DayCount")
    with transaction.atomic():
        one_at_a_time("evaluations.day_counts")
        counts.objects.all().delete()
        for queryset in sources(apps):
            rows = queryset.values_list("the_day", "event", "area", "n")
            insert_select(counts, ["day", "event", "outcome", "count"], rows)


def events_of(family, needs):
    """The calendar entries (event, outcome area, day) of one family about to be written,
    from the family (with its standing worked out) and its needs (``rules.Need``): what
    ``sources`` counts in SQL, so an import need not read back what it has just written."""
    yield Event.STARTED.value, 0, family.plan_start
    if family.eligible:
        yield Event.STARTED_ELIGIBLE.value, 0, family.plan_start
    if family.case_closed:
        yield Event.CLOSED.value, 0, family.case_closed
        if family.eligible:
            yield Event.CLOSED_ELIGIBLE.value, 0, family.case_closed
    if family.all_needs_sustained and family.sustain_until:
        yield Event.SUCCESSFUL.value, 0, family.sustain_until
    for need in needs:
        yield Event.NEED_OPENED.value, need.outcome, max(family.plan_start, need.identified_on)
        if family.case_closed:
            yield Event.NEED_CLOSED.value, need.outcome, family.case_closed
        if need.achieved_on:
            yield Event.NEED_ACHIEVED.value, need.outcome, need.achieved_on
            if need.sustained and family.sustain_until:
                yield Event.NEED_SUSTAINED.value, need.outcome, family.sustain_until


def counted(families):
    """{(event, outcome area, day): count} for the given families (ids, or a queryset of
    them)."""
    counts = Counter()
    for queryset in sources(installed_apps, families):
        for day, event, outcome, n in queryset.values_list("the_day", "event", "area", "n"):
            day = datetime.date.fromisoformat(day) if isinstance(day, str) else day
            counts[(event, outcome, day)] += n
    return counts


def apply(change):
    """Add a signed change {(event, outcome area, day): count} to the calendar: how an import
    that replaced some families moves it (what they count now less what they counted before),
    in work proportional to the days touched, not to the families."""
    rows = [(event, area, day, n) for (event, area, day), n in change.items() if n]
    if not rows:
        return
    with transaction.atomic():
        one_at_a_time("evaluations.day_counts")
        add_to_totals(DayCount, ["event", "outcome", "day"], ["count"], rows)
        DayCount.objects.filter(count=0).delete()


def total(event, first=None, last=None):
    """SUM of the event's counts dated from ``first`` to ``last`` (either end open when None),
    as an aggregate expression for DayCount querysets; 0 when there are none."""
    condition = Q(event=event)
    if first is not None:
        condition &= Q(day__gte=first)
    if last is not None:
        condition &= Q(day__lte=last)
    return Coalesce(Sum("count", filter=condition), 0)

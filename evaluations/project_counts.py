"""Each funded project's calendar (``ProjectDayCount``): how many of its supports began and
ended, how many successful family outcomes and how many needs achieved (once its support had
begun) fell on each day. Value for money by project reads a window's figures from it by sums,
as the programme's figures come from ``day_counts``:

- families supported (support open at some point in the window) = supports begun by its last
  day less those ended before its first (the import refuses a project that did not run while
  the plan was open, so a support ends on or after it begins): what a window beginning on
  any day needs; every window read today begins on 1 April or has no beginning, so the
  supports ended are kept, not read (migration 0010 worked the carried supports out of them);
- families supported in a financial year = supports open on its 1 April that began before it
  (``carried``, kept on each 1 April a support spans) plus those begun in the year up to its
  last day counted; so whether a project counted anything in a year is whether its calendar
  has a day in it, and a year's figures read that year's days only;
- successful family outcomes (six months after closure ended in the window) and needs achieved
  in the window = those dated in it, once for each project that supported the family.

A support always ends: the import gives it the project's end date at the latest (one stored
without an end, which only a test writes, is carried into no year).

The family import moves it by what the families it writes count (``events_of``) less what the
ones it replaces counted before (``counted``), in its transaction; families deleted under the
retention policy stay counted. ``manage.py refresh_results_calendar`` rebuilds it in SQL."""

from collections import Counter

from django.apps import apps as installed_apps
from django.db import transaction
from django.db.models import Count, DateField, F, Max, Min, Value

from core.bulk import add_to_totals, insert_select
from core.financial_years import fy_bounds, fy_for_date
from core.locks import one_at_a_time
from evaluations.day_counts import as_date
from evaluations.models import ProjectDayCount

Event = ProjectDayCount.Event
COLUMNS = ["project_id", "event", "day", "count"]


def years_spanned(start, end):
    """Each 1 April after a support's first day, up to its last (none without a last day)."""
    if end is None:
        return
    day = fy_bounds(fy_for_date(start))[0]
    while (day := day.replace(year=day.year + 1)) <= end:
        yield day


def _carried(supports):
    """(project, carried, 1 April, count) of supports open on each 1 April they span, begun
    before it: one query for the span of the supports, then one a year."""
    span = supports.aggregate(first=Min("start"), last=Max("end"))
    if span["first"] is None:
        return []
    return [
        supports.filter(start__lt=day, end__gte=day)
        .values("project_id")
        .annotate(
            event=Value(Event.CARRIED.value),
            the_day=Value(day, output_field=DateField()),
            n=Count("pk"),
        )
        .values_list("project_id", "event", "the_day", "n")
        for day in years_spanned(span["first"], span["last"])
    ]


def sources(apps, families=None):
    """Querysets of (project, event, day, count) for every event, counting the families given
    (ids, or a queryset of them; every family when None)."""
    supports = apps.get_model("evaluations", "FamilySupport").objects.order_by()
    if families is not None:
        supports = supports.filter(family__in=families)
    every = {
        Event.STARTED: (supports, F("start")),
        Event.ENDED: (supports.filter(end__isnull=False), F("end")),
        Event.SUCCESSFUL: (
            supports.filter(family__all_needs_sustained=True, family__sustain_until__isnull=False),
            F("family__sustain_until"),
        ),
        Event.ACHIEVED: (
            supports.filter(family__needs__achieved_on__gte=F("start")),
            F("family__needs__achieved_on"),
        ),
    }
    return [
        rows.values("project_id", the_day=day)
        .annotate(event=Value(event.value), n=Count("pk"))
        .values_list("project_id", "event", "the_day", "n")
        for event, (rows, day) in every.items()
    ] + _carried(supports)


def refresh(apps=installed_apps):
    """Rebuild every project's calendar from the families: a DELETE and an INSERT ... SELECT
    ... GROUP BY an event, in one transaction, one writer at a time (the import's lock)."""
    counts = apps.get_model("evaluations", "ProjectDayCount")
    with transaction.atomic():
        one_at_a_time("evaluations.day_counts")
        counts.objects.all().delete()
        for queryset in sources(apps):
            insert_select(counts, COLUMNS, queryset)


def events_of(family, needs, supports):
    """The calendar entries (project, event, day) of one family about to be written, from the
    family (with its standing worked out), its needs (``rules.Need``) and each supporting
    project's (project id, (first day, last day)): what ``sources`` counts in SQL."""
    for project, (start, end) in supports:
        yield project, Event.STARTED.value, start
        if end is not None:
            yield project, Event.ENDED.value, end
        for day in years_spanned(start, end):
            yield project, Event.CARRIED.value, day
        if family.all_needs_sustained and family.sustain_until:
            yield project, Event.SUCCESSFUL.value, family.sustain_until
        for need in needs:
            if need.achieved_on and need.achieved_on >= start:
                yield project, Event.ACHIEVED.value, need.achieved_on


def counted(families) -> Counter:
    """{(project, event, day): count} for the given families (ids, or a queryset of them)."""
    counts: Counter = Counter()
    for queryset in sources(installed_apps, families):
        for project, event, day, n in queryset:
            counts[(project, event, as_date(day))] += n
    return counts


def apply(change: Counter) -> None:
    """Add a signed change {(project, event, day): count} to the calendars."""
    rows = [(project, event, day, n) for (project, event, day), n in change.items() if n]
    if not rows:
        return
    with transaction.atomic():
        one_at_a_time("evaluations.day_counts")
        add_to_totals(ProjectDayCount, ["project_id", "event", "day"], ["count"], rows)
        ProjectDayCount.objects.filter(count=0).delete()

"""The results calendar (``DayCount``): how many plans started, cases closed, needs were
achieved ... on each day. A window's figures come from it by sums:

- families supported (plan open at some point in the window) = plans started by its last day
  less cases closed before its first (a case closes on or after its plan starts);
- families with a need in an outcome area = needs open by the last day (identified, and the
  plan started) less those whose case closed before the first day (the import refuses a need
  identified after its case closed, so these had opened by then);
- successful family outcomes, needs achieved and needs sustained = those dated in the window.

Families supported, successful family outcomes, and needs achieved and sustained are kept a
second time for the families some funded project supported (support rows, from the import's
``Projects`` column): the programme's value for money divides its spend by those, not by every
family the early help service worked with. Such a family counts as supported by the funded
projects from its first support's first day to its last support's last day, and its needs
count for them only if achieved on or after that first day.

The family import moves it by what the families it writes count (``events_of``) less what the
ones it replaces counted before (``counted``), in its transaction;
``manage.py refresh_results_calendar`` rebuilds it in SQL. Its sums by month (``MonthCount``)
move with it, and a window's whole months are read from those."""

import datetime
from collections import Counter, defaultdict
from functools import reduce
from operator import or_

from django.apps import apps as installed_apps
from django.db import transaction
from django.db.models import (
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Greatest, TruncMonth

from core.bulk import add_to_totals, insert_select
from core.locks import one_at_a_time
from evaluations.models import DayCount, MonthCount

Event = DayCount.Event
NO_OUTCOME = Value(0, output_field=IntegerField())
EVERY = Q()
ONE_DAY = datetime.timedelta(days=1)


def _funded(apps):
    """Supported by some funded project: one support row or more."""
    supports = apps.get_model("evaluations", "FamilySupport").objects
    return Q(Exists(supports.filter(family=OuterRef("pk"))))


def _achieved_once_funded(apps):
    """A need achieved on or after the family's first funded support began: what the funded
    projects may be credited with (none for a family no project supported)."""
    supports = apps.get_model("evaluations", "FamilySupport").objects
    first = supports.filter(family=OuterRef("family")).order_by("start").values("start")[:1]
    return Q(achieved_on__gte=Subquery(first))


def _support_day(apps, field, latest=False):
    """The first support's first day, or the last one's last day (None while one has no
    end), of the outer family."""
    supports = apps.get_model("evaluations", "FamilySupport").objects.filter(family=OuterRef("pk"))
    order = F(field).desc(nulls_first=True) if latest else F(field).asc()
    return Subquery(supports.order_by(order).values(field)[:1])


def _families(apps, families, event, day, condition=EVERY):
    rows = apps.get_model("evaluations", "Family").objects.order_by()
    if families is not None:
        rows = rows.filter(pk__in=families)
    if day in ("first_support", "last_support"):
        field, latest = ("start", False) if day == "first_support" else ("end", True)
        rows = rows.annotate(**{day: _support_day(apps, field, latest)})
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


def sources(apps, families=None, events=None):
    """A queryset of (day, event, outcome area, count) for every event (or those named),
    counting the families given (a queryset of their ids; every family when None)."""
    funded, need_funded = _funded(apps), _achieved_once_funded(apps)
    sustained = Q(sustained=True, achieved_on__isnull=False)
    every = {
        Event.STARTED: (_families, "plan_start", EVERY),
        Event.STARTED_ELIGIBLE: (_families, "plan_start", Q(eligible=True)),
        Event.CLOSED: (_families, "case_closed", EVERY),
        Event.CLOSED_ELIGIBLE: (_families, "case_closed", Q(eligible=True)),
        Event.SUCCESSFUL: (_families, "sustain_until", Q(all_needs_sustained=True)),
        Event.FUNDED_STARTED: (_families, "first_support", EVERY),
        Event.FUNDED_CLOSED: (_families, "last_support", EVERY),
        Event.FUNDED_SUCCESSFUL: (_families, "sustain_until", Q(all_needs_sustained=True) & funded),
        Event.NEED_OPENED: (_needs, Greatest("family__plan_start", "identified_on"), EVERY),
        Event.NEED_CLOSED: (_needs, F("family__case_closed"), EVERY),
        Event.NEED_ACHIEVED: (_needs, F("achieved_on"), EVERY),
        Event.NEED_SUSTAINED: (_needs, F("family__sustain_until"), sustained),
        Event.FUNDED_ACHIEVED: (_needs, F("achieved_on"), need_funded),
        Event.FUNDED_SUSTAINED: (_needs, F("family__sustain_until"), sustained & need_funded),
    }
    return [
        count(apps, families, event, day, condition)
        for event, (count, day, condition) in every.items()
        if events is None or event in events
    ]


def refresh(apps=installed_apps, events=None):
    """Rebuild the calendar (or the events named) from every family, and its sums by month, in
    one transaction, one writer at a time."""
    with transaction.atomic():
        one_at_a_time("evaluations.day_counts")
        count_days(apps, events)
        sum_months(apps, events)


def count_days(apps=installed_apps, events=None):
    """The calendar's days (of the events named, or all) from every family: a DELETE and an
    INSERT ... SELECT ... GROUP BY an event. ``apps``: a migration's models (from before the
    sums by month, for migration 0006)."""
    counts = apps.get_model("evaluations", "DayCount")
    kept = counts.objects.all() if events is None else counts.objects.filter(event__in=events)
    kept.delete()
    for queryset in sources(apps, events=events):
        rows = queryset.values_list("the_day", "event", "area", "n")
        insert_select(counts, ["day", "event", "outcome", "count"], rows)


def sum_months(apps=installed_apps, events=None):
    """Rebuild the sums by month (of the events named, or all) from the days: one DELETE and
    one INSERT ... SELECT ... GROUP BY."""
    days = apps.get_model("evaluations", "DayCount").objects.order_by()
    months = apps.get_model("evaluations", "MonthCount").objects.all()
    if events is not None:
        days, months = days.filter(event__in=events), months.filter(event__in=events)
    months.delete()
    rows = (
        days.values("event", "outcome", month=TruncMonth("day"))
        .annotate(n=Sum("count"))
        .values_list("event", "outcome", "month", "n")
    )
    insert_select(months.model, ["event", "outcome", "day", "count"], rows)


def events_of(family, needs, supports):
    """The calendar entries (event, outcome area, day) of one family about to be written,
    from the family (with its standing worked out), its needs (``rules.Need``) and the
    (first day, last day) of each funded project's support: what ``sources`` counts in SQL,
    so an import need not read back what it has just written."""
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
    if supports:
        first = min(start for start, _end in supports)
        yield Event.FUNDED_STARTED.value, 0, first
        ends = [end for _start, end in supports]
        if None not in ends:
            yield Event.FUNDED_CLOSED.value, 0, max(ends)
        if family.all_needs_sustained and family.sustain_until:
            yield Event.FUNDED_SUCCESSFUL.value, 0, family.sustain_until
        for need in needs:
            if need.achieved_on and need.achieved_on >= first:
                yield Event.FUNDED_ACHIEVED.value, need.outcome, need.achieved_on
                if need.sustained and family.sustain_until:
                    yield Event.FUNDED_SUSTAINED.value, need.outcome, family.sustain_until


def as_date(day):
    """A day read back from a GROUP BY (SQLite gives some as text)."""
    return datetime.date.fromisoformat(day) if isinstance(day, str) else day


def counted(families):
    """{(event, outcome area, day): count} for the given families (ids, or a queryset of
    them)."""
    counts = Counter()
    for queryset in sources(installed_apps, families):
        for day, event, outcome, n in queryset.values_list("the_day", "event", "area", "n"):
            counts[(event, outcome, as_date(day))] += n
    return counts


def apply(change):
    """Add a signed change {(event, outcome area, day): count} to the calendar: how an import
    that replaced some families moves it (what they count now less what they counted before),
    in work proportional to the days touched, not to the families."""
    rows = _changed(change)
    if not rows:
        return
    months = Counter()
    for event, area, day, n in rows:
        months[event, area, day.replace(day=1)] += n
    with transaction.atomic():
        one_at_a_time("evaluations.day_counts")
        for calendar, changed in ((DayCount, rows), (MonthCount, _changed(months))):
            add_to_totals(calendar, ["event", "outcome", "day"], ["count"], changed)
            calendar.objects.filter(count=0).delete()


def _changed(counts):
    """Rows of (event, outcome area, day, count) of a change, leaving out what did not move."""
    return [(*key, n) for key, n in counts.items() if n]


def _span(column, cuts, first, last):
    """Which span (0 for days up to ``cuts[0]``, n for those after ``cuts[n - 1]`` up to
    ``cuts[n]``) a day falls in, among spans ``first`` to ``last``: a CASE that halves them at
    each step, so a day is compared with a few cuts rather than with each in turn. SQL and
    its parameters (the cuts)."""
    if first == last:
        return str(first), []
    middle = (first + last) // 2
    low, low_params = _span(column, cuts, first, middle)
    high, high_params = _span(column, cuts, middle + 1, last)
    return f"CASE WHEN {column} <= %s THEN {low} ELSE {high} END", [
        cuts[middle],
        *low_params,
        *high_params,
    ]


class Span(Func):
    """``_span`` of a calendar's day as one expression: built from Django's Case and When,
    the tree of a few dozen nodes took 2.5 ms to resolve and compile for each query."""

    output_field = IntegerField()

    def __init__(self, cuts):
        super().__init__(F("day"))
        self.cuts = cuts

    def as_sql(self, compiler, connection, **extra_context):
        column, params = compiler.compile(self.source_expressions[0])
        if params:
            raise ValueError("A calendar's day is a plain column")
        return _span(column, self.cuts, 0, len(self.cuts) - 1)


def _dated_from(wanted):
    """Each wanted event's rows from the first day any of its windows begins (all of them
    where one has no first day): a year's needs achieved need not read every earlier
    year's."""
    earliest = {}
    for event, first, _last in wanted.values():
        if event in earliest and earliest[event] is None:
            continue
        earliest[event] = None if first is None else min(first, earliest.get(event, first))
    return reduce(
        or_,
        (
            Q(event=event, day__gte=first) if first else Q(event=event)
            for event, first in earliest.items()
        ),
    )


def _days_from(cuts):
    """The first day of the month of the earliest cut that is not a month's last day: every
    month before it lies whole in one span; None when every cut ends a month."""
    inside = [cut for cut in cuts if (cut + ONE_DAY).day != 1]
    return inside[0].replace(day=1) if inside else None


def window_sums(wanted, by=None, counts=None):
    """{key: SUM of the event's counts dated from ``first`` to ``last``} for each
    ``key: (event, first, last)`` of ``wanted`` (``first`` None for all time), and by the
    value of the field ``by`` when given: {value: {key: sum}}. ``counts``: a calendar with
    ``event``, ``day`` and ``count`` (the results calendar when None; each project's,
    ``ProjectDayCount``, by ``project_id``).

    One GROUP BY query: the days are cut at every window's ends into spans, each span's
    counts are summed once, and each window adds up the spans it covers. (A FILTERed SUM a
    window, which this replaced, tested every row of the calendar once a window: 0.7 s for
    the results page's hundred sums at county scale.) The results calendar's months before
    the first cut inside a month are read from its sums by month, the days from then on from
    the days, in one UNION ALL."""
    cuts = sorted(
        {
            day
            for _event, first, last in wanted.values()
            for day in (last, first and first - ONE_DAY)
            if day
        }
    )
    found = defaultdict(int)
    if cuts:
        span = Span(cuts)
        fields = ["event", "span", *([by] if by else [])]

        def grouped(calendar):
            return (
                calendar.filter(_dated_from(wanted))
                .filter(day__lte=cuts[-1])
                .annotate(span=span)
                .values(*fields)
                .annotate(n=Sum("count"))
                .order_by()
            )

        if counts is not None:
            rows = grouped(counts)
        else:
            split = _days_from(cuts)
            if split is None:
                rows = grouped(MonthCount.objects.all())
            else:
                months = grouped(MonthCount.objects.filter(day__lt=split))
                rows = months.union(grouped(DayCount.objects.filter(day__gte=split)), all=True)
        for row in rows:
            found[row.get(by), row["event"], row["span"]] += row["n"]
    groups = {group for group, _event, _span in found} if by else {None}

    def summed(group, event, first, last):
        low = cuts.index(first - ONE_DAY) + 1 if first else 0
        return sum(found[group, event, span] for span in range(low, cuts.index(last) + 1))

    sums = {
        group: {key: summed(group, *window) for key, window in wanted.items()} for group in groups
    }
    return sums if by else sums[None]

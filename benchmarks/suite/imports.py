"""The spend and family-outcome imports against the database's bulk path for the same rows
with no validation: PostgreSQL COPY, or SQLite executemany. Every run is rolled back."""

import csv
import datetime
import hashlib
import io
import random

from django.db import connection, transaction

from benchmarks.suite.measure import Rollback, paired_times, settle
from evaluations.family_csv import EXPORT_HEADER as FAMILY_EXPORT_HEADER
from evaluations.family_csv import check
from evaluations.models import Family
from evaluations.pseudonyms import case_hash
from evaluations.services import family_outcomes_import
from programme.models import Outcome
from projects.models import Project
from projects.services import spend_import
from projects.spend_csv import EXPORT_HEADER as LEDGER_HEADER

# Issue 21: each import within three times the database's bulk path for the same rows.
IMPORT_TARGET = 3.0

SPEND_COLUMNS = [
    "transaction_number",
    "date",
    "supplier",
    "description",
    "cost_centre",
    "project_id",
    "expense_type",
    "net_amount",
    "irrecoverable_vat",
    "paid_to_individual",
    "line_number",
    "attention",
    "explanation",
]


def _rolled_back(fn):
    def run():
        try:
            with transaction.atomic():
                result = fn()
                raise Rollback
        except Rollback:
            return result

    return run


def _bulk(table, columns, rows):
    """Insert plain rows with no checks: COPY on PostgreSQL, executemany on SQLite."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",  # noqa: S608
                rows,
            )


def spend_rows(count, seed=3):
    """(the file's cells, the ledger row) for ``count`` lines of a ledger export. The projects
    are read first, so the rows may feed a COPY on the same connection."""
    projects = list(Project.objects.values_list("pk", "cost_centre", "start_date"))
    return _spend_rows(count, random.Random(seed), projects)  # noqa: S311 - benchmark data


def _spend_rows(count, rng, projects):
    for number in range(count):
        pk, code, start = rng.choice(projects)
        day = start + datetime.timedelta(days=rng.randint(0, 200))
        amount = f"{rng.randint(100, 90000) / 100:.2f}"
        number_text = f"BENCH{number:08d}"
        cells = [number_text, day.strftime("%d/%m/%Y"), "Bench Ltd", "Benchmark line", code,
                 "Staff", amount, "0.00"]  # fmt: skip
        row = (number_text, day, "Bench Ltd", "Benchmark line", code, pk, "Staff", amount,
               "0.00", False, 1, "", "")  # fmt: skip
        yield cells, row


def spend_file(count, seed=3):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(LEDGER_HEADER[:8])
    rows = []
    for cells, row in spend_rows(count, seed):
        writer.writerow(cells)
        rows.append(row)
    return out.getvalue().encode(), rows


FAMILY_HEADER = [h for h in FAMILY_EXPORT_HEADER if h != "Lead Practitioner Role"]


def family_rows(count, seed=4):
    """(the file's cells, the family or None, the need) for ``count`` need rows, four per
    family; the family comes with its first need."""
    rng = random.Random(seed)  # noqa: S311 - benchmark data
    for number in range(count // 4):
        plan = datetime.date(2024, 4, 1) + datetime.timedelta(days=rng.randint(0, 300))
        closed = plan + datetime.timedelta(days=200)
        family = (number, case_hash(f"BENCH-{number}"), plan, closed)
        for outcome in rng.sample(range(1, 11), 4):
            achieved = plan + datetime.timedelta(days=60)
            cells = [f"BENCH-{number}", plan.strftime("%d/%m/%Y"), closed.strftime("%d/%m/%Y"),
                     "", outcome, plan.strftime("%d/%m/%Y"), achieved.strftime("%d/%m/%Y"),
                     "yes", ""]  # fmt: skip
            yield cells, family, (number, outcome, plan, achieved, True)
            family = None


def family_file(count, seed=4):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(FAMILY_HEADER)
    families, needs = [], []
    for cells, family, need in family_rows(count, seed):
        writer.writerow(cells)
        if family:
            families.append(family)
        needs.append(need)
    return out.getvalue().encode(), families, needs


def _family_bulk(families, needs):
    outcomes = dict(Outcome.objects.values_list("number", "pk"))
    base = (Family.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    now = datetime.datetime.now(datetime.UTC)
    _bulk(
        "evaluations_family",
        ["id", "case_hash", "lead_role", "plan_start", "case_closed", "eligible",
         "all_needs_sustained", "sustain_until", "updated_at"],  # fmt: skip
        [
            (base + n, digest, "", plan, closed, True, True, closed, now)
            for n, digest, plan, closed in families
        ],
    )  # fmt: skip
    _bulk(
        "evaluations_familyneed",
        ["family_id", "outcome_id", "identified_on", "achieved_on", "sustained"],
        [(base + n, outcomes[o], plan, achieved, s) for n, o, plan, achieved, s in needs],
    )


def run(runs, rows=20_000):
    settle()
    spend_data, spend_rows = spend_file(rows)
    ours_spend, bulk_spend, spend_ratio = paired_times(
        _rolled_back(lambda: spend_import(user=None, data=spend_data, filename="bench.csv")),
        _rolled_back(lambda: _bulk("projects_spendline", SPEND_COLUMNS, spend_rows)),
        runs,
    )
    family_data, families, needs = family_file(rows)
    settle()

    def import_families():
        return family_outcomes_import(
            user=None,
            checked=check(family_data),
            filename="bench.csv",
            sha256=hashlib.sha256(family_data).hexdigest(),
        )

    ours_family, bulk_family, family_ratio = paired_times(
        _rolled_back(import_families), _rolled_back(lambda: _family_bulk(families, needs)), runs
    )
    bulk_name = "COPY" if connection.vendor == "postgresql" else "executemany"
    return [
        {
            "benchmark": "Spend CSV import",
            "size": rows,
            "unit": "rows",
            "ours_s": ours_spend,
            "limit_s": bulk_spend,
            "ours_rows_per_s": rows / ours_spend,
            "limit_rows_per_s": rows / bulk_spend,
            "ratio": spend_ratio,
            "target": IMPORT_TARGET,
            "limit": f"{bulk_name} of the same rows, no validation",
        },
        {
            "benchmark": "Family outcomes CSV import",
            "size": rows,
            "unit": "rows",
            "ours_s": ours_family,
            "limit_s": bulk_family,
            "ours_rows_per_s": rows / ours_family,
            "limit_rows_per_s": rows / bulk_family,
            "ratio": family_ratio,
            "target": IMPORT_TARGET,
            "limit": f"{bulk_name} of the same families and needs, no validation",
        },
    ]

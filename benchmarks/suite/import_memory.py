"""Peak memory and time of both imports at 50,000 and 500,000 rows, each file written to disk
first and read from there as the back office reads a kept upload. Both imports stream
(projects.ledger_check, evaluations.family_plans), so their peaks should stay flat. Beside
each, the time of the database's bulk path (COPY on PostgreSQL, executemany on SQLite) for the
same rows with no checks, and the ratio. Every run is rolled back."""

import csv
import tempfile
from pathlib import Path

from django.db import connection

from benchmarks.suite.imports import (
    FAMILY_HEADER,
    SPEND_COLUMNS,
    _bulk,
    _family_bulk,
    _rolled_back,
    family_rows,
    spend_rows,
)
from benchmarks.suite.measure import median_time, peak_memory, settle
from core.file_formats import sha256_of
from evaluations.family_csv import check
from evaluations.services import family_outcomes_import
from projects.services import spend_import
from projects.spend_csv import EXPORT_HEADER as LEDGER_HEADER

SIZES = (50_000, 500_000)
MIB = 2**20


def _write(path, header, rows):
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def _measure(name, size, ours, bulk):
    """Ours timed alone, then again under tracemalloc for its peak; the bulk path timed. Each
    timing starts on a settled database (the runs before it rolled back)."""
    settle()
    seconds, _ = median_time(_rolled_back(ours), 1)
    peak = peak_memory(_rolled_back(ours))
    settle()
    bulk_seconds, _ = median_time(_rolled_back(bulk), 1)
    return {
        "import": name,
        "rows": size,
        "peak_mib": peak / MIB,
        "ours_s": seconds,
        "bulk_s": bulk_seconds,
        "ratio": seconds / bulk_seconds,
    }


def _ledger(folder, size):
    path = folder / f"ledger-{size}.csv"
    _write(path, LEDGER_HEADER[:8], (cells for cells, _row in spend_rows(size)))
    return _measure(
        "Spend (ledger)",
        size,
        lambda: spend_import(user=None, data=lambda: path.open("rb"), filename=path.name),
        lambda: _bulk("projects_spendline", SPEND_COLUMNS, (row for _, row in spend_rows(size))),
    )


def _families(folder, size):
    path = folder / f"families-{size}.csv"
    _write(path, FAMILY_HEADER, (cells for cells, _family, _need in family_rows(size)))

    def ours():
        return family_outcomes_import(
            user=None,
            checked=check(lambda: path.open("rb"), filename=path.name),
            filename=path.name,
            sha256=sha256_of(lambda: path.open("rb")),
        )

    def bulk():
        rows = list(family_rows(size))
        _family_bulk([family for _, family, _ in rows if family], [need for *_, need in rows])

    return _measure("Family outcomes", size, ours, bulk)


def run(sizes=SIZES):
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        rows = [measure(folder, size) for measure in (_ledger, _families) for size in sizes]
    return {"bulk": "COPY" if connection.vendor == "postgresql" else "executemany", "rows": rows}

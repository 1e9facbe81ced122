"""Timing and memory for the benchmarks: each figure is the median of several runs."""

import os
import platform
import statistics
import time
import tracemalloc

from django.db import connection


def median_time(fn, runs):
    """Median wall-clock seconds of ``fn()`` over ``runs`` runs, and its last result."""
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def paired_times(ours, limit, runs):
    """Ours against its limit, run in turn (ours, limit, limit, ours, ...) so that a machine
    that speeds up or slows down during the runs weighs on both alike. The median seconds of
    each, and the median of the pairs' ratios."""
    ours_times, limit_times = [], []
    for run in range(runs):
        order = [(ours, ours_times), (limit, limit_times)]
        for fn, times in order if run % 2 == 0 else reversed(order):
            started = time.perf_counter()
            fn()
            times.append(time.perf_counter() - started)
    ratios = [mine / theirs for mine, theirs in zip(ours_times, limit_times, strict=True)]
    return statistics.median(ours_times), statistics.median(limit_times), statistics.median(ratios)


def peak_memory(fn):
    """Peak Python memory allocated while ``fn()`` runs, in bytes."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def yardstick_ms():
    """How fast this machine runs Python: the median of five runs of a fixed loop (a million
    additions), so runs on different machines can be compared. Taken where figures differed
    two to three times between sessions with no change to the code."""
    seconds, _ = median_time(lambda: sum(range(1_000_000)), 5)
    return round(seconds * 1000, 1)


def settle():
    """VACUUM ANALYZE the database (PostgreSQL) before timing writes that are rolled back:
    each rolled-back run leaves its rows dead, and where autovacuum is off (as on this
    machine's server) or behind, later runs paid for them: 3,500,000 dead ledger rows after
    two runs of the suite made the 20,000-line import 7 times slower."""
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


class Rollback(Exception):
    """Raised to undo what a benchmark wrote."""


def machine():
    memory = ""
    try:
        with open("/proc/meminfo") as handle:
            kib = int(handle.readline().split()[1])
        memory = f"{kib / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        memory = "unknown"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0]}"
        else:
            cursor.execute("select sqlite_version()")
            database = f"SQLite {cursor.fetchone()[0]}"
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.machine(),
        "cpus": os.cpu_count(),
        "memory": memory,
        "database": database,
        "yardstick_ms": yardstick_ms(),
    }

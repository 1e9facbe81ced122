"""Sorting more rows than memory should hold at once: the rows are sorted in runs of ``RUN``,
every full run is spilled to a temporary file, and the runs are merged as they are read back,
so at most one run and a small batch of each spilled one are in memory. The files are this
process's own, written and read within one sort and deleted when read (or dropped), so they
hold pickled batches."""

import heapq
import pickle
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO, Any

RUN = 50_000
BATCH = 250


def _spill(run: list) -> IO[bytes]:
    handle = tempfile.TemporaryFile()  # noqa: SIM115 - _read closes it once read
    for start in range(0, len(run), BATCH):
        pickle.dump(run[start : start + BATCH], handle, protocol=pickle.HIGHEST_PROTOCOL)
    handle.seek(0)
    return handle


def _read(handle: IO[bytes]) -> Iterator[Any]:
    with handle:
        while True:
            try:
                # Our own unnamed temporary file, written by _spill: nothing else can reach it.
                batch = pickle.load(handle)  # noqa: S301
            except EOFError:
                return
            yield from batch


def sorted_rows(rows: Iterable[tuple]) -> Iterator[tuple]:
    """The rows (tuples, compared as they are) in order. Every row is read before this
    returns; the sorted rows are then merged from the runs as they are asked for."""
    runs: list[Iterator[tuple]] = []
    current: list[tuple] = []
    for row in rows:
        current.append(row)
        if len(current) >= RUN:
            current.sort()
            runs.append(_read(_spill(current)))
            current = []
    current.sort()
    if not runs:
        return iter(current)
    return heapq.merge(*runs, current)

"""Writing generated rows in batches, with a progress bar on the command's output."""

import datetime

from core.bulk import bulk_insert

BATCH = 5_000


class Progress:
    """A one-line progress bar on the command's output."""

    def __init__(self, stdout, label, total):
        self.stdout, self.label, self.total, self.done = stdout, label, total, 0
        self.shown = -1

    def add(self, count):
        self.done += count
        percent = self.done * 100 // max(self.total, 1)
        if percent != self.shown:
            self.shown = percent
            bar = "#" * (percent // 4)
            self.stdout.write(
                f"\r  {self.label:<22}[{bar:<25}] {self.done:>10,} of {self.total:,}", ending=""
            )
            self.stdout.flush()
        if self.done >= self.total:
            self.stdout.write("")


def batched(model, objects, progress=None):
    """Insert from a generator, BATCH at a time (COPY on PostgreSQL)."""
    batch = []
    for obj in objects:
        batch.append(obj)
        if len(batch) == BATCH:
            bulk_insert(model, batch)
            if progress:
                progress.add(len(batch))
            batch = []
    if batch:
        bulk_insert(model, batch)
        if progress:
            progress.add(len(batch))


def random_day(rng, start, end):
    return start + datetime.timedelta(days=rng.randint(0, max((end - start).days, 0)))

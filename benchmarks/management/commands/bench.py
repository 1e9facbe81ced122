import json
import os
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from benchmarks import report
from benchmarks.listings import query_counts
from benchmarks.sizes import SCALES
from benchmarks.suite import export, import_memory, imports, load, measure, pages, selectors
from projects.models import Project

SUITES = ["export", "imports", "memory", "selectors", "pages", "load"]


def demo_query_counts():
    """Query counts of the listing pages on a fresh demo database of the same kind as the
    benchmark's (a temporary SQLite file, or a PostgreSQL database made and dropped on the
    same server): the counts must not grow with the data, and PostgreSQL's searches ask for
    the planner's estimate, which SQLite has no use for."""
    with _demo_database() as url:
        env = {**os.environ, "DATABASE_URL": url}
        manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
        for args in (["migrate", "--noinput", "-v0"], ["seed_demo"], ["bench", "--pages-json"]):
            done = subprocess.run(  # noqa: S603 - our own manage.py
                [*manage, *args], env=env, capture_output=True, text=True, check=True
            )
        return {label: queries for label, (_status, queries) in json.loads(done.stdout).items()}


@contextmanager
def _demo_database():
    if connection.vendor != "postgresql":
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite:///{Path(folder) / 'demo.sqlite3'}"
        return
    database = connection.settings_dict
    name = f"{database['NAME']}_demo"
    login = database["USER"] + (f":{database['PASSWORD']}" if database["PASSWORD"] else "")
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres://{login}@{database['HOST']}:{database['PORT'] or 5432}/{name}"
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


class Command(BaseCommand):
    help = (
        "Run the benchmark suite on a database loaded with seed_scale (DATABASE_URL) and write "
        "docs/benchmarks.md and docs/benchmarks.json. Each figure is the median of --runs runs, "
        "beside its limit measured in the same run."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=sorted(SCALES))
        parser.add_argument("--runs", type=int, default=3)
        parser.add_argument("--only", help=f"Comma-separated: {', '.join(SUITES)}.")
        parser.add_argument("--duration", type=int, default=20, help="Seconds of load.")
        parser.add_argument("--out", default=str(Path(settings.BASE_DIR) / "docs/benchmarks"))
        parser.add_argument(
            "--pages-json",
            action="store_true",
            help="Print the listing pages' query counts as JSON (used on the demo data).",
        )

    def handle(self, *args, scale=None, runs=3, only=None, duration=20, out=None, **options):
        if options["pages_json"]:
            self.stdout.write(json.dumps(query_counts()))
            return
        if scale is None:
            raise CommandError("--scale is required.")
        expected = SCALES[scale]["projects"]
        found = Project.objects.filter(cost_centre__startswith="SC").count()
        if found != expected:
            raise CommandError(
                f"This database has {found} scale projects, not {expected}: load it with "
                f"`manage.py seed_scale --scale {scale}` first (DATABASE_URL)."
            )
        chosen = only.split(",") if only else SUITES
        unknown = set(chosen) - set(SUITES)
        if unknown:
            raise CommandError(f"Unknown suites: {', '.join(sorted(unknown))}.")
        run = {
            "scale": scale,
            "date": timezone.localdate().isoformat(),
            "runs": runs,
            "machine": measure.machine(),
            "command": f"make bench BENCH_SCALE={scale} BENCH_DB="
            + ("postgres" if connection.vendor == "postgresql" else "sqlite"),
            "compared": [],
        }
        steps = [
            ("export", lambda: run["compared"].extend(export.run(runs))),
            ("imports", lambda: run["compared"].extend(imports.run(runs))),
            ("memory", lambda: run.update(import_memory=import_memory.run())),
            ("selectors", lambda: run["compared"].extend(selectors.run(runs))),
            ("pages", lambda: run.update(pages=pages.run(runs, demo_query_counts()))),
            ("load", lambda: run.update(load=load.run(duration=duration))),
        ]
        for name, step in steps:
            if name in chosen:
                self.stdout.write(f"  {name} ...")
                step()
        path = Path(out)
        report.write(run, path)
        self.stdout.write(self.style.SUCCESS(f"Wrote {path.with_suffix('.md')} and .json."))

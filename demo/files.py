"""The files the README asks a newcomer to import, written to fit the demo just built: the
finance system's export of this month's spend so far (with three lines from last month the
ledger already holds) and the case-management system's next export (every family so far and
some new ones)."""

from pathlib import Path

from django.conf import settings

from demo import families, projects

FILES = {
    "finance-export.csv": projects.finance_export,
    "case-management-export.csv": families.next_export,
}


def write(stdout, today):
    folder = Path(settings.DEMO_FILES_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    for name, build in FILES.items():
        (folder / name).write_bytes(build(today))
    stdout.write(f"Files to try the imports with: {', '.join(FILES)} in {folder}.")

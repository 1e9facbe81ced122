"""Backups: the database (pg_dump's custom format on PostgreSQL, SQLite's online backup
otherwise), the uploaded files (public and private) and a manifest of totals and row
checksums, so that a restore can prove it brought back the same records, every value of
them, and the same money.

A backup is a folder:
    manifest.json    when, which database engine, the totals and each table's row checksum,
                     each file's SHA-256
    database.dump    (PostgreSQL) or database.sqlite3 (SQLite)
    files.tar.gz     MEDIA_ROOT and PRIVATE_MEDIA_ROOT
"""

import hashlib
import json
import os
import sqlite3
import subprocess
import tarfile
from functools import partial
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from django.db.models import DecimalField
from django.utils import timezone

from core.file_formats import sha256_of
from core.money import MoneySum, to_money

CHECKSUM_CHUNK = 5000


class BackupError(Exception):
    pass


def _money_fields(model):
    """Columns of pounds and pence: decimals with two places."""
    return [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, DecimalField) and field.decimal_places == 2
    ]


def checksum(model):
    """SHA-256 over every row of the table, column by column in primary-key order, read in
    chunks: two copies agree only if every value of every row does, not merely the count."""
    columns = [field.attname for field in model._meta.concrete_fields]
    digest = hashlib.sha256()
    rows = model._base_manager.order_by("pk").values_list(*columns)
    for row in rows.iterator(chunk_size=CHECKSUM_CHUNK):
        digest.update(repr(row).encode())
        digest.update(b"\n")
    return digest.hexdigest()


def totals():
    """Rows in every table of the apps in BACKUP_APPS and the audit log, a checksum of each
    table's rows, and the sum of every money column, to the penny."""
    figures = {}
    log = apps.get_model("wagtailcore", "ModelLogEntry")
    for label in settings.BACKUP_APPS:
        for model in apps.get_app_config(label).get_models():
            name = f"{label}.{model.__name__}"
            figures[name] = model._default_manager.count()
            figures[f"{name} checksum"] = checksum(model)
            for field in _money_fields(model):
                total = model._default_manager.aggregate(total=MoneySum(field))["total"] or 0
                figures[f"{name}.{field} total"] = f"{to_money(total):.2f}"
    figures["audit log entries"] = log.objects.count()
    figures["audit log checksum"] = checksum(log)
    return figures


def _pg_environment():
    db = connection.settings_dict
    environment = {**os.environ}
    if db.get("PASSWORD"):
        environment["PGPASSWORD"] = db["PASSWORD"]
    arguments = ["--host", db.get("HOST") or "localhost", "--port", str(db.get("PORT") or 5432)]
    if db.get("USER"):
        arguments += ["--username", db["USER"]]
    return environment, arguments, db["NAME"]


def _run(command, environment):
    # The commands are pg_dump and pg_restore with arguments from settings, never from input.
    result = subprocess.run(command, env=environment, capture_output=True, text=True)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def _file_roots():
    return {"media": Path(settings.MEDIA_ROOT), "private": Path(settings.PRIVATE_MEDIA_ROOT)}


def _pg_dump_with_totals(database):
    """pg_dump and the totals from one snapshot: a read-only REPEATABLE READ transaction exports
    its snapshot, pg_dump dumps exactly that, and the totals are counted inside the same
    transaction, so a backup taken while people work always passes its own restore check."""
    if connection.in_atomic_block:
        raise BackupError("Take a backup outside any transaction, so it sees one snapshot.")
    environment, arguments, name = _pg_environment()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            (snapshot,) = cursor.fetchone()
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                f"--snapshot={snapshot}",
                *arguments,
                "--file",
                str(database),
                name,
            ],
            environment,
        )
        return totals()


def backup(folder):
    """Write a backup into ``folder`` (created; must be empty) and return its manifest."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.iterdir()):
        raise BackupError(f"{folder} is not empty: give each backup its own folder.")
    engine = connection.vendor
    if engine == "postgresql":
        database = folder / "database.dump"
        figures = _pg_dump_with_totals(database)
    elif engine == "sqlite":
        database = folder / "database.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(database) as target:
            connection.connection.backup(target)
        target.close()
        # The embedded demo: one user at a time, so the totals are counted after the copy.
        figures = totals()
    else:
        raise BackupError(f"Backups are not set up for {engine}.")
    files = folder / "files.tar.gz"
    with tarfile.open(files, "w:gz") as archive:
        for name, root in _file_roots().items():
            if root.exists():
                archive.add(root, arcname=name)
    manifest = {
        "created": timezone.now().isoformat(),
        "engine": engine,
        "totals": figures,
        "files": {path.name: sha256_of(partial(path.open, "rb")) for path in (database, files)},
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return manifest


def _check_files(folder, manifest):
    for name, digest in manifest["files"].items():
        path = folder / name
        if not path.exists():
            raise BackupError(f"{name} is missing from the backup.")
        if sha256_of(partial(path.open, "rb")) != digest:
            raise BackupError(f"{name} does not match its checksum: the backup is damaged.")


def _safe_members(archive):
    """Only the two folders a backup writes, and nothing that escapes them."""
    for member in archive.getmembers():
        parts = Path(member.name).parts
        if (
            not parts
            or parts[0] not in _file_roots()
            or ".." in parts
            or member.name.startswith("/")
        ):
            raise BackupError(f"files.tar.gz holds an unexpected path: {member.name}")
        if not (member.isfile() or member.isdir()):
            raise BackupError(f"files.tar.gz holds a link or device: {member.name}")
        yield member


def restore(folder):
    """Replace the database and the uploaded files with the backup's, then check the totals
    against its manifest. Returns (manifest totals, totals now)."""
    folder = Path(folder)
    manifest = json.loads((folder / "manifest.json").read_text())
    if manifest["engine"] != connection.vendor:
        raise BackupError(
            f"This backup is of a {manifest['engine']} database; "
            f"this site uses {connection.vendor}."
        )
    _check_files(folder, manifest)
    if connection.vendor == "postgresql":
        environment, arguments, name = _pg_environment()
        connection.close()
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                *arguments,
                "--dbname",
                name,
                str(folder / "database.dump"),
            ],
            environment,
        )
    else:
        connection.ensure_connection()
        with sqlite3.connect(folder / "database.sqlite3") as source:
            source.backup(connection.connection)
        source.close()
    roots = _file_roots()
    with tarfile.open(folder / "files.tar.gz", "r:gz") as archive:
        members = list(_safe_members(archive))
        for root in roots.values():
            root.mkdir(parents=True, exist_ok=True)
            for entry in root.rglob("*"):
                if entry.is_file():
                    entry.unlink()
        for member in members:
            top, *rest = Path(member.name).parts
            target = roots[top].joinpath(*rest)
            if member.isdir():
                target.mkdir(parents=True, exist_ok=True)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.extractfile(member).read())
    return manifest["totals"], totals()

"""`manage.py backup` and `restore`: a restored database has the same rows and the same money
as the backup, uploaded files come back, and a damaged or hostile backup restores nothing."""

import datetime
import hashlib
import io
import json
import tarfile
import threading
from decimal import Decimal

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection, connections

from core import backups
from core.backups import BackupError, backup, restore, totals
from projects.models import SpendLine
from proposals import services
from tests.factories import SpendLineFactory, complete_proposal

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def records():
    lines = SpendLineFactory.create_batch(3, net_amount=Decimal("1234.56"))
    proposal = complete_proposal()
    attachment = services.attachment_add(
        user=proposal.lead,
        proposal=proposal,
        uploaded_file=SimpleUploadedFile("plan.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf"),
    )
    return lines, attachment


def test_a_restored_database_has_the_same_totals_as_the_backup(records, tmp_path):
    lines, attachment = records
    manifest = backup(tmp_path / "backup")
    assert manifest["totals"]["projects.SpendLine.net_amount total"] == "3703.68"
    SpendLine.objects.filter(pk=lines[0].pk).delete()
    SpendLineFactory(project=lines[1].project, net_amount=Decimal("99.99"))
    storages["private"].delete(attachment.file.name)

    expected, found = restore(tmp_path / "backup")

    assert found == expected == manifest["totals"]
    assert SpendLine.objects.filter(pk=lines[0].pk).exists()
    assert storages["private"].exists(attachment.file.name)


def test_a_changed_value_is_caught_by_the_row_checksum_not_only_the_counts(records, tmp_path):
    lines, _ = records
    manifest = backup(tmp_path / "backup")
    before = totals()
    SpendLine.objects.filter(pk=lines[0].pk).update(supplier="Someone else")
    after = totals()
    assert after["projects.SpendLine"] == before["projects.SpendLine"]
    assert after["projects.SpendLine checksum"] != manifest["totals"]["projects.SpendLine checksum"]
    restore(tmp_path / "backup")
    assert totals() == manifest["totals"]


def test_the_commands_back_up_and_restore(records, tmp_path):
    out = io.StringIO()
    call_command("backup", "--output", str(tmp_path / "b"), stdout=out)
    assert "3 ledger lines" in out.getvalue()
    SpendLine.objects.all().delete()
    call_command("restore", str(tmp_path / "b"), "--yes", stdout=out)
    assert "totals match the backup" in out.getvalue()
    assert SpendLine.objects.count() == 3


def test_a_backup_goes_only_into_a_new_folder(records, tmp_path):
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "other").write_text("x")
    with pytest.raises(BackupError, match="not empty"):
        backup(tmp_path / "used")


def test_a_damaged_backup_restores_nothing(records, tmp_path):
    backup(tmp_path / "b")
    SpendLine.objects.all().delete()
    files = tmp_path / "b" / "files.tar.gz"
    files.write_bytes(files.read_bytes()[:-10])
    with pytest.raises(BackupError, match="checksum"):
        restore(tmp_path / "b")
    assert SpendLine.objects.count() == 0


def test_a_backup_whose_files_escape_their_folders_is_refused(records, tmp_path):
    backup(tmp_path / "b")
    before = totals()
    hostile = io.BytesIO()
    with tarfile.open(fileobj=hostile, mode="w:gz") as archive:
        info = tarfile.TarInfo("media/../../outside.txt")
        info.size = 4
        archive.addfile(info, io.BytesIO(b"evil"))
    (tmp_path / "b" / "files.tar.gz").write_bytes(hostile.getvalue())
    manifest = json.loads((tmp_path / "b" / "manifest.json").read_text())

    manifest["files"]["files.tar.gz"] = hashlib.sha256(hostile.getvalue()).hexdigest()
    (tmp_path / "b" / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(BackupError, match="unexpected path"):
        restore(tmp_path / "b")
    assert not (tmp_path / "outside.txt").exists()
    assert totals() == before


def test_restore_asks_first(records, tmp_path, monkeypatch):
    backup(tmp_path / "b")
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    with pytest.raises(CommandError, match="Nothing restored"):
        call_command("restore", str(tmp_path / "b"))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs pg_dump's --snapshot")
def test_a_backup_taken_while_people_work_passes_its_own_restore_check(
    records, tmp_path, monkeypatch
):
    """A ledger line is written by someone else while pg_dump runs: the dump and the
    manifest's totals come from the same snapshot, so the restore check agrees."""
    real_run = backups._run
    project = records[0][0].project

    def write_meanwhile():
        try:
            SpendLine.objects.create(
                transaction_number="LIVE-1",
                date=datetime.date(2026, 6, 1),
                supplier="Acme Ltd",
                cost_centre=project.cost_centre,
                project=project,
                expense_type="Staff",
                net_amount=Decimal("99.99"),
            )
        finally:
            connections.close_all()

    def run_while_someone_writes(command, environment):
        writer = threading.Thread(target=write_meanwhile)
        writer.start()
        writer.join()
        return real_run(command, environment)

    monkeypatch.setattr(backups, "_run", run_while_someone_writes)
    manifest = backup(tmp_path / "live")
    monkeypatch.undo()
    assert manifest["totals"]["projects.SpendLine"] == 3
    restore(tmp_path / "live")
    assert totals() == manifest["totals"]

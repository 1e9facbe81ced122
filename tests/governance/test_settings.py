"""Configuration comes from the environment; production refuses to start insecurely."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import dj_database_url
import pytest

from config.settings.base import env_list

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {"SECRET_KEY", "FAMILY_HASH_SECRET", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DJANGO_SETTINGS_MODULE="config.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_a_family_hash_secret():
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
    )
    assert result.returncode != 0
    assert "FAMILY_HASH_SECRET must be set" in result.stderr


@pytest.mark.parametrize("secret", ["b" * 48, "ab" * 24, "0123456789" * 4])
def test_production_refuses_a_family_hash_secret_that_is_not_random(secret):
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        FAMILY_HASH_SECRET=secret,
    )
    assert result.returncode != 0
    assert "patterned value is refused" in result.stderr


def test_the_deploy_check_passes_with_production_settings_and_a_real_secret(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        FAMILY_HASH_SECRET=secrets.token_urlsafe(48),
        DATABASE_URL=f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        ALLOWED_HOSTS="families.example.gov.uk",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_database_url_chooses_the_database(monkeypatch):
    config = dj_database_url.parse("postgres://postgres@127.0.0.1:5432/families")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "families"


@pytest.mark.parametrize("value", ["a.example,b.example", " a.example , b.example "])
def test_allowed_hosts_are_read_as_a_list(value, monkeypatch):
    monkeypatch.setenv("ALLOWED_HOSTS", value)
    assert env_list("ALLOWED_HOSTS") == ["a.example", "b.example"]


def test_the_embedded_database_lets_readers_and_a_writer_work_at_once(tmp_path):
    result = run_manage(
        "shell",
        "-c",
        "from django.db import connection; c = connection.cursor(); "
        "print(c.execute('PRAGMA journal_mode').fetchone()[0], "
        "c.execute('PRAGMA busy_timeout').fetchone()[0])",
        DATABASE_URL=f"sqlite:///{tmp_path / 'demo.sqlite3'}",
    )
    assert result.stdout.split()[-2:] == ["wal", "20000"], result.stderr

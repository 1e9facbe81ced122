# Two commands for a fresh machine: `make run` (the demo site) and `make test` (the suite).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install assets migrate seed lint check clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

$(VENV)/.lint-installed: pyproject.toml | $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[lint]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed

assets: node_modules/.installed

migrate: install
	$(BIN)/python manage.py migrate --noinput

seed: migrate
	$(BIN)/python manage.py seed_demo

# Links in emails use the address the demo is served on (SITE_BASE_URL), and HOST is allowed.
# The imports' background worker runs beside the site and stops with it.
run: install assets seed
	$(BIN)/python manage.py db_worker --backend imports --queue-name '*' --no-reload & \
	worker=$$!; trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
	SITE_BASE_URL=$${SITE_BASE_URL:-http://$(HOST):$(PORT)} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-localhost,127.0.0.1,$(HOST)} \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The suite runs on both cores (pytest-xdist); PYTEST_ARGS="-n0 tests/x" runs part of it in one.
test: install assets
	$(BIN)/pytest -n auto $(PYTEST_ARGS)

# The code's shape: ruff, the import-linter contracts (layers, no cycles, private modules) and
# mypy over the services and selectors.
lint: $(VENV)/.lint-installed
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy

check: install assets
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) node_modules db.sqlite3 media private_media staticfiles

# Benchmarks: `make bench` (county scale on SQLite), or BENCH_SCALE=national, BENCH_DB=postgres.
# The data set is generated once per scale and database and kept (bench-<scale>.sqlite3, or the
# PostgreSQL database bench_<scale>); results go to docs/benchmarks.md and .json.
BENCH_SCALE ?= county
BENCH_DB ?= sqlite
ifeq ($(BENCH_DB),postgres)
BENCH_URL := postgres://postgres@127.0.0.1:5432/bench_$(BENCH_SCALE)
else
BENCH_URL := sqlite:///$(CURDIR)/bench-$(BENCH_SCALE).sqlite3
endif

bench: install
	@if [ "$(BENCH_DB)" = postgres ]; then \
	  psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='bench_$(BENCH_SCALE)'" | grep -q 1 \
	  || psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE bench_$(BENCH_SCALE)"; fi
	DJANGO_SETTINGS_MODULE=config.settings.bench DATABASE_URL=$(BENCH_URL) $(BIN)/python manage.py migrate --noinput -v0
	DJANGO_SETTINGS_MODULE=config.settings.bench DATABASE_URL=$(BENCH_URL) $(BIN)/python manage.py seed_scale --scale $(BENCH_SCALE) --if-missing
	DJANGO_SETTINGS_MODULE=config.settings.bench DATABASE_URL=$(BENCH_URL) $(BIN)/python manage.py bench --scale $(BENCH_SCALE) $(BENCH_ARGS)

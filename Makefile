# gasched: one command per job. A fresh machine needs only Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# Production-like settings for `make check`: values only for the check, never deployed.
DEPLOY_ENV := DJANGO_SETTINGS_MODULE=gasched.settings.production GASCHED_TRUSTED_PROXY_COUNT=1 SECRET_KEY=check-deploy-$$(date +%s)-7f3c9a1e5b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a ALLOWED_HOSTS=gasched.example.org

.PHONY: install messages test-deps run test browser-test screenshots lint fmt check bench worker clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(INSTALLED) messages

# The interface in the six official languages: catalogues are kept as .po in the repo and
# compiled here (Babel, so no GNU gettext is needed to run the app).
messages: $(INSTALLED)
	$(BIN)/pybabel -q compile --domain django --directory locale

test-deps:
	tests/browser/install-deps.sh

run: install
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py loaddemo
	$(BIN)/python manage.py runserver 127.0.0.1:8000

test: install test-deps
	$(BIN)/python -m pytest

# Only the real-browser tests (Playwright driving Debian's Chromium).
browser-test: install test-deps
	$(BIN)/python -m pytest tests/browser

# Refresh the README's screenshots from the browser flows.
screenshots: install test-deps
	GASCHED_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest tests/browser -k "flow or right_to_left"

# Ruff, then the layers (which app may import which: [tool.importlinter] in
# pyproject.toml), then the reason of every inline import.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python tools/check_inline_imports.py

fmt: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(DEPLOY_ENV) $(BIN)/python manage.py check --deploy --fail-level WARNING

# Every script appends its figures to FIGURES (benchmarks/common.py: record); table.py
# prints them all against their goals and fails when one misses. A script that fails
# does not stop the others.
# The import with 60 meetings to come (300,000 invitations, not 1.5 million) keeps the
# whole run near ten minutes; its goal is the request's, which the meetings do not change.
BENCHMARKS := run.py history.py herd.py fanout.py digest.py "contacts_import.py --meetings 60" \
	letters.py letter_upload.py
FIGURES := $(CURDIR)/benchmarks/results/figures.jsonl
bench: install
	@mkdir -p benchmarks/results && rm -f $(FIGURES)
	@status=0; for script in $(BENCHMARKS); do \
		GASCHED_BENCH_RESULTS=$(FIGURES) $(BIN)/python benchmarks/$$script || status=1; \
	done; \
	$(BIN)/python benchmarks/table.py $(FIGURES) || status=1; \
	exit $$status

# A worker on a developer's machine: the Celery app alone defaults to production settings.
worker: install
	DJANGO_SETTINGS_MODULE=$${DJANGO_SETTINGS_MODULE:-gasched.settings.dev} $(BIN)/celery -A gasched worker --beat --loglevel INFO

clean:
	rm -rf $(VENV) var/gasched.sqlite3 .pytest_cache .import_linter_cache node_modules locale/*/LC_MESSAGES/*.mo

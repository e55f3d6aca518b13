# OCOP marketplace: `make run` serves the demo, `make serve` runs production, `make test`
# runs every check.
# Needs only Python 3.11 and make; everything else is installed into .venv from the locks.

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
# PRODUCTION=1 (make serve PRODUCTION=1): the production lock alone, no test or lint tools.
LOCKS := requirements.lock $(if $(PRODUCTION),,requirements-dev.lock)
STAMP := $(VENV)/.installed$(if $(PRODUCTION),-production)
HOST ?= 127.0.0.1
PORT ?= 8000
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: help install run serve demo test lint browser-deps bench messages lock clean

help:
	@echo "make run     - install, migrate, load the demo and serve http://$(HOST):$(PORT)/"
	@echo "               with a Celery worker and beat (a broker in files under .celery/,"
	@echo "               or Redis when REDIS_URL is set); Ctrl-C stops all three"
	@echo "make serve   - production: migrate, collectstatic, check --deploy, then the"
	@echo "               Procfile's web (gunicorn), worker and beat; needs the production"
	@echo "               variables (.env.example) and DJANGO_DEBUG unset or false;"
	@echo "               with PRODUCTION=1, .venv gets the production lock alone"
	@echo "make test    - lint, Django checks and the whole test suite (PostgreSQL)"
	@echo "make bench   - query counts and server times of the main pages"
	@echo "make messages - extract and compile translations"
	@echo "make lock    - rewrite requirements.lock and requirements-dev.lock (pip-compile)"

install: $(STAMP)

# The production lock, and the development tools (tests, lint, make lock) on top: every
# package pinned with its hashes, so pip installs exactly the reviewed files.
$(STAMP): $(LOCKS)
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=24"
	$(PY) -m pip install --quiet --require-hashes $(addprefix -r ,$(LOCKS))
	@touch $@

# Without ES_URL, a local search server (noida-db) runs for as long as the command.
WITH_SEARCH = $(PY) .ci/with_search_server.py

# Production mode is the default; the demo, the tests and the bench run in demo mode.
run demo test bench messages: export DJANGO_DEBUG := true

# The Procfile's commands find gunicorn and celery on the PATH: the virtualenv's first.
PROCFILE = $(PY) -m marketplace.procfile
run serve: export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)

# The demo: the development server, a worker and beat, each line prefixed with its name.
run: $(STAMP)
	$(WITH_SEARCH) --data-dir .noida-db/demo -- sh -c '\
	  $(PY) manage.py migrate --noinput -v 0 && \
	  $(PY) manage.py load_demo_data && \
	  exec $(PROCFILE) \
	    web="$(PY) manage.py runserver $(HOST):$(PORT)" \
	    worker="celery -A marketplace worker -l info --concurrency $${WORKER_CONCURRENCY:-2}" \
	    beat="celery -A marketplace beat -l info"'

# Production: the settings stop start-up when a production variable is missing; DEBUG on
# is refused here (and beat's schedule folder made), and check --deploy fails on any
# warning before anything is served.
serve: $(STAMP)
	@$(PY) -c 'import django, os; os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings"); django.setup(); from django.conf import settings; settings.DEBUG and exit("make serve runs production: unset DJANGO_DEBUG (or set it to false); make run is the demo."); os.makedirs(os.path.dirname(settings.CELERY_BEAT_SCHEDULE_FILENAME), exist_ok=True)'
	$(PY) manage.py migrate --noinput
	$(PY) manage.py search_index --if-outdated
	$(PY) manage.py collectstatic --noinput -v 0
	$(PY) manage.py check --deploy --fail-level WARNING
	exec $(PROCFILE) --procfile Procfile


demo: $(STAMP)
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py load_demo_data --reset

# The checks of .pre-commit-config.yaml, over every file and without changing any.
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	git ls-files -z '*.py' ':!:*/migrations/*' | xargs -0 $(VENV)/bin/django-upgrade --check \
	  --target-version 5.2 --skip test_http_headers
	$(VENV)/bin/djlint --lint templates

browser-deps:
	@bash .ci/browser-deps

test: $(STAMP) browser-deps lint
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(WITH_SEARCH) --data-dir .noida-db/test -- bash .ci/pytest $(PYTEST_ARGS)

bench: $(STAMP)
	$(WITH_SEARCH) --data-dir .noida-db/bench -- bash .ci/bench

messages: $(STAMP)
	$(PY) manage.py makemessages -l en --ignore=.venv --ignore=media --ignore=staticfiles --ignore=tests
	$(PY) manage.py compilemessages --ignore=.venv

# Write both locks from pyproject.toml with pip-compile: requirements.lock (production)
# and requirements-dev.lock (the dev extra, held to the production lock's versions).
# Pins already in a lock are kept; LOCK_ARGS="--upgrade-package NAME" moves one package,
# LOCK_ARGS=--upgrade re-resolves everything to the newest allowed versions.
PIP_COMPILE = $(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links $(LOCK_ARGS)

lock: $(STAMP)
	$(PIP_COMPILE) --output-file requirements.lock pyproject.toml
	$(PIP_COMPILE) --extra dev --constraint requirements.lock \
	  --output-file requirements-dev.lock pyproject.toml

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles

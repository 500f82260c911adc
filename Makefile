# cmo-reports: every target builds or refreshes .venv first, from pinned requirements.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
JOBS   ?=
PARAMS ?= params/healthcare-cmo.yaml
EDITIONS ?= params/healthcare-cmo-2023-edition.yaml params/healthcare-cmo.yaml
LAB_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help venv report report-all test lint lab explore validate audit clean clean-outputs

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "cmo-reports needs Python 3.11 or newer (the pinned pandas, numpy, matplotlib and ipykernel do);" >&2; \
	  echo "'$(PYTHON)' is: $$($(PYTHON) --version 2>/dev/null || echo 'not found')." >&2; \
	  echo "Install Python 3.11+ and run, for example: make $(MAKECMDGOALS) PYTHON=python3.11" >&2; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@# setuptools' note on editable installs is information, not a problem: keep install output quiet.
	PYTHONWARNINGS="ignore:Editable installation" $(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

venv: $(STAMP) ## create or refresh the local virtual environment

report: $(STAMP) ## render the default market with all its scenarios, and its editions compared, into outputs/
	$(BIN)/cmo-report render $(PARAMS) --scenarios all $(if $(JOBS),--jobs $(JOBS))
	$(BIN)/cmo-report compare $(EDITIONS)

report-all: $(STAMP) ## render every market in params/ with all scenarios
	$(BIN)/cmo-report render params/*.yaml --scenarios all $(if $(JOBS),--jobs $(JOBS))

test: $(STAMP) ## lint and check the layers, then run the test suite (executes every notebook with every params file)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

lint: $(STAMP) ## ruff check (line length 120; rules in pyproject.toml) and the import layers (import-linter)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

# answer_yes: one Ctrl-C stops the server and its kernels instead of asking, unanswered, while make has gone.
lab: $(STAMP) ## open JupyterLab at the repo root (notebooks/, params/, outputs/); flags via LAB_ARGS="--port 9999"
	$(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" --ServerApp.answer_yes=True $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)

explore: $(STAMP) ## move the default market's size, growth and shares with sliders in the browser (Voila); Ctrl-C stops
	$(BIN)/cmo-report explore $(PARAMS) --open

validate: $(STAMP) ## validate every params file and scenario overlay
	$(BIN)/cmo-report validate params/*.yaml

audit: $(STAMP) ## audit the default market's figures for internal consistency
	$(BIN)/cmo-report audit $(PARAMS)

clean: ## remove what the build made (.venv, caches, build files); rendered reports stay
	rm -rf $(VENV) outputs/.cache outputs/.staging-* build *.egg-info .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -not -path './.git/*' -prune -exec rm -rf {} +

clean-outputs: ## remove every rendered report in outputs/ (and its cache)
	find outputs -mindepth 1 -maxdepth 1 ! -name README.md -exec rm -rf {} +

# cmo-reports: every target builds or refreshes .venv first, from pinned requirements.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
JOBS   ?=
PARAMS ?= params/healthcare-cmo.yaml

.DEFAULT_GOAL := help
.PHONY: help venv report report-all test lab validate audit clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-11s %s\n", $$1, $$2}'

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

venv: $(STAMP) ## create or refresh the local virtual environment

report: $(STAMP) ## render the default market with all its scenarios into outputs/
	$(BIN)/cmo-report render $(PARAMS) --scenarios all $(if $(JOBS),--jobs $(JOBS))

report-all: $(STAMP) ## render every market in params/ with all scenarios
	$(BIN)/cmo-report render params/*.yaml --scenarios all $(if $(JOBS),--jobs $(JOBS))

test: $(STAMP) ## run the test suite (executes every notebook with every params file)
	$(BIN)/python -m pytest

lab: $(STAMP) ## open the notebooks in JupyterLab
	$(BIN)/jupyter lab notebooks/

validate: $(STAMP) ## validate every params file and scenario overlay
	$(BIN)/cmo-report validate params/*.yaml

audit: $(STAMP) ## audit the default market's figures for internal consistency
	$(BIN)/cmo-report audit $(PARAMS)

clean: ## remove the virtual environment and rendered outputs
	rm -rf $(VENV) outputs/*/ outputs/.staging-*

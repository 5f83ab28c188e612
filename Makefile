# noc-match: `make app` sets everything up and starts the page; `make test` sets up and runs the tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
# A local copy of the official NOC files (offline set-up, CI): make app NOC_MATCH_MIRROR=../shared/noc2021
ifdef NOC_MATCH_MIRROR
export NOC_MATCH_MIRROR
endif

.PHONY: setup data index app test browser bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

data: setup
	$(BIN)/noc-match data fetch

index: data
	$(BIN)/noc-match index build

app: index
	$(BIN)/streamlit run app.py --server.headless true --browser.gatherUsageStats false

# Debian's Chromium and ChromeDriver for the end-to-end browser test.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null; }
	@chromium --version

test: setup browser
	$(BIN)/noc-match data fetch
	$(BIN)/python -m pytest -q

bench: index
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/bench_align.py
	$(BIN)/python benchmarks/bench_crs.py

clean:
	rm -rf $(VENV) models/*.joblib models/*.json

# Two commands on a fresh machine: `make demo` and `make test`. Both build .venv if it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The CPU build of torch. A bare `torch` requirement on a clean machine pulls a multi-GB CUDA build;
# on this project's machines `pip install torch==2.13.0` takes the CPU wheel from local disk.
TORCH_SPEC ?= torch==2.13.0
STAMP := $(VENV)/.installed

.PHONY: demo demo-batch test bench clean-venv

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -c "import torch" 2>/dev/null || $(BIN)/pip install "$(TORCH_SPEC)"
	$(BIN)/pip install -e ".[test,mcp,ray]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/retouch chat

# The same embedded default without a screen: remove the person from the sample, print the result's path.
demo-batch: $(STAMP)
	$(BIN)/retouch demo

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/fill_quality.py

clean-venv:
	rm -rf $(VENV)

# The two commands: `make run` and `make test`. Each installs what is missing (Debian
# packages, via scripts/install-deps.sh), configures and builds first.
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
MAKEFLAGS += --no-print-directory

.PHONY: all deps build run test test-sanitize fuzz demo-reset bench clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)

# The nightly job on the shipped sample inbox (copied, so the sample stays as shipped).
run: build
	@scripts/demo.sh $(BUILD)

# Forget the demo's state, so the next `make run` starts afresh.
demo-reset:
	rm -rf $(BUILD)/demo

test: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

test-sanitize: deps
	@cmake -S . -B $(BUILD)-sanitize -DCMAKE_BUILD_TYPE=Debug -DTV_SANITIZE=ON >/dev/null
	@cmake --build $(BUILD)-sanitize -j$(JOBS)
	@cd $(BUILD)-sanitize && ctest --output-on-failure -j$(JOBS)

# libFuzzer targets (fuzz/), FUZZ_SECONDS each, in $(BUILD)-fuzz with clang.
FUZZ_SECONDS ?= 60
fuzz:
	@scripts/install-deps.sh --fuzz
	@fuzz/run.sh $(FUZZ_SECONDS) $(CURDIR)/$(BUILD)-fuzz

bench: build
	@scripts/install-deps.sh --bench
	@bench/run $(BUILD)

clean:
	rm -rf $(BUILD) $(BUILD)-sanitize $(BUILD)-fuzz

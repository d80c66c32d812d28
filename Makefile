# capital-circles: two commands do all set-up on a fresh machine.
#   make serve   install what is missing, then serve the graphic on http://127.0.0.1:8080
#   make test    install what is missing, then run every test layer
#   make build   release build of one story's graphic to dist/ (wasm-opt applied), with the
#                story editor at dist/editor/
#   make check-story STORY=path/to/story.json   check a story file in seconds
#   make story-report STORY=path/to/story.json  one row per evidence: its kind, where read, what it backs
#   make size    the wasm's largest items (twiggy): what a change costs in bytes
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
TOOLS_DIR ?= $(HOME)/.cache/capital-circles/tools
export PATH := $(HOME)/.cargo/bin:$(TOOLS_DIR)/node_modules/.bin:$(PATH)
# Offline trunk: a missing tool is a clear error, never a download attempt.
export TRUNK_OFFLINE := true
export TRUNK_SKIP_VERSION_CHECK := true
export CHROMEDRIVER ?= /usr/bin/chromedriver
export WASM_BINDGEN_TEST_DRIVER_TIMEOUT ?= 60
export WASM_BINDGEN_TEST_TIMEOUT ?= 180

# The story a build tells: any path, made absolute for build.rs (which bakes it into the app).
STORY ?= static/stories/capital-metro.json
override STORY := $(abspath $(STORY))
export STORY
# Where `make build` writes the graphic.
DIST ?= dist
# The e2e suite runs on the fixture story's build, never on dist/.
FIXTURE_STORY := $(abspath tests/fixture/story.json)
E2E_DIST := target/e2e-dist
# The fixture's build keeps its own cargo target folder: the story is baked into the app, so
# two stories sharing one folder rebuilt the app (and re-rendered its images) for each of them
# on every warm `make test`.
E2E_TARGET := $(abspath $(or $(CARGO_TARGET_DIR),target))/e2e-story

.PHONY: size serve build check-story story-report checked-story test test-long-story test-images test-native test-wasm test-e2e test-broken-builds build-e2e tools-build tools-test fixtures lint soak fuzz bench screenshots clean

tools-build:
	@bash .ci/tools.sh build

tools-test:
	@bash .ci/tools.sh test

# Rebuilds when the story file changes, wherever it lives: trunk's --watch replaces the default.
# (trunk serve checks the story in the crate `baked`'s build script: no CHECKED_STORY here.)
# The editor is built once (debug) and served at /editor/; the page rebuilds as it changes.
serve: tools-build check-story
	trunk --config crates/editor/Trunk.toml build --dist $(EDITOR_DIST)
	EDITOR_DIST=$(EDITOR_DIST) CHECKED_STORY= trunk serve --watch . --watch $(dir $(STORY))

# The build's one read of the story: check-story checks it and writes it as Rust code, which
# the crate `baked` compiles into the wasm and the prerender step without reading it again.
# A broken story stops here, having compiled only the story crate, and leaves no $(DIST).
# Every cargo step of a make target reads it from there (CHECKED_STORY), so the crates built
# for tests and for the build are built from one file.
CHECKED_STORY := $(abspath $(or $(CARGO_TARGET_DIR),target))/checked/$(notdir $(DIST))-story.rs
export CHECKED_STORY
checked-story:
	@cargo run --offline --quiet -p story --bin check-story -- --bake $(CHECKED_STORY) $(STORY)

# The release wasm is built by nightly cargo with std compiled for it (build-std) and panics
# that stop at once (immediate-abort): 24.8 KB (13.6%) less gzip than with stable's prebuilt
# std, which keeps its panic formatting (README, Performance). No Rust panic hook runs then:
# start.js shows the panic note when the wasm traps. Trunk's post-build step (native) drops
# these settings again (Trunk.toml). `make serve` (a debug build) stays on stable.
NIGHTLY ?= nightly
NIGHTLY_WASM := RUSTUP_TOOLCHAIN=$(NIGHTLY) CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
	CARGO_UNSTABLE_BUILD_STD_FEATURES= \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zlocation-detail=none -Zunstable-options -Cpanic=immediate-abort"
export NIGHTLY

# The story editor (crates/editor): its own wasm and trunk target, built first into
# EDITOR_DIST; the page's post-build step copies it to $(DIST)/editor/. EDITOR=0 leaves it out
# (the fixture's build: the editor's tests run on the shipped build).
EDITOR ?= 1
EDITOR_DIST := $(abspath $(or $(CARGO_TARGET_DIR),target))/editor-dist

build: tools-build
	rm -rf $(DIST)
	$(MAKE) --no-print-directory checked-story
ifeq ($(EDITOR),1)
	$(NIGHTLY_WASM) trunk --config crates/editor/Trunk.toml build --release --dist $(EDITOR_DIST)
endif
	$(NIGHTLY_WASM) PRERENDER_REQUIRE_PNG=1 EDITOR_DIST=$(if $(filter 1,$(EDITOR)),$(EDITOR_DIST)) \
		trunk build --release --dist $(DIST)

check-story:
	@cargo run --offline --quiet -p story --bin check-story -- $(STORY)

# The fact-check report: one tab-separated row per evidence object of $(STORY).
story-report:
	@cargo run --offline --quiet -p story --bin check-story -- --report $(STORY)

# Two release builds: the shipped story (dist/) and the fixture story (target/e2e-dist/).
test: tools-test
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory test-native
	$(MAKE) --no-print-directory test-wasm
	$(MAKE) --no-print-directory test-broken-builds
	$(MAKE) --no-print-directory build
	$(MAKE) --no-print-directory test-images
	$(MAKE) --no-print-directory build-e2e
	$(MAKE) --no-print-directory test-e2e
	$(MAKE) --no-print-directory test-long-story

# Layer 1: every crate's own tests natively (story, graphic, app, publish), and the shipped
# story's facts (tests/content.rs).
test-native: checked-story
	@echo "==> native tests (cargo test)"
	cargo test --offline --workspace

# Broken stories through `make build`: each must fail at the check and leave no dist.
test-broken-builds:
	@echo "==> broken stories stop make build"
	bash tests/broken-builds.sh

# Every PNG of the shipped build, read as a reader sees it: each mark in its style's colour,
# no black blot (crates/publish/tests/built_images.rs).
test-images: checked-story
	@echo "==> the images of dist/ (marks, no black)"
	BUILT_DIST=$(abspath $(DIST)) cargo test --offline -p publish --test built_images -- --ignored

# A valid story with every text ten times as long through `make build` (in the fixture's
# target folder, after the e2e suite): every image within its limits.
test-long-story:
	@echo "==> a long valid story builds"
	E2E_TARGET=$(E2E_TARGET) bash tests/long-story.sh

build-e2e:
	CARGO_TARGET_DIR=$(E2E_TARGET) $(MAKE) --no-print-directory build EDITOR=0 STORY=$(FIXTURE_STORY) DIST=$(E2E_DIST)

# Layer 2: components in headless Chromium (wasm-bindgen-test through chromedriver). The
# native chart drawings are written first: the browser test compares its own against them.
test-wasm: fixtures
	@echo "==> in-browser tests (wasm-bindgen-test, headless Chromium)"
	cargo test --offline --target wasm32-unknown-unknown --test browser

# Layer 3: the release dist/ served on 127.0.0.1 and driven in real Chromium (Playwright).
test-e2e:
	@echo "==> end-to-end tests (target/e2e-dist/ and dist/ in Chromium via playwright-core)"
	cd tests/e2e && DIST_DIR=$(abspath $(E2E_DIST)) SHIPPED_DIST_DIR=$(abspath dist) node --test --test-concurrency=1

# The charts as drawn natively; tests/browser.rs compiles them in to compare with the browser.
fixtures: checked-story
	cargo run --offline --quiet -p publish --bin native-charts -- target/fixtures/native-charts.json

# Benchmarks (not part of `make test`): dist/ against a static page and an ECharts peer.
bench: tools-test build
	cd bench && { cmp -s package-lock.json node_modules/.capital-circles-lock || { npm ci --no-audit --no-fund && cp package-lock.json node_modules/.capital-circles-lock; }; }
	cd bench && node_modules/.bin/esbuild peers/echarts/main.js --bundle --minify --format=iife --outfile=peers/echarts/dist/bundle.js --loader:.json=json --log-level=warning
	cp bench/peers/echarts/index.html bench/peers/echarts/style.css bench/peers/echarts/dist/
	cd bench && node run.mjs

# The wasm's largest items by twiggy, so a change can see its cost (not part of make test). It
# reads the wasm as cargo writes it, before wasm-bindgen and wasm-opt strip the names: the sizes
# are larger than the shipped file's, the ranking is what counts. Then the shipped file's bytes.
WASM_NAMED := $(abspath $(or $(CARGO_TARGET_DIR),target))/wasm32-unknown-unknown/release/capital-circles.wasm
size: tools-build checked-story
	@command -v twiggy >/dev/null || cargo install twiggy --version 0.8.0 --locked
	cargo build --offline --release --target wasm32-unknown-unknown --bin capital-circles
	twiggy top -n 30 $(WASM_NAMED)
	@for f in $(DIST)/*.wasm; do [ -f "$$f" ] && echo "shipped $$f: $$(stat -c %s "$$f") B raw, $$(gzip -9c "$$f" | wc -c) B gzip -9"; done; true

# README's screenshots (static/screenshots/), from the shipped build.
screenshots: tools-test build
	cd tests/e2e && node readme-shots.mjs

# Long soak (a benchmark, not part of `make test`): 10,000 random actions, memory budget.
soak: tools-test build
	cd tests/e2e && node soak-long.mjs

# Fuzzing (not part of `make test`): libFuzzer via cargo-fuzz on the nightly toolchain. The
# story target runs the build-time reader and checker, then layout and charts on what passes,
# in two forked workers, seeded with the shipped and the fixture story. FUZZ_SECONDS per target.
FUZZ_SECONDS ?= 300
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	mkdir -p fuzz/corpus/story fuzz/corpus/numbers
	cp static/stories/capital-metro.json fuzz/corpus/story/
	cp tests/fixture/story.json fuzz/corpus/story/fixture.json
	printf '%s\n' 17.5万 1.5万亿 41610.9亿 400000 0.433 2,308.7亿 > fuzz/corpus/numbers/seed
	cd fuzz && cargo +nightly fuzz run story corpus/story -- -fork=2 -max_total_time=$(FUZZ_SECONDS) -max_len=200000
	cd fuzz && cargo +nightly fuzz run numbers corpus/numbers -- -max_total_time=$(FUZZ_SECONDS)

lint: fixtures
	cargo fmt --check
	cargo clippy --offline --workspace --all-targets -- -D warnings
	cargo clippy --offline --workspace --exclude publish --all-targets --target wasm32-unknown-unknown -- -D warnings
	# The page's wasm alone, with the features it really has (no story reader: dev-dependencies
	# of the other crates turn it on in the line above).
	cargo clippy --offline --all-targets --target wasm32-unknown-unknown -- -D warnings
	bash tests/layers.sh

clean:
	rm -rf dist target/fixtures target/screenshots $(E2E_DIST)

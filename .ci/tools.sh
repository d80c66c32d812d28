#!/usr/bin/env bash
# Installs what a make target needs, each step only when missing or at the wrong version, so
# a second run starts at once. Usage: .ci/tools.sh build|test
# Everything comes from the package registries (Rust crates, npm, Debian); nothing from GitHub.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
TOOLS_DIR="${TOOLS_DIR:-$HOME/.cache/capital-circles/tools}"
TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132"
# wasm-bindgen-cli must equal the library version in Cargo.lock, or trunk tries a download.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$here/Cargo.lock")"
export PATH="$HOME/.cargo/bin:$TOOLS_DIR/node_modules/.bin:$PATH"

say() { printf '==> %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "installing the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

# The release wasm is built with nightly cargo's build-std (Makefile, README "Performance"):
# the nightly toolchain with std's sources, and the crates those sources depend on, fetched
# once for trunk's offline cargo.
ensure_nightly_std() {
  local nightly="${NIGHTLY:-nightly}"
  if ! rustup toolchain list | grep -q "^$nightly"; then
    say "installing the $nightly toolchain (minimal profile)"
    rustup toolchain install "$nightly" --profile minimal
  fi
  if ! rustup component list --toolchain "$nightly" --installed | grep -qx rust-src; then
    say "adding rust-src to $nightly (for build-std)"
    rustup component add rust-src --toolchain "$nightly"
  fi
  local sysroot
  sysroot="$(rustc +"$nightly" --print sysroot)"
  cargo +"$nightly" fetch --manifest-path "$sysroot/lib/rustlib/src/rust/library/Cargo.toml" --quiet
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

ensure_wasm_bindgen() {
  if [ -z "$WASM_BINDGEN_VERSION" ]; then
    echo "no wasm-bindgen in Cargo.lock" >&2
    exit 1
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] ||
    ! command -v wasm-bindgen-test-runner >/dev/null; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes)"
    # No --locked: one of its locked dependencies is missing from the registry here.
    cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
  fi
}

ensure_wasm_opt() {
  if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
    say "installing wasm-opt (binaryen $BINARYEN_VERSION from npm)"
    mkdir -p "$TOOLS_DIR"
    npm install --prefix "$TOOLS_DIR" --no-audit --no-fund "binaryen@$BINARYEN_VERSION"
  fi
}

ensure_debian_packages() {
  local missing=()
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  fi
}

ensure_npm_test_packages() {
  local dir="$here/tests/e2e"
  # npm ci writes node_modules/.package-lock.json; equal to the lock file means up to date.
  if ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.capital-circles-lock"; then
    say "installing npm test packages from tests/e2e/package-lock.json"
    npm ci --prefix "$dir" --no-audit --no-fund
    cp "$dir/package-lock.json" "$dir/node_modules/.capital-circles-lock"
  fi
}

ensure_cargo_deps() {
  # trunk runs cargo offline: fetch crates first, from the crate registry, once.
  cargo fetch --manifest-path "$here/Cargo.toml" --quiet
}

case "${1:-}" in
  build)
    ensure_wasm_target
    ensure_nightly_std
    ensure_cargo_deps
    ensure_trunk
    ensure_wasm_bindgen
    ensure_wasm_opt
    # The share image (PNG) is rendered at build time with the fonts readers will see.
    ensure_debian_packages librsvg2-bin fonts-noto-cjk
    ;;
  test)
    "$0" build
    ensure_debian_packages chromium chromium-driver fonts-noto-cjk
    # OCR of the long images (tests/e2e/share.test.mjs): Chinese and English.
    ensure_debian_packages tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng
    ensure_npm_test_packages
    ;;
  *)
    echo "usage: $0 build|test" >&2
    exit 2
    ;;
esac

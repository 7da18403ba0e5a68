#!/usr/bin/env bash
# Installs whatever is missing to build, serve and test Lowbit on a fresh Debian machine of
# this kind (run as root; registries only: apt, crates.io, npm). Idempotent: a second run
# only checks. Source it (`. scripts/setup.sh`) to get PATH and the environment it sets.
#
#   Debian:   chromium + chromium-driver (browser tests)
#   rustup:   the wasm32-unknown-unknown target
#   crates:   trunk 0.21.14 (--locked), wasm-bindgen-cli 0.2.130 (= wasm-bindgen in Cargo.lock)
#   npm:      binaryen@132.0.0 (wasm-opt) and axe-core@4.14.1 (the e2e accessibility audit)
#             into .tools/npm
#   cargo:    cargo fetch, so Trunk can build offline
set -euo pipefail

TRUNK_VERSION=0.21.14        # trunk 0.22 needs a newer rustc than this machine's
WASM_BINDGEN_VERSION=0.2.130 # must equal `wasm-bindgen` in Cargo.lock (pinned in Cargo.toml)
BINARYEN_VERSION=132.0.0     # Debian's binaryen 108 produces a module that fails at load
AXE_VERSION=4.14.1           # axe-core, injected into pages by crates/lowbit-e2e/tests/a11y.rs

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
export PATH="$TOOLS/npm/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "setup: need root to run: $*" >&2; return 1; fi
}

# --- browser for the tests ---------------------------------------------------------------
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing chromium and chromium-driver (apt)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# --- perl with Digest::SHA: Trunk's post-build hook (scripts/csp.sh) hashes the inline loader ---
if ! perl -MDigest::SHA -MMIME::Base64 -e 1 2>/dev/null; then
  say "installing perl (apt)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq perl >/dev/null
fi

# --- Rust: toolchain and wasm target -----------------------------------------------------
if ! command -v cargo >/dev/null; then
  echo "setup: cargo not found; this machine kind ships Rust through rustup" >&2
  exit 1
fi
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# --- trunk and wasm-bindgen ----------------------------------------------------------------
if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (cargo install, several minutes cold)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION" \
  || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (cargo install, a couple of minutes cold)"
  # Not --locked: its lockfile pins a webpki-roots version the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# --- wasm-opt (npm binaryen) -----------------------------------------------------------------
if ! wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
  say "installing binaryen@$BINARYEN_VERSION (npm) into .tools/npm"
  if ! command -v npm >/dev/null; then
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  fi
  mkdir -p "$TOOLS/npm"
  [ -f "$TOOLS/npm/package.json" ] || echo '{ "private": true }' >"$TOOLS/npm/package.json"
  (cd "$TOOLS/npm" && npm install --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION")
fi

# --- axe-core (npm), for the end-to-end accessibility audit -------------------------------------
axe_installed() { node -p "require('$TOOLS/npm/node_modules/axe-core/package.json').version" 2>/dev/null; }
if [ "$(axe_installed)" != "$AXE_VERSION" ]; then
  say "installing axe-core@$AXE_VERSION (npm) into .tools/npm"
  mkdir -p "$TOOLS/npm"
  [ -f "$TOOLS/npm/package.json" ] || echo '{ "private": true }' >"$TOOLS/npm/package.json"
  (cd "$TOOLS/npm" && npm install --no-audit --no-fund --silent "axe-core@$AXE_VERSION")
fi

# --- crates, so Trunk can build with --offline -------------------------------------------------
say "cargo fetch"
(cd "$ROOT" && cargo fetch --locked --quiet)

say "ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | grep -o 'version [0-9]*'), $(chromium --version 2>/dev/null | head -1)"

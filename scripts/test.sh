#!/usr/bin/env bash
# Sets up what is missing (scripts/setup.sh), then runs every test:
#   1. native: `cargo test` (the workspace's default members: core, CLI, charts and the app's
#      pure modules — URL composition, feature params and models), clippy with warnings as
#      errors (native, and wasm32 for the app and the worker), then the app's views rendered
#      to HTML natively with Leptos' ssr feature (crates/lowbit-ssr-tests, not a default member)
#   2. `trunk build --release` → dist/, then the download budgets (scripts/budget.sh: fails
#      when what the first view downloads exceeds 400 KB gzip)
#   3. the app's components in headless Chromium (wasm-bindgen-test, tests/web.rs, tests/web_views.rs)
#   4. end to end: dist/ served on 127.0.0.1, driven through chromedriver
#      (crates/lowbit-e2e; screenshots in tests/screenshots/, timings printed)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=setup.sh
. scripts/setup.sh

# No incremental caches: a clean run never reuses them, and they doubled target/'s size.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

step() { printf '\n\033[1;32m==> %s\033[0m\n' "$*" >&2; }

step "native tests (cargo test)"
cargo test --locked

step "lints: clippy with warnings as errors (missing docs included), native and wasm32"
cargo clippy --locked --workspace --all-targets -- -D warnings
cargo clippy --locked -p lowbit-app -p lowbit-worker --target wasm32-unknown-unknown --lib --bins --tests -- -D warnings

step "DOM contract rendered natively (Leptos ssr, crates/lowbit-ssr-tests)"
cargo test --locked -p lowbit-ssr-tests

step "trunk build --release"
trunk build --release

step "download budgets (gzip -9)"
bash scripts/budget.sh dist


# Headless Chromium for wasm-bindgen-test (flags: the machine's closed network).
profile=$(mktemp -d)
webdriver_json=$(mktemp --suffix=.json)
trap 'rm -rf "$profile" "$webdriver_json"' EXIT
cat >"$webdriver_json" <<JSON
{ "goog:chromeOptions": { "binary": "/usr/bin/chromium",
  "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--disable-dev-shm-usage", "--user-data-dir=$profile"] } }
JSON

step "component tests in headless Chromium (wasm-bindgen-test)"
WASM_BINDGEN_TEST_WEBDRIVER_JSON="$webdriver_json" \
CHROMEDRIVER=/usr/bin/chromedriver \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --locked -p lowbit-app --target wasm32-unknown-unknown --test web --test web_views --test web_gguf --test web_tensors

step "the compute worker's SIMD kernels (quantizers, MNIST forward passes) against the portable paths (wasm-bindgen-test)"
WASM_BINDGEN_TEST_WEBDRIVER_JSON="$webdriver_json" \
CHROMEDRIVER=/usr/bin/chromedriver \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --locked -p lowbit-worker --target wasm32-unknown-unknown --test simd --test mnist_simd

step "end-to-end tests (chromedriver + headless Chromium against dist/)"
CHROMEDRIVER=/usr/bin/chromedriver CHROMIUM=/usr/bin/chromium \
  cargo test --locked -p lowbit-e2e -- --nocapture --test-threads=1

step "all tests passed"

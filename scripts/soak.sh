#!/usr/bin/env bash
# The parsers' fuzz soak (issue 11), outside the test command: the same property tests the test
# command runs with a few thousand cases each (tests/fuzz_parsers.rs,
# crates/lowbit-tensors/tests/fuzz.rs) run with LOWBIT_SOAK_CASES cases each (default 10 M),
# in release mode. Every parser fed by user text is covered: the URL query, the Quantize
# view's pasted lists, and the .npy / .safetensors readers (arbitrary bytes, and mutations and
# truncations of valid files). Prints each test's case count and time. Takes hours at 10 M.
#
#   bash scripts/soak.sh            # 10 000 000 cases per test
#   bash scripts/soak.sh 100000     # a shorter soak
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export LOWBIT_SOAK_CASES="${1:-10000000}"

soak() { # package, test target, test name
  local started=$SECONDS log
  log=$(mktemp)
  if ! cargo test --release --locked -q -p "$1" --test "$2" -- --exact "$3" --test-threads=1 >"$log" 2>&1; then
    cat "$log"; rm -f "$log"; echo "soak: $3 FAILED" >&2; return 1
  fi
  rm -f "$log"
  printf '%-45s %12s cases  %6d s  ok\n' "$3" "$LOWBIT_SOAK_CASES" $((SECONDS - started))
}

cargo test --release --locked -q -p lowbit-app --test fuzz_parsers --no-run
cargo test --release --locked -q -p lowbit-tensors --test fuzz --no-run
# The URL query: arbitrary query strings of the app's keys and values, and arbitrary text.
soak lowbit-app fuzz_parsers any_query_parses_to_a_usable_state
soak lowbit-app fuzz_parsers any_text_parses
# Pasted lists: arbitrary text, paste-like text, and never more numbers than typed.
soak lowbit-app fuzz_parsers pastes_never_panic
soak lowbit-app fuzz_parsers never_more_numbers_than_typed
# Tensor files: arbitrary bytes behind either magic, and edited or cut valid files.
soak lowbit-tensors fuzz arbitrary_bytes_never_panic
soak lowbit-tensors fuzz mutated_files_never_panic

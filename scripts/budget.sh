#!/usr/bin/env bash
# Download budgets of the built app (dist/), each file counted gzip -9 as a server sends it.
# Fails (exit 1) when a budget is exceeded. Usage: scripts/budget.sh [DIST]
#
#   first view: index.html + the JS, CSS and main .wasm it references   ≤ 400 000 bytes
#   compute worker: lowbit-worker_bg.wasm                                ≤ 300 000 bytes
#   lazily loaded views: each module's .js + _bg.wasm (lowbit-lab, lowbit-signal, lowbit-quantize, lowbit-tensors, lowbit-speed) ≤ 400 000 bytes
#
# A budget is one `budget` line: more (a compute worker's module, …) are added below.
set -euo pipefail
DIST="${1:-dist}"
failed=0

gz() { gzip -9 -c "$1" | wc -c; }

# budget NAME LIMIT FILE...: prints each file's gzip size and the total against LIMIT.
budget() {
  local name=$1 limit=$2 total=0 size f
  shift 2
  for f in "$@"; do
    size=$(gz "$f")
    total=$((total + size))
    printf '  %-48s %9d B gzip (%d B raw)\n' "${f#"$DIST"/}" "$size" "$(stat -c %s "$f")" >&2
  done
  if [ "$total" -gt "$limit" ]; then
    printf 'budget %s: %d B gzip > %d B: OVER BUDGET\n' "$name" "$total" "$limit" >&2
    failed=1
  else
    printf 'budget %s: %d B gzip of %d B (%d B left)\n' "$name" "$total" "$limit" $((limit - total)) >&2
  fi
}

# What the first view downloads: index.html and every JS, CSS and .wasm file it references
# (Trunk writes them as ./NAME-HASH.ext, preloaded and imported).
index="$DIST/index.html"
[ -f "$index" ] || { echo "budget: no $index (run trunk build --release)" >&2; exit 1; }
mapfile -t referenced < <(grep -oE '\./[A-Za-z0-9_.-]+\.(js|css|wasm)' "$index" | sort -u | sed "s#^\./#$DIST/#")
for f in "${referenced[@]}"; do
  [ -f "$f" ] || { echo "budget: index.html references a missing $f" >&2; exit 1; }
done
printf '%s\n' "${referenced[@]}" | grep -q '\.wasm$' || { echo "budget: index.html references no .wasm" >&2; exit 1; }
# ... and the JS snippets those scripts import (wasm-bindgen's inline_js, dist/snippets/).
mapfile -t snippets < <(for f in "${referenced[@]}"; do
  case "$f" in *.js) grep -oE 'snippets/[A-Za-z0-9_./-]+\.js' "$f" || true ;; esac
done | sort -u | sed "s#^#$DIST/#")
for f in "${snippets[@]}"; do
  [ -f "$f" ] || { echo "budget: a script imports a missing $f" >&2; exit 1; }
done
budget "first view" 400000 "$index" "${referenced[@]}" "${snippets[@]}"

# The compute worker (crates/lowbit-worker): its module, loaded on first need only.
worker="$DIST/lowbit-worker_bg.wasm"
[ -f "$worker" ] || { echo "budget: no $worker (index.html's worker asset)" >&2; exit 1; }
budget "compute worker" 300000 "$worker"

# The views loaded on demand (src/lazy): each module is fetched the first time one of its views
# opens (View::lazy_module in src/query.rs), and has its own budget.
for module in lowbit-lab lowbit-signal lowbit-quantize lowbit-tensors lowbit-speed; do
  js="$DIST/$module.js" wasm="$DIST/${module}_bg.wasm"
  for f in "$js" "$wasm"; do
    [ -f "$f" ] || { echo "budget: no $f (index.html's $module asset)" >&2; exit 1; }
  done
  if grep -qE "${module}(_bg\.wasm|\.js)" "$index"; then
    echo "budget: index.html references $module: a lazily loaded module would be part of the first view" >&2
    failed=1
  fi
  budget "lazily loaded views ($module)" 400000 "$js" "$wasm"
done

exit "$failed"

#!/usr/bin/env bash
# Sets up what is missing (scripts/setup.sh), then builds and serves the app with Trunk on
# http://127.0.0.1:8080 (release build: the size-tuned wasm-release profile and wasm-opt),
# rebuilding on changes. Stop with Ctrl-C.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=setup.sh
. scripts/setup.sh
echo "Lowbit: http://127.0.0.1:8080/  (first build takes a few minutes cold)" >&2
exec trunk serve --release --address 127.0.0.1 --port 8080 "$@"

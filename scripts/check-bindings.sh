#!/usr/bin/env bash
# Binding drift check: regenerate the TypeScript IPC types from Rust (ts-rs) into a temporary
# folder and fail when they differ from the committed ui/src/lib/bindings in any way.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
TS_RS_EXPORT_DIR="$tmp" cargo test --locked --workspace --quiet export_bindings >/dev/null
if ! diff -r "$tmp" ui/src/lib/bindings; then
  echo "binding drift: ui/src/lib/bindings is not what the Rust types generate." >&2
  echo "Run 'cargo test --workspace export_bindings' and commit ui/src/lib/bindings." >&2
  exit 1
fi
echo "bindings: $(ls "$tmp" | wc -l) generated files match ui/src/lib/bindings"

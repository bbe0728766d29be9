#!/usr/bin/env bash
# Vite 8 needs Node.js >= 20.19; Debian 12 and Ubuntu 24.04 ship older ones in apt.
set -euo pipefail
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "Node.js >= 20.19 with npm is required (see README: Requirements)." >&2
  exit 1
fi
node -e '
  const [maj, min] = process.versions.node.split(".").map(Number);
  if (maj < 20 || (maj === 20 && min < 19)) {
    console.error(`Node.js ${process.versions.node} is too old: Vite 8 needs >= 20.19 (see README: Requirements).`);
    process.exit(1);
  }'

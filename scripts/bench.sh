#!/usr/bin/env bash
# `make bench`: every figure docs/benchmarks.md reports, in one run, on this machine.
#   1. criterion, production at 1,000,000 entries (crates/store/benches/production.rs);
#   2. criterion, the `large` preset seeded afresh: ingest beside raw inserts of the same rows,
#      verify, the screens' queries, hledger balance beside the register, one interactive event
#      (crates/store/benches/ledger.rs), then the quarter report's build on it (crates/sync/benches);
#   3. the .deb's size (make package);
#   4. under Xvfb, release builds: cold start and idle PSS beside bench/hello, and the members'
#      search over 10,000 members in the real window (tests/e2e/bench/).
# The real-window runs take /tmp/hamyar-e2e.lock, so they never overlap an e2e run.
# Everything goes to target/bench/*.log; the figures are gathered in target/bench/report.txt.
# BENCH_REUSE=1 keeps the large ledger a previous run left (skips its ~7-minute ingest).
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/bench
mkdir -p "$out"
report=$out/report.txt
{
  echo "# make bench, $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "# $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(free -g | awk '/Mem:/ {print $2 " GiB RAM"}'); $(rustc --version)"
  echo "# load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$report"

step() { echo "== $1" | tee -a "$report"; }
# criterion's lines for each benchmark: its name and its time [low median high].
figures() { grep -E '^(ingest|verify|raw insert|hledger|[a-z_0-9]+/[a-z_0-9-]+)|time:' "$1" | sed 's/^ */  /' >>"$report" || true; }

step "criterion: production at 1,000,000 entries"
cargo bench --locked -p hamyar-store --bench production 2>&1 | tee "$out/production.log"
figures "$out/production.log"

step "criterion: the large preset (ingest, side by side, verify, queries)"
cargo bench --locked -p hamyar-store --bench ledger 2>&1 | tee "$out/ledger.log"
figures "$out/ledger.log"

step "criterion: the quarter report's build on the large ledger"
cargo bench --locked -p hamyar-sync --bench report 2>&1 | tee "$out/report.log"
figures "$out/report.log"

step "the .deb"
make --no-print-directory package 2>&1 | tee "$out/package.log"
for deb in target/release/bundle/deb/*.deb; do
  echo "  $(basename "$deb"): $(stat -c %s "$deb") bytes" | tee -a "$report"
done

step "start, memory and search in the real window (release, Xvfb)"
cargo build --release --locked -p hamyar -p hamyar-hello -p hamyar-cli
BENCH_RUNS="${BENCH_RUNS:-3}" flock /tmp/hamyar-e2e.lock xvfb-run -a -s "-screen 0 1280x800x24" node tests/e2e/bench/startup.mjs 2>&1 | tee "$out/startup.log"
flock /tmp/hamyar-e2e.lock xvfb-run -a -s "-screen 0 1280x800x24" node tests/e2e/bench/search.mjs 2>&1 | tee "$out/search.log"
sed 's/^/  /' "$out/startup.log" "$out/search.log" >>"$report"

echo "# load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$report"
echo
cat "$report"

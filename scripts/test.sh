#!/usr/bin/env bash
# Every test tier, in order; stops at the first failing tier. Prints one line of counts per tier
# and a closing "total: N passed, N failed" line. Logs: target/test-logs/.
set -uo pipefail
cd "$(dirname "$0")/.."
logs=target/test-logs
mkdir -p "$logs"
summary=()
total_pass=0
total_fail=0

finish() {
  echo
  echo "== summary =="
  for line in "${summary[@]}"; do echo "$line"; done
  echo "total: ${total_pass} passed, ${total_fail} failed"
}

# tier NAME PASSED FAILED SECONDS
record() {
  summary+=("$(printf '%-8s %s passed, %s failed (%ss)' "$1:" "$2" "$3" "$4")")
  total_pass=$((total_pass + $2))
  total_fail=$((total_fail + $3))
}

# run NAME LOG COMMAND...: runs a step, shows its tail on failure.
run() {
  local name=$1 log=$2
  shift 2
  echo "-- $name: $*"
  if ! "$@" >"$log" 2>&1; then
    tail -n 60 "$log"
    echo "!! $name failed (full log: $log)"
    return 1
  fi
}

fail_tier() {
  record "$1" "$2" "$(($3 > 0 ? $3 : 1))" "$4"
  finish
  exit 1
}

# Tier 0: static checks — each check counts as one test.
start=$SECONDS; passed=0
for check in fmt clippy svelte-check bindings; do
  case $check in
    fmt) cmd=(cargo fmt --all --check) ;;
    clippy) cmd=(cargo clippy --locked --workspace --all-targets -- -D warnings) ;;
    svelte-check) cmd=(npm --prefix ui run --silent check) ;;
    bindings) cmd=(bash scripts/check-bindings.sh) ;;
  esac
  run "$check" "$logs/$check.log" "${cmd[@]}" || fail_tier static "$passed" 1 $((SECONDS - start))
  passed=$((passed + 1))
done
record static "$passed" 0 $((SECONDS - start))

# Tier 1 + 2: Rust unit, property and integration tests (real SQLite files, the real CLI).
# The integration tests and the e2e tests run the binaries, so they are built first.
start=$SECONDS
run build "$logs/build.log" cargo build --locked -p hamyar -p hamyar-cli -p hamyar-registry || fail_tier rust 0 1 $((SECONDS - start))
ok=1; run rust "$logs/rust.log" cargo test --locked --workspace --no-fail-fast || ok=0
p=$(grep -Eo '^test result: .*' "$logs/rust.log" | grep -Eo '[0-9]+ passed' | awk '{s+=$1} END {print s+0}')
f=$(grep -Eo '^test result: .*' "$logs/rust.log" | grep -Eo '[0-9]+ failed' | awk '{s+=$1} END {print s+0}')
[ $ok -eq 1 ] || fail_tier rust "$p" "$f" $((SECONDS - start))
record rust "$p" "$f" $((SECONDS - start))

# Tier 2b: protocol conformance — docs/openapi.yaml against the real reference registry
# (schemathesis in target/protocol-venv), then the summary fixtures against their JSON Schemas.
start=$SECONDS
ok=1; run protocol "$logs/protocol.log" bash tests/protocol/run.sh || ok=0
# Counts: schemathesis' test cases plus one per summary section checked.
p=$(grep -E '^ *[0-9]+ generated' "$logs/protocol.log" | grep -Eo '[0-9]+ passed' | grep -Eo '[0-9]+' | tail -1)
f=$(grep -E '^ *[0-9]+ generated' "$logs/protocol.log" | grep -Eo '[0-9]+ (failed|unique failures?)' | grep -Eo '^[0-9]+' | tail -1)
p=$((${p:-0} + $(grep -cE '^ok ' "$logs/protocol.log")))
f=$((${f:-0} + $(grep -cE '^FAIL ' "$logs/protocol.log")))
[ $ok -eq 1 ] || fail_tier protocol "$p" "$f" $((SECONDS - start))
record protocol "$p" "$f" $((SECONDS - start))

# Tier 3a: UI unit and component tests (vitest, jsdom).
start=$SECONDS
ok=1; run vitest "$logs/vitest.log" npm --prefix ui test -- --reporter=default || ok=0
p=$(sed 's/\x1b\[[0-9;]*m//g' "$logs/vitest.log" | grep -E '^\s*Tests\s' | grep -Eo '[0-9]+ passed' | grep -Eo '[0-9]+' | head -1)
f=$(sed 's/\x1b\[[0-9;]*m//g' "$logs/vitest.log" | grep -E '^\s*Tests\s' | grep -Eo '[0-9]+ failed' | grep -Eo '[0-9]+' | head -1)
[ $ok -eq 1 ] || fail_tier vitest "${p:-0}" "${f:-0}" $((SECONDS - start))
record vitest "${p:-0}" "${f:-0}" $((SECONDS - start))

# Tier 3b: end-to-end tests of the real app window under Xvfb (tauri-driver + WebKitWebDriver).
start=$SECONDS
ok=1
run e2e "$logs/e2e.log" xvfb-run -a -s "-screen 0 1280x800x24" npm --prefix tests/e2e test || ok=0
p=$(grep -E '^# pass [0-9]+' "$logs/e2e.log" | grep -Eo '[0-9]+' | tail -1)
f=$(grep -E '^# fail [0-9]+' "$logs/e2e.log" | grep -Eo '[0-9]+' | tail -1)
[ $ok -eq 1 ] || fail_tier e2e "${p:-0}" "${f:-0}" $((SECONDS - start))
record e2e "${p:-0}" "${f:-0}" $((SECONDS - start))

finish
[ "$total_fail" -eq 0 ]

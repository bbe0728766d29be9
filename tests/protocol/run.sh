#!/usr/bin/env bash
# Protocol conformance: docs/openapi.yaml against the real reference server (schemathesis, pinned,
# in its own venv under target/), then — when that check exists — the summary fixtures against
# their JSON Schemas (tests/protocol/check_summary_schemas.py). Exits non-zero on any finding.
set -euo pipefail
cd "$(dirname "$0")/../.."

# Pinned. jsonschema is for the summary check (schemathesis itself validates with jsonschema-rs).
requirements=(schemathesis==4.32.5 jsonschema==4.26.0)
venv=target/protocol-venv
stamp=$venv/hamyar-requirements.txt
bin=target/debug/hamyar-registry

# The venv is made once and reused; different pins (or a broken venv) make it afresh.
if ! [ -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "${requirements[*]}" ]; then
  echo "-- making $venv with ${requirements[*]}"
  python3 -m venv --clear "$venv"
  "$venv/bin/pip" install --disable-pip-version-check --quiet "${requirements[@]}"
  echo "${requirements[*]}" >"$stamp"
fi

# A no-op when the binary is fresh.
cargo build --locked --quiet -p hamyar-registry

work=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

"$bin" serve --db "$work/registry.db" --listen 127.0.0.1:0 >"$work/stdout" 2>"$work/server.log" &
pid=$!
url=""
for _ in $(seq 100); do
  url=$(sed -n 's/^listening on //p' "$work/stdout")
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "!! the registry did not start:"
  cat "$work/server.log"
  exit 1
fi
echo "-- registry at $url"

# Every check but positive_data_acceptance: no generated request can be accepted, since each
# accepting path needs a one-time enrolment code or an ed25519 signature the fuzzer cannot make.
# (Its "authentication failed" warning says the same.) Fifty examples per operation keep the run
# around half a minute on two cores.
start=$SECONDS
status=0
"$venv/bin/schemathesis" --no-color run docs/openapi.yaml \
  --url "$url" \
  --checks all \
  --exclude-checks positive_data_acceptance \
  --max-examples 50 \
  --request-timeout 10 || status=$?
echo "-- schemathesis: exit $status in $((SECONDS - start)) s"

if [ -s "$work/server.log" ]; then
  echo "-- registry log:"
  cat "$work/server.log"
fi
[ "$status" -eq 0 ] || exit "$status"

if [ -f tests/protocol/check_summary_schemas.py ]; then
  echo "-- summary fixtures against docs/schemas/summary/"
  "$venv/bin/python" tests/protocol/check_summary_schemas.py
fi

#!/usr/bin/env bash
# Fuzzes fiche-server through its own OpenAPI document with schemathesis: every operation,
# valid and invalid inputs, signed in as a time manager. Fails on any 5xx answer.
#
#   Tests/scripts/schemathesis.sh            # builds fiche-server (debug) if needed
#   FICHE_SERVER=path/to/fiche-server Tests/scripts/schemathesis.sh
#   SCHEMATHESIS_MAX_TIME=60 SCHEMATHESIS_MAX_EXAMPLES=50 Tests/scripts/schemathesis.sh
#
# The server runs on 127.0.0.1 only, on a free port, with a temporary SQLite store; it is
# stopped and the store removed on exit. Bounded: the fuzzing stops after SCHEMATHESIS_MAX_TIME
# seconds (default 90) and SCHEMATHESIS_MAX_EXAMPLES cases per operation (default 100).
set -euo pipefail
cd "$(dirname "$0")/../.."

max_time=${SCHEMATHESIS_MAX_TIME:-90}
max_examples=${SCHEMATHESIS_MAX_EXAMPLES:-100}
# The CLI flags used below are those of schemathesis 4.
schemathesis_requirement='schemathesis>=4,<5'

if ! command -v schemathesis >/dev/null 2>&1 || ! schemathesis --version 2>/dev/null | grep -qE 'version 4\.'; then
    echo "== installing $schemathesis_requirement"
    python3 -m pip install -q "$schemathesis_requirement"
fi
command -v curl >/dev/null 2>&1 || { echo "curl is needed"; exit 1; }

if [ -z "${FICHE_SERVER:-}" ]; then
    swift build --product fiche-server >/dev/null
    FICHE_SERVER="$(swift build --show-bin-path)/fiche-server"
fi
[ -x "$FICHE_SERVER" ] || { echo "no fiche-server at $FICHE_SERVER"; exit 1; }

work=$(mktemp -d)
server_pid=""
cleanup() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

store="$work/server.sqlite"
S() { "$FICHE_SERVER" "$@" --sqlite "$store"; }
S employer add AC-TEST --kind commune --name-fr "Commune de Test" --name-nl "Gemeente Test" >/dev/null
S employer add CPAS-TEST --kind cpas --name-fr "CPAS de Test" --name-nl "OCMW Test" >/dev/null
echo 'fuzz-password-1' | S user add fuzz.clerk --name "Fuzz Clerk" --password-stdin >/dev/null
S grant fuzz.clerk CPAS-TEST time_manager >/dev/null
S grant fuzz.clerk AC-TEST payroll_clerk >/dev/null

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
"$FICHE_SERVER" serve --sqlite "$store" --host 127.0.0.1 --port "$port" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
    curl -fsS "$base/health" >/dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || { echo "fiche-server did not start:"; cat "$work/server.log"; exit 1; }
    sleep 0.1
done
curl -fsS "$base/health" >/dev/null || { echo "fiche-server did not answer on $base"; cat "$work/server.log"; exit 1; }

token=$(curl -fsS -H 'Content-Type: application/json' \
    -d '{"login":"fuzz.clerk","password":"fuzz-password-1","device":"schemathesis"}' "$base/v1/auth/login" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')

echo "== schemathesis against $base/openapi.json (at most ${max_time}s, $max_examples cases per operation)"
set +e
schemathesis run "$base/openapi.json" \
    --header "Authorization: Bearer $token" \
    --checks not_a_server_error \
    --max-examples "$max_examples" \
    --max-time "$max_time" \
    --workers 1 \
    --seed "${SCHEMATHESIS_SEED:-20261124}" \
    --request-timeout 10 \
    --suppress-health-check all \
    --generation-database none \
    --no-color \
    --report junit --report-junit-path "$work/junit.xml"
status=$?
set -e

# Whatever schemathesis concluded, a 500 logged by the server is a failure too.
if grep -q '"request failed"\|request failed' "$work/server.log"; then
    echo "== the server logged failed requests:"
    grep 'request failed' "$work/server.log" | head -n 20
    status=1
fi
if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "== fiche-server exited during the run:"
    tail -n 20 "$work/server.log"
    status=1
fi
if [ "$status" -eq 0 ]; then echo "schemathesis: no server error"; else echo "schemathesis: FAILED (status $status)"; fi
exit "$status"

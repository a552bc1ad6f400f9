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
echo 'fuzz-password-1' | S user add fuzz.clerk --name "Fuzz Clerk" --no-dossier --password-stdin >/dev/null
S grant fuzz.clerk CPAS-TEST time_manager >/dev/null
S grant fuzz.clerk AC-TEST payroll_clerk >/dev/null
# A few dossiers (valid national numbers and IBANs), so fuzzed pushes reach the domain rules.
header=dossier_number,niss,last_name,first_name,birth_date,sex,language,category,grade,regime_percent,start_date,iban,payroll_clerk
printf '%s\n' "$header" \
    "S001,85.07.30-033.28,El Amrani,Youssef,1985-07-30,male,fr,art60,E1,100,2024-01-01,BE32123456789002,fuzz.clerk" \
    "S002,17.07.30-033.84,Van den Bossche,Bram,2017-07-30,male,nl,contractual,C2,50,2022-09-01,," >"$work/cpas.csv"
printf '%s\n' "$header" \
    "A001,85.07.30-033.28,Dubois,Marie,1985-07-30,male,fr,statutory,C1,100,2010-01-01,BE32123456789002,fuzz.clerk" \
    "A002,17.07.30-033.84,Janssens,Jan,2017-07-30,male,nl,contractual,D1,80,2020-03-01,," >"$work/commune.csv"
S import dossiers "$work/cpas.csv" --employer CPAS-TEST >/dev/null
S import dossiers "$work/commune.csv" --employer AC-TEST >/dev/null
python3 -c 'import sqlite3, sys; [print(row[0]) for row in sqlite3.connect(sys.argv[1]).execute("SELECT id FROM dossiers ORDER BY id")]' \
    "$store" >"$work/dossiers.txt"
[ -s "$work/dossiers.txt" ] || { echo "no dossiers were imported"; exit 1; }

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

echo "== schemathesis against $base/openapi.json (at most ${max_time}s in all, $max_examples cases per operation)"
# fuzz ARGUMENTS…: schemathesis on the served document, signed in, failing on any 5xx.
fuzz() {
    PYTHONPATH="$PWD/Tests/scripts${PYTHONPATH:+:$PYTHONPATH}" SCHEMATHESIS_HOOKS=schemathesis_hooks \
        FICHE_FUZZ_DOSSIERS="$work/dossiers.txt" SCHEMATHESIS_SEED="${SCHEMATHESIS_SEED:-20261124}" \
        schemathesis run "$base/openapi.json" \
        --header "Authorization: Bearer $token" \
        --checks not_a_server_error \
        --workers 1 \
        --seed "${SCHEMATHESIS_SEED:-20261124}" \
        --request-timeout 10 \
        --suppress-health-check all \
        --generation-database none \
        --no-color \
        "$@"
}
set +e
# Every operation, valid and invalid inputs.
fuzz --max-examples "$max_examples" --max-time "$((max_time / 2))" --report junit --report-junit-path "$work/junit.xml"
status=$?
# Then pushes alone, well-formed, aimed at real dossiers: the mutations reach the domain rules.
echo "== schemathesis: pushes (at most $((max_time - max_time / 2))s)"
fuzz --include-path /v1/sync/push --mode positive --max-examples 2000 --max-time "$((max_time - max_time / 2))"
push_status=$?
[ "$status" -ne 0 ] || status=$push_status
set -e

# How far the fuzzed pushes went: processed mutations by outcome (the hooks aim them at real dossiers).
python3 - "$store" <<'PY' || true
import sqlite3, sys
rows = sqlite3.connect(sys.argv[1]).execute(
    "SELECT status || COALESCE(' ' || reason, ''), COUNT(*) FROM mutations GROUP BY 1 ORDER BY 2 DESC").fetchall()
print("== pushed mutations processed: %d (%s)" % (sum(n for _, n in rows), ", ".join("%s %d" % row for row in rows[:12])))
PY

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

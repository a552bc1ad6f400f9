#!/usr/bin/env bash
# The real stack under kill -9: PostgreSQL (or SQLite when no FICHE_TEST_DATABASE_URL), a real
# fiche-server, and three `fiche` clients that import absences and sync, while the script kills
# clients and the server with SIGKILL at random moments. At the end, once every client has
# synced again:
#   - every entry a client made is on the server exactly once (mutation uuids and record ids);
#   - every replica holds exactly the server's time records of the employers its user may see.
#
#   Tests/scripts/kill-stack.sh                 # 20 kills, builds fiche and fiche-server (debug)
#   KILLS=50 KILL_SEED=7 Tests/scripts/kill-stack.sh
#   FICHE_TEST_DATABASE_URL=postgres://fiche:fiche@127.0.0.1:5432/fiche_test Tests/scripts/kill-stack.sh
#
# With a PostgreSQL URL the script (re)creates a database `fiche_kill` on the same server (the
# role needs CREATEDB, as the one .ci/run makes has). A failing run prints its seed; KILL_SEED=<seed> replays the same kill schedule.
set -euo pipefail
cd "$(dirname "$0")/../.."

kills=${KILLS:-20}
seed=${KILL_SEED:-$(date +%s)}
RANDOM=$seed
echo "== kill-stack: $kills kills, seed $seed (KILL_SEED=$seed replays this schedule)"

if [ -z "${FICHE_SERVER:-}" ] || [ -z "${FICHE:-}" ]; then
    swift build --product fiche-server >/dev/null
    swift build --product fiche >/dev/null
    bin=$(swift build --show-bin-path)
    FICHE_SERVER=${FICHE_SERVER:-$bin/fiche-server}
    FICHE=${FICHE:-$bin/fiche}
fi

work=$(mktemp -d)
server_pid=""
# kill_tree PID: the process and every process it started, by id (deepest first).
kill_tree() {
    local pid=$1 child
    for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do kill_tree "$child"; done
    kill -9 "$pid" 2>/dev/null || true
}
cleanup() {
    [ -n "$server_pid" ] && kill_tree "$server_pid"
    for pid in $(jobs -p); do kill_tree "$pid"; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -n "${FICHE_TEST_DATABASE_URL:-}" ]; then
    # A database of its own beside the test database, so a test run at the same time is not disturbed.
    url="${FICHE_TEST_DATABASE_URL%/*}/fiche_kill"
    psql -q "$FICHE_TEST_DATABASE_URL" -c 'DROP DATABASE IF EXISTS fiche_kill WITH (FORCE)' -c 'CREATE DATABASE fiche_kill' >/dev/null
    store=(--database-url "$url")
    query() { psql -tA "$url" -c "$1"; }
    echo "== store: PostgreSQL"
else
    store=(--sqlite "$work/server.sqlite")
    query() { python3 -c 'import sqlite3, sys
for row in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]): print("|".join(str(v) for v in row))' "$work/server.sqlite" "$1"; }
    echo "== store: SQLite (set FICHE_TEST_DATABASE_URL for PostgreSQL)"
fi
S() { "$FICHE_SERVER" "$@" "${store[@]}" 2>>"$work/server-commands.log"; }
S migrate >/dev/null
S employer add AC-KILL --kind commune --name-fr "Commune" --name-nl "Gemeente" >/dev/null
S employer add CPAS-KILL --kind cpas --name-fr "CPAS" --name-nl "OCMW" >/dev/null
header=dossier_number,niss,last_name,first_name,birth_date,sex,language,category,grade,regime_percent,start_date,iban,payroll_clerk
for employer in AC-KILL CPAS-KILL; do
    prefix=${employer%%-*}
    {
        echo "$header"
        python3 - "$prefix" <<'PY'
import sys
prefix = sys.argv[1]
for i in range(1, 13):
    year, month, day, serial = 1970 + i, 1 + i % 12, 1 + i, 100 + 2 * i + 1
    base = (year % 100) * 10_000_000 + month * 100_000 + day * 1_000 + serial
    check = 97 - base % 97
    niss = "%09d%02d" % (base, check)
    print(f"{prefix}-{i:04d},{niss},Nom{i},Prénom{i},{year}-{month:02d}-{day:02d},male,fr,contractual,C1,100,2020-01-01,,")
PY
    } >"$work/$employer.csv"
    S import dossiers "$work/$employer.csv" --employer "$employer" >/dev/null
done
clients=(ac cpas both)
for client in "${clients[@]}"; do
    echo "pw-$client-2026" | S user add "tm.$client" --name "Time $client" --no-dossier --password-stdin >/dev/null
done
S grant tm.ac AC-KILL time_manager >/dev/null
S grant tm.cpas CPAS-KILL time_manager >/dev/null
S grant tm.both AC-KILL time_manager >/dev/null
S grant tm.both CPAS-KILL time_manager >/dev/null

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
# The server is started without a shell function in between, so that $! is fiche-server itself
# and kill -9 kills the server, not a subshell that would leave it running.
start_server() {
    "$FICHE_SERVER" serve --host 127.0.0.1 --port "$port" "${store[@]}" >>"$work/server.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 100); do
        curl -fsS "$base/health" >/dev/null 2>&1 && return 0
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    echo "fiche-server did not start:"; tail -n 20 "$work/server.log"; exit 1
}
start_server

F() { local client=$1; shift; "$FICHE" "$@" --data-dir "$work/$client"; }
for client in "${clients[@]}"; do
    echo "pw-$client-2026" | F "$client" login --server "$base" --user "tm.$client" --password-stdin >/dev/null
    F "$client" sync --once >/dev/null
done

# Each client has its own dossiers (numbers 1-4, 5-8, 9-12) and days, so entries never overlap.
first_dossier() { case $1 in ac) echo 1 ;; cpas) echo 5 ;; both) echo 9 ;; esac; }
employer_of() { case $1 in ac) echo AC ;; cpas) echo CPAS ;; both) [ $(($2 % 2)) -eq 0 ] && echo AC || echo CPAS ;; esac; }
day_number=0
# Run in this shell, not in $(…): a subshell would lose the day counter (every round would reuse
# the same days, and the overlapping imports would be refused) and draw other random numbers.
make_entries() {  # make_entries CLIENT ROUND: writes entries_file, a CSV of 1-3 absences on working days of 2027
    local client=$1 round=$2 file="$work/$1-$2.csv" rows=$((1 + RANDOM % 3))
    echo "dossier_number,type,from,to,unit,hours,certificate" >"$file"
    for r in $(seq 1 "$rows"); do
        day_number=$((day_number + 1))
        local dossier=$(( $(first_dossier "$client") + RANDOM % 4 ))
        local date
        date=$(python3 -c "import datetime, sys; d = datetime.date(2027, 1, 4) + datetime.timedelta(days=7 * (int(sys.argv[1]) // 5) + int(sys.argv[1]) % 5); print(d)" "$day_number")
        echo "$(employer_of "$client" "$r")-$(printf %04d "$dossier"),annual_leave,$date,$date,day,,no" >>"$file"
    done
    entries_file=$file
}

declare -A sync_pid
fail_sync=""
for kill_round in $(seq 1 "$kills"); do
    for client in "${clients[@]}"; do
        make_entries "$client" "$kill_round"
        file=$entries_file
        F "$client" import time-records "$file" >/dev/null 2>>"$work/import.log" || true
        # Directly, not through F: $! must be the fiche process the kill below aims at.
        "$FICHE" sync --once --data-dir "$work/$client" >/dev/null 2>&1 &
        sync_pid[$client]=$!
    done
    sleep "0.$((RANDOM % 10))"
    victim=$((RANDOM % 4))
    if [ "$victim" -eq 3 ]; then
        kill -9 "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        echo "   kill $kill_round: fiche-server"
        start_server
    else
        client=${clients[$victim]}
        kill -9 "${sync_pid[$client]}" 2>/dev/null || true
        echo "   kill $kill_round: fiche sync of tm.$client"
    fi
    for client in "${clients[@]}"; do wait "${sync_pid[$client]}" 2>/dev/null || true; done
done

# Faults healed: every client syncs until nothing waits. Then each pulls once more: a client
# that emptied its outbox early has not yet seen what the others pushed after it (tm.both writes
# at both employers, so tm.ac and tm.cpas must pull after tm.both's last push).
for client in "${clients[@]}"; do
    for _ in $(seq 1 10); do
        F "$client" sync --once >/dev/null 2>&1 || true
        F "$client" sync --status --lang en | grep -q '^pending: 0' && break
    done
done
for client in "${clients[@]}"; do
    F "$client" sync --once >/dev/null 2>&1 || fail_sync="$fail_sync tm.$client"
done

status=0
fail() { echo "FAILED: $*"; status=1; }
[ -z "${fail_sync:-}" ] || fail "the last sync failed for:$fail_sync"
total_made=0
for client in "${clients[@]}"; do
    replica=$(ls "$work/$client"/accounts/*/replica.sqlite)
    sqlite() { python3 -c 'import sqlite3, sys
for row in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]): print("|".join(str(v) for v in row))' "$replica" "$1"; }
    pending=$(sqlite "SELECT count(*) FROM outbox WHERE NOT EXISTS (SELECT 1 FROM mutation_result r WHERE r.mutation_id = outbox.id)")
    [ "$pending" = 0 ] || fail "tm.$client still has $pending unsent entries"
    made=$(sqlite "SELECT count(*) FROM audit WHERE action = 'recordAbsence'")
    refused=$(sqlite "SELECT count(*) FROM mutation_result WHERE status <> 'applied'")
    [ "$refused" = 0 ] || fail "tm.$client: $refused entries not applied: $(sqlite "SELECT status, reason FROM mutation_result WHERE status <> 'applied' LIMIT 3")"
    # Exactly once: each of the client's records and mutation uuids once on the server.
    sqlite "SELECT target_id FROM audit WHERE action = 'recordAbsence' ORDER BY 1" >"$work/$client.made"
    ids=$(sed "s/.*/'&'/" "$work/$client.made" | paste -sd, -)
    [ -n "$ids" ] || ids="''"
    query "SELECT id FROM time_records WHERE id IN ($ids) AND deleted_at IS NULL ORDER BY 1" >"$work/$client.server"
    diff -q "$work/$client.made" "$work/$client.server" >/dev/null ||
        fail "tm.$client: $(comm -23 "$work/$client.made" "$work/$client.server" | wc -l) entries missing on the server"
    uuids=$(sqlite "SELECT uuid FROM mutation_result" | sed "s/.*/'&'/" | paste -sd, -)
    [ -n "$uuids" ] || uuids="''"
    twice=$(query "SELECT count(*) FROM (SELECT uuid FROM mutations WHERE uuid IN ($uuids) GROUP BY uuid HAVING count(*) > 1) d")
    [ "$twice" = 0 ] || fail "tm.$client: $twice mutations applied twice"
    # The replica equals the server for this user: same records, same versions.
    case $client in ac) scope="'AC-KILL'" ;; cpas) scope="'CPAS-KILL'" ;; both) scope="'AC-KILL','CPAS-KILL'" ;; esac
    query "SELECT id || ' ' || version FROM time_records WHERE employer_code IN ($scope) AND deleted_at IS NULL ORDER BY 1" >"$work/$client.expected"
    sqlite "SELECT id || ' ' || version FROM time_record ORDER BY 1" >"$work/$client.held"
    diff -q "$work/$client.expected" "$work/$client.held" >/dev/null ||
        fail "tm.$client: replica differs from the server ($(diff "$work/$client.expected" "$work/$client.held" | grep -c '^[<>]') lines)"
    total_made=$((total_made + made))
    echo "   tm.$client: $made entries made, all on the server once; replica = server ($(wc -l <"$work/$client.held") records)"
done
if [ "$total_made" -eq 0 ]; then
    fail "no client could make an entry:"
    head -n 10 "$work/import.log"
fi
if [ "$status" -eq 0 ]; then
    echo "kill-stack: every acknowledged entry on the server exactly once, every replica equal to the server"
else
    echo "kill-stack: FAILED (replay with KILL_SEED=$seed)"
    tail -n 20 "$work/server.log"
fi
exit "$status"

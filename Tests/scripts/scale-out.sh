#!/usr/bin/env bash
# Two fiche-server instances on one PostgreSQL database behind nginx (round robin), under load
# and kill -9. Four `fiche` clients sync in loops through nginx (three time managers import
# absences with `fiche import time-records`, a payroll clerk only reads), while the script kills
# one instance with SIGKILL and starts it again every few seconds. At the end, once every client
# has synced again, it checks and prints:
#   - the change log has no gap (every sequence from the horizon to the head) and no duplicate
#     (no row version logged twice, no mutation uuid applied twice);
#   - every entry a client made is on the server exactly once;
#   - every replica holds exactly the server's time records of the employers its user may see;
#   - a device revoked with `fiche-server device revoke`, after it was served by both instances,
#     is refused (401 device_revoked) at its next request on either instance.
#
#   Tests/scripts/scale-out.sh               # builds fiche and fiche-server (debug)
#   SCALE_SECONDS=60 SCALE_KILL_EVERY=2 Tests/scripts/scale-out.sh
#   FICHE_TEST_DATABASE_URL=postgres://fiche:fiche@127.0.0.1:5432/fiche_test Tests/scripts/scale-out.sh
#
# Needs PostgreSQL (FICHE_TEST_DATABASE_URL; the script (re)creates a database `fiche_scale` on the
# same server, so the role needs CREATEDB) and nginx; without a database URL it says so and exits
# 77 (skipped). Every process it starts is stopped on every exit path.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${SCALE_SECONDS:-40}
kill_every=${SCALE_KILL_EVERY:-3}
seed=${SCALE_SEED:-$(date +%s)}
RANDOM=$seed

if [ -z "${FICHE_TEST_DATABASE_URL:-}" ]; then
    echo "== scale-out: skipped (set FICHE_TEST_DATABASE_URL: two instances need one PostgreSQL database)"
    exit 77
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx_bin" ] || { echo "scale-out: nginx is needed (apt-get install nginx-light)"; exit 1; }
echo "== scale-out: two instances behind nginx for ${seconds}s, one killed every ${kill_every}s, seed $seed"

if [ -z "${FICHE_SERVER:-}" ] || [ -z "${FICHE:-}" ]; then
    swift build --product fiche-server >/dev/null
    swift build --product fiche >/dev/null
    bin=$(swift build --show-bin-path)
    FICHE_SERVER=${FICHE_SERVER:-$bin/fiche-server}
    FICHE=${FICHE:-$bin/fiche}
fi

work=$(mktemp -d)
# nginx's workers run as an unprivileged user when the script runs as root: their directory
# must be reachable by them.
web=$(mktemp -d)
chmod 755 "$web"
declare -A instance_pid=([1]="" [2]="")
nginx_pid=""
loop_pids=()
# kill_tree PID: the process and every process it started, by id (deepest first).
kill_tree() {
    local pid=$1 child
    for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do kill_tree "$child"; done
    kill -9 "$pid" 2>/dev/null || true
}
cleanup() {
    local code=$?
    if [ "$code" -ne 0 ] && [ -s "$work/server-commands.log" ]; then
        echo "scale-out: stopped with status $code; the last fiche-server command said:"
        tail -n 5 "$work/server-commands.log"
    fi
    touch "$work/stop" 2>/dev/null || true
    for pid in "${loop_pids[@]}"; do kill_tree "$pid"; done
    for n in 1 2; do [ -n "${instance_pid[$n]}" ] && kill_tree "${instance_pid[$n]}"; done
    [ -n "$nginx_pid" ] && kill_tree "$nginx_pid"
    wait 2>/dev/null || true
    rm -rf "$work" "$web"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

url="${FICHE_TEST_DATABASE_URL%/*}/fiche_scale"
psql -q "$FICHE_TEST_DATABASE_URL" -c 'DROP DATABASE IF EXISTS fiche_scale WITH (FORCE)' -c 'CREATE DATABASE fiche_scale' >/dev/null
query() { psql -tA "$url" -c "$1"; }
S() { "$FICHE_SERVER" "$@" --database-url "$url" 2>>"$work/server-commands.log"; }
S migrate >/dev/null
S employer add AC-SCALE --kind commune --name-fr "Commune" --name-nl "Gemeente" >/dev/null
S employer add CPAS-SCALE --kind cpas --name-fr "CPAS" --name-nl "OCMW" >/dev/null
header=dossier_number,niss,last_name,first_name,birth_date,sex,language,category,grade,regime_percent,start_date,iban,payroll_clerk
for employer in AC-SCALE CPAS-SCALE; do
    prefix=${employer%%-*}
    {
        echo "$header"
        python3 - "$prefix" <<'PY'
import sys
prefix = sys.argv[1]
for i in range(1, 13):
    year, month, day, serial = 1970 + i, 1 + i % 12, 1 + i, 100 + 2 * i + 1
    base = (year % 100) * 10_000_000 + month * 100_000 + day * 1_000 + serial
    niss = "%09d%02d" % (base, 97 - base % 97)
    print(f"{prefix}-{i:04d},{niss},Nom{i},Prénom{i},{year}-{month:02d}-{day:02d},male,fr,contractual,C1,100,2020-01-01,,")
PY
    } >"$work/$employer.csv"
    S import dossiers "$work/$employer.csv" --employer "$employer" >/dev/null
done
writers=(ac cpas both)
clients=(ac cpas both clerk)
for client in "${clients[@]}"; do
    echo "pw-$client-2026" | S user add "u.$client" --name "User $client" --no-dossier --password-stdin >/dev/null
done
S grant u.ac AC-SCALE time_manager >/dev/null
S grant u.cpas CPAS-SCALE time_manager >/dev/null
S grant u.both AC-SCALE time_manager >/dev/null
S grant u.both CPAS-SCALE time_manager >/dev/null
S grant u.clerk AC-SCALE payroll_clerk >/dev/null
S grant u.clerk CPAS-SCALE payroll_clerk >/dev/null
echo "pw-revoked-2026" | S user add u.revoked --name "Revoked" --no-dossier --password-stdin >/dev/null
S grant u.revoked AC-SCALE time_manager >/dev/null

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
declare -A port=([1]="$(free_port)" [2]="$(free_port)")
# start_instance N: fiche-server serve on its port; the pid is the server's own (no shell in between).
start_instance() {
    local n=$1
    "$FICHE_SERVER" serve --database-url "$url" --host 127.0.0.1 --port "${port[$n]}" --trusted-proxy 127.0.0.1 \
        >>"$work/instance-$n.log" 2>&1 &
    instance_pid[$n]=$!
    for _ in $(seq 1 100); do
        curl -fsS "http://127.0.0.1:${port[$n]}/ready" >/dev/null 2>&1 && return 0
        kill -0 "${instance_pid[$n]}" 2>/dev/null || break
        sleep 0.1
    done
    echo "fiche-server instance $n did not start:"; tail -n 20 "$work/instance-$n.log"; exit 1
}
start_instance 1
start_instance 2

nginx_port=$(free_port)
mkdir -p "$web/temp"
cat >"$web/nginx.conf" <<EOF
worker_processes 1;
pid $web/nginx.pid;
error_log $web/error.log warn;
events { worker_connections 256; }
http {
    log_format upstream '\$status \$upstream_addr \$upstream_status \$request_method \$uri';
    access_log $web/access.log upstream;
    client_body_temp_path $web/temp/body;
    proxy_temp_path $web/temp/proxy;
    fastcgi_temp_path $web/temp/fastcgi;
    uwsgi_temp_path $web/temp/uwsgi;
    scgi_temp_path $web/temp/scgi;
    upstream fiche {
        server 127.0.0.1:${port[1]} max_fails=1 fail_timeout=1s;
        server 127.0.0.1:${port[2]} max_fails=1 fail_timeout=1s;
    }
    server {
        listen 127.0.0.1:$nginx_port;
        client_max_body_size 8m;
        location / {
            proxy_pass http://fiche;
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_connect_timeout 2s;
            proxy_next_upstream error timeout;
        }
    }
}
EOF
"$nginx_bin" -p "$web" -e "$web/error.log" -c "$web/nginx.conf" -g 'daemon off;' >"$web/stdout.log" 2>&1 &
nginx_pid=$!
base="http://127.0.0.1:$nginx_port"
for _ in $(seq 1 50); do curl -fsS "$base/health" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fsS "$base/health" >/dev/null || { echo "nginx does not answer:"; cat "$web/error.log" "$web/stdout.log"; exit 1; }

F() { local client=$1; shift; "$FICHE" "$@" --data-dir "$work/$client"; }
for client in "${clients[@]}"; do
    echo "pw-$client-2026" | F "$client" login --server "$base" --user "u.$client" --password-stdin >/dev/null
    F "$client" sync --once >/dev/null 2>>"$work/$client.sync.log"
done

# Each writer has its own dossiers (numbers 1-4, 5-8, 9-12) and its own days, so entries never overlap.
first_dossier() { case $1 in ac) echo 1 ;; cpas) echo 5 ;; both) echo 9 ;; *) echo 13 ;; esac; }
# client_loop CLIENT: until $work/stop exists, imports 1-3 absences (writers) and syncs once.
client_loop() {
    local client=$1 day=0 round=0 file rows
    RANDOM=$((seed + ${#client} * 7919 + $(first_dossier "$client")))
    while [ ! -e "$work/stop" ]; do
        round=$((round + 1))
        if [ "$client" != clerk ]; then
            file="$work/$client-$round.csv"
            rows=$((1 + RANDOM % 3))
            echo "dossier_number,type,from,to,unit,hours,certificate" >"$file"
            for r in $(seq 1 "$rows"); do
                day=$((day + 1))
                local dossier=$(( $(first_dossier "$client") + RANDOM % 4 )) employer=AC
                case $client in cpas) employer=CPAS ;; both) [ $((r % 2)) -eq 0 ] || employer=CPAS ;; esac
                echo "$employer-$(printf %04d "$dossier"),annual_leave,@$day,@$day,day,,no" >>"$file"
            done
            # Working days of 2027 from the 4th of January, five a week.
            python3 - "$file" <<'PY'
import datetime, re, sys
path = sys.argv[1]
def day(match):
    n = int(match.group(1))
    return (datetime.date(2027, 1, 4) + datetime.timedelta(days=7 * (n // 5) + n % 5)).isoformat()
text = open(path).read()
open(path, "w").write(re.sub(r"@(\d+)", day, text))
PY
            F "$client" import time-records "$file" >/dev/null 2>>"$work/import.log" || echo "$round" >>"$work/$client.import-failed"
        fi
        if F "$client" sync --once >/dev/null 2>>"$work/$client.sync.log"; then
            echo ok >>"$work/$client.syncs"
        else
            echo failed >>"$work/$client.syncs"
        fi
        sleep "0.$((RANDOM % 5))"
    done
}
for client in "${clients[@]}"; do
    client_loop "$client" &
    loop_pids+=($!)
done

# The revoked device: signed in directly on instance 1, served by both instances (each caches it).
revoked=$(curl -fsS -H 'Content-Type: application/json' \
    -d '{"login":"u.revoked","password":"pw-revoked-2026","device":"to-revoke"}' "http://127.0.0.1:${port[1]}/v1/auth/login")
revoked_token=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["access_token"])' "$revoked")
revoked_device=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["device_id"])' "$revoked")

kills=0
deadline=$((SECONDS + seconds))
victim=$((1 + RANDOM % 2))
while [ "$SECONDS" -lt "$deadline" ]; do
    sleep "$kill_every"
    kill -9 "${instance_pid[$victim]}" 2>/dev/null || true
    wait "${instance_pid[$victim]}" 2>/dev/null || true
    kills=$((kills + 1))
    sleep "0.$((RANDOM % 10))"
    start_instance "$victim"
    victim=$((3 - victim))
done
touch "$work/stop"
for pid in "${loop_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
loop_pids=()

status=0
fail() { echo "FAILED: $*"; status=1; }

# The revoked device: 200 on both instances, revoked with the CLI, then 401 on both at once.
pull_on() { curl -s -o "$work/pull.json" -w '%{http_code}' -H "Authorization: Bearer $revoked_token" \
    "http://127.0.0.1:${port[$1]}/v1/sync/pull?cursor=0"; }
for n in 1 2; do
    for _ in 1 2; do code=$(pull_on "$n"); done
    [ "$code" = 200 ] || fail "the device to revoke got $code from instance $n before its revocation"
done
S device revoke "$revoked_device" >/dev/null
for n in 1 2; do
    code=$(pull_on "$n")
    if [ "$code" = 401 ] && grep -q '"device_revoked"' "$work/pull.json"; then
        echo "   revoked device: 401 device_revoked at its next request on instance $n"
    else
        fail "the revoked device got $code from instance $n: $(head -c 200 "$work/pull.json")"
    fi
done

# Faults healed: every client syncs until nothing waits, then once more each (a client that
# emptied its outbox early has not yet seen what the others pushed after it).
for client in "${clients[@]}"; do
    for _ in $(seq 1 10); do
        F "$client" sync --once >/dev/null 2>&1 || true
        F "$client" sync --status --lang en | grep -q '^pending: 0' && break
    done
done
fail_sync=""
for client in "${clients[@]}"; do
    F "$client" sync --once >/dev/null 2>&1 || fail_sync="$fail_sync u.$client"
done
[ -z "$fail_sync" ] || fail "the last sync failed for:$fail_sync"

# The change log: one row per sequence from the horizon to the head, no row version twice.
read -r head horizon < <(query "SELECT seq, horizon FROM sync_clock WHERE id = 1" | tr '|' ' ')
read -r logged lowest highest < <(query "SELECT count(*), COALESCE(min(seq), 0), COALESCE(max(seq), 0) FROM change_log" | tr '|' ' ')
missing=$((head - horizon - logged))
[ "$missing" -eq 0 ] && [ "$highest" -eq "$head" ] && { [ "$logged" -eq 0 ] || [ "$lowest" -eq $((horizon + 1)) ]; } ||
    fail "change log: $logged rows for sequences $((horizon + 1))..$head (lowest $lowest, highest $highest)"
doubled=$(query "SELECT count(*) FROM (SELECT 1 FROM change_log GROUP BY entity, entity_id, version HAVING count(*) > 1) d")
[ "$doubled" = 0 ] || fail "change log: $doubled row versions logged twice"
twice=$(query "SELECT count(*) FROM (SELECT uuid FROM mutations GROUP BY uuid HAVING count(*) > 1) d")
[ "$twice" = 0 ] || fail "$twice mutation uuids applied twice"
echo "   change log: sequences $((horizon + 1))..$head, $logged rows, no gap, no row version twice, no mutation applied twice"

total_made=0
for client in "${clients[@]}"; do
    replica=$(ls "$work/$client"/accounts/*/replica.sqlite)
    sqlite() { python3 -c 'import sqlite3, sys
for row in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]): print("|".join(str(v) for v in row))' "$replica" "$1"; }
    pending=$(sqlite "SELECT count(*) FROM outbox WHERE NOT EXISTS (SELECT 1 FROM mutation_result r WHERE r.mutation_id = outbox.id)")
    [ "$pending" = 0 ] || fail "u.$client still has $pending unsent entries"
    made=$(sqlite "SELECT count(*) FROM audit WHERE action = 'recordAbsence'")
    refused=$(sqlite "SELECT count(*) FROM mutation_result WHERE status <> 'applied'")
    [ "$refused" = 0 ] || fail "u.$client: $refused entries not applied: $(sqlite "SELECT status, reason FROM mutation_result WHERE status <> 'applied' LIMIT 3")"
    # Exactly once: each of the client's records once on the server.
    sqlite "SELECT target_id FROM audit WHERE action = 'recordAbsence' ORDER BY 1" >"$work/$client.made"
    ids=$(sed "s/.*/'&'/" "$work/$client.made" | paste -sd, -)
    [ -n "$ids" ] || ids="''"
    query "SELECT id FROM time_records WHERE id IN ($ids) AND deleted_at IS NULL ORDER BY 1" >"$work/$client.server"
    diff -q "$work/$client.made" "$work/$client.server" >/dev/null ||
        fail "u.$client: $(comm -23 "$work/$client.made" "$work/$client.server" | wc -l) entries missing on the server"
    # The replica equals the server for this user: same records, same versions.
    case $client in ac) scope="'AC-SCALE'" ;; cpas) scope="'CPAS-SCALE'" ;; *) scope="'AC-SCALE','CPAS-SCALE'" ;; esac
    query "SELECT id || ' ' || version FROM time_records WHERE employer_code IN ($scope) AND deleted_at IS NULL ORDER BY 1" >"$work/$client.expected"
    sqlite "SELECT id || ' ' || version FROM time_record ORDER BY 1" >"$work/$client.held"
    diff -q "$work/$client.expected" "$work/$client.held" >/dev/null ||
        fail "u.$client: replica differs from the server ($(diff "$work/$client.expected" "$work/$client.held" | grep -c '^[<>]') lines)"
    syncs=$(grep -c '^ok' "$work/$client.syncs" 2>/dev/null || true)
    failed_syncs=$(grep -c '^failed' "$work/$client.syncs" 2>/dev/null || true)
    total_made=$((total_made + made))
    echo "   u.$client: ${syncs:-0} syncs (${failed_syncs:-0} failed, tried again), $made entries made, all on the server once; replica = server ($(wc -l <"$work/$client.held") records)"
done
[ "$total_made" -gt 0 ] || { fail "no client could make an entry:"; head -n 10 "$work/import.log" 2>/dev/null || true; }

# Both instances served the clients, and what nginx saw.
requests=$(wc -l <"$web/access.log")
served_1=$(grep -c " 127.0.0.1:${port[1]}" "$web/access.log" || true)
served_2=$(grep -c " 127.0.0.1:${port[2]}" "$web/access.log" || true)
bad_gateway=$(awk '$1 == 502' "$web/access.log" | wc -l)
server_errors=$(awk '$1 >= 500 && $1 != 502' "$web/access.log" | wc -l)
[ "$served_1" -gt 0 ] && [ "$served_2" -gt 0 ] || fail "nginx did not spread the requests: instance 1 $served_1, instance 2 $served_2"
[ "$server_errors" -eq 0 ] || fail "$server_errors answers 5xx other than 502: $(awk '$1 >= 500 && $1 != 502' "$web/access.log" | head -n 3 | paste -sd';' -)"
# No warning at start-up or later (PostgresNIO's "run() hasn't been called yet" was one).
starts=$(cat "$work"/instance-*.log | grep -c '"message":"starting"' || true)
read -r logged_requests not_json < <(python3 - "$work"/instance-*.log <<'PY'
import json, sys
requests = bad = 0
for path in sys.argv[1:]:
    for line in open(path, encoding="utf-8", errors="replace"):
        try:
            record = json.loads(line)
        except ValueError:
            bad += 1
            continue
        if record.get("message") == "request" and record.get("request_id"):
            requests += 1
print(requests, bad)
PY
)
[ "$not_json" = 0 ] || fail "$not_json lines of the instances' logs are not JSON"
warnings=$(grep -hE '"level":"(warning|error|critical)"' "$work"/instance-*.log | grep -v '"message":"request failed"' || true)
[ -z "$warnings" ] || fail "the instances logged warnings: $(head -n 3 <<<"$warnings")"
echo "   instance starts: $starts, no warning logged; every log line JSON, $logged_requests request lines with their id"
if grep -q 'request failed' "$work"/instance-*.log; then
    fail "an instance logged failed requests: $(grep -h 'request failed' "$work"/instance-*.log | head -n 3)"
fi
echo "   requests through nginx: $requests (instance 1 tried $served_1, instance 2 $served_2; $bad_gateway answered 502 while an instance was down)"
echo "   kills: $kills (kill -9, every ${kill_every}s, restarted at once); entries made: $total_made; replicas checked: ${#clients[@]}"
if [ "$status" -eq 0 ]; then
    echo "scale-out: no gap, nothing lost or doubled, every replica equal to the server, the revoked device refused on both instances"
else
    echo "scale-out: FAILED (replay with SCALE_SEED=$seed)"
    tail -n 10 "$work"/instance-*.log
fi
exit "$status"

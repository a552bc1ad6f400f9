#!/usr/bin/env bash
# Loads fiche-server (release build, PostgreSQL) with wrk on loopback, next to nginx serving the
# same JSON as a static file (the limit of HTTP on this machine). Results: docs/BENCHMARKS.md.
#
#   bench/server/run.sh                       # about 2 minutes after the build
#   BENCH_DURATION=30s BENCH_CONNECTIONS=128 bench/server/run.sh
#   FICHE_SERVER=path/to/fiche-server bench/server/run.sh   # skip the release build
#
# Measures, each for BENCH_DURATION with wrk -t2 -c64 --timeout 10s --latency:
#   nginx static      the captured empty-pull body as a file
#   pull, empty       GET /v1/sync/pull with the cursor at the head
#   pull, 100         GET /v1/sync/pull with the cursor 100 changes behind the head
#   push, 1 absence   POST /v1/sync/push, one recordAbsence per request, each a new mutation
#                     (push.lua: one device per request in flight, ids in order), after 3 s
#                     of the same pushes not counted (the warm-up, as the empty pull has one)
# then the pulls and the push again through nginx as a reverse proxy (round robin, keep-alive to
# the upstreams, --trusted-proxy 127.0.0.1), first over the one instance, then over two
# instances on the same database (BENCH_PROXY=0 skips these runs). Each run also reports the
# processor time the serving side (the fiche-server instances, nginx) and PostgreSQL used per
# request.
# Everything runs on loopback (the device logins use 127.0.0.2-5 as source addresses, as several
# offices would); the servers and nginx are stopped on every exit path and the
# fiche_bench database is dropped and recreated on each run.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

duration=${BENCH_DURATION:-10s}
threads=${BENCH_THREADS:-2}
connections=${BENCH_CONNECTIONS:-64}
dossiers=${BENCH_DOSSIERS:-2000}
database=${BENCH_DATABASE:-fiche_bench}
database_url="postgres://fiche:fiche@127.0.0.1:5432/$database"
proxy_runs=${BENCH_PROXY:-1}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v pg_lsclusters >/dev/null 2>&1 || missing+=(postgresql)
if [ "${#missing[@]}" -gt 0 ]; then
    echo "== installing ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

if [ -z "${FICHE_SERVER:-}" ]; then
    echo "== swift build -c release --product fiche-server"
    swift build -c release --product fiche-server
    FICHE_SERVER="$(swift build -c release --show-bin-path)/fiche-server"
fi
[ -x "$FICHE_SERVER" ] || { echo "no fiche-server at $FICHE_SERVER"; exit 1; }

# PostgreSQL: the packaged cluster (as in .ci/run), the fiche role, a fresh fiche_bench database.
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$version main"; then
    as_root pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main status >/dev/null 2>&1 || as_root pg_ctlcluster "$version" main start
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
as_root su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname = 'fiche'\"" | grep -q 1 ||
    as_root su postgres -c "psql -qc \"CREATE ROLE fiche LOGIN PASSWORD 'fiche' SUPERUSER\""
as_root su postgres -c "dropdb --if-exists $database && createdb -O fiche $database"
psql_bench() { PGPASSWORD=fiche psql -h 127.0.0.1 -U fiche -d "$database" -tAc "$1"; }

work=$(mktemp -d)
chmod 755 "$work"
server_pid=""
second_pid=""
nginx_pid=""
stop() {
    local pid=$1
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
}
cleanup() {
    stop "$server_pid"
    stop "$second_pid"
    stop "$nginx_pid"
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
json() { python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"; }

echo "== seeding $database ($dossiers dossiers)"
S() { "$FICHE_SERVER" "$@" --database-url "$database_url"; }
S seed-demo --dossiers "$dossiers" >/dev/null
psql_bench "SELECT id FROM dossiers WHERE employer_code = 'CPAS-IXL' ORDER BY id" >"$work/dossiers.txt"

port=$(free_port)
base="http://127.0.0.1:$port"
# serve PORT LOG VARIABLE: a fiche-server serving the bench database on PORT, its pid in
# VARIABLE at once (so the cleanup stops it even when it does not answer), back when it answers.
serve() {
    "$FICHE_SERVER" serve --database-url "$database_url" --host 127.0.0.1 --port "$1" --trusted-proxy 127.0.0.1 >"$2" 2>&1 &
    local pid=$!
    printf -v "$3" '%s' "$pid"
    for _ in $(seq 1 100); do
        curl -fsS "http://127.0.0.1:$1/health" >/dev/null 2>&1 && return 0
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    echo "fiche-server did not start:" >&2; cat "$2" >&2; return 1
}
serve "$port" "$work/server.log" server_pid

# login SOURCE_ADDRESS DEVICE_NAME → access token of a new device of time-manager (CPAS time manager).
login() {
    curl -fsS --interface "$1" -H 'Content-Type: application/json' \
        -d "{\"login\":\"time-manager\",\"password\":\"demo-password\",\"device\":\"$2\"}" "$base/v1/auth/login" |
        json 'd["access_token"]'
}
# push_devices → the push devices for push.lua: token, tab, the last mutation id the server
# holds for it (devices.txt says which device each token is).
push_devices() {
    psql_bench "SELECT name || ' ' || last_mutation_id FROM devices WHERE name LIKE 'bench-push-%'" >"$work/last-ids.txt"
    python3 - "$work/devices.txt" "$work/last-ids.txt" <<'PY'
import sys
last = dict(line.split() for line in open(sys.argv[2]) if line.strip())
for n, token in enumerate(line.strip() for line in open(sys.argv[1]) if line.strip()):
    print(f"{token}\t{last.get(f'bench-push-{n + 1}', '0')}")
PY
}

# 150 absences pushed by a setup device, so the head has at least 100 changes the puller sees.
echo "== 150 changes"
setup_token=$(login 127.0.0.1 bench-setup)
for batch in 0 1; do
    python3 - "$work/dossiers.txt" "$batch" >"$work/setup-push.json" <<'PY'
import datetime, json, sys
dossiers = [line.strip() for line in open(sys.argv[1]) if line.strip()]
batch = int(sys.argv[2])
# From Tuesday 4 January 2028: Monday the 3rd replaces New Year's Day (a Saturday), a holiday.
first = datetime.date(2028, 1, 4)
mutations = []
for n in range(batch * 100, min(batch * 100 + 100, 150)):
    day = first + datetime.timedelta(days=(n // len(dossiers)) // 5 * 7 + (n // len(dossiers)) % 5)
    mutations.append({"id": n + 1, "uuid": f"setup-{n + 1}", "mutation": {"name": "recordAbsence", "payload": {
        "record_id": f"setup-{n + 1}", "dossier_id": dossiers[n % len(dossiers)], "kind": "absence",
        "type": "annual_leave", "start": day.isoformat(), "end": day.isoformat(), "day_part": "full"}}})
print(json.dumps({"mutations": mutations}))
PY
    curl -fsS -H "Authorization: Bearer $setup_token" -H 'Content-Type: application/json' \
        --data-binary @"$work/setup-push.json" "$base/v1/sync/push" >"$work/setup-result.json"
    applied=$(json 'sum(1 for r in d["results"] if r["status"] == "applied")' <"$work/setup-result.json")
    echo "   batch $batch: $applied applied"
    [ "$applied" -gt 0 ] || { echo "the setup pushes were not applied:"; head -c 600 "$work/setup-result.json"; echo; exit 1; }
done

pull_token=$(login 127.0.0.1 bench-pull)
head=$(psql_bench "SELECT seq FROM sync_clock WHERE id = 1")
behind=$((head - 100))
curl -fsS -H "Authorization: Bearer $pull_token" "$base/v1/sync/pull?cursor=$head" >"$work/empty.json"
curl -fsS -H "Authorization: Bearer $pull_token" "$base/v1/sync/pull?cursor=$behind" >"$work/pull100.json"
empty_changes=$(json 'len(d["changes"])' <"$work/empty.json")
behind_changes=$(json 'len(d["changes"])' <"$work/pull100.json")
[ "$empty_changes" -eq 0 ] || { echo "the pull at the head returned $empty_changes changes"; exit 1; }
[ "$behind_changes" -eq 100 ] || { echo "the pull 100 behind returned $behind_changes changes"; exit 1; }
echo "== head $head: empty pull $(wc -c <"$work/empty.json") bytes, 100-change pull $(wc -c <"$work/pull100.json") bytes"

# Devices for the push run: more per wrk thread than connections, logged in from several
# loopback source addresses (successful logins do not count against an address).
device_count=$((connections + connections / 2))
echo "== logging in $device_count push devices"
: >"$work/devices.txt"
for n in $(seq 1 "$device_count"); do
    login "127.0.0.$((2 + n / 25))" "bench-push-$n" >>"$work/devices.txt"
done

# A second instance on the same database, idle until the runs through nginx.
second_port=$(free_port)
if [ "$proxy_runs" = 1 ]; then
    serve "$second_port" "$work/second.log" second_pid
fi

# nginx: the two captured bodies as static files, on another loopback port; and a reverse
# proxy to the one instance, and one to both (round robin), on two more.
mkdir -p "$work/static" "$work/nginx"
cp "$work/empty.json" "$work/static/empty.json"
cp "$work/pull100.json" "$work/static/pull100.json"
chmod -R a+rX "$work/static"
nginx_port=$(free_port)
one_port=$(free_port)
two_port=$(free_port)
proxy_location="location / {
            proxy_http_version 1.1;
            proxy_set_header Connection \"\";
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_next_upstream error timeout;"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    types { application/json json; }
    server {
        listen 127.0.0.1:$nginx_port;
        root $work/static;
    }
    upstream one { server 127.0.0.1:$port; keepalive 64; }
    upstream two { server 127.0.0.1:$port; server 127.0.0.1:$second_port; keepalive 64; }
    server {
        listen 127.0.0.1:$one_port;
        client_max_body_size 8m;
        $proxy_location
            proxy_pass http://one;
        }
    }
    server {
        listen 127.0.0.1:$two_port;
        client_max_body_size 8m;
        $proxy_location
            proxy_pass http://two;
        }
    }
}
EOF
"$nginx_bin" -c "$work/nginx/nginx.conf" -g 'daemon off;' >"$work/nginx/stdout.log" 2>&1 &
nginx_pid=$!
for _ in $(seq 1 50); do curl -fsS "http://127.0.0.1:$nginx_port/empty.json" >/dev/null 2>&1 && break; sleep 0.1; done
cmp -s <(curl -fsS "http://127.0.0.1:$nginx_port/empty.json") "$work/empty.json" || { echo "nginx does not serve the body"; exit 1; }

# settle_head → the head of the change log once it stays there: pushes wrk gave up on at its
# deadline still commit after it stops.
settle_head() {
    local head now
    head=$(psql_bench "SELECT seq FROM sync_clock WHERE id = 1")
    for _ in $(seq 1 20); do
        sleep 0.5
        now=$(psql_bench "SELECT seq FROM sync_clock WHERE id = 1")
        [ "$now" = "$head" ] && break
        head=$now
    done
    echo "$head"
}

results="$work/results.tsv"
: >"$results"
load_before=$(uptime | sed 's/.*load average: //')
# ticks_of PID… → the processor time (user and system, in clock ticks) these processes used so
# far: fields 14 and 15 of /proc/PID/stat, counted after the command's closing parenthesis.
ticks_of() {
    local total=0 pid
    for pid in "$@"; do
        [ -n "$pid" ] && [ -r "/proc/$pid/stat" ] || continue
        total=$((total + $(sed 's/.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')))
    done
    echo "$total"
}
# serving_ticks → that of the serving side: the fiche-server instances, nginx and its workers.
# Only the one a run loads moves, so the difference over a run is what its requests cost, a
# figure that varies far less from one run to the next than the requests a second on a shared
# machine.
serving_ticks() {
    ticks_of "$server_pid" "$second_pid" "$nginx_pid" $([ -z "$nginx_pid" ] || pgrep -P "$nginx_pid" || true)
}
# database_ticks → that of every PostgreSQL process (the pool's connections stay open through
# a run, so none of the time it used leaves with its process).
database_ticks() { ticks_of $(pgrep -u postgres postgres || true); }
clock_ticks=$(getconf CLK_TCK)
# per_request TICKS REQUESTS → the processor time of one request, e.g. "97 µs".
per_request() { python3 -c "print(f'{$1 * 1e6 / $clock_ticks / max($2, 1):.0f} µs')"; }

# run NAME WRK-ARGUMENTS… → wrk's report, and a row in results.tsv.
run() {
    local name=$1
    shift
    echo
    echo "== $name: wrk -t$threads -c$connections -d$duration --timeout 10s --latency $*"
    local ticks_before ticks_after database_before database_after
    ticks_before=$(serving_ticks)
    database_before=$(database_ticks)
    wrk -t"$threads" -c"$connections" -d"$duration" --timeout 10s --latency "$@" | tee "$work/wrk.txt"
    ticks_after=$(serving_ticks)
    database_after=$(database_ticks)
    local rps p50 p99 non2xx errors
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$work/wrk.txt")
    errors=$(awk '/Socket errors:/ {sub(/.*Socket errors: /, ""); print}' "$work/wrk.txt")
    local requests cpu database_cpu
    requests=$(awk '/ requests in / {print $1}' "$work/wrk.txt")
    cpu=$(per_request $((ticks_after - ticks_before)) "$requests")
    database_cpu=$(per_request $((database_after - database_before)) "$requests")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "$p50" "$p99" "${non2xx:-0}" "${errors:-none}" "$cpu" "$database_cpu" >>"$results"
}

auth="Authorization: Bearer $pull_token"
echo "== warm-up (3 s, not counted)"
wrk -t"$threads" -c"$connections" -d3s -H "$auth" "$base/v1/sync/pull?cursor=$head" >/dev/null
run "nginx static, empty-pull body" "http://127.0.0.1:$nginx_port/empty.json"
run "nginx static, 100-change body" "http://127.0.0.1:$nginx_port/pull100.json"
run "pull, empty (cursor at head)" -H "$auth" "$base/v1/sync/pull?cursor=$head"
run "pull, 100 changes" -H "$auth" "$base/v1/sync/pull?cursor=$behind"
# The push's own warm-up (absences of 2031), as the empty pull had one: the first rounds of a
# new server and database fill the pool's connections' caches (every connection plans its
# statements and the foreign keys' checks the first time), tens of milliseconds a round that
# a server running for days does not pay.
echo "== warm-up of the push (3 s, not counted)"
push_devices >"$work/push-devices.txt"
BENCH_DEVICES="$work/push-devices.txt" BENCH_DOSSIERS="$work/dossiers.txt" BENCH_THREADS="$threads" BENCH_PUSH_YEAR=2031 \
    wrk -t"$threads" -c"$connections" -d3s --timeout 10s -s "$root/bench/server/push.lua" "$base/v1/sync/push" >/dev/null
settle_head >/dev/null
push_devices >"$work/push-devices.txt"
BENCH_DEVICES="$work/push-devices.txt" BENCH_DOSSIERS="$work/dossiers.txt" BENCH_THREADS="$threads" BENCH_PUSH_YEAR=2027 \
    run "push, 1 absence" -s "$root/bench/server/push.lua" "$base/v1/sync/push"
grep -q "^push results:" "$work/wrk.txt" || { echo "push.lua printed no results"; exit 1; }

if [ "$proxy_runs" = 1 ]; then
    # The same requests through nginx: over the one instance, then round robin over two.
    year=2029
    for upstream in "1 instance:$one_port" "2 instances:$two_port"; do
        label=${upstream%%:*}
        proxy="http://127.0.0.1:${upstream##*:}"
        # The pushes moved the head: the same two pulls from where it is now, once it stays
        # there (pushes wrk gave up on at its deadline still commit after it stops).
        head=$(settle_head)
        behind=$((head - 100))
        at_head=$(curl -fsS -H "$auth" "$proxy/v1/sync/pull?cursor=$head" | json 'len(d["changes"])')
        hundred=$(curl -fsS -H "$auth" "$proxy/v1/sync/pull?cursor=$behind" | json 'len(d["changes"])')
        [ "$at_head" -eq 0 ] && [ "$hundred" -eq 100 ] ||
            { echo "nginx to $label answered $at_head and $hundred changes instead of 0 and 100"; exit 1; }
        run "nginx → $label: pull, empty" -H "$auth" "$proxy/v1/sync/pull?cursor=$head"
        run "nginx → $label: pull, 100 changes" -H "$auth" "$proxy/v1/sync/pull?cursor=$behind"
        push_devices >"$work/push-devices.txt"
        BENCH_DEVICES="$work/push-devices.txt" BENCH_DOSSIERS="$work/dossiers.txt" BENCH_THREADS="$threads" BENCH_PUSH_YEAR=$year \
            run "nginx → $label: push, 1 absence" -s "$root/bench/server/push.lua" "$proxy/v1/sync/push"
        grep -q "^push results:" "$work/wrk.txt" || { echo "push.lua printed no results"; exit 1; }
        year=$((year + 1))
    done
    served_second=$(grep -c '"message":"request"' "$work/second.log" || true)
    echo "== the second instance answered $served_second requests"
fi

if grep -q 'request failed' "$work"/server.log "$work"/second.log 2>/dev/null; then
    echo "== the server logged failed requests:"
    grep -h 'request failed' "$work"/server.log "$work"/second.log 2>/dev/null | head -n 5
fi

echo
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average (1, 5, 15 min) $load_before before the runs, $(uptime | sed 's/.*load average: //') after"
echo "   fiche-server $FICHE_SERVER on PostgreSQL $version ($database, $dossiers dossiers), $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2), nginx $("$nginx_bin" -v 2>&1 | sed 's/.*nginx\///')"
echo
echo "| run | requests/s | p50 | p99 | non-2xx | socket errors | server CPU a request | PostgreSQL CPU a request |"
echo "|---|---:|---:|---:|---:|---|---:|---:|"
awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8}' "$results"
nginx_rps=$(awk -F'\t' 'NR == 1 {print $2}' "$results")
pull_rps=$(awk -F'\t' '$1 ~ /^pull, empty/ {print $2}' "$results")
python3 -c "print(f'empty pull / nginx static: {100 * $pull_rps / $nginx_rps:.1f} % (goal >= 25 %)')"

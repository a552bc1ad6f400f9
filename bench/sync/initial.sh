#!/usr/bin/env bash
# Times a replica's initial sync from fiche-server on PostgreSQL (release builds), next to the
# plainest copy of the same rows: psql \copy … to stdout piped into sqlite3 .import. Then
# times the pull of 100 changes into that replica. Results: docs/BENCHMARKS.md ("Sync").
#
#   bench/sync/initial.sh                                   # 100,000 dossiers (about 50 time records each)
#   BENCH_DOSSIERS=20000 bench/sync/initial.sh              # a quicker run
#   FICHE_SERVER=… FICHE=… bench/sync/initial.sh            # skip the release builds
#   BENCH_REUSE=1 bench/sync/initial.sh                     # keep an already seeded database
#
# Steps, all on 127.0.0.1:
#   1. a fresh fiche_bench_sync database (with BENCH_REUSE=1, one that exists is used as it is), `fiche-server seed-demo --dossiers N` (the `fiche demo`
#      world: dossiers, careers, art. 60 files and about 50 time records per dossier), then
#      BENCH_RECORDS (default 0) more time records per dossier inserted with one SQL statement;
#      the server is started on a free port.
#   2. `fiche login` as `supervisor` (both employers, every dossier and time record), then
#      `fiche sync --once`, timed: the whole copy (snapshot pages, replica writes, the list and
#      search index built at the end), from process start to exit. The last page (a few rows)
#      is written with the end of the copy (indexes, working view, list and search index): the
#      time from the progress line before it to the end is shown as "last page and end of copy".
#   3. the peer: psql \copy of the same columns of the same rows to stdout, into sqlite3
#      .import (CSV) of two bare tables in a new file, timed as one pipeline per table.
#   4. five rounds of: `fiche sync --once` with nothing to pull, timed; 100 absences pushed by
#      time-manager; `fiche sync --once` for the supervisor again, timed. The difference is the
#      100-change pull; the median of the five is reported (one process start is ±20 ms).
set -euo pipefail
cd "$(dirname "$0")/../.."

dossiers=${BENCH_DOSSIERS:-100000}
records=${BENCH_RECORDS:-0}
database=${BENCH_DATABASE:-fiche_bench_sync}
database_url="postgres://fiche:fiche@127.0.0.1:5432/$database"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
for tool in curl sqlite3 psql python3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$tool is missing"; exit 1; }
done

if [ -z "${FICHE_SERVER:-}" ] || [ -z "${FICHE:-}" ]; then
    echo "== swift build -c release --product fiche-server / fiche"
    swift build -c release --product fiche-server
    swift build -c release --product fiche
    bin="$(swift build -c release --show-bin-path)"
    FICHE_SERVER=${FICHE_SERVER:-$bin/fiche-server}
    FICHE=${FICHE:-$bin/fiche}
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
pg_ctlcluster "$version" main status >/dev/null 2>&1 || as_root pg_ctlcluster "$version" main start
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
as_root su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname = 'fiche'\"" | grep -q 1 ||
    as_root su postgres -c "psql -qc \"CREATE ROLE fiche LOGIN PASSWORD 'fiche' SUPERUSER\""
psql_bench() { PGPASSWORD=fiche psql -h 127.0.0.1 -U fiche -d "$database" -v ON_ERROR_STOP=1 -qtA "$@"; }
reuse=""
if [ "${BENCH_REUSE:-0}" = 1 ] && psql_bench -c "SELECT 1 FROM dossiers LIMIT 1" 2>/dev/null | grep -q 1; then
    reuse=1
else
    as_root su postgres -c "dropdb --if-exists $database && createdb -O fiche $database"
fi

work=$(mktemp -d)
server_pid=""
cleanup() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
now() { date +%s.%N; }
seconds() { python3 -c "print(f'{$2 - $1:.3f}')"; }

if [ -n "$reuse" ]; then
    echo "== reusing $database as seeded (BENCH_DOSSIERS and BENCH_RECORDS do not apply)"
    # The absences an earlier run pushed (step 4) go, so every run copies the same rows.
    psql_bench -c "DELETE FROM time_records WHERE id LIKE 'bench-%'"
else
echo "== seeding $database: $dossiers dossiers, $records time records each"
started=$(now)
"$FICHE_SERVER" seed-demo --dossiers "$dossiers" --database-url "$database_url" >/dev/null
psql_bench -c "
    INSERT INTO time_records (id, employer_code, dossier_id, kind, type_code, start_date, end_date, day_part,
                              start_minute, end_minute, minutes, certificate_received, status, entered_by, version)
    SELECT d.id || '-tr' || n, d.employer_code, d.id, 'absence', 'annual_leave',
           to_char(DATE '2026-01-05' + n * 7, 'YYYY-MM-DD'), to_char(DATE '2026-01-05' + n * 7, 'YYYY-MM-DD'), 'full',
           NULL, NULL, NULL, '0', 'validated', 'seed', (SELECT seq FROM sync_clock WHERE id = 1)
    FROM dossiers d CROSS JOIN generate_series(1, $records) AS n;
    ANALYZE;"
echo "   seeded in $(seconds "$started" "$(now)") s"
fi
dossier_rows=$(psql_bench -c "SELECT count(*) FROM dossiers WHERE deleted_at IS NULL")
record_rows=$(psql_bench -c "SELECT count(*) FROM time_records WHERE deleted_at IS NULL")

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
"$FICHE_SERVER" serve --database-url "$database_url" --host 127.0.0.1 --port "$port" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do curl -fsS "$base/health" >/dev/null 2>&1 && break; sleep 0.1; done

load_before=$(uptime | sed 's/.*load average: //')
client="$work/client"
echo demo-password | "$FICHE" login --server "$base" --user supervisor --password-stdin --device bench --data-dir "$client" >/dev/null
echo "== initial sync: fiche sync --once (supervisor: $dossier_rows dossiers + $record_rows time records)"
started=$(now)
# The progress bar (standard error, one "\r" line per page) is stamped as it comes.
"$FICHE" sync --once --data-dir "$client" 2> >(python3 -c '
import sys, time
for chunk in iter(lambda: sys.stdin.buffer.raw.read(65536), b""):
    print(time.time(), chunk.count(b"\r"), flush=True)' >"$work/progress.txt")
initial=$(seconds "$started" "$(now)")
sleep 0.2
finish=$(python3 -c "
import sys
stamps = [float(line.split()[0]) for line in open('$work/progress.txt') if int(line.split()[1]) > 0]
print(f'{$started + $initial - stamps[-2]:.2f}' if len(stamps) > 1 else '?')")
replica=$(find "$client" -name replica.sqlite | head -n 1)
# One dossier row on the server is two replica rows (person and dossier): count what was written.
replica_rows=$(sqlite3 "$replica" "SELECT (SELECT count(*) FROM person) + (SELECT count(*) FROM dossier) + (SELECT count(*) FROM time_record)")
listed=$(sqlite3 "$replica" "SELECT count(*) FROM dossier_list")
server_rows=$((dossier_rows + record_rows))
echo "   $initial s; $replica_rows replica rows ($listed in the list) from $server_rows server rows"
echo "   last page and end of copy (indexes, working view, list and search index): $finish s"

echo "== peer: psql \\copy … to stdout | sqlite3 .import"
peer_db="$work/peer.sqlite"
sqlite3 "$peer_db" "PRAGMA journal_mode = WAL;
    CREATE TABLE dossiers (id TEXT PRIMARY KEY, employer_code TEXT, number TEXT, niss TEXT, last_name TEXT, first_name TEXT,
        birth_date TEXT, sex TEXT, language TEXT, address TEXT, iban TEXT, category TEXT, grade TEXT, regime_percent TEXT,
        start_date TEXT, status TEXT, payroll_clerk TEXT, version INTEGER);
    CREATE TABLE time_records (id TEXT PRIMARY KEY, employer_code TEXT, dossier_id TEXT, kind TEXT, type_code TEXT,
        start_date TEXT, end_date TEXT, day_part TEXT, start_minute TEXT, end_minute TEXT, minutes TEXT,
        certificate_received TEXT, status TEXT, entered_by TEXT, version INTEGER);" >/dev/null
started=$(now)
psql_bench -c "\\copy (SELECT id, employer_code, number, niss, last_name, first_name, birth_date, sex, language, address, iban, category, grade, regime_percent, start_date, status, payroll_clerk, version FROM dossiers WHERE deleted_at IS NULL ORDER BY id) TO STDOUT WITH CSV" |
    sqlite3 "$peer_db" ".import --csv /dev/stdin dossiers"
psql_bench -c "\\copy (SELECT id, employer_code, dossier_id, kind, type_code, start_date, end_date, day_part, start_minute, end_minute, minutes, certificate_received, status, entered_by, version FROM time_records WHERE deleted_at IS NULL ORDER BY id) TO STDOUT WITH CSV" |
    sqlite3 "$peer_db" ".import --csv /dev/stdin time_records"
peer=$(seconds "$started" "$(now)")
peer_rows=$(sqlite3 "$peer_db" "SELECT (SELECT count(*) FROM dossiers) + (SELECT count(*) FROM time_records)")
echo "   $peer s; $peer_rows rows"

echo "== incremental, 5 rounds: fiche sync --once with nothing to pull, 100 absences pushed by time-manager, fiche sync --once"
token=$(curl -fsS -H 'Content-Type: application/json' \
    -d '{"login":"time-manager","password":"demo-password","device":"bench-push"}' "$base/v1/auth/login" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')
psql_bench -c "SELECT id FROM dossiers WHERE employer_code = 'CPAS-IXL' ORDER BY id LIMIT 100" >"$work/cpas.txt"
: >"$work/incremental.txt"
for round in 1 2 3 4 5; do
    # A sync with nothing to pull first (the process, opening and checking the replica, push, pull).
    started=$(now)
    "$FICHE" sync --once --data-dir "$client" >/dev/null 2>&1
    idle=$(seconds "$started" "$(now)")
    # Ids unique to this run and round, a day of their own, so a reused database takes them again.
    python3 - "$work/cpas.txt" "$(date +%s)-$round" "$round" >"$work/push.json" <<'PY'
import datetime, json, sys
dossiers = [line.strip() for line in open(sys.argv[1]) if line.strip()]
run, round = sys.argv[2], int(sys.argv[3])
day = (datetime.date(2028, 1, 4) + datetime.timedelta(days=7 * round)).isoformat()
print(json.dumps({"mutations": [{"id": 100 * (round - 1) + n + 1, "uuid": f"bench-{run}-{n + 1}", "mutation": {"name": "recordAbsence", "payload": {
    "record_id": f"bench-{run}-{n + 1}", "dossier_id": dossiers[n], "kind": "absence", "type": "annual_leave",
    "start": day, "end": day, "day_part": "full"}}} for n in range(100)]}))
PY
    applied=$(curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data-binary @"$work/push.json" \
        "$base/v1/sync/push" | python3 -c 'import json, sys; print(sum(r["status"] == "applied" for r in json.load(sys.stdin)["results"]))')
    started=$(now)
    summary=$("$FICHE" sync --once --data-dir "$client" 2>/dev/null | head -n 1)
    incremental=$(seconds "$started" "$(now)")
    echo "   round $round: $applied applied; idle sync $idle s, sync with 100 changes $incremental s ($summary)"
    echo "$idle $incremental" >>"$work/incremental.txt"
done

echo
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $load_before before, $(uptime | sed 's/.*load average: //') after"
python3 - <<PY
rows, initial, peer, peer_rows = $replica_rows, $initial, $peer, $peer_rows
server_rows = $server_rows
print(f"| initial sync (fiche sync --once) | {initial:.1f} s | {server_rows / initial:,.0f} server rows/s | {rows / initial:,.0f} replica rows/s |")
print(f"| psql \\\\copy → sqlite3 .import | {peer:.1f} s | {peer_rows / peer:,.0f} rows/s | |")
print(f"| ratio | {initial / peer:.2f} (goal <= 3) | | |")
rounds = [tuple(map(float, line.split())) for line in open("$work/incremental.txt")]
differences = sorted((changed - idle) * 1000 for idle, changed in rounds)
idles = sorted(idle for idle, _ in rounds)
print(f"| 100-change pull | median {differences[len(differences) // 2]:.0f} ms over an idle sync (median {idles[len(idles) // 2]:.2f} s); "
      f"rounds {', '.join(f'{d:.0f}' for d in differences)} ms | | |")
PY

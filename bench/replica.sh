#!/bin/sh
# Builds fiche-bench in release mode and measures the replica at a given scale.
#
#   bench/replica.sh                 # 100,000 dossiers, about 5 million time records
#   bench/replica.sh 10000           # a quick run
#   DATA_DIR=/tmp/fb bench/replica.sh  # keep the replica and reuse it on the next run
#
# Prints one JSON object per line (see docs/BENCHMARKS.md) and keeps a copy in
# bench/results/replica-<dossiers>-<date>.jsonl (not committed).
set -eu
cd "$(dirname "$0")/.."
dossiers="${1:-100000}"
swift build -c release --product fiche-bench >&2
mkdir -p bench/results
out="bench/results/replica-$dossiers-$(date -u +%Y%m%dT%H%M%SZ).jsonl"
if [ -n "${DATA_DIR:-}" ]; then
    .build/release/fiche-bench --dossiers "$dossiers" --data-dir "$DATA_DIR" | tee "$out"
else
    .build/release/fiche-bench --dossiers "$dossiers" | tee "$out"
fi
echo "saved in $out" >&2

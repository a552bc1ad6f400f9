#!/bin/sh
# Measures keystroke latency of the real fiche binary through a pseudo-terminal, and VisiData on
# the same dossiers as CSV, in the same run (see docs/BENCHMARKS.md, "Keystrokes").
#
#   bench/keys.sh                  # 100,000 dossiers, 5 runs
#   bench/keys.sh 10000 3          # a quick run
#   DATA_DIR=/tmp/fk bench/keys.sh # keep the replica and the CSV for the next run
#
# VisiData comes from PyPI (pip install visidata); without it only Fiche is measured.
set -eu
cd "$(dirname "$0")/.."
dossiers="${1:-100000}"
runs="${2:-5}"
swift build -c release --product fiche >&2
swift build -c release --product fiche-bench >&2
vd=$(command -v pyenv >/dev/null 2>&1 && pyenv which vd 2>/dev/null || command -v vd || true)
mkdir -p bench/results
out="bench/results/keys-$dossiers-$(date -u +%Y%m%dT%H%M%SZ).jsonl"
set -- keystrokes --fiche .build/release/fiche --dossiers "$dossiers" --repeat "$runs"
[ -n "$vd" ] && set -- "$@" --visidata "$vd"
[ -n "${DATA_DIR:-}" ] && set -- "$@" --data-dir "$DATA_DIR"
.build/release/fiche-bench "$@" | tee "$out"
echo "saved in $out" >&2

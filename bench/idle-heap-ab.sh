#!/usr/bin/env bash
# Builds side by side on bench/idle-heap.sh, alternating, so that they compare on a shared machine.
# Usage: [ROUNDS=2] [PORT=8401] bench/idle-heap-ab.sh SOCKETS OUTDIR WAR... ; prints each run's summary.
set -euo pipefail
cd "$(dirname "$0")/.."
n=$1; out=$2; shift 2
for round in $(seq 1 "${ROUNDS:-2}"); do
  for war in "$@"; do
    dir="$out/$(basename "$war" .war)-$round"
    bench/idle-heap.sh "$war" "$n" "$dir" --port "${PORT:-8401}" --db parley_bench_idle_ab > /dev/null
    echo "$(basename "$war") round $round: $(cat "$dir/summary" | tr '\n' ' ')"
  done
done

#!/usr/bin/env bash
# Two or more builds on one generator workload, alternating, in one run: what a change does on a
# shared machine, where only figures taken side by side compare. Each WAR is started as bench/run.sh
# starts Parley (fresh PostgreSQL database, CPU 0, one CPU), the generator (bench/Generator.java) runs
# on CPU 1 with the options given; the generator's JSON for each goes to OUT/<round>-<n>.json and a
# line per step is printed.
# Usage: WARS="a.war b.war" [ROUNDS=1] [PORT=8472] [DB=parley_bench_ab] [OUT=dir] bench/ab.sh WORKLOAD [generator options...]
#   e.g. WARS="main.war target/parley.war" bench/ab.sh feed --sockets 1000 --warmup-seconds 30 --rates 400,600 --half-rate 51
set -euo pipefail
cd "$(dirname "$0")/.."
workload=$1; shift
wars=${WARS:-target/parley.war}; rounds=${ROUNDS:-1}; port=${PORT:-8472}; db=${DB:-parley_bench_ab}
out=${OUT:-$(mktemp -d)}; mkdir -p "$out"
. bench/parley-server.sh
for round in $(seq 1 "$rounds"); do
  n=0
  for war in $wars; do
    n=$((n + 1))
    start_parley "$war"
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    taskset -c 1 java -XX:ActiveProcessorCount=1 -XX:+UseSerialGC bench/Generator.java --base "http://127.0.0.1:$port" \
      --pid "$server" --target parley --workload "$workload" --db "$db" "$@" > "$out/$round-$n.json" 2> "$data/generator.log" || true
    jq -r --arg war "$war" --arg load "$load" '(.steps[]? | [$war, .step, "offered", .offeredPerSec, "deliveries/s", .deliveriesPerSec,
        "p50", .p50Ms, "p99", .p99Ms, "cpu%", .serverCpuPct, "us/delivery", .serverCpuUsPerDelivery] | @tsv),
        ([$war, "lost", .deliveries.lost, "duplicates", .deliveries.duplicates, "load at start", $load] | @tsv)' "$out/$round-$n.json"
    stop
    rm -rf "$data"
  done
done
echo "JSON in $out"

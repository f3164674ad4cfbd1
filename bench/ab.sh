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
payara=target/payara-micro.jar
[ -f $payara ] || cp target/payara-micro-6.2025.10.jar $payara
ulimit -n "$(ulimit -Hn)"
server=""
stop() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; fi; }
trap stop EXIT
for round in $(seq 1 "$rounds"); do
  n=0
  for war in $wars; do
    n=$((n + 1))
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" 2>/dev/null
    data=$(mktemp -d)
    PARLEY_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db PARLEY_DB_USER=postgres PARLEY_DB_PASSWORD=trust-auth-ignores-it \
    PARLEY_DATA_DIR="$data" PARLEY_GUEST_ACCESS=true PARLEY_SOCKET_RATE_BURST=1000000 PARLEY_SOCKET_RATE_PER_SECOND=1000000 \
      taskset -c 0 java -XX:ActiveProcessorCount=1 -XX:+UseG1GC ${SERVER_JAVA_OPTS:-} -jar $payara --nohazelcast --port "$port" \
      --contextroot / --prebootcommandfile payara-config/pre-boot-commands.asadmin --deploy "$war" > "$data/server.log" 2>&1 &
    server=$!
    for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$port/health/ready" > /dev/null 2>&1 && break; sleep 1; done
    curl -fs -X POST "http://127.0.0.1:$port/api/auth/guest" -H 'Content-Type: application/json' -d '{"username":"probe"}' > /dev/null
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

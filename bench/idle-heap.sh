#!/usr/bin/env bash
# Live heap and resident memory per idle authenticated socket, as bench/run.sh's idle workload
# connects them, with class histograms (each runs a full GC) taken after the guest logins and
# again once all sockets are ready and idle; optionally a heap dump for the retaining paths.
#
# Usage: bench/idle-heap.sh WAR SOCKETS OUTDIR [--dump] [--port P] [--db NAME] [--jvm "options"] [--payara "options"]
# Parley runs as bench/run.sh's start_parley runs it (PostgreSQL, guest access on, CPU 0, one CPU,
# the same JVM options), the generator on CPU 1. Prints one line: live heap and RSS per socket.
set -euo pipefail
cd "$(dirname "$0")/.."
war=$(realpath "$1"); n=$2; out=$3; shift 3
dump=0; port=9591; db=parley_bench_idle; payara_options=""
jvm="-XX:+UseG1GC -XX:G1PeriodicGCInterval=5000 -XX:MaxHeapFreeRatio=20 -XX:MinHeapFreeRatio=5"
while [ $# -gt 0 ]; do
  case "$1" in
    --dump) dump=1 ;;
    --port) port=$2; shift ;;
    --db) db=$2; shift ;;
    --jvm) jvm=$2; shift ;;
    --payara) payara_options=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
payara=target/payara-micro.jar
[ -f $payara ] || { echo "no $payara (bench/run.sh fetches it)" >&2; exit 2; }
ulimit -n "$(ulimit -Hn)"
mkdir -p "$out"
server=""; gen=""
stop() {
  [ -n "$gen" ] && kill "$gen" 2>/dev/null || true
  [ -n "$server" ] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
}
trap stop EXIT
rss() { awk '/VmRSS/ {print $2}' /proc/"$server"/status; }
live() { # histogram file: total bytes
  tail -1 "$1" | awk '{print $3}'
}
histogram() { # name
  jcmd "$server" GC.class_histogram > "$out/$1.histo"
  sleep 2
  echo "$(live "$out/$1.histo") $(rss) $(awk '/^Threads/ {print $2}' /proc/"$server"/status)" > "$out/$1.sizes"
}

psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
rm -rf "$out/parley-data"; mkdir -p "$out/parley-data"
# shellcheck disable=SC2086
PARLEY_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db PARLEY_DB_USER=postgres PARLEY_DB_PASSWORD=trust-auth-ignores-it \
PARLEY_DATA_DIR="$out/parley-data" PARLEY_GUEST_ACCESS=true \
PARLEY_SOCKET_RATE_BURST=1000000 PARLEY_SOCKET_RATE_PER_SECOND=1000000 \
  taskset -c 0 java -XX:ActiveProcessorCount=1 $jvm -jar $payara --nohazelcast --port "$port" --contextroot / \
  --prebootcommandfile payara-config/pre-boot-commands.asadmin $payara_options \
  --deploy "$war" > "$out/parley.log" 2>&1 &
server=$!
for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$port/health/ready" > /dev/null 2>&1 && break; sleep 1; done
curl -fs -X POST "http://127.0.0.1:$port/api/auth/guest" -H 'Content-Type: application/json' -d '{"username":"probe"}' > /dev/null
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" > "$out/load"
# shellcheck disable=SC2086

taskset -c 1 java -XX:ActiveProcessorCount=1 -XX:+UseSerialGC bench/Generator.java --base "http://127.0.0.1:$port" \
  --pid "$server" --target parley --workload idle --db "$db" --sockets "$n" --pause-seconds 20 \
  --settle-seconds $((dump ? 90 : 30)) --connect-timeout 300 > "$out/generator.json" 2> "$out/generator.log" &
gen=$!
until grep -q 'guest logins' "$out/generator.log"; do sleep 0.5; kill -0 $gen || exit 1; done
sleep 3
histogram logged-in
until grep -q 'sockets ready' "$out/generator.log"; do sleep 1; kill -0 $gen || exit 1; done
sleep 8
histogram connected
[ $dump = 1 ] && jcmd "$server" GC.heap_dump "$out/heap.hprof" > /dev/null
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/load"
wait $gen || true; gen=""
read -r h0 r0 t0 < "$out/logged-in.sizes"; read -r h1 r1 t1 < "$out/connected.sizes"
ready=$(grep -o '[0-9]*/[0-9]* sockets ready' "$out/generator.log" | cut -d/ -f1)
awk -v h0="$h0" -v h1="$h1" -v r0="$r0" -v r1="$r1" -v n="$ready" -v out="$out" 'BEGIN {
  printf "%s: %d sockets ready; live heap %.1f KB/socket (%.1f -> %.1f MB), RSS %.1f KB/socket (%.1f -> %.1f MB)\n",
    out, n, (h1 - h0) / n / 1024, h0 / 1048576, h1 / 1048576, (r1 - r0) / n, r0 / 1024, r1 / 1024 }' | tee "$out/summary"
echo "  generator's RSS per socket (no forced GC): $(grep -o '"rssPerSocketKb":[0-9.]*' "$out/generator.json" | cut -d: -f2) KB; JVM threads $t0 -> $t1; $(cat "$out/load" | tr '\n' ' ')" | tee -a "$out/summary"

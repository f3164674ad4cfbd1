#!/usr/bin/env bash
# The benchmark of issue #5: Parley against a reference peer (Node's socket.io 4.8, bench/peer) on
# the same workloads, one after the other in one invocation: each server pinned to CPU 0 (the JVM
# told it has one CPU), the load generator (bench/Generator.java) pinned to CPU 1. Prints a table
# and writes bench/results/<timestamp>.json. Needs PostgreSQL at 127.0.0.1:5432 (user postgres, no
# password), Java 17, Node and npm; the peer's npm packages are installed here (npm ci).
#
# Usage: bench/run.sh [--quick] [--war path/to/parley.war] [--only ceiling|peer|parley|cluster] [--workloads feed,rooms,storm,idle] [--cluster]
#   --quick   smaller sizes and short steps (~3 min on a quiet machine) for development; the full run
#             takes ~15 min (longer while Parley's connects are slow: each phase has a time limit)
#   --war     the Parley build to measure (default target/parley.war, built if missing)
#   --cluster after the others, the feed workload once more against two clustered Parley nodes on one
#             database (Payara's Hazelcast on loopback), the sockets split between them, both nodes pinned
#             to the same CPU 0 as the single node was: CPU per delivery summed over both, and the latency
#             to sockets on the sender's node against the other's (the cross-node cost)
# First the generator's own ceiling: the feed ramp against bench/Blaster.java, a stub server that
# coalesces frames and costs far less than the generator, so that the generator's CPU limits that run.
#
# Parley's per-socket event limit (20 burst, 5/s) would throttle the senders and its guest signups per
# address (20 an hour) the idle workload's 10,000 logins, so both are raised for
# the run (PARLEY_SOCKET_RATE_BURST / PARLEY_SOCKET_RATE_PER_SECOND, PARLEY_SIGNUP_MAX_PER_ADDRESS).
set -euo pipefail
cd "$(dirname "$0")/.."
command="bench/run.sh $*"
quick=0; war=target/parley.war; targets="ceiling peer parley"; workloads="feed,rooms,storm,idle"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --war) war=$2; shift ;;
    --only) targets=$2; shift ;;
    --workloads) workloads=$2; shift ;;
    --cluster) targets="$targets cluster" ;;
    *) echo "unknown option $1 (see the usage at the top of bench/run.sh)" >&2; exit 2 ;;
  esac
  shift
done
ceiling_port=9189; peer_port=9190; parley_port=9191; node2_port=9192; grid_ports=(6951 6952); db=parley_bench
ulimit -Hn 200000 2>/dev/null || true
ulimit -n "$(ulimit -Hn)"

if [ "$war" = target/parley.war ] && [ ! -f "$war" ]; then ./mvnw -q -DskipTests package; fi
[ -f "$war" ] || { echo "no WAR at $war" >&2; exit 2; }
war=$(realpath "$war")
payara=target/payara-micro.jar
[ -f $payara ] || [ -f target/payara-micro-6.2025.10.jar ] || \
  ./mvnw -q dependency:copy -Dartifact=fish.payara.extras:payara-micro:6.2025.10 -DoutputDirectory=target
[ -f $payara ] || cp target/payara-micro-6.2025.10.jar $payara
(cd bench/peer && npm ci --no-audit --no-fund --loglevel=error > /dev/null)

if [ $quick = 1 ]; then
  feed="--sockets 1000 --senders 10 --warmup-seconds 5 --step-seconds 4 --rates 150,300,600"
  rooms="--rooms 10 --room-size 50 --warmup-seconds 3 --step-seconds 4 --rates 500"
  storm="--sockets 300"; idle="--sockets 1000 --settle-seconds 4"
  ceiling="--sockets 1000 --senders 10 --warmup-seconds 3 --step-seconds 3 --rates 400,800,1600"
else
  feed="--sockets 1000 --senders 10 --warmup-seconds 120 --warmup-rate 100 --step-seconds 10 --rates 150,200,300,400,600,800,1200"
  rooms="--rooms 20 --room-size 50 --warmup-seconds 10 --step-seconds 10 --rates 1000,2000"
  storm="--sockets 2000"; idle="--sockets 10000 --settle-seconds 8 --connect-timeout 300"
  ceiling="--sockets 1000 --senders 10 --warmup-seconds 5 --step-seconds 5 --rates 200,400,800,1200,1600,2400"
fi

stamp=$(date -u +%Y%m%dT%H%M%SZ)
work=$(mktemp -d)
mkdir -p bench/results
server=""
stop() { # every process of the server (two for the cluster)
  for p in $server; do kill "$p" 2>/dev/null || true; done
  for p in $server; do wait "$p" 2>/dev/null || true; done
  server=""
}
trap 'stop; rm -rf "$work"' EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }
wait_up() { # url, what[, pid]
  for _ in $(seq 1 240); do curl -fs "$1" > /dev/null 2>&1 && return 0; kill -0 "${3:-$server}" 2>/dev/null || break; sleep 1; done
  echo "$2 did not come up" >&2; return 1
}

start_ceiling() {
  taskset -c 0 java -XX:ActiveProcessorCount=1 bench/Blaster.java $ceiling_port > "$work/ceiling.log" 2>&1 &
  server=$!; port=$ceiling_port; bases=http://127.0.0.1:$port; dbopt=""
  wait_up http://127.0.0.1:$port/health "the stub server" || return 1
}
start_peer() {
  taskset -c 0 node bench/peer/server.js $peer_port > "$work/peer.log" 2>&1 &
  server=$!; port=$peer_port; bases=http://127.0.0.1:$port; dbopt=""
  wait_up http://127.0.0.1:$port/health peer || return 1
}
# The JVM options docs/operations.md recommends for resident memory: G1 gives back heap it no longer needs
# (a JVM told it has one CPU otherwise picks the serial collector and keeps all it has grown into).
parley_jvm="-XX:+UseG1GC -XX:G1PeriodicGCInterval=5000 -XX:MaxHeapFreeRatio=20 -XX:MinHeapFreeRatio=5"
fresh_db() { psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"; }
parley_node() { # HTTP port, log name, Payara Micro's cluster options...
  local http=$1 log=$2; shift 2
  mkdir -p "$work/$log-data"
  PARLEY_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db PARLEY_DB_USER=postgres PARLEY_DB_PASSWORD=trust-auth-ignores-it \
  PARLEY_DATA_DIR="$work/$log-data" PARLEY_GUEST_ACCESS=true PARLEY_SIGNUP_MAX_PER_ADDRESS=1000000 \
  PARLEY_SOCKET_RATE_BURST=1000000 PARLEY_SOCKET_RATE_PER_SECOND=1000000 \
    taskset -c 0 java -XX:ActiveProcessorCount=1 $parley_jvm -Dhazelcast.socket.bind.any=false \
      -Dhazelcast.heartbeat.interval.seconds=1 -Dhazelcast.max.no.heartbeat.seconds=15 -jar $payara "$@" --port "$http" \
    --contextroot / --prebootcommandfile payara-config/pre-boot-commands.asadmin --deploy "$war" > "$work/$log.log" 2>&1 &
}
probe() { # port
  curl -fs -X POST "http://127.0.0.1:$1/api/auth/guest" -H 'Content-Type: application/json' -d '{"username":"probe'"$1"'"}' > /dev/null \
    || { echo "Parley answers but guest login fails (see $work/*.log)" >&2; return 1; }
}
start_parley() {
  fresh_db
  parley_node $parley_port parley --nohazelcast
  server=$!; port=$parley_port; bases=http://127.0.0.1:$port; dbopt="--db $db"
  wait_up http://127.0.0.1:$port/health/ready Parley || return 1
  probe $port || return 1
}
start_cluster() { # two nodes, one database, Payara's Hazelcast on loopback with the members listed
  fresh_db
  local members="tcpip:127.0.0.1:${grid_ports[0]},127.0.0.1:${grid_ports[1]}" pids=""
  for i in 0 1; do
    local http=$([ $i = 0 ] && echo $parley_port || echo $node2_port)
    parley_node "$http" "node$((i + 1))" --clustername "parley-bench-$$" --interfaces 127.0.0.1 --clustermode "$members" \
      --startport "${grid_ports[$i]}"
    pids="$pids $!"
  done
  server=${pids# }; port=$parley_port; bases=http://127.0.0.1:$parley_port,http://127.0.0.1:$node2_port; dbopt="--db $db"
  wait_up http://127.0.0.1:$parley_port/health/ready "node 1" "${server%% *}" || return 1
  wait_up http://127.0.0.1:$node2_port/health/ready "node 2" "${server##* }" || return 1
  # Payara prints the data grid's state on every change of its members
  for _ in $(seq 1 60); do cat "$work"/node?.log | grep -q "DG Size: 2" && break; sleep 1; done
  cat "$work"/node?.log | grep -q "DG Size: 2" || { echo "the two nodes did not join one cluster (see $work/node1.log)" >&2; return 1; }
  probe $parley_port && probe $node2_port || return 1
}
generate() { # target workload options...
  local target=$1 workload=$2; shift 2
  echo "== $target: $workload (load average $(load))" >&2
  # shellcheck disable=SC2086
  taskset -c 1 java -XX:ActiveProcessorCount=1 -XX:+UseSerialGC bench/Generator.java --base "$bases" \
    --pid "${server// /,}" --target "$target" --workload "$workload" $dbopt "$@" > "$work/$target-$workload.json" \
    || echo "{\"workload\":\"$workload\",\"target\":\"$target\",\"error\":\"generator failed\"}" > "$work/$target-$workload.json"
}

started=$(date -u +%FT%TZ); load_start=$(load)
for target in $targets; do
  list=${workloads//,/ }
  if [ "$target" = ceiling ] || [ "$target" = cluster ]; then
    case ",$workloads," in *,feed,*) list=feed ;; *) continue ;; esac
  fi
  # A server that does not come up costs its own figures, not the whole run's.
  if ! "start_$target"; then echo "== $target: did not start; its figures are left out" >&2; stop; continue; fi
  for w in $list; do
    extra=()
    if [ "$w" = feed ] && { [ "$target" = parley ] || [ "$target" = cluster ]; } && [ -s "$work/peer-feed.json" ]; then
      # p99 is compared at half the peer's saturation rate: the same offered rate on both
      half=$(jq -r '.steps[] | select(.step == "half") | .offeredPerSec' "$work/peer-feed.json" 2>/dev/null || true)
      [ -n "$half" ] && extra=(--half-rate "$half")
    fi
    case $w in
      feed) if [ "$target" = ceiling ]; then generate ceiling feed $ceiling --half-rate 100; else generate "$target" feed $feed "${extra[@]}"; fi ;;
      rooms) generate "$target" rooms $rooms ;;
      storm) generate "$target" storm $storm ;;
      idle) generate "$target" idle $idle ;;
      *) echo "unknown workload $w" >&2; exit 2 ;;
    esac
  done
  stop
done

out="bench/results/$stamp.json"
node bench/report.js "$work" "$out" "$command" "$started" "$load_start" "$(load)" "$war" "$quick"
echo "written: $out"

#!/usr/bin/env bash
# The soak of issue #21: mixed traffic (sockets that stay and sockets that come and go over WebSocket,
# polling and upgrade, some closed before they are ready; posts in rooms and direct messages, edits,
# reactions, searches, password logins and logouts, long-polling clients, a slow reader) against Parley
# on PostgreSQL for MINUTES (30) minutes, with a sample at the start and every EVERY (3) minutes: heap
# after a full GC, threads, open files, parley_connected_sockets and parley_room_sockets against the
# sockets the soak has open, and the database's connections. The traffic and the rules for "grew" are
# src/test/java/dev/parley/bench/Soak.java (and SoakTraffic.java), the same code SoakIT runs for 3
# minutes; docs/performance.md "Soak" gives the margins and a run's figures. Exit status 1 if it grew.
# Parley is started as bench/parley-server.sh starts it (CPU 0, one CPU, G1), on its own port and a
# database of its own, made fresh and dropped at the end; the traffic runs on the other CPUs.
# Usage: [MINUTES=30] [EVERY=3] [WARMUP=3] [USERS=24] [PORT=8580] [DB=parley_soak] [WAR=target/parley.war] bench/soak.sh
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${MINUTES:-30}; every=${EVERY:-3}; warmup=${WARMUP:-3}; users=${USERS:-24}
port=${PORT:-8580}; db=${DB:-parley_soak}; war=${WAR:-target/parley.war}
[ -f "$war" ] || ./mvnw -q -o -DskipTests package
[ -f target/payara-micro.jar ] || [ -f target/payara-micro-6.2025.10.jar ] || \
  ./mvnw -q -o dependency:copy -Dartifact=fish.payara.extras:payara-micro:6.2025.10 -DoutputDirectory=target
./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/soak.classpath -Dmdep.includeScope=test > /dev/null
classpath="target/test-classes:target/classes:$(cat target/soak.classpath)"
# the users register from one address, past the default of 20 an hour
export PARLEY_SIGNUP_MAX_PER_ADDRESS=1000000
. bench/parley-server.sh
trap 'stop; psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" 2>/dev/null || true; rm -rf "${data:-}"' EXIT
start_parley "$war"
echo "soak: $minutes min against Parley (pid $server, port $port, database $db, log $data/server.log), load average $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
taskset -c 1-"$(($(nproc) - 1))" java -cp "$classpath" dev.parley.bench.Soak --base "http://127.0.0.1:$port" --db "$db" \
  --minutes "$minutes" --every "$every" --warmup "$warmup" --users "$users" || status=$?
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
grep -cE ' SEVERE | ERROR ' "$data/server.log" | sed 's/^/server log lines at SEVERE or ERROR: /' || true
exit $status

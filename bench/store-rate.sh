#!/usr/bin/env bash
# Messages stored per second with many concurrent senders, on PostgreSQL: each sender sends its next
# message as soon as the previous one's ack is back (acks come after the commit). Two targets: every
# sender on the feed (one room row locked by every post, plus fan-out to all senders), and each sender
# in a room of its own (storage alone). The per-socket event budget and the guest signups per address
# are raised for the measurement.
# Parley is pinned to CPU 0, the load generator (src/test/java/dev/parley/bench/StoreRate.java) to CPU 1.
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, no password), like the test suite.
# Usage: bench/store-rate.sh [seconds] [senders...]      (defaults 20, then 50 and 200 senders)
# WARS="old.war target/parley.war" measures each build in turn, in one run (default: target/parley.war);
# PORT and DB choose the server's port and database (defaults 9384, parley_bench_store_<port>).
# TEXTS="plain mention" also runs each with texts that mention another sender (default: plain).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}; shift || true; senders=${*:-50 200}; port=${PORT:-9384}; db=${DB:-parley_bench_store_$port}
wars=${WARS:-target/parley.war}; texts=${TEXTS:-plain}
[ -n "${WARS:-}" ] || [ -f target/parley.war ] || ./mvnw -q -DskipTests package
[ -f target/payara-micro.jar ] || ./mvnw -q dependency:copy -Dartifact=fish.payara.extras:payara-micro:6.2025.10 -DoutputDirectory=target
[ -f target/payara-micro.jar ] || cp target/payara-micro-6.2025.10.jar target/payara-micro.jar
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test > /dev/null
classpath="target/test-classes:target/classes:$(cat target/bench.classpath)"
server=
trap 'if [ -n "$server" ]; then kill $server 2>/dev/null || true; fi' EXIT
for war in $wars; do
  psql -q -h 127.0.0.1 -U postgres -d test -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
  data=$(mktemp -d)
  PARLEY_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db PARLEY_DB_USER=postgres PARLEY_DB_PASSWORD= PARLEY_DATA_DIR=$data \
    PARLEY_GUEST_ACCESS=true PARLEY_SIGNUP_MAX_PER_ADDRESS=1000000 PARLEY_SOCKET_RATE_BURST=1000000 PARLEY_SOCKET_RATE_PER_SECOND=1000000 \
    taskset -c 0 java -XX:ActiveProcessorCount=1 ${SERVER_JAVA_OPTS:-} -jar target/payara-micro.jar --nohazelcast --port $port --contextroot / \
    --deploy "$war" > "$data/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 180); do curl -fs http://127.0.0.1:$port/health/ready > /dev/null 2>&1 && break; sleep 1; done
  echo "war=$war load=$(cut -d' ' -f1-3 /proc/loadavg)"
  # a short warm-up, then the measured runs
  taskset -c 1 java -cp "$classpath" dev.parley.bench.StoreRate http://127.0.0.1:$port $server 20 5 rooms > /dev/null
  for n in $senders; do
    for target in rooms feed; do
      for text in $texts; do
        taskset -c 1 java -cp "$classpath" dev.parley.bench.StoreRate http://127.0.0.1:$port $server "$n" "$seconds" $target $text
      done
    done
  done
  echo "load=$(cut -d' ' -f1-3 /proc/loadavg)"
  kill $server; wait $server 2>/dev/null || true; server=
  rm -rf "$data"
done

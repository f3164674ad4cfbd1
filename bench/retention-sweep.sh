#!/usr/bin/env bash
# Posting latency while the retention sweep deletes a million old messages, in one run, on PostgreSQL:
# a room is filled with 1,000,000 messages 400 days old (one INSERT ... generate_series) while Parley
# is stopped, then Parley starts with PARLEY_RETENTION=P30D and PARLEY_RETENTION_SWEEP=PT45S, so that
# its first sweep comes 45 s after deployment. src/test/java/dev/parley/bench/RetentionLatency.java
# posts to that same room at a steady pace from S guests on WebSocket the whole time and reports
# post->ack latency before the sweep, while it deletes, and after; and how long the sweep took.
# Parley is pinned to CPU 0, the load generator to CPU 1; PostgreSQL runs where the OS puts it.
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, no password), like the test suite.
# Usage: bench/retention-sweep.sh [messages] [senders] [posts/s per sender]   (defaults 1000000 20 5)
# PORT and DB choose the server's port and database (defaults 9386, parley_bench_retention).
# RETENTION= (empty) runs the same load with no sweep at all, for comparison; MAX_SECONDS (900) caps the wait for the sweep.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000000}; senders=${2:-20}; rate=${3:-5}; port=${PORT:-9386}; db=${DB:-parley_bench_retention}
[ -f target/parley.war ] || ./mvnw -q -DskipTests package
[ -f target/payara-micro.jar ] || ./mvnw -q dependency:copy -Dartifact=fish.payara.extras:payara-micro:6.2025.10 -DoutputDirectory=target
[ -f target/payara-micro.jar ] || cp target/payara-micro-6.2025.10.jar target/payara-micro.jar
./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test > /dev/null
classpath="target/test-classes:target/classes:$(cat target/bench.classpath)"
psql -q -h 127.0.0.1 -U postgres -d test -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
data=$(mktemp -d)
server=
trap 'if [ -n "$server" ]; then kill $server 2>/dev/null || true; fi' EXIT
start_server() { # extra environment as arguments
  env PARLEY_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db PARLEY_DB_USER=postgres PARLEY_DB_PASSWORD= PARLEY_DATA_DIR=$data \
    PARLEY_GUEST_ACCESS=true PARLEY_SIGNUP_MAX_PER_ADDRESS=1000000 PARLEY_SOCKET_RATE_BURST=1000000 PARLEY_SOCKET_RATE_PER_SECOND=1000000 "$@" \
    taskset -c 0 java -XX:ActiveProcessorCount=1 -jar target/payara-micro.jar --nohazelcast --port $port --contextroot / \
    --deploy target/parley.war >> "$data/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 180); do curl -fs http://127.0.0.1:$port/health/ready > /dev/null 2>&1 && return; sleep 1; done
  echo "server not ready: $data/server.log"; exit 1
}
# 1. The schema, an author and the room.
start_server
curl -fs -X POST http://127.0.0.1:$port/api/auth/register -H 'Content-Type: application/json' -d '{"username":"bench","password":"bench-password"}' > /dev/null
token=$(curl -fs -X POST http://127.0.0.1:$port/api/auth/login -H 'Content-Type: application/json' \
  -d '{"username":"bench","password":"bench-password"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
curl -fs -X POST http://127.0.0.1:$port/api/rooms -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"name":"archive"}' > /dev/null
kill $server; wait $server 2>/dev/null || true; server=
# 2. A million old messages, one statement.
echo "filling archive with $count messages 400 days old..."
fill_start=$(date +%s.%N)
psql -q -h 127.0.0.1 -U postgres -d $db <<SQL
INSERT INTO messages (id, room_id, sender_id, body, created_at)
SELECT nextval('message_id_seq'), r.id, u.id, 'old message ' || g, now() - interval '400 days' + g * interval '1 millisecond'
FROM generate_series(1, $count) g, rooms r, users u WHERE r.name = 'archive' AND u.username = 'bench';
UPDATE rooms SET last_message_id = (SELECT max(id) FROM messages) WHERE name = 'archive';
ANALYZE messages;
SQL
echo "filled in $(echo "$(date +%s.%N) - $fill_start" | bc | cut -c1-5) s"
# 3. Parley with a retention, its first sweep 45 s after deployment; posts throughout.
start_server PARLEY_RETENTION=${RETENTION-P30D} PARLEY_RETENTION_SWEEP=${SWEEP:-PT45S}
echo "load=$(cut -d' ' -f1-3 /proc/loadavg) senders=$senders posts_per_s=$(echo "$senders * $rate" | bc)"
taskset -c 1 java -cp "$classpath" dev.parley.bench.RetentionLatency http://127.0.0.1:$port archive "$senders" "$rate" "$count" 10 ${MAX_SECONDS:-900}
echo "load=$(cut -d' ' -f1-3 /proc/loadavg)"
grep -h "Retention sweep" "$data/server.log" || true
echo "left in archive: $(psql -tA -h 127.0.0.1 -U postgres -d $db -c "SELECT count(*) FROM messages m JOIN rooms r ON r.id = m.room_id WHERE r.name = 'archive' AND m.created_at < now() - interval '30 days'")"
kill $server; wait $server 2>/dev/null || true; server=
rm -rf "$data"

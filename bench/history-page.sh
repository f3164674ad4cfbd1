#!/usr/bin/env bash
# One page of history from a room of 1,000,000 messages: Parley on PostgreSQL, the table filled with
# generate_series, then pages fetched over REST (newest, deep in the middle with `before`, and
# oldest-first with `after`), each timed by curl over 20 requests after a warm-up.
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, no password), like the test suite.
# Usage: bench/history-page.sh [messages]      (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000000}; port=8484; db=parley_bench_history
[ -f target/parley.war ] || ./mvnw -q -DskipTests package
[ -f target/payara-micro.jar ] || ./mvnw -q dependency:copy -Dartifact=fish.payara.extras:payara-micro:6.2025.10 -DoutputDirectory=target
[ -f target/payara-micro.jar ] || cp target/payara-micro-6.2025.10.jar target/payara-micro.jar
psql -q -h 127.0.0.1 -U postgres -d test -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
data=$(mktemp -d)
PARLEY_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db PARLEY_DB_USER=postgres PARLEY_DB_PASSWORD= PARLEY_DATA_DIR=$data \
  java -jar target/payara-micro.jar --nohazelcast --port $port --contextroot / --deploy target/parley.war > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -fs http://127.0.0.1:$port/health/ready > /dev/null 2>&1 && break; sleep 1; done
curl -fs -X POST http://127.0.0.1:$port/api/auth/register -H 'Content-Type: application/json' -d '{"username":"bench","password":"bench-password"}' > /dev/null
token=$(curl -fs -X POST http://127.0.0.1:$port/api/auth/login -H 'Content-Type: application/json' \
  -d '{"username":"bench","password":"bench-password"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
echo "filling feed with $count messages..."
psql -q -h 127.0.0.1 -U postgres -d $db <<SQL
INSERT INTO messages (id, room_id, sender_id, body, created_at)
SELECT nextval('message_id_seq'), 1, (SELECT id FROM users WHERE username = 'bench'), 'message ' || g, now()
FROM generate_series(1, $count) g;
UPDATE rooms SET last_message_id = (SELECT max(id) FROM messages) WHERE id = 1;
ANALYZE messages;
SQL
middle=$((count / 2))
for page in "limit=50" "before=$middle&limit=50" "after=$middle&limit=50" "before=$middle&limit=200"; do
  url="http://127.0.0.1:$port/api/rooms/feed/messages?$page"
  for _ in 1 2 3; do curl -fs -o /dev/null -H "Authorization: Bearer $token" "$url"; done
  times=$(for _ in $(seq 1 20); do curl -fs -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$url"; done | sort -n)
  median=$(echo "$times" | sed -n 10p); worst=$(echo "$times" | tail -1)
  printf '%-28s median %6.1f ms   worst %6.1f ms\n' "$page" "$(echo "$median * 1000" | bc)" "$(echo "$worst * 1000" | bc)"
done
echo "the query plan for before=$middle&limit=50:"
psql -h 127.0.0.1 -U postgres -d $db -c "EXPLAIN ANALYZE SELECT m.*, u.* FROM messages m JOIN users u ON u.id = m.sender_id WHERE m.room_id = 1 AND m.id < $middle ORDER BY m.id DESC LIMIT 51" | grep -E 'Index|Execution|Limit'

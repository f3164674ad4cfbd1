#!/usr/bin/env bash
# Search over 1,000,000 messages on PostgreSQL: Parley's REST search for a common word (in half the
# messages), a rare one (in 20) and a phrase, each timed by curl over 100 requests after a warm-up
# (median and p99), then EXPLAIN ANALYZE of the two queries Parley sends (messages/control/read/SearchQueries:
# the newest 2000 messages first, then the GIN index of db/postgresql/V6_1).
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, no password), like the test suite.
# Usage: bench/search.sh [messages]      (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000000}; port=${PORT:-8574}; db=parley_bench_search
[ -f target/parley.war ] || ./mvnw -q -DskipTests package
[ -f target/payara-micro.jar ] || ./mvnw -q dependency:copy -Dartifact=fish.payara.extras:payara-micro:6.2025.10 -DoutputDirectory=target
[ -f target/payara-micro.jar ] || cp target/payara-micro-6.2025.10.jar target/payara-micro.jar
psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
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
SELECT nextval('message_id_seq'), 1, (SELECT id FROM users WHERE username = 'bench'),
       'message ' || g || ' about ' || (ARRAY['lunch','release','deploy','coffee','review','meeting','design','budget'])[1 + g % 8]
       || CASE WHEN g % 2 = 0 THEN ' today' ELSE ' later' END
       || CASE WHEN g % 50000 = 7 THEN ' zanzibar' ELSE '' END, now()
FROM generate_series(1, $count) g;
UPDATE rooms SET last_message_id = (SELECT max(id) FROM messages) WHERE id = 1;
VACUUM ANALYZE messages;
SQL
for q in "today" "zanzibar" "%22release%20today%22" "deploy%20-later"; do
  url="http://127.0.0.1:$port/api/search?q=$q&limit=20"
  for _ in 1 2 3; do curl -fs -o /dev/null -H "Authorization: Bearer $token" "$url"; done
  times=$(for _ in $(seq 1 100); do curl -fs -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$url"; done | sort -n)
  median=$(echo "$times" | sed -n 50p); p99=$(echo "$times" | sed -n 99p)
  printf 'q=%-26s median %7.1f ms   p99 %7.1f ms\n' "$q" "$(echo "$median * 1000" | bc)" "$(echo "$p99 * 1000" | bc)"
done
scope="m.deleted_at IS NULL AND (m.room_id IS NOT NULL OR m.conversation_id IN (SELECT c.id FROM conversations c WHERE c.user_low = 1 OR c.user_high = 1))"
echo "the plan of the first try (the newest 2000 messages), q=today:"
psql -h 127.0.0.1 -U postgres -d $db -c "EXPLAIN ANALYZE SELECT m.id FROM (SELECT m.id, m.body FROM messages m WHERE $scope
    ORDER BY m.id DESC LIMIT 2000) m WHERE to_tsvector('simple', m.body) @@ websearch_to_tsquery('simple', 'today') ORDER BY m.id DESC" \
  | grep -E 'Index|Bitmap|Seq Scan|Execution|Limit|Sort'
for word in zanzibar today; do
  echo "the plan of the index query, q=$word (what the first try leaves to it):"
  psql -h 127.0.0.1 -U postgres -d $db -c "EXPLAIN ANALYZE SELECT m.id FROM messages m WHERE $scope
    AND to_tsvector('simple', m.body) @@ websearch_to_tsquery('simple', '$word') ORDER BY m.id DESC" | grep -E 'Index|Bitmap|Seq Scan|Execution|Sort'
done

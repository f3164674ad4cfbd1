#!/usr/bin/env bash
# Connect storm on a database with history: what a connect costs once the feed holds many messages
# and many members. For each WAR (WARS="a.war b.war", in turn, ROUNDS times alternating, so a noisy
# machine hits both alike): a fresh PostgreSQL database, Parley started as bench/run.sh starts it
# (CPU 0, one CPU), then USERS members and MESSAGES messages put in feed with SQL, a warm-up storm of
# 500 sockets, and the measured storm of SOCKETS sockets (bench/Generator.java --workload storm on CPU 1).
# Prints one line per storm: all ready after, server CPU and PostgreSQL CPU per connect.
# Usage: [WARS=...] [ROUNDS=1] [SOCKETS=2000] [USERS=20000] [MESSAGES=200000] [PORT=8471] [DB=parley_bench_storm] bench/connect-storm.sh
set -euo pipefail
cd "$(dirname "$0")/.."
wars=${WARS:-target/parley.war}; rounds=${ROUNDS:-1}; sockets=${SOCKETS:-2000}
users=${USERS:-20000}; messages=${MESSAGES:-200000}; port=${PORT:-8471}; db=${DB:-parley_bench_storm}
payara=target/payara-micro.jar
[ -f $payara ] || cp target/payara-micro-6.2025.10.jar $payara
ulimit -n "$(ulimit -Hn)"
server=""
stop() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; fi; }
trap stop EXIT
sql() { psql -q -h 127.0.0.1 -U postgres -d "$db" -Atc "$1"; }
for round in $(seq 1 "$rounds"); do
  for war in $wars; do
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
    data=$(mktemp -d)
    PARLEY_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db PARLEY_DB_USER=postgres PARLEY_DB_PASSWORD=trust-auth-ignores-it \
    PARLEY_DATA_DIR="$data" PARLEY_GUEST_ACCESS=true PARLEY_SOCKET_RATE_BURST=1000000 PARLEY_SOCKET_RATE_PER_SECOND=1000000 \
      taskset -c 0 java -XX:ActiveProcessorCount=1 -XX:+UseG1GC ${SERVER_JAVA_OPTS:-} -jar $payara --nohazelcast --port "$port" \
      --contextroot / --prebootcommandfile payara-config/pre-boot-commands.asadmin --deploy "$war" > "$data/server.log" 2>&1 &
    server=$!
    for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$port/health/ready" > /dev/null 2>&1 && break; sleep 1; done
    curl -fs -X POST "http://127.0.0.1:$port/api/auth/guest" -H 'Content-Type: application/json' -d '{"username":"probe"}' > /dev/null
    # history: members of feed, and messages in it from them (read markers at 0: much unread for them)
    sql "INSERT INTO users (id, username, username_key, display_name, guest, created_at)
           SELECT nextval('user_id_seq'), 'f' || g, 'f' || g, 'f' || g, false, now() FROM generate_series(1, $users) g;
         INSERT INTO room_members (room_id, user_id, joined_at, last_read_id)
           SELECT 1, id, now(), 0 FROM users WHERE username_key LIKE 'f%' ON CONFLICT DO NOTHING;
         INSERT INTO messages (id, room_id, sender_id, body, created_at)
           SELECT nextval('message_id_seq'), 1, (SELECT min(id) FROM users WHERE username_key LIKE 'f%') + g % $users, 'm' || g, now()
           FROM generate_series(1, $messages) g;
         UPDATE rooms SET last_message_id = (SELECT max(id) FROM messages) WHERE id = 1; ANALYZE;"
    for n in 500 "$sockets"; do
      out=$(taskset -c 1 java -XX:ActiveProcessorCount=1 -XX:+UseSerialGC bench/Generator.java --base "http://127.0.0.1:$port" \
        --pid "$server" --target parley --workload storm --db "$db" --sockets "$n" 2> "$data/generator.log")
      echo "$out" | jq -c --arg war "$war" --arg n "$n" --arg load "$(cut -d' ' -f1-3 /proc/loadavg)" \
        '{war: $war, sockets: ($n|tonumber), ready: .connect.ready, allReadySeconds: .connect.allReadySeconds,
          serverCpuMsPerConnect: .connect.serverCpuMsPerConnect, dbCpuMsPerConnect: .connect.dbCpuMsPerConnect, load: $load}'
    done
    stop
    rm -rf "$data"
  done
done

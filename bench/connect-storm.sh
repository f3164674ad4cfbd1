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
. bench/parley-server.sh
sql() { psql -q -h 127.0.0.1 -U postgres -d "$db" -Atc "$1"; }
for round in $(seq 1 "$rounds"); do
  for war in $wars; do
    start_parley "$war"
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

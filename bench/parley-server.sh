# Sourced by bench/ab.sh and bench/connect-storm.sh: start_parley WAR starts Parley as bench/run.sh
# does (a fresh PostgreSQL database $db, port $port, CPU 0 told it is one CPU, guest access on, the
# event budget raised), waits until it serves guest logins and sets $server and $data (its folder,
# with server.log); stop ends it. SERVER_JAVA_OPTS adds JVM options (e.g. a flight recording).
payara=target/payara-micro.jar
[ -f $payara ] || cp target/payara-micro-6.2025.10.jar $payara
ulimit -n "$(ulimit -Hn)"
server=""
stop() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; fi; }
trap stop EXIT
start_parley() { # war
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" 2>/dev/null
  data=$(mktemp -d)
  # shellcheck disable=SC2086
  PARLEY_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db PARLEY_DB_USER=postgres PARLEY_DB_PASSWORD=trust-auth-ignores-it \
  PARLEY_DATA_DIR="$data" PARLEY_GUEST_ACCESS=true PARLEY_SOCKET_RATE_BURST=1000000 PARLEY_SOCKET_RATE_PER_SECOND=1000000 \
    taskset -c 0 java -XX:ActiveProcessorCount=1 -XX:+UseG1GC ${SERVER_JAVA_OPTS:-} -jar $payara --nohazelcast --port "$port" \
    --contextroot / --prebootcommandfile payara-config/pre-boot-commands.asadmin --deploy "$1" > "$data/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$port/health/ready" > /dev/null 2>&1 && break; sleep 1; done
  curl -fs -X POST "http://127.0.0.1:$port/api/auth/guest" -H 'Content-Type: application/json' -d '{"username":"probe"}' > /dev/null
}

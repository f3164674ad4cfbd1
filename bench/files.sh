#!/usr/bin/env bash
# Files: upload and download throughput of one 100 MB file and of 1,000 small pictures (JPEGs of
# 20 to 200 KB, 74 MB in all), one at a time, through Parley's REST API (POST /api/files, GET
# /api/files/{id}) with the database store on PostgreSQL and with the S3 store on S3Proxy, side by side
# in one run against the same bytes copied by the JDK to the same disk (the floor); CPU per MB of the
# server process and of the store's server (every PostgreSQL process, or S3Proxy), from /proc; the
# server's heap during a 1 GB upload (peak used, from /metrics every 100 ms; live after a full GC
# half-way, jcmd). Then S3Store alone in the driver's JVM, without Parley in front.
# The driver is src/test/java/dev/parley/bench/FileThroughput.java. Parley is pinned to CPU 0 (told it
# has one), the driver to CPU 1; PostgreSQL and S3Proxy run where the kernel puts them.
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, no password), like the test suite.
# Usage: bench/files.sh        PORT, S3_PORT, DB choose the server's port, S3Proxy's port and the
# database (defaults 9386, 18396, parley_bench_files); STORES="database s3" which stores (default both).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-9386}; s3port=${S3_PORT:-18396}; db=${DB:-parley_bench_files}; stores=${STORES:-database s3}
[ -f target/parley.war ] || ./mvnw -q -DskipTests package
[ -f target/payara-micro.jar ] || ./mvnw -q dependency:copy@payara-micro-jar
[ -f target/s3proxy.jar ] || ./mvnw -q dependency:copy@s3proxy-jar
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test > /dev/null
classpath="target/test-classes:target/classes:$(cat target/bench.classpath)"
work=target/bench-files
driver() { taskset -c 1 java -cp "$classpath" dev.parley.bench.FileThroughput "$@"; }

server=""
stop_all() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; fi
  java -cp "$classpath" dev.parley.support.S3Server stop target/bench-s3 > /dev/null || true
}
trap stop_all EXIT

driver prepare $work
java -cp "$classpath" dev.parley.support.S3Server start target/s3proxy.jar "$s3port" target/bench-s3 target/bench-s3.log
s3pid=$(cat target/bench-s3.pid)
echo "machine: $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg); work folder on $(df -h $work | awk 'NR==2 {print $1}')"

driver jdk $work
for store in $stores; do
  psql -q -h 127.0.0.1 -U postgres -d test -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
  data=$(mktemp -d)
  PARLEY_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db PARLEY_DB_USER=postgres PARLEY_DB_PASSWORD= PARLEY_DATA_DIR=$data \
  PARLEY_GUEST_ACCESS=true PARLEY_FILE_STORE=$store \
  PARLEY_S3_ENDPOINT=http://127.0.0.1:$s3port PARLEY_S3_BUCKET=parley-bench-$store PARLEY_S3_REGION=us-east-1 \
  PARLEY_S3_ACCESS_KEY=parley-it PARLEY_S3_SECRET_KEY=parley-it-secret \
  PARLEY_FILE_MAX_BYTES=2147483648 PARLEY_FILE_QUOTA_BYTES=107374182400 \
  PARLEY_FILE_UPLOAD_BURST=1000000 PARLEY_FILE_UPLOAD_PER_SECOND=1000000 \
  PARLEY_READ_RATE_BURST=1000000 PARLEY_READ_RATE_PER_SECOND=1000000 \
    taskset -c 0 java -XX:ActiveProcessorCount=1 -XX:+UseG1GC ${SERVER_JAVA_OPTS:-} -jar target/payara-micro.jar --nohazelcast \
    --port "$port" --contextroot / --prebootcommandfile payara-config/pre-boot-commands.asadmin --deploy target/parley.war \
    > "$data/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$port/health/ready" > /dev/null 2>&1 && break; sleep 1; done
  curl -fs "http://127.0.0.1:$port/health/ready" > /dev/null || { tail -40 "$data/server.log"; exit 1; }
  if [ "$store" = s3 ]; then store_pid=$s3pid; else store_pid=postgres; fi
  driver rest $work "http://127.0.0.1:$port" "$store" "$server" "$store_pid"
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
  rm -rf "$data"
done
driver s3store $work "http://127.0.0.1:$s3port" "$s3pid"
psql -q -h 127.0.0.1 -U postgres -d test -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
echo "load=$(cut -d' ' -f1-3 /proc/loadavg)"

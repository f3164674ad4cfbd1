#!/usr/bin/env bash
# The WebSocket send cost, side by side in one run: Parley pinned to CPU 0 with
# PARLEY_SOCKET_SEND_MODE=blocking (the stock bridge: synchronous Tyrus sends on the caller's thread)
# and then =queued (the default: encode once, per-socket queues, coalesced writes), the load generator
# on CPU 1. MODES picks the runs; "baseline" runs an older build (BASELINE_WAR=path/to/parley.war) in
# its default mode, for a before/after pair; "queued:some.property=value" adds a -D to the server;
# "wildfly" runs the same WAR on WildFly 38 (the plain JSR-356 write path; 2 GB heap), pinned the same way.
# Usage: bench/send-cost.sh [receivers] [messages] [window]     (defaults 200 2000 20)
#        MODES="baseline queued" BASELINE_WAR=/tmp/old.war bench/send-cost.sh 1000 300 20
#        MODES="queued wildfly" bench/send-cost.sh                       (Payara beside WildFly)
set -euo pipefail
cd "$(dirname "$0")/.."
receivers=${1:-200}; messages=${2:-2000}; window=${3:-20}; port=${PORT:-9383}
[ -f target/parley.war ] || ./mvnw -q -DskipTests package
[ -f target/payara-micro.jar ] || ./mvnw -q dependency:copy -Dartifact=fish.payara.extras:payara-micro:6.2025.10 -DoutputDirectory=target
[ -f target/payara-micro.jar ] || cp target/payara-micro-6.2025.10.jar target/payara-micro.jar
wildfly=target/wildfly-38.0.1.Final
[[ " ${MODES:-} " != *" wildfly "* || -d $wildfly ]] || ./mvnw -q dependency:unpack -Dartifact=org.wildfly:wildfly-dist:38.0.1.Final:zip -DoutputDirectory=target
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test > /dev/null
classpath="target/test-classes:target/classes:$(cat target/bench.classpath)"
for mode in ${MODES:-blocking queued}; do
  data=$(mktemp -d); war=target/parley.war; sendmode=${mode%%:*}; extra=""
  [[ $mode == *:* ]] && extra="-D${mode#*:}"
  # "baseline": an older build for a before/after pair in one run (BASELINE_WAR), with its default send mode
  [ "$sendmode" = baseline ] && { war=${BASELINE_WAR:?set BASELINE_WAR}; sendmode=queued; }
  # the receivers log in as guests from one address: past the default sign-up limit
  export PARLEY_DATA_DIR=$data PARLEY_SOCKET_RATE_BURST=1000000 PARLEY_SOCKET_RATE_PER_SECOND=1000000 PARLEY_SIGNUP_MAX_PER_ADDRESS=1000000
  if [ "$sendmode" = wildfly ]; then
    rm -rf $wildfly/standalone/{data,tmp,deployments}; mkdir -p $wildfly/standalone/deployments; cp $war $wildfly/standalone/deployments/
    JAVA_OPTS="-Xms64m -Xmx2g -XX:ActiveProcessorCount=1 -Djava.net.preferIPv4Stack=true" taskset -c 0 $wildfly/bin/standalone.sh \
      -c standalone-microprofile.xml -Djboss.socket.binding.port-offset=$((port - 8080)) \
      -Djboss.management.http.port=$((${MANAGEMENT_PORT:-9272} - port + 8080)) > "$data/server.log" 2>&1 &
    launched=$!
    for _ in $(seq 1 60); do server=$(pgrep -P $launched java || true); [ -n "$server" ] && break; sleep 1; done
  else
    PARLEY_SOCKET_SEND_MODE=$sendmode taskset -c 0 java -XX:ActiveProcessorCount=1 ${JAVA_OPTS:-} $extra \
      -jar target/payara-micro.jar --nohazelcast --port $port --contextroot / --deploy $war \
      > "$data/server.log" 2>&1 &
    launched=$!; server=$launched
  fi
  for _ in $(seq 1 180); do curl -fs http://127.0.0.1:$port/health/ready > /dev/null 2>&1 && break; sleep 1; done
  # a warm-up round, then the measured one
  taskset -c 1 java -cp "$classpath" dev.parley.bench.SendCost http://127.0.0.1:$port $server "$receivers" 500 "$window" > /dev/null
  printf 'send-mode=%-8s ' "$mode"
  taskset -c 1 java -cp "$classpath" dev.parley.bench.SendCost http://127.0.0.1:$port $server "$receivers" "$messages" "$window"
  kill $server; wait $launched 2>/dev/null || true
  rm -rf "$data"
done

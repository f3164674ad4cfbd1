#!/usr/bin/env bash
# Proves that the generator sees what it must report: the peer, started with BENCH_PEER_FAULTS=1,
# sends every 100th message twice and drops every 100th (offset 50) for one socket; the generator's
# lost and duplicate counts must equal what that implies from the number of acked messages.
# Usage: bench/self-check.sh        (about 30 s; needs Java 17, Node and npm)
set -euo pipefail
cd "$(dirname "$0")/.."
port=9188; sockets=50
(cd bench/peer && npm ci --no-audit --no-fund --loglevel=error > /dev/null)
BENCH_PEER_FAULTS=1 node bench/peer/server.js $port > /dev/null 2>&1 &
peer=$!
trap 'kill $peer 2>/dev/null || true' EXIT
for _ in $(seq 1 30); do curl -fs http://127.0.0.1:$port/health > /dev/null 2>&1 && break; sleep 0.5; done
out=$(java bench/Generator.java --base http://127.0.0.1:$port --pid $peer --target peer --workload feed \
  --sockets $sockets --senders 5 --warmup-seconds 1 --step-seconds 2 --fixed-rate 100 --rates 200 --half-rate 100)
acked=$(jq .deliveries.messagesAcked <<< "$out")
lost=$(jq .deliveries.lost <<< "$out"); dups=$(jq .deliveries.duplicates <<< "$out")
want_lost=$(( (acked + 50) / 100 )); want_dups=$(( acked / 100 * (sockets - 1) ))
echo "acked $acked: lost $lost (expected $want_lost), duplicated $dups (expected $want_dups)"
[ "$lost" = "$want_lost" ] && [ "$dups" = "$want_dups" ] && [ "$acked" -gt 300 ] && echo "self-check passed" && exit 0
echo "self-check FAILED" >&2; exit 1

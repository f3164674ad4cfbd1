// Gathers the generator's JSON outputs of one bench/run.sh invocation into one results file, and
// prints the table: the peer and Parley side by side per workload, against the targets of issue #5.
// Usage (by run.sh): node report.js <workdir> <out.json> <command> <started> <load-start> <load-end> <war> <quick>
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execSync } = require('child_process');

const [work, outFile, command, started, loadStart, loadEnd, war, quick] = process.argv.slice(2);
const sh = (cmd) => { try { return execSync(cmd, { stdio: ['ignore', 'pipe', 'pipe'] }).toString().trim(); } catch { return null; } };
const results = { ceiling: {}, peer: {}, parley: {}, cluster: {} };
for (const file of fs.readdirSync(work).filter((f) => f.endsWith('.json'))) {
  const [target, workload] = path.basename(file, '.json').split('-');
  try { results[target][workload] = JSON.parse(fs.readFileSync(path.join(work, file), 'utf8')); } catch (e) {
    results[target][workload] = { error: `unreadable output: ${e.message}` };
  }
}
const machine = {
  cpus: os.cpus().length, cpuModel: os.cpus()[0] && os.cpus()[0].model, memoryMb: Math.round(os.totalmem() / 2 ** 20),
  kernel: os.release(), java: sh('java -version 2>&1 | head -1'), node: process.version,
  socketIo: require(path.join(__dirname, 'peer/node_modules/socket.io/package.json')).version,
  postgres: sh("psql -h 127.0.0.1 -U postgres -d postgres -Atc 'show server_version'"),
  loadAverageAtStart: loadStart, loadAverageAtEnd: loadEnd,
};
const report = {
  command, started, finished: new Date().toISOString(), quick: quick === '1', war, machine,
  setup: {
    pinning: 'server (peer, then Parley) on CPU 0 via taskset, JVM with -XX:ActiveProcessorCount=1; generator on CPU 1; PostgreSQL unpinned',
    parleyEnv: { PARLEY_SOCKET_RATE_BURST: 1000000, PARLEY_SOCKET_RATE_PER_SECOND: 1000000, PARLEY_GUEST_ACCESS: true, PARLEY_SIGNUP_MAX_PER_ADDRESS: 1000000 },
    parleyRateLimitNote: 'the per-socket event limit (20 burst, 5/s) is raised so that 10 senders can carry the feed rates',
  },
  results,
};

// ---- the table ----
const fmt = (v, digits = 1) => (v === null || v === undefined || Number.isNaN(v) ? '-' : typeof v === 'number'
  ? (Math.abs(v) >= 10000 ? `${(v / 1000).toFixed(1)}k` : v.toFixed(digits)) : String(v));
const steps = (t, w) => (results[t][w] && results[t][w].steps) || [];
const stepOf = (t, w, name) => steps(t, w).find((s) => s.step === name);
const pad = (s, n) => String(s).padEnd(n);
const lines = [];
const row = (label, peer, parley, target = '', verdict = '') =>
  lines.push(`  ${pad(label, 52)} ${pad(peer, 14)} ${pad(parley, 18)} ${pad(target, 26)} ${verdict}`);
const verdict = (ok) => (ok === null ? '' : ok ? 'MET' : 'NOT MET');
const both = (f) => [f('peer'), f('parley')];

const fixedRate = (stepOf('peer', 'feed', 'fixed') || stepOf('parley', 'feed', 'fixed') || {}).offeredPerSec;
const cpu = both((t) => { const s = stepOf(t, 'feed', 'fixed'); return s ? s.serverCpuUsPerDelivery : null; });
const cpuDb = (() => { const s = stepOf('parley', 'feed', 'fixed'); return s && s.serverCpuUsPerDelivery !== null ? s.serverCpuUsPerDelivery + (s.dbCpuUsPerDelivery || 0) : null; })();
const sat = both((t) => (results[t].feed ? results[t].feed.saturationDeliveriesPerSec : null));
const halfP99 = both((t) => { const s = stepOf(t, 'feed', 'half'); return s ? s.p99Ms : null; });
const halfRate = both((t) => { const s = stepOf(t, 'feed', 'half'); return s ? s.offeredPerSec : null; });
const idle = both((t) => (results[t].idle ? results[t].idle.rssPerSocketKb : null));
const known = (...v) => v.every((x) => x !== null && x !== undefined);
const sockets = (results.peer.feed || results.parley.feed || {}).connect;

lines.push(`Parley benchmark ${started}${quick === '1' ? ' (quick mode)' : ''}: ${machine.cpus} x ${machine.cpuModel}, load average ${loadStart} at start, ${loadEnd} at end`);
lines.push(`  ${pad('', 52)} ${pad('peer', 14)} ${pad('Parley', 18)} ${pad('target', 26)}`);
lines.push(`Feed fan-out, ${sockets ? sockets.sockets : '?'} sockets`);
row(`server CPU per delivery at ${fmt(fixedRate, 0)} msg/s (us)`, fmt(cpu[0], 2), fmt(cpu[1], 2), 'Parley <= half the peer', verdict(known(...cpu) ? cpu[1] <= cpu[0] / 2 : null));
row('  the same with PostgreSQL backends (us)', '-', fmt(cpuDb, 2), 'Parley <= half the peer', verdict(known(cpu[0], cpuDb) ? cpuDb <= cpu[0] / 2 : null));
row('deliveries/s at saturation', fmt(sat[0], 0), fmt(sat[1], 0), 'Parley >= peer (2x)', verdict(known(...sat) ? sat[1] >= sat[0] : null));
const satStep = (t) => steps(t, 'feed').filter((s) => s.step !== 'warmup').reduce((a, s) => (!a || s.deliveriesPerSec > a.deliveriesPerSec ? s : a), null);
row('  generator CPU at the saturation step (% of a core)', ...both((t) => fmt(satStep(t) && satStep(t).generatorCpuPct, 0)));
row('  server threads waiting for a CPU then (%)', ...both((t) => fmt(satStep(t) && satStep(t).serverRunQueueWaitPct, 0)));
row(`p99 at half the peer's saturation (${fmt(halfRate[0], 0)} msg/s) ms`, fmt(halfP99[0], 2), `${fmt(halfP99[1], 2)}${halfRate[1] !== halfRate[0] ? ` at ${fmt(halfRate[1], 0)}` : ''}`,
  'Parley <= peer', verdict(known(...halfP99) && halfRate[0] === halfRate[1] ? halfP99[1] <= halfP99[0] : null));
if (results.ceiling.feed && results.ceiling.feed.steps) {
  const top = satStep('ceiling');
  lines.push(`Generator ceiling: against a stub server that coalesces frames (bench/Blaster.java), it took ${fmt(top.deliveriesPerSec, 0)} deliveries/s at ${fmt(top.generatorCpuPct, 0)}% of its core (${fmt(top.generatorCpuUsPerDelivery, 2)} us/delivery)`);
}
lines.push('Idle capacity');
row('resident memory per idle socket (KB)', fmt(idle[0], 1), fmt(idle[1], 1), 'vs the peer (~24 KB)', '');
row('live heap per idle socket after a full GC (KB)', '-', fmt(results.parley.idle && results.parley.idle.liveHeapPerSocketKb, 1), 'Parley <= 16 KB', '');
row('all ready after (s)', ...both((t) => fmt(results[t].idle && results[t].idle.connect.allReadySeconds, 1)));
row('sockets ready', ...both((t) => (results[t].idle ? `${results[t].idle.connect.ready}/${results[t].idle.connect.sockets}` : '-')));
row('connects/s', ...both((t) => fmt(results[t].idle && results[t].idle.connect.connectsPerSec, 0)));
lines.push('Connect storm');
row('sockets ready', ...both((t) => (results[t].storm ? `${results[t].storm.connect.ready}/${results[t].storm.connect.sockets}` : '-')));
row('all ready after (s)', ...both((t) => fmt(results[t].storm && results[t].storm.connect.allReadySeconds, 2)));
row('server CPU per connect (ms)', ...both((t) => fmt(results[t].storm && results[t].storm.connect.serverCpuMsPerConnect, 2)));
if (results.cluster.feed && results.cluster.feed.steps) {
  // Two clustered nodes pinned to the CPU the single node had: what clustering costs, not what it adds.
  lines.push(`Two nodes (Hazelcast on loopback, both on CPU 0), feed: one node / two nodes`);
  const one = (name) => stepOf('parley', 'feed', name) || {};
  const two = (name) => stepOf('cluster', 'feed', name) || {};
  const pair = (f, d = 1) => `${fmt(f(one), d)} / ${fmt(f(two), d)}`;
  row('deliveries/s at saturation', '', `${fmt(sat[1], 0)} / ${fmt(results.cluster.feed.saturationDeliveriesPerSec, 0)}`);
  row(`server CPU per delivery at ${fmt(fixedRate, 0)} msg/s, summed (us)`, '', pair((s) => s('fixed').serverCpuUsPerDelivery, 2));
  row('p99 at the half rate (ms)', '', pair((s) => s('half').p99Ms, 2));
  const f = two('fixed');
  row(`latency p50 / p99 at ${fmt(fixedRate, 0)} msg/s, sender's node (ms)`, '', `${fmt(f.sameNodeP50Ms, 2)} / ${fmt(f.sameNodeP99Ms, 2)}`);
  row(`latency p50 / p99 at ${fmt(fixedRate, 0)} msg/s, other node (ms)`, '', `${fmt(f.crossNodeP50Ms, 2)} / ${fmt(f.crossNodeP99Ms, 2)}`);
  const d = results.cluster.feed.deliveries;
  row('lost / duplicated', '', d ? `${d.lost} / ${d.duplicates}` : '-', '0 / 0', verdict(d ? d.lost === 0 && d.duplicates === 0 : null));
}
lines.push('Deliveries (every workload)');
for (const w of ['feed', 'rooms']) {
  const d = both((t) => (results[t][w] && results[t][w].deliveries) || null);
  const show = (x) => (x ? `${x.lost} / ${x.duplicates}` : '-');
  row(`${w}: lost / duplicated`, show(d[0]), show(d[1]), '0 / 0', verdict(d.every((x) => x) ? d.every((x) => x.lost === 0 && x.duplicates === 0) : null));
  row(`${w}: acked / ack errors`, ...d.map((x) => (x ? `${x.messagesAcked} / ${x.ackErrors}` : '-')));
}
for (const t of ['ceiling', 'peer', 'parley', 'cluster']) {
  for (const w of ['feed', 'rooms']) {
    if (!steps(t, w).length) continue;
    lines.push(`${t} ${w} steps: msg/s offered, sent | deliveries/s | latency p50 p99 p99.9 ms | server CPU %, us/delivery, waited for a CPU % | db CPU % | generator CPU %`);
    for (const s of steps(t, w)) {
      lines.push(`  ${pad(s.step, 6)} ${pad(fmt(s.offeredPerSec, 0), 6)} ${pad(fmt(s.sentPerSec, 0), 6)} | ${pad(fmt(s.deliveriesPerSec, 0), 8)} | ${pad(fmt(s.p50Ms, 2), 8)} ${pad(fmt(s.p99Ms, 2), 8)} ${pad(fmt(s.p999Ms, 2), 8)} | ${pad(fmt(s.serverCpuPct, 0), 4)} ${pad(fmt(s.serverCpuUsPerDelivery, 2), 6)} ${pad(fmt(s.serverRunQueueWaitPct, 0), 4)} | ${pad(fmt(s.dbCpuPct, 0), 4)} | ${fmt(s.generatorCpuPct, 0)}`);
    }
  }
  for (const [w, r] of Object.entries(results[t])) if (r.error) lines.push(`${t} ${w}: ${r.error}`);
}
lines.push('Generator CPU is its own process on CPU 1 (100 = one core); near 100 it, not the server, would limit the figures.');
const table = lines.join('\n');
report.table = table;
fs.writeFileSync(outFile, JSON.stringify(report, null, 2) + '\n');
console.log(table);

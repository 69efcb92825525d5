// Throughput of libs/messaging against plain amqplib doing the same work, in one run.
//   npm run bench:messaging            (env: BENCH_N=20000 BENCH_ROUNDS=5 BENCH_PREFETCH=50 BENCH_WINDOW=500 AMQP_URL)
// Each round publishes N persistent messages with publisher confirms (at most WINDOW awaiting
// their confirm) to `imad.events`, into a fresh quorum queue, while a consumer with the same
// prefetch acks them one by one. The two sides alternate, so drift in the shared machine's
// load hits both; the number to watch is the median of per-round ratios imad/plain (target:
// ≥ 0.80). Client CPU per message is printed too: on a busy shared machine it is the steadier
// measure of what this layer adds.
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runOurs } from './ours';
import { runPlain } from './plain';
import type { RoundResult, Workload } from './workload';

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};
const workload: Workload = {
  url: process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
  n: env('BENCH_N', 20_000),
  prefetch: env('BENCH_PREFETCH', 50),
  window: env('BENCH_WINDOW', 500),
};
const rounds = env('BENCH_ROUNDS', 5);
const queueName = (impl: string, round: number) => `bench.messaging.${impl}.${round}.${randomBytes(3).toString('hex')}`;

const results: RoundResult[] = [];
// Warm-up (JIT, broker queue processes), not counted.
await runPlain({ ...workload, n: Math.min(2_000, workload.n) }, 0, queueName('warmup-plain', 0));
await runOurs({ ...workload, n: Math.min(2_000, workload.n) }, 0, queueName('warmup-imad', 0));
for (let round = 1; round <= rounds; round++) {
  // Alternate who goes first, so neither always runs on a "fresher" broker.
  const order = round % 2 ? [runPlain, runOurs] : [runOurs, runPlain];
  for (const run of order) {
    const r = await run(workload, round, queueName(run === runOurs ? 'imad' : 'plain', round));
    results.push(r);
    console.log(`round ${round} ${r.impl.padEnd(5)} publish ${String(r.publishRate).padStart(6)} msg/s   end-to-end ${String(r.endToEndRate).padStart(6)} msg/s   client CPU ${String(r.cpuUsPerMsg).padStart(5)} µs/msg`);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = (impl: RoundResult['impl']) => results.filter((r) => r.impl === impl);
const med = (impl: RoundResult['impl'], key: 'publishRate' | 'endToEndRate' | 'cpuUsPerMsg') => median(rows(impl).map((r) => r[key]));
const summary = Object.fromEntries((['imad', 'plain'] as const).map((impl) => [impl, { publishRate: med(impl, 'publishRate'), endToEndRate: med(impl, 'endToEndRate'), cpuUsPerMsg: med(impl, 'cpuUsPerMsg') }]));
// Paired: each round's two runs sit next to each other in time, so they share the machine's load.
const pairedRatios = rows('imad').map((r) => r.endToEndRate / rows('plain').find((p) => p.round === r.round)!.endToEndRate);
const ratio = Number(median(pairedRatios).toFixed(3));
const ratioOfMedians = Number((summary.imad.endToEndRate / summary.plain.endToEndRate).toFixed(3));
const publishRatio = Number((summary.imad.publishRate / summary.plain.publishRate).toFixed(3));
const cpuRatio = Number((summary.plain.cpuUsPerMsg / summary.imad.cpuUsPerMsg).toFixed(3));
console.log(`\nend-to-end (median): imad ${summary.imad.endToEndRate} msg/s, plain amqplib ${summary.plain.endToEndRate} msg/s`);
console.log(`ratio imad/plain: ${ratio} (median of per-round ratios; target ≥ 0.80), ${ratioOfMedians} (ratio of medians)`);
console.log(`publish (median): imad ${summary.imad.publishRate} msg/s, plain ${summary.plain.publishRate} msg/s → ${publishRatio}`);
console.log(`client CPU per message (median): imad ${summary.imad.cpuUsPerMsg} µs, plain ${summary.plain.cpuUsPerMsg} µs → plain/imad ${cpuRatio}`);

const at = new Date().toISOString();
const file = path.resolve('bench/results', `messaging-${at.replace(/[:.]/g, '-')}.json`);
await mkdir(path.dirname(file), { recursive: true });
await writeFile(file, `${JSON.stringify({
  bench: 'messaging', at, workload: { ...workload, url: undefined, rounds }, summary, ratio, ratioOfMedians, publishRatio, cpuRatio, target: 0.8, results,
  machine: { node: process.version, cpus: os.cpus().length, loadavg: os.loadavg() },
}, null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), file)}`);
process.exit(ratio >= 0.8 ? 0 : 1);
